import neo4j from "neo4j-driver";
import type { Database, Row } from "../db/run.js";
import type { Plain } from "../db/values.js";
import { QueryTooCostlyError } from "../errors.js";
import { FLOW_RELATIONSHIP_TYPES, ROUTE_RELATIONSHIP_TYPES } from "../model/vocabulary.js";
import type { GraphSnapshot } from "./graph-snapshot.js";
import type { Walk } from "./hop-store.js";
import type { GraphEdge } from "./types.js";

/** Per-hop filters applied while fetching, so the in-memory search never sees excluded relationships. */
export interface HopFilter {
  /** Allow-listed relationship types to walk. */
  readonly types: readonly string[];
  /** Context types walkable where they touch an entity of `via` (direction ANY only; empty otherwise). */
  readonly viaTypes: readonly string[];
  /** The route's waypoints (where `viaTypes` are walkable). */
  readonly via: readonly string[];
  /** Claim statuses to walk. */
  readonly statuses: readonly string[];
  /** Minimum confidence of each hop, in [0, 1]. */
  readonly minConfidence: number;
  /** ISO 8601 date: keep relationships valid on that day, or null for no date filter. */
  readonly asOf: string | null;
  /** Entity ids no hop may enter. */
  readonly avoid: readonly string[];
  /** FtM topics that make an entity an exposure target (empty for routes). */
  readonly topics: readonly string[];
}

/** One entity to expand: all its relationships of `walk`. Without `force`, an entity with more than the degree cap of relationships in all is skipped (see expand-hops-*.cypher). */
export interface ExpandItem {
  readonly id: string;
  readonly walk: Walk;
  readonly force: boolean;
}

/** A relationship row: the relationship, the expanded entity and what is known of the neighbour. */
export interface HopRow {
  readonly edge: GraphEdge;
  /** The expanded entity. */
  readonly node: string;
  /** The neighbour. */
  readonly other: string;
  /** The neighbour's degree (relationships of the walked types). */
  readonly degree: number;
  /** True when the neighbour carries one of the filter's topics. */
  readonly target: boolean;
}

/** What a round trip says of an entity it checked. */
export interface EntityCheck {
  readonly exists: boolean;
  /** Relationships of the walked types (the hub measure). */
  readonly degree: number;
  /** Relationships of any type, either direction: an unforced expansion skips the entity past the cap. */
  readonly total: number;
  /** True when it carries one of the filter's topics. */
  readonly target: boolean;
}

/** What one round trip fetched. */
export interface FetchedHops {
  /** Per checked id: whether it exists, its degree and its relationships in all. */
  readonly checks: ReadonlyMap<string, EntityCheck>;
  readonly rows: readonly HopRow[];
  /** The items whose relationships were all fetched. */
  readonly expanded: readonly ExpandItem[];
  /** Relationship rows read. */
  readonly read: number;
  /** Set when the row limit or the time limit cut the round trip short. */
  readonly stop?: "LIMIT_REACHED" | "TIMED_OUT";
}

/** What the fast first round trip should fetch (see expand-balls-*.cypher). */
export interface BallsRequest {
  readonly from: string;
  readonly to: string;
  /** `out` (FLOW over the flow types) or `both` (ANY over the flow and connection types). */
  readonly walk: "out" | "both";
  /** Levels from `from`: 1 or 2. */
  readonly fLevels: number;
  /** Levels into `to`: 0 to 2. */
  readonly bLevels: number;
  /** The search's maxHops: the joining paths take the hops the levels leave (at most 3). */
  readonly maxHops: number;
  /** Most relationships a level may read (the degrees of the entities it expands). */
  readonly levelBudget: number;
  /** Most joining paths; past it the answer is not complete. */
  readonly pathBudget: number;
}

/** What the fast first round trip fetched. Rows' `node` is empty: the levels say which entities were expanded. */
export interface FetchedBalls {
  /** Ids of the filter's `avoid` that name no entity. */
  readonly missing: readonly string[];
  readonly fromDegree: number;
  readonly toDegree: number;
  readonly f1: readonly HopRow[];
  readonly f2: readonly HopRow[];
  readonly b1: readonly HopRow[];
  readonly b2: readonly HopRow[];
  readonly middle: readonly HopRow[];
  /** Which second levels ran, and whether the answer holds every relationship of every route within maxHops. */
  readonly done: { readonly f2: boolean; readonly b2: boolean; readonly complete: boolean };
}

