import type { GraphiQLProps } from "graphiql";
import { Kind, parse, type ExecutionResult } from "graphql";

/**
 * GraphiQL's fetcher: POSTs `{query, operationName, variables}` as JSON to this server's
 * `/graphql` (same origin, so the page's `connect-src 'self'` allows it), with the headers from
 * GraphiQL's headers pane. The JSON content type also satisfies Apollo's CSRF prevention. A
 * response that is not JSON (a proxy's error page) becomes a GraphQL error naming the status.
 */
export const sameOriginFetcher: GraphiQLProps["fetcher"] = async (params, opts) => {
  const response = await fetch("/graphql", {
    method: "POST",
    headers: {
      accept: "application/graphql-response+json, application/json",
      ...opts?.headers,
      "content-type": "application/json",
    },
    body: JSON.stringify({ ...params, operationName: operationNameFor(params.query, params.operationName) }),
  });
  const body = await response.text();
  try {
    return JSON.parse(body) as ExecutionResult;
  } catch {
    return { errors: [{ message: `HTTP ${response.status} ${response.statusText}: ${body.slice(0, 500)}` }] };
  }
};

/**
 * The operation name to send with `query`: GraphiQL's `selected` one, unless it names no
 * operation of the document and the document has exactly one, which is then sent instead.
 * GraphiQL 4 updates its selected operation 100 ms after the editor changes, so a run right
 * after switching tabs would otherwise send the previous tab's name ("Unknown operation named").
 * A document that does not parse keeps `selected`; the server reports the syntax error.
 */
export function operationNameFor(query: string, selected: string | null | undefined): string | undefined {
  let names: (string | undefined)[];
  try {
    names = parse(query).definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION ? [d.name?.value] : []));
  } catch {
    return selected ?? undefined;
  }
  if (selected && names.includes(selected)) return selected;
  return names.length === 1 ? names[0] : (selected ?? undefined);
}
