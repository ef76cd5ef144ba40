import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { currentRequestId } from "./request-context.js";

/**
 * The closed set of error codes clients can rely on, sent in `extensions.code`.
 * Modelled on Apollo Server's `ApolloServerErrorCode`.
 */
export enum ErrorCode {
  /** An argument is out of range, malformed or contradictory. */
  BAD_USER_INPUT = "BAD_USER_INPUT",
  /** An id names no entity. `extensions.ids` lists the missing ids. */
  NOT_FOUND = "NOT_FOUND",
  /** The operation would cost more than the configured ceiling, or Neo4j refused it for memory or time. */
  QUERY_TOO_COSTLY = "QUERY_TOO_COSTLY",
  /** Neo4j cannot be reached or refused our credentials; retry later. */
  DATABASE_UNAVAILABLE = "DATABASE_UNAVAILABLE",
  /**
   * The server is at capacity: every database connection or export slot is taken, or Neo4j ran
   * out of time or memory for a bounded export while serving others; retry after `Retry-After`
   * seconds (HTTP 503). Neo4j itself is up.
   */
  SERVER_BUSY = "SERVER_BUSY",
  /** The operation needs a caller: no bearer token was sent, or it is invalid or expired (HTTP 401 outside GraphQL). */
  UNAUTHENTICATED = "UNAUTHENTICATED",
  /** The caller's token is valid but lacks the role the operation needs (`extensions.requiredRole`). */
  FORBIDDEN = "FORBIDDEN",
  /**
   * The change conflicts with the stored state: a stale `expectedVersion` (`extensions.currentVersion`),
   * a claim that already exists (`extensions.claimId`), or an idempotency key reused for another request.
   */
  CONFLICT = "CONFLICT",
  /** This client sent more requests than RATE_LIMIT_MAX per RATE_LIMIT_WINDOW_MS; retry after `Retry-After` seconds (HTTP 429). */
  RATE_LIMITED = "RATE_LIMITED",
  /** Anything unexpected; details are logged, never sent. */
  INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR",
}

/** Base class: a GraphQLError whose `extensions.code` is one of {@link ErrorCode}. */
export class AppError extends GraphQLError {
  constructor(
    message: string,
    readonly code: ErrorCode,
    extra: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { code, ...extra } });
  }
}

/** Raised for invalid arguments. */
export class BadUserInputError extends AppError {
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super(message, ErrorCode.BAD_USER_INPUT, extra);
  }
}

/** Raised when one or more ids name no entity. */
export class NotFoundError extends AppError {
  constructor(readonly ids: readonly string[]) {
    super(
      `No entity with id ${ids.map((i) => JSON.stringify(i)).join(", ")}. Ids are stable slugs such as "dji" or "country-ru"; find them with search(text: …).`,
      ErrorCode.NOT_FOUND,
      { ids },
    );
  }
}

/** Raised when a query would be, or turned out to be, too expensive. */
export class QueryTooCostlyError extends AppError {
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super(message, ErrorCode.QUERY_TOO_COSTLY, extra);
  }
}

/** Raised when Neo4j is down, unreachable or refuses our credentials. */
export class DatabaseUnavailableError extends AppError {
  constructor(message = "The graph database is unavailable; try again shortly.") {
    super(message, ErrorCode.DATABASE_UNAVAILABLE);
  }
}

/** Raised when no database connection or export slot frees up because the server is at capacity. */
export class ServerBusyError extends AppError {
  constructor(message = "The server is at capacity; retry in a few seconds.", extra: Record<string, unknown> = {}) {
    super(message, ErrorCode.SERVER_BUSY, extra);
  }
}

/** Raised when an operation needs a caller and none was authenticated. */
export class UnauthenticatedError extends AppError {
  constructor(message: string) {
    super(message, ErrorCode.UNAUTHENTICATED);
  }
}

/** Raised when the caller lacks the role an operation needs; `requiredRole` names it. */
export class ForbiddenError extends AppError {
  constructor(message: string, requiredRole: string) {
    super(message, ErrorCode.FORBIDDEN, { requiredRole });
  }
}

/** Raised when a change conflicts with the stored state (stale version, existing claim, reused idempotency key). */
export class ConflictError extends AppError {
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super(message, ErrorCode.CONFLICT, extra);
  }
}

/** Thrown by exhaustive switches; reaching it is a bug. */
export class UnreachableCaseError extends Error {
  constructor(value: never) {
    super(`Unreachable case: ${JSON.stringify(value)}`);
  }
}

/**
 * Codes that Apollo Server and graphql-js raise themselves for malformed requests (parse,
 * validation, variable coercion, operation resolution, HTTP). Their messages describe the
 * client's request only, so they pass through.
 */
const REQUEST_ERROR_CODES = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
]);

/**
 * Extensions that describe our internals rather than the request: the stack trace and the Neo4j
 * driver's error code (`neo4jCode`, kept on QUERY_TOO_COSTLY for the logs and the importer's
 * retry rule). Sent only when NODE_ENV is `development`.
 */
const INTERNAL_EXTENSIONS: readonly string[] = ["stacktrace", "neo4jCode"];

/** `extensions` without {@link INTERNAL_EXTENSIONS}, unless `development`; the same object when there is nothing to drop. */
export function publicExtensions<T extends Record<string, unknown> | undefined>(extensions: T, development: boolean): T {
  if (development || !extensions || !INTERNAL_EXTENSIONS.some((k) => k in extensions)) return extensions;
  return Object.fromEntries(Object.entries(extensions).filter(([k]) => !INTERNAL_EXTENSIONS.includes(k))) as T;
}

/**
 * Apollo `formatError`. Keeps our AppErrors and Apollo's request errors; masks everything else
 * as INTERNAL_SERVER_ERROR ("Internal server error") and logs it. Stack traces and driver codes
 * only when `development` is true ({@link publicExtensions}). Every error carries
 * `extensions.requestId` (src/request-context.ts) when served for a request, the id its log lines carry.
 * Model: apollo-server `errorNormalize.ts`.
 */
export function formatError(formatted: GraphQLFormattedError, original: unknown, development: boolean, log: (err: unknown) => void): GraphQLFormattedError {
  const cause = unwrapResolverError(original);
  const code = typeof formatted.extensions?.code === "string" ? formatted.extensions.code : "";
  const isOurs = cause instanceof AppError;
  // Request errors arise before execution, so they carry no path; a resolver's error always does.
  const isRequestError = !isOurs && REQUEST_ERROR_CODES.has(code) && formatted.path === undefined;
  const requestId = currentRequestId();
  const withId = (extensions: Record<string, unknown> | undefined) => (requestId === undefined ? extensions : { ...extensions, requestId });
  if (isOurs || isRequestError) return { ...formatted, extensions: withId(publicExtensions(formatted.extensions, development)) };
  log(cause);
  return {
    message: "Internal server error",
    locations: formatted.locations,
    path: formatted.path,
    extensions: withId({ code: ErrorCode.INTERNAL_SERVER_ERROR }),
  };
}
