import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, Kind, OperationTypeNode, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext } from "graphql";
import { LONE_SURROGATE } from "./model/unicode.js";
import { BadUserInputError, QueryTooCostlyError } from "./errors.js";
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

/**
 * Apollo plugin refusing an operation that carries a string which is not well-formed UTF-16 (a
 * lone surrogate, half a character, as JSON's `"\\ud83d"` escape can send) in its variables: 400
 * BAD_USER_INPUT (`extensions.reason` LONE_SURROGATE), before any resolver runs. Bolt carries strings as UTF-8, where the driver
 * turns a lone surrogate into U+FFFD, so such a value would be stored other than it was sent: a
 * source's text would no longer hash to its textSha256, and a quote ending in half an emoji
 * would no longer be `text.slice(start, end)`.
 */
export function wellFormedStringsPlugin(): ApolloServerPlugin {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ request }) {
          const where = loneSurrogateIn(request.variables);
          if (where) {
            throw new BadUserInputError(`${where} holds half a character (a lone UTF-16 surrogate); send whole characters.`, {
              reason: "LONE_SURROGATE",
              http: { status: 400 },
            });
          }
          return Promise.resolve();
        },
      });
    },
  };
}

/**
 * The variable holding the first ill-formed string ("Variable $input"), or null. The document
 * needs no check: graphql-js's lexer already refuses a lone surrogate escape (GRAPHQL_PARSE_FAILED).
 */
function loneSurrogateIn(variables: Readonly<Record<string, unknown>> | undefined): string | null {
  for (const [name, value] of Object.entries(variables ?? {})) {
    // Iterative: a JSON body may nest deeper than the call stack allows.
    const pending: unknown[] = [value];
    while (pending.length > 0) {
      const v = pending.pop();
      if (typeof v === "string") {
        if (LONE_SURROGATE.test(v)) return `Variable $${name}`;
      } else if (Array.isArray(v)) for (const x of v as unknown[]) pending.push(x);
      else if (typeof v === "object" && v !== null) for (const [k, x] of Object.entries(v)) pending.push(k, x);
    }
  }
  return null;
}

/**
 * Most mutation fields one operation may run. Each is its own write transaction, and an addClaim
 * reads up to 20 source texts of 2 MiB and checks its quotes against them, so 30 aliased writes
 * (the alias ceiling) made one request hold the server for seconds; an investigator's client
 * sends one or two. Counted through fragments too.
 */
export const MAX_MUTATIONS_PER_OPERATION = 10;

/**
 * Apollo plugin refusing a mutation operation with more than {@link MAX_MUTATIONS_PER_OPERATION}
 * root fields: 400 QUERY_TOO_COSTLY (`extensions.mutations`, `extensions.maxMutations`) before
 * any of them runs, whatever MAX_QUERY_COMPLEXITY says (a lower cost ceiling must not forbid writes).
 */
export function mutationCountPlugin(max = MAX_MUTATIONS_PER_OPERATION): ApolloServerPlugin {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ operation, document }) {
          if (operation?.operation !== OperationTypeNode.MUTATION) return Promise.resolve();
          const fragments = new Map(
            document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
          );
          const mutations = rootFieldCount(operation.selectionSet, fragments, new Map());
          if (mutations > max) {
            throw new QueryTooCostlyError(`This operation runs ${mutations} mutations; one operation runs at most ${max}. Send the rest in further requests.`, {
              mutations,
              maxMutations: max,
              http: { status: 400 },
            });
          }
          return Promise.resolve();
        },
      });
    },
  };
}

/**
 * Root fields of a selection set, through inline fragments and fragment spreads. Each fragment is
 * counted once and remembered (a fragment spread twice in each of 20 nested fragments is 2^20
 * spreads); validation has already refused fragment cycles.
 */
function rootFieldCount(set: SelectionSetNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>, memo: Map<string, number>): number {
  let n = 0;
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) n += s.name.value.startsWith("__") ? 0 : 1;
    else if (s.kind === Kind.INLINE_FRAGMENT) n += rootFieldCount(s.selectionSet, fragments, memo);
    else {
      const name = s.name.value;
      if (!memo.has(name)) {
        memo.set(name, 0);
        const f = fragments.get(name);
        memo.set(name, f ? rootFieldCount(f.selectionSet, fragments, memo) : 0);
      }
      n += memo.get(name)!;
    }
  }
  return n;
}
