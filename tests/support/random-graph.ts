import fc from "fast-check";
import type { OracleEdge } from "./route-oracle.js";

/** Relationship types of the random graphs: two flow types, a connection type and a context type. */
export const TYPES = ["SUPPLIED", "PAID", "PART_OF", "BASED_IN"] as const;
export const STATUSES = ["REPORTED", "LIKELY", "POSSIBLE", "UNCONFIRMED"] as const;
/** FollowTheMoney topics some entities carry. */
export const TOPICS = ["sanction", "role.pep", "crime"] as const;
const DATES = [null, "2021-01-01", "2022-02-24", "2022-06-01", "2023-03-21"] as const;
/** Few distinct confidences, mostly powers of two so that products tie exactly (0.5 × 0.5 = 0.25) and the tie-break rules are exercised. */
const CONFIDENCES = [1, 0.5, 0.5, 0.5, 0.25, 0.25, 0.8] as const;
/**
 * The same without certainty: in half of the graphs no claim has confidence 1, so the strongest
 * claim bounds how long a route that can still rank may be (expand-paths-flow.cypher).
 */
const UNCERTAIN_CONFIDENCES = [0.5, 0.5, 0.5, 0.25, 0.25, 0.8] as const;

/** A random test graph: entities (with topics) and relationships. */
export interface RandomGraph {
  nodes: string[];
  topics: Map<string, string[]>;
  edges: OracleEdge[];
}

/** Shape of {@link graphsOf}'s graphs. */
export interface GraphShape {
  /** Node counts to draw from. */
  readonly nodes: fc.Arbitrary<number>;
  /** Fewest and most relationships. */
  readonly minEdges: number;
  readonly maxEdges: number;
  /** Relationship types to draw from (repeats weigh a type). */
  readonly types: readonly string[];
}

/**
 * Random multigraphs of the given shape, ids `e0…`, nodes `n0…`. Pairs are drawn from few nodes,
 * so parallel relationships (one hop, several claims) are common; a third of the nodes carry a
 * topic; in half of the graphs no claim is certain (confidence 1).
 */
export function graphsOf(shape: GraphShape): fc.Arbitrary<RandomGraph> {
  return fc.tuple(shape.nodes, fc.boolean()).chain(([n, certain]) =>
    fc
      .tuple(
        fc.array(
          fc.record({
            start: fc.nat(n - 1),
            end: fc.nat(n - 1),
            type: fc.constantFrom(...shape.types),
            status: fc.constantFrom(...STATUSES),
            confidence: fc.constantFrom(...(certain ? CONFIDENCES : UNCERTAIN_CONFIDENCES)),
            validFrom: fc.constantFrom(...DATES),
            validTo: fc.constantFrom(null, null, "2022-12-31"),
          }),
          { minLength: shape.minEdges, maxLength: shape.maxEdges },
        ),
        fc.array(fc.option(fc.constantFrom(...TOPICS), { nil: null, freq: 2 }), { minLength: n, maxLength: n }),
      )
      .map(([raw, topics]) => ({
        nodes: Array.from({ length: n }, (_, i) => `n${i}`),
        topics: new Map(topics.flatMap((t, i) => (t === null ? [] : [[`n${i}`, [t]] as [string, string[]]]))),
        edges: raw.map((e, i): OracleEdge => ({
          id: `e${String(i).padStart(2, "0")}`,
          type: e.type,
          start: `n${e.start}`,
          end: `n${e.end}`,
          status: e.status,
          confidence: e.confidence,
          validFrom: e.validFrom,
          validTo: e.validTo,
        })),
      })),
  );
}

/** A random multigraph of 3–12 nodes and up to 36 relationships of the four {@link TYPES}. */
export const randomGraph: fc.Arbitrary<RandomGraph> = graphsOf({
  nodes: fc.oneof(fc.integer({ min: 3, max: 6 }), fc.integer({ min: 3, max: 12 })),
  minEdges: 0,
  maxEdges: 36,
  types: [...TYPES, "SUPPLIED", "PART_OF"],
});

/**
 * A dense random flow graph: 4–9 nodes and 16–40 relationships, most of them flow (SUPPLIED,
 * PAID), so that FLOW routes of many hops, cycles and parallel claims are common.
 */
export const denseFlowGraph: fc.Arbitrary<RandomGraph> = graphsOf({
  nodes: fc.integer({ min: 4, max: 9 }),
  minEdges: 16,
  maxEdges: 40,
  types: ["SUPPLIED", "SUPPLIED", "PAID", "PAID", "PART_OF", "BASED_IN"],
});

/** The arguments of a random search over a graph of `n` nodes, touching every filter; types null means the default. */
export interface RandomSearch {
  from: string;
  to: string;
  topics: string[];
  maxHops: number;
  limit: number;
  minConfidence: number;
  undirected: boolean;
  via: string[];
  avoid: string[];
  types: string[] | null;
  statuses: string[] | null;
  asOf: string | null;
  timeRespecting: boolean;
}

/** A random query over a graph of `n` nodes, touching every filter. */
export function randomQuery(n: number): fc.Arbitrary<RandomSearch> {
  const node = fc.nat(n - 1).map((i) => `n${i}`);
  return fc
    .record({
      from: node,
      to: node,
      topics: fc.subarray([...TOPICS], { minLength: 1 }),
      maxHops: fc.oneof(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 7, max: 10 })),
      limit: fc.integer({ min: 1, max: 8 }),
      minConfidence: fc.constantFrom(0, 0, 0.1, 0.25),
      undirected: fc.boolean(),
      via: fc.array(node, { maxLength: 2 }),
      avoid: fc.array(node, { maxLength: 2 }),
      types: fc.option(fc.subarray([...TYPES], { minLength: 1 }), { nil: null }),
      statuses: fc.option(fc.subarray([...STATUSES], { minLength: 1 }), { nil: null }),
      asOf: fc.constantFrom(null, null, "2022-03-01", "2023-06-01"),
      timeRespecting: fc.boolean(),
    })
    .filter((q) => q.from !== q.to && !q.avoid.includes(q.from) && !q.avoid.includes(q.to) && !q.via.some((v) => q.avoid.includes(v)))
    .map((q) => ({ ...q, via: [...new Set(q.via)], avoid: [...new Set(q.avoid)] }));
}