/**
 * Reads relationships around entities for the route engine, one auto-commit round trip per
 * call (expand-hops-directed or expand-hops-any; expand-balls-* for a search's first).
 */
export class HopFetcher {
  private warm: Promise<void> | undefined;

  constructor(
    private readonly db: Database,
    private readonly snapshot: GraphSnapshot,
    private readonly degreeCap: number,
  ) {}

  /**
   * Checks `check` and expands `items` (all with the same walk family: out/in, or both) in one
   * round trip.
   * @param limit most relationship rows to read; past it the answer says LIMIT_REACHED.
   * @param timeoutMs transaction timeout in **milliseconds**; past it the answer says TIMED_OUT.
   * @throws DatabaseUnavailableError when Neo4j is down.
   */
  async fetch(check: readonly string[], items: readonly ExpandItem[], filter: HopFilter, limit: number, timeoutMs: number): Promise<FetchedHops> {
    if (check.length === 0 && items.length === 0) return { checks: new Map(), rows: [], expanded: [], read: 0 };
    const any = items.some((i) => i.walk === "both");
    const pick = (walk: Walk) => items.filter((i) => i.walk === walk).map(({ id, force }) => ({ id, force }));
    const params = expandParams(check, pick("out"), pick("in"), pick("both"), filter, this.degreeCap, limit + 1 + check.length);
    let rows: Row[];
    try {
      rows = await this.db.readAutoCommit(any ? "expand-hops-any" : "expand-hops-directed", params, { timeoutMs: Math.max(timeoutMs, 50) });
    } catch (err) {
      if (err instanceof QueryTooCostlyError) return { checks: new Map(), rows: [], expanded: [], read: 0, stop: "TIMED_OUT" };
      throw err;
    }
    const checks = new Map<string, EntityCheck>();
    const hopRows: HopRow[] = [];
    const expandedIds = new Set<string>();
    for (const row of rows) {
      if (row.node === NONE) continue;
      if (row.id === null) {
        checks.set(text(row.node), { exists: row.exists === true, degree: Number(row.degree ?? 0), total: Number(row.total ?? 0), target: row.target === true });
        continue;
      }
      const hopRow = toHopRow(row);
      hopRows.push(hopRow);
      expandedIds.add(hopRow.node);
    }
    if (hopRows.length > limit) return { checks, rows: hopRows, expanded: [], read: hopRows.length, stop: "LIMIT_REACHED" };
    // Without force, the query skips an entity with more than the cap of relationships in all
    // (its check row says so): it is not expanded.
    const expanded = items.filter((item) => item.force || (checks.get(item.id)?.total ?? 0) <= this.degreeCap);
    return { checks, rows: hopRows, expanded, read: hopRows.length };
  }

