import type { NextFunction, Request, RequestHandler, Response } from "express";
import { UnauthenticatedError } from "../errors.js";
import type { AuthService } from "./auth.service.js";
import type { Caller } from "./roles.js";

/** The verified caller of each request, set by {@link authenticateRequests}; absent for an anonymous request. */
const CALLERS = new WeakMap<Request, Caller>();

/**
 * The verified caller of a request (token subject and roles), or null when it sent no token.
 * The one place the rest of the server (GraphQL context, HTTP import, rate limits keyed by
 * subject) reads who is calling; valid only after {@link authenticateRequests} ran.
 */
export function requestCaller(req: Request): Caller | null {
  return CALLERS.get(req) ?? null;
}

/**
 * Express middleware that verifies `Authorization: Bearer <JWT>` once per request and records the
 * caller for {@link requestCaller}. No header: the request goes on anonymously (reads are open
 * unless READS_REQUIRE_AUTH; writes then answer UNAUTHENTICATED). A header that is not a bearer
 * token, or a token that does not verify (expired, bad signature, wrong issuer or audience):
 * `401` with `WWW-Authenticate: Bearer` and `{errors: [{message, extensions: {code: "UNAUTHENTICATED"}}]}`
 * on every path, so a client with a broken token learns it at once instead of reading as anonymous.
 */
export function authenticateRequests(auth: AuthService): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const header = req.get("authorization");
    if (header === undefined || header.trim() === "") return next();
    const token = /^Bearer ([^\s]+)$/i.exec(header.trim())?.[1];
    const refuse = (message: string) => {
      res
        .set("WWW-Authenticate", 'Bearer realm="actorgraph"')
        .status(401)
        .json({ errors: [{ message, extensions: { code: "UNAUTHENTICATED" } }] });
    };
    if (!token) return refuse("The Authorization header must be `Bearer <token>`.");
    auth.verify(token).then(
      (caller) => {
        CALLERS.set(req, caller);
        next();
      },
      (err: unknown) => {
        if (err instanceof UnauthenticatedError) refuse(err.message);
        else next(err);
      },
    );
  };
}
