import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * Builds the browser clients served by the API server (src/web/static.ts): `/explorer` and
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
    },
  },
});
