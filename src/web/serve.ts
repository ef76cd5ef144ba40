import { existsSync } from "node:fs";
import { join } from "node:path";
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from "express";
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
 * console), plus their bundled assets under `/web/` (GET and HEAD; other methods answer 405
 * METHOD_NOT_ALLOWED with `Allow`). A missing asset answers 404 NOT_FOUND and a path that
 * climbs out of `/web/` (`..`) 403 FORBIDDEN, both as JSON naming the path. The pages answer
 * 503 with a JSON error naming `npm run build` when the bundles are missing (a server started
 * from an unbuilt tree).
 */
export function registerWebClients(expressApp: Express): void {
  expressApp.use(
    "/web",
    onlyGetOrHead,
    CLIENT_CSP,
    // redirect: false, so a folder (`/web/explorer`) is a 404 like any other missing file, not an HTML redirect page.
    express.static(WEB_DIST, { index: false, fallthrough: false, redirect: false, immutable: true, maxAge: "1h" }),
    staticErrorAsJson,
  );
  expressApp.get(["/explorer", "/explorer/"], CLIENT_CSP, page("explorer"));
  expressApp.get(["/graphiql", "/graphiql/"], CLIENT_CSP, page("graphiql"));
}

const onlyGetOrHead: RequestHandler = (req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD") return next();
  res.setHeader("allow", "GET, HEAD");
  res.status(405).json({
    errors: [{ message: `${req.method} is not allowed on /web${req.path}; the bundled files accept GET, HEAD.`, extensions: { code: "METHOD_NOT_ALLOWED" } }],
  });
};

/** serve-static's errors for `/web/…`, said for what they are: 404 a missing file, 403 a path leaving the folder; others go on to the server's handler. */
const staticErrorAsJson: ErrorRequestHandler = (err, req, res, next) => {
  const status = (err as { status?: unknown }).status;
  if (res.headersSent || (status !== 404 && status !== 403)) return next(err);
  const path = `/web${req.path}`;
  const [code, message] =
    status === 404
      ? ["NOT_FOUND", `No file at ${path}; /web/ holds the bundled explorer and GraphiQL assets (npm run build writes them).`]
      : ["FORBIDDEN", `The path ${JSON.stringify(req.originalUrl)} leaves /web/ or names a hidden file; it is refused.`];
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
};

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