  /**
   * The fast first round trip of a route search (expand-balls-*.cypher): two breadth-first levels
   * from each end and the paths joining them, when neither end is a hub.
   * @returns null when either end is missing or a hub (the caller then checks and expands in the
   *   general way), else the levels' rows and what ran.
   * @throws DatabaseUnavailableError when Neo4j is down.
   */
  async balls(request: BallsRequest, filter: HopFilter, timeoutMs: number): Promise<FetchedBalls | null> {
    const params = {
      from: request.from,
      to: request.to,
      types: nonEmpty(filter.types, NONE),
      statuses: nonEmpty(filter.statuses, NONE),
      minConfidence: filter.minConfidence,
      dated: filter.asOf !== null,
      asOf: filter.asOf === null ? NO_DATE : cypherDate(filter.asOf),
      avoid: nonEmpty(filter.avoid, NONE),
      cap: neo4j.int(this.degreeCap),
      levelBudget: neo4j.int(request.levelBudget),
      fLevels: neo4j.int(request.fLevels),
      bLevels: neo4j.int(request.bLevels),
      maxHops: neo4j.int(request.maxHops),
      pathBudget: neo4j.int(request.pathBudget),
    };
    let found: Row[];
    try {
      found = await this.db.readAutoCommit(request.walk === "out" ? "expand-balls-flow" : "expand-balls-route", params, { timeoutMs: Math.max(timeoutMs, 50) });
    } catch (err) {
      if (err instanceof QueryTooCostlyError) return null;
      throw err;
    }
    const row = found[0];
    if (!row) return null;
    const rows = (key: string) => ((row[key] ?? []) as Row[]).map((r) => toHopRow({ ...r, node: null }));
    const done = row.done as { f2: boolean; b2: boolean; complete: boolean };
    return {
      missing: ((row.missing ?? []) as string[]).map(String),
      fromDegree: Number(row.fromDegree),
      toDegree: Number(row.toDegree),
      f1: rows("f1"),
      f2: rows("f2"),
      b1: rows("b1"),
      b2: rows("b2"),
      middle: rows("mid"),
      done: { f2: done.f2, b2: done.b2, complete: done.complete },
    };
  }
  /**
   * Confirms the database state in one small round trip (the node and relationship counts, from
   * Neo4j's count store: a change empties every answer cache) and checks that `ids` name entities.
   * @returns the ids that name no entity.
   * @throws DatabaseUnavailableError when Neo4j is down.
   */
  async confirm(ids: readonly string[]): Promise<string[]> {
    const [row] = await this.db.readAutoCommit("graph-fingerprint", { ids: nonEmpty(ids, NONE) });
    this.snapshot.observe(`${Number(row?.nodes)}:${Number(row?.relationships)}`);
    return ((row?.missing ?? []) as string[]).filter((id) => id !== NONE);
  }

  /**
   * Runs the expansion queries once with no work, so that Neo4j has planned them before the
   * first search starts its clock (each plan takes 300–400 ms, more on a busy machine).
   * @throws DatabaseUnavailableError when Neo4j is down (a later call tries again).
   */
  async ready(): Promise<void> {
    this.warm ??= (async () => {
      const idle: HopFilter = { types: ["SUPPLIED"], viaTypes: [], via: [], statuses: ["REPORTED"], minConfidence: 0, asOf: null, avoid: [], topics: [] };
      for (const dated of [null, "2000-01-01"]) {
        const params = expandParams([], [], [], [], { ...idle, asOf: dated }, this.degreeCap, 1);
        await this.db.readAutoCommit("expand-hops-directed", params);
        await this.db.readAutoCommit("expand-hops-any", params);
        for (const walk of ["out", "both"] as const) {
          await this.balls({ from: NONE, to: NONE, walk, fLevels: 1, bLevels: 0, maxHops: 1, levelBudget: 1, pathBudget: 1 }, { ...idle, asOf: dated }, 60_000);
        }
      }
    })().catch((err: unknown) => {
      this.warm = undefined;
      throw err;
    });
    return this.warm;
  }
}

/** The id that stands for "none" in a list parameter, so lists are never empty (no entity has it: ids are non-empty). */
const NONE = "";

/** A date that stands for "no date" in `$asOf` (ignored: `$dated` is false). */
const NO_DATE = new neo4j.types.Date(2000, 1, 1);

/** A Cypher DATE for an ISO 8601 `YYYY-MM-DD` (read from the text, so the time zone plays no part). */
export function cypherDate(iso: string): InstanceType<typeof neo4j.types.Date> {
  const [y, m, d] = iso.split("-").map(Number);
  return new neo4j.types.Date(y!, m!, d!);
}

/** A list parameter that is never empty (see the note on parameter types in expand-hops-*.cypher). */
function nonEmpty<T>(list: readonly T[], none: T): readonly T[] {
  return list.length > 0 ? list : [none];
}

/** The parameters of expand-hops-*.cypher, each always of the same type. */
function expandParams(
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

function toHopRow(row: Row): HopRow {
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
    target: row.target === true,
  };
}

/** A row's scalar as text (ids, types, ISO dates); anything else is a query bug. */
function text(value: Plain | undefined): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  throw new TypeError(`expected a string in a route row, got ${JSON.stringify(value)}`);
}
