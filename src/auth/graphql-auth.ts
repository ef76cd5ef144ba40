import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestHandler } from "express";
import type { GraphQLContext } from "../graphql/context.js";
import { Kind, OperationTypeNode } from "graphql";
import { AppError, ErrorCode } from "../errors.js";
import type { AuthService } from "./auth.service.js";
import { requestCaller } from "./http-auth.js";

/**
 * READS_REQUIRE_AUTH for GraphQL: when set, every query needs the reader role (or higher), checked
 * once per operation before any resolver runs; an operation of introspection fields only
 * (`__schema`, `__type`, as GraphiQL sends) stays open. Mutations check the editor role in their
 * services whatever this setting. Errors: UNAUTHENTICATED without a token, FORBIDDEN with a
 * token that grants no role.
 */
export function readAccessPlugin(auth: AuthService): ApolloServerPlugin<GraphQLContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ operation, contextValue }) {
          if (!auth.readsRequireAuth || !operation || operation.operation !== OperationTypeNode.QUERY) return Promise.resolve();
          const introspectionOnly = operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && s.name.value.startsWith("__"));
          if (!introspectionOnly) auth.require(contextValue.caller, "reader", "read the graph on this server (READS_REQUIRE_AUTH)");
          return Promise.resolve();
        },
      });
    },
  };
}

/**
 * READS_REQUIRE_AUTH for the HTTP reads outside GraphQL (`/export/…`): without the reader role,
 * 401 UNAUTHENTICATED or 403 FORBIDDEN as JSON `{errors: [...]}`. A no-op when reads are open.
 */
export function requireReader(auth: AuthService): RequestHandler {
  return (req, res, next) => {
    if (!auth.readsRequireAuth) return next();
    try {
      auth.require(requestCaller(req), "reader", "read the graph on this server (READS_REQUIRE_AUTH)");
      next();
    } catch (err) {
      const code = err instanceof AppError ? err.code : ErrorCode.UNAUTHENTICATED;
      res.status(code === ErrorCode.FORBIDDEN ? 403 : 401).json({ errors: [{ message: (err as Error).message, extensions: { code } }] });
    }
  };
}
