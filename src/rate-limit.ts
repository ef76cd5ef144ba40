import type { Request, RequestHandler } from "express";
import { ipKeyGenerator, rateLimit } from "express-rate-limit";
import { requestCaller } from "./auth/http-auth.js";
import type { Config } from "./config.js";
import { ErrorCode } from "./errors.js";

/** Whether `ip` (as `req.ip` gives it) is this machine: 127.0.0.0/8, ::1, or IPv4-mapped 127.x. */
function isLoopbackAddress(ip: string | undefined): boolean {
  return ip !== undefined && (ip === "::1" || /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(ip));
}

/**
 * The client a request is counted against: the verified token's subject (`sub:<subject>`) when the
 * request carries one (authenticateRequests ran before the limiter), so one investigator's
 * requests count together from any address and colleagues behind one NAT do not share a budget;
 * else its IP address (an IPv6 address by its /56 network, as express-rate-limit's
 * `ipKeyGenerator` advises, since one host holds many).
 */
export function rateLimitKey(req: Request): string {
  const caller = requestCaller(req);
  if (caller) return `sub:${caller.subject}`;
  return `ip:${ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? "unknown")}`;
}

/**
 * Per-client rate limit (express-rate-limit, fixed window, in-memory: one count per API
 * process, so N replicas behind a balancer allow up to N × the limit). Past RATE_LIMIT_MAX
 * requests in RATE_LIMIT_WINDOW_MS: 429 `{errors: [{extensions: {code: "RATE_LIMITED"}}]}` with
 * `Retry-After` (seconds) and the IETF `RateLimit` / `RateLimit-Policy` headers. Off when
 * RATE_LIMIT_MAX is 0; loopback clients are exempt unless RATE_LIMIT_LOOPBACK is true.
 * @returns the middleware, or null when rate limiting is off.
 */
export function rateLimiter(config: Config): RequestHandler | null {
  if (config.rateLimitMax === 0) return null;
  return rateLimit({
    windowMs: config.rateLimitWindowMs,
    limit: config.rateLimitMax,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    keyGenerator: rateLimitKey,
    skip: (req) => !config.rateLimitLoopback && isLoopbackAddress(req.ip),
    handler: (_req, res) => {
      res.status(429).json({
        errors: [
          {
            message: `Too many requests from this client: at most ${config.rateLimitMax} every ${config.rateLimitWindowMs / 1000} s; retry after ${String(res.getHeader("retry-after"))} s.`,
            extensions: { code: ErrorCode.RATE_LIMITED, limit: config.rateLimitMax, windowMs: config.rateLimitWindowMs },
          },
        ],
      });
    },
  });
}
