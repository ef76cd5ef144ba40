import { existsSync } from "node:fs";
import { join } from "node:path";
import express, { type Express, type RequestHandler } from "express";
import helmet from "helmet";
import { PROJECT_ROOT } from "../paths.js";

/** Folder of the built browser clients (`npm run build:web`, src/web/vite.config.ts). */
export const WEB_DIST = join(PROJECT_ROOT, "dist", "web");

/**
 * Content-Security-Policy of the browser clients: scripts, styles, fonts, images and requests
 * only from this server, so a page that tried to reach a CDN or any other host would be blocked
 * by the browser (investigators work offline or air-gapped). Styles allow 'unsafe-inline'
 * because Cytoscape.js and GraphiQL set element styles at run time; `blob:`/`data:` images let
 * the explorer export PNG. Rules: helmet 8 defaults (https://helmetjs.github.io/), tightened.
 */
const CLIENT_CSP = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", "data:", "blob:"],
      fontSrc: ["'self'", "data:"],
      connectSrc: ["'self'"],
      workerSrc: ["'self'", "blob:"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      frameAncestors: ["'self'"],
      formAction: ["'self'"],
    },
  },
  crossOriginEmbedderPolicy: false,
});

/**
 * Registers the browser clients: `GET /explorer` (route explorer) and `GET /graphiql` (query
 * console), plus their bundled assets under `/web/`. Answers 503 with a JSON error naming
 * `npm run build` when the bundles are missing (a server started from an unbuilt tree).
 */
export function registerWebClients(expressApp: Express): void {
  expressApp.use("/web", CLIENT_CSP, express.static(WEB_DIST, { index: false, fallthrough: false, immutable: true, maxAge: "1h" }));
  expressApp.get(["/explorer", "/explorer/"], CLIENT_CSP, page("explorer"));
  expressApp.get(["/graphiql", "/graphiql/"], CLIENT_CSP, page("graphiql"));
}

function page(name: "explorer" | "graphiql"): RequestHandler {
  const file = join(WEB_DIST, name, "index.html");
  return (_req, res) => {
    if (!existsSync(file)) {
      res.status(503).json({ errors: [{ message: `The ${name} page is not built; run \`npm run build\`.`, extensions: { code: "NOT_BUILT" } }] });
      return;
    }
    res.setHeader("cache-control", "no-cache");
    res.sendFile(file);
  };
}
