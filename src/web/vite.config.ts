import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * Builds the browser clients served by the API server (src/web/serve.ts): `/explorer` and
 * `/graphiql`, into `dist/web/`. Every dependency is bundled from node_modules: the pages load
 * nothing from a CDN or any other host (investigators work offline), which the server's
 * Content-Security-Policy enforces.
 */
export default defineConfig({
  root: here("."),
  base: "/web/",
  publicDir: false,
  build: {
    outDir: here("../../dist/web"),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 4096,
    rollupOptions: {
      input: { explorer: here("explorer/index.html"), graphiql: here("graphiql/index.html") },
      // GraphiQL's dependencies mark modules "use client" (framer-motion, Radix) or "use no memo"
      // (react-compiler-runtime): React Server Components and React Compiler directives with no
      // meaning in an already-compiled, browser-only bundle. ~100 warnings of noise per build.
      onwarn(warning, warn) {
        if (warning.code === "MODULE_LEVEL_DIRECTIVE" && /"use (client|no memo)"/.test(warning.message)) return;
        warn(warning);
      },
    },
  },
});
