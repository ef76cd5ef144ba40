import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, Kind, OperationTypeNode, type ASTVisitor, type ValidationContext } from "graphql";
import { currentRequest } from "./request-context.js";

/**
 * Most lexical tokens a GraphQL document may hold (graphql-js `parse` option `maxTokens`, which
 * Apollo Server applies through `parseOptions`): past it, 400 GRAPHQL_PARSE_FAILED "Document
 * contains more than 5000 tokens" before any parsing recursion. Without it a document nested
 * 10 000 deep overflowed the parser's stack ("Maximum call stack size exceeded", issue 21). The
 * largest example query (examples.graphql) has about 120 tokens, and 30 aliases of a full route
 * query about 2 000.
 */
export const MAX_DOCUMENT_TOKENS = 3000;

/**
 * Validation rule: an operation whose type the schema does not offer over this endpoint is a
 * client error (400 GRAPHQL_VALIDATION_FAILED naming the type), not a crash. Subscriptions are
 * never served (no WebSocket transport); a mutation only once the schema has a Mutation type.
 * Without it graphql-js's `execute` threw "Schema is not configured to execute …", which
 * Apollo reported as HTTP 200 INTERNAL_SERVER_ERROR, logged with its stack (issue 21).
 */
export function supportedOperationsRule(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      const type = node.operation;
      const subscription = type === OperationTypeNode.SUBSCRIPTION;
      if (!subscription && context.getSchema().getRootType(type)) return;
      const also = subscription ? "subscriptions need a streaming transport this server does not have" : `the schema has no ${type} type`;
      context.reportError(new GraphQLError(`This server does not offer ${type} operations (${also}); send a query.`, { nodes: node }));
    },
  };
}

/**
 * Apollo plugin recording, for the request's metrics (src/metrics.ts), its operation (the root
 * field it asks for, `multiple` for several) and its outcome (`ok` or the code of its first error).
 */
export function operationMetricsPlugin(): ApolloServerPlugin {
  return {
    requestDidStart() {
      const context = currentRequest();
      return Promise.resolve({
        didResolveOperation({ operation }) {
          if (context && operation) {
            const fields = operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : ["multiple"]));
            context.operation = fields.length === 1 ? fields[0]! : "multiple";
          }
          return Promise.resolve();
        },
        willSendResponse({ response }) {
          if (context) {
            const errors = response.body.kind === "single" ? response.body.singleResult.errors : undefined;
            const code = errors?.[0]?.extensions?.code;
            context.outcome = typeof code === "string" ? code : errors?.length ? "ERROR" : "ok";
          }
          return Promise.resolve();
        },
      });
    },
  };
}
