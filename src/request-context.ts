import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import type { RequestHandler, Response } from "express";
import { publicExtensions } from "./errors.js";

/** What the server knows about the request being served, wherever its code runs (resolvers, services, error formatting). */
export interface RequestContext {
  /** The request id: the client's sane `x-request-id`, or a generated UUID. */
  readonly id: string;
  /** What the request asked for, for metrics (src/metrics.ts): the GraphQL root field, set once resolved. */
  operation?: string;
  /** How it ended, for metrics: `ok` or the code of its first error, set when its body is sent. */
  outcome?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** The header a request id arrives in and is echoed in. */
export const REQUEST_ID_HEADER = "x-request-id";

/**
 * An incoming request id we accept as is: 1 to 64 characters of letters, digits and `._:-`
 * (a UUID, a trace id, a load balancer's id). Anything else (too long, spaces, control
 * characters, a second header) is replaced by a generated id, so a client cannot put text of
 * its choosing into log lines.
 */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * Middleware, first of all: gives the request an id (the incoming `x-request-id` when it is
 * {@link SANE_REQUEST_ID}, else a random UUID), echoes it in the `x-request-id` response header,
 * and runs the rest of the request inside an AsyncLocalStorage context, so every log line written
 * while serving it (src/logging.ts) and every error body (`extensions.requestId`) carries it.
 *
 * Written here rather than with pino-http: pino-http's `req.log` reaches only code handed the
 * request, while resolvers, services and Apollo's `formatError` log through the process logger;
 * an AsyncLocalStorage store read by pino's `mixin` reaches all of them.
 */
export function requestContext(development: boolean): RequestHandler {
  return (req, res, next) => {
    const incoming = req.headers[REQUEST_ID_HEADER];
    const id = typeof incoming === "string" && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader(REQUEST_ID_HEADER, id);
    const context: RequestContext = { id };
    finishErrorBodies(res, context, development);
    storage.run(context, next);
  };
}

/** The id of the request being served, or undefined outside a request (start-up, the CLI). */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.id;
}

/** The context of the request being served, or undefined outside a request. */
export function currentRequest(): RequestContext | undefined {
  return storage.getStore();
}

/**
 * Adds `extensions.requestId` to every error of a JSON error body `{errors: [...]}` the response
 * sends through `res.json`, and drops internal extensions outside development
 * ({@link publicExtensions}: `neo4jCode`, stack traces), whichever route sends it (exports,
 * imports, the HTTP guards, the rate limiter), so no error path can forget either. GraphQL
 * errors get the same in `formatError`.
 */
function finishErrorBodies(res: Response, context: RequestContext, development: boolean): void {
  const json = res.json.bind(res);
  res.json = (body: unknown) => {
    const errors = (body as { errors?: unknown } | null)?.errors;
    if (!Array.isArray(errors)) return json(body);
    const tagged = errors.map((e: { extensions?: Record<string, unknown> }) => ({
      ...e,
      extensions: { ...publicExtensions(e.extensions, development), requestId: context.id },
    }));
    const code = (tagged[0]?.extensions as Record<string, unknown> | undefined)?.code;
    if (typeof code === "string") context.outcome ??= code;
    return json({ ...(body as object), errors: tagged });
  };
}
