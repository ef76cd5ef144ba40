/** One kind of request the soak sends, with its share of the mix. */
export interface SoakRequest {
  /** Label in the report: routes, search, neighbourhood or export. */
  readonly kind: "routes" | "search" | "neighbourhood" | "export";
  /** Relative weight in the mix. */
  readonly weight: number;
  /** Sends the request to `base` and reads the whole answer; resolves with `ok` or the error's code. */
  send(base: string, pick: (n: number) => number): Promise<string>;
}

const ROUTE_PAIRS: readonly [string, string][] = [
  ["dji", "russian-front-lines"],
  ["dji", "country-ru"],
  ["small-intermediaries-and-exporters", "russian-front-lines"],
  ["xi-jinping", "vladimir-putin"],
];
const SEARCH_TEXTS = ["DJI", "Kyiv", "drone", "Russia", "Putin", "customs", "Kazakhstan", "Belarus"];

/** `ok`, or the first error's `extensions.code` (`HTTP_<status>` when the body has none). */
async function outcome(res: Response): Promise<string> {
  const text = await res.text();
  if (res.status === 200 && !text.startsWith('{"errors"')) return "ok";
  try {
    const code = (JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code;
    return code ?? `HTTP_${res.status}`;
  } catch {
    return `HTTP_${res.status}`;
  }
}

function gql(base: string, query: string): Promise<string> {
  return fetch(`${base}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) }).then(outcome);
}

/**
 * The soak's mix over the seed graph and a hub of `hubLeaves` entities (`hubId`): route searches
 * (40 %: FLOW and ANY), full-text searches (30 %), neighbourhoods through GraphQL (15 %: the
 * seed's at depth 2, the hub's at depth 2 with 500 nodes) and exports (15 %: GraphML of a
 * neighbourhood, CSV of routes, the hub's neighbourhood as Cytoscape.js JSON).
 */
export function soakMix(hubId: string): SoakRequest[] {
  return [
    {
      kind: "routes",
      weight: 40,
      send: (base, pick) => {
        const [from, to] = ROUTE_PAIRS[pick(ROUTE_PAIRS.length)]!;
        const direction = pick(2) === 0 ? "" : ", direction: ANY, maxHops: 4";
        return gql(
          base,
          `{ routes(from: "${from}", to: "${to}"${direction}) { exhausted reason routes { confidence summary hops { relationship { status evidence { quote } } } } } }`,
        );
      },
    },
    { kind: "search", weight: 30, send: (base, pick) => gql(base, `{ search(text: "${SEARCH_TEXTS[pick(SEARCH_TEXTS.length)]}") { id name aliases } }`) },
    {
      kind: "neighbourhood",
      weight: 15,
      send: (base, pick) =>
        gql(
          base,
          pick(2) === 0
            ? '{ neighborhood(id: "dji", depth: 2) { nodes { id name } edges { id type } } }'
            : `{ neighborhood(id: "${hubId}", depth: 2, limit: 500) { nodes { id } edges { id } truncated } }`,
        ),
    },
    {
      kind: "export",
      weight: 15,
      send: (base, pick) => {
        const paths = [
          "/export/graphml?scope=neighborhood&id=dji&depth=2",
          "/export/csv/edges.csv?scope=routes&from=dji&to=russian-front-lines",
          `/export/cytoscape?scope=neighborhood&id=${hubId}&depth=2&limit=500`,
        ];
        return fetch(`${base}${paths[pick(paths.length)]!}`).then(outcome);
      },
    },
  ];
}
