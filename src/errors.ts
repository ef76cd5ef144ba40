import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, type GraphQLFormattedError } from "graphql";

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
  /** Every database connection is busy with other requests; retry shortly. Neo4j itself is up. */
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

/** Raised when no database connection frees up in time because the server is at capacity. */
export class ServerBusyError extends AppError {
  constructor() {
    super("The server is at capacity; retry in a few seconds.", ErrorCode.SERVER_BUSY);
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
 * Apollo `formatError`. Keeps our AppErrors and Apollo's request errors; masks everything else
 * as INTERNAL_SERVER_ERROR ("Internal server error") and logs it. Stack traces only when
 * `development` is true. Model: apollo-server `errorNormalize.ts`.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  original: unknown,
  development: boolean,
  log: (err: unknown) => void,
): GraphQLFormattedError {
  const cause = unwrapResolverError(original);
  const code = String(formatted.extensions?.code ?? "");
  const isOurs = cause instanceof AppError;
  // Request errors arise before execution, so they carry no path; a resolver's error always does.
  const isRequestError = !isOurs && REQUEST_ERROR_CODES.has(code) && formatted.path === undefined;
  if (isOurs || isRequestError) return development ? formatted : withoutStack(formatted);
  log(cause);
  return {
    message: "Internal server error",
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}

function withoutStack(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions || !("stacktrace" in formatted.extensions)) return formatted;
  const { stacktrace: _drop, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}
