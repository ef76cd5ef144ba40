// Vite's client types: `?raw` imports (the file's text) and CSS side-effect imports.
/// <reference types="vite/client" />
