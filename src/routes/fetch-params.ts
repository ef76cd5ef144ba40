import neo4j from "neo4j-driver";
import type { Row } from "../db/run.js";
import type { Plain } from "../db/values.js";
import { CLAIM_STATUSES, FLOW_RELATIONSHIP_TYPES, ROUTE_RELATIONSHIP_TYPES } from "../model/vocabulary.js";
import type { BallsRequest, HopFilter, HopRow } from "./fetch-types.js";

/**
 * Parameters and rows of the route engine's queries (expand-hops-*.cypher, expand-balls-*.cypher).
 * Parameters keep one type whatever the request, because Neo4j plans a query again for every new
 * combination of parameter types (300–400 ms each on this machine): lists are never empty, and
 * `$asOf` is always a date, with `$dated` saying whether it applies.
 */

/** The id that stands for "none" in a list parameter, so lists are never empty (no entity has it: ids are non-empty). */
export const NONE = "";

/** A date that stands for "no date" in `$asOf` (ignored: `$dated` is false). */
const NO_DATE = new neo4j.types.Date(2000, 1, 1);

/** A Cypher DATE for an ISO 8601 `YYYY-MM-DD` (read from the text, so the time zone plays no part). */
export function cypherDate(iso: string): InstanceType<typeof neo4j.types.Date> {
  const [y, m, d] = iso.split("-").map(Number);
  return new neo4j.types.Date(y!, m!, d!);
}

/** A list parameter that is never empty (see the note on parameter types in expand-hops-*.cypher). */
export function nonEmpty<T>(list: readonly T[], none: T): readonly T[] {
  return list.length > 0 ? list : [none];
}

/** The parameters of expand-hops-*.cypher, each always of the same type. */
export function expandParams(
  check: readonly string[],
  out: readonly { id: string; force: boolean }[],
  inward: readonly { id: string; force: boolean }[],
  both: readonly { id: string; force: boolean }[],
  filter: HopFilter,
  cap: number,
  limit: number,
): Record<string, unknown> {
  const noItem = { id: NONE, force: false };
  return {
    check: nonEmpty(check, NONE),
    out: nonEmpty(out, noItem),
    in: nonEmpty(inward, noItem),
    both: nonEmpty(both, noItem),
    types: nonEmpty(filter.types, NONE),
    typeSet: typeSet(filter.types),
    viaTypes: nonEmpty(filter.viaTypes, NONE),
    viaWalk: filter.viaTypes.length > 0,
    via: nonEmpty(filter.via, NONE),
    statuses: nonEmpty(filter.statuses, NONE),
    minConfidence: filter.minConfidence,
    dated: filter.asOf !== null,
    asOf: filter.asOf === null ? NO_DATE : cypherDate(filter.asOf),
    avoid: nonEmpty(filter.avoid, NONE),
    topics: nonEmpty(filter.topics, NONE),
    cap: neo4j.int(cap),
    limit: neo4j.int(limit),
  };
}

/**
 * The literal type list the expansion reads (expand-hops-*.cypher `$typeSet`): `flow` or `route`
 * when every type is in that list, else `all`.
 */
export function typeSet(types: readonly string[]): "flow" | "route" | "all" {
  if (types.every((t) => (FLOW_RELATIONSHIP_TYPES as readonly string[]).includes(t))) return "flow";
  if (types.every((t) => (ROUTE_RELATIONSHIP_TYPES as readonly string[]).includes(t))) return "route";
  return "all";
}

export function toHopRow(row: Row): HopRow {
  return {
    edge: {
      id: text(row.id),
      type: text(row.type),
      start: text(row.start),
      end: text(row.end),
      confidence: Number(row.confidence),
      status: text(row.status),
      validFrom: row.validFrom === null || row.validFrom === undefined ? null : text(row.validFrom),
    },
    node: row.node === null || row.node === undefined ? "" : text(row.node),
    other: text(row.other),
    degree: Number(row.degree ?? 0),
    inDegree: Number(row.inDegree ?? 0),
    target: row.target === true,
  };
}

/** A row's scalar as text (ids, types, ISO dates); anything else is a query bug. */
export function text(value: Plain | undefined): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  throw new TypeError(`expected a string in a route row, got ${JSON.stringify(value)}`);
}

/** The parameters of expand-balls-*.cypher for `request`. */
export function ballsParams(request: BallsRequest, filter: HopFilter, cap: number): Record<string, unknown> {
  return {
    from: request.from,
    to: request.to,
    types: nonEmpty(filter.types, NONE),
    statuses: nonEmpty(filter.statuses, NONE),
    minConfidence: filter.minConfidence,
    dated: filter.asOf !== null,
    asOf: filter.asOf === null ? NO_DATE : cypherDate(filter.asOf),
    avoid: nonEmpty(filter.avoid, NONE),
    cap: neo4j.int(cap),
    levelBudget: neo4j.int(request.levelBudget),
    fLevels: neo4j.int(request.fLevels),
    bLevels: neo4j.int(request.bLevels),
    maxHops: neo4j.int(request.maxHops),
    pathBudget: neo4j.int(request.pathBudget),
  };
}

/** The filter parameters of expand-paths-flow.cypher and its kin. */
export function pathParams(filter: HopFilter, cap: number): Record<string, unknown> {
  return {
    // Check the hop filters while expanding only when they leave out more than retracted claims.
    inline:
      filter.minConfidence > 0 ||
      filter.asOf !== null ||
      !CLAIM_STATUSES.every((s) => filter.statuses.includes(s)) ||
      !FLOW_RELATIONSHIP_TYPES.every((t) => filter.types.includes(t)),
    types: nonEmpty(filter.types, NONE),
    statuses: nonEmpty(filter.statuses, NONE),
    minConfidence: filter.minConfidence,
    dated: filter.asOf !== null,
    asOf: filter.asOf === null ? NO_DATE : cypherDate(filter.asOf),
    avoid: nonEmpty(filter.avoid, NONE),
    cap: neo4j.int(cap),
  };
}
