import type { Database, Row } from "../db/run.js";
import type { IdentityCrossing } from "../resolution/identity-crossings.js";
import type { FoundRoute, RouteStop } from "../routes/types.js";
import { toEntityView, toRelationshipView, type EntityView, type RelationshipView, type SubgraphView } from "./views.js";

/** Why a route search has no routes, or was cut short. */
export type RouteSearchReason = "NO_PATH_WITHIN_HOPS" | RouteStop;

/** One hop of a route: every relationship between two consecutive entities in the route's direction. */
export interface HopView {
  readonly from: EntityView;
  readonly to: EntityView;
  /** The hop's strongest relationship (the one its confidence uses; under timeRespecting, the strongest that keeps the route in date order). */
  readonly relationship: RelationshipView;
  /** Every relationship of the hop that passes the filters, strongest first (`relationship` among them). */
  readonly relationships: readonly RelationshipView[];
  /** The hop's confidence: its strongest relationship's, in [0, 1]. */
  readonly confidence: number;
  /** True when `relationship` is walked against its stored direction (direction ANY). */
  readonly reversed: boolean;
}

/** One ranked route. */
export interface RouteView {
  /** 1-based position in the ranking. */
  readonly rank: number;
  /** Product of hop confidences, in [0, 1], rounded to 9 decimal places. */
  readonly confidence: number;
  /** Number of hops. */
  readonly length: number;
  /**
   * Entity names in route order: "DJI → Small intermediaries and exporters → Russia → …". A hop
   * walked against its stored direction (direction ANY) shows "←": "DJI → Intermediaries ← Biden administration".
   */
  readonly summary: string;
  readonly hops: readonly HopView[];
  /**
   * Where the route passes from one record of an entity to another (entity resolution,
   * docs/resolution.md), with the POSITIVE judgements that make them one actor; in route order,
   * empty when it crosses none.
   */
  readonly identityCrossings: readonly IdentityCrossing[];
}

/** A hub a search did not walk through. */
export interface SkippedHubView {
  readonly entity: EntityView;
  /** Its relationships of the walked types, either direction. */
  readonly degree: number;
}

/** A route search's answer, honest about how complete it is. */
export interface RouteSearchView {
  readonly routes: readonly RouteView[];
  /** True when a time or work limit cut the search short (see `reason`). */
  readonly truncated: boolean;
  /** True when the answer is proved complete: no better route within maxHops was left unexamined (routes through skipped hubs aside). */
  readonly exhausted: boolean;
  /** True when more routes than `limit` satisfy the query. */
  readonly hasMore: boolean;
  readonly reason: RouteSearchReason | null;
  /** One sentence on what to try next when there are no routes, the search was cut or hubs were skipped; null otherwise. */
  readonly hint: string | null;
  /** Milliseconds the search took. */
  readonly elapsedMs: number;
  /** Hubs met and not walked through, most relationships first. */
  readonly skippedHubs: readonly SkippedHubView[];
  /** Union of the routes' nodes and relationships. */
  readonly subgraph: SubgraphView;
}

/**
 * Loads what found routes show (every hop's relationships with evidence and sources, and their
 * entities) in one auto-commit round trip.
 */
export class RouteDescriber {
  constructor(private readonly db: Database) {}

  /**
   * Views of `found`, ranked from 1 in the order given; relationships whose rows `evidence` holds
   * (relationships-by-ids.cypher's shape, brought by the search) are not read again.
   * @throws Error when a relationship vanished between the search and this read (a concurrent delete).
   */
  async describe(found: readonly FoundRoute[], evidence: readonly Row[] = []): Promise<RouteView[]> {
    const byKey = new Map<string, RelationshipView>();
    for (const row of evidence) {
      const rel = toRelationshipView(row);
      byKey.set(relKey(rel.type, rel.id), rel);
    }
    const wanted = new Map<string, { id: string; start: string; end: string }>();
    for (const route of found) {
      for (const hop of route.hops) {
        for (const s of hop.steps)
          if (!byKey.has(relKey(s.edge.type, s.edge.id))) wanted.set(relKey(s.edge.type, s.edge.id), { id: s.edge.id, start: s.edge.start, end: s.edge.end });
      }
    }
    if (wanted.size > 0) {
      for (const row of await this.db.readAutoCommit("relationships-by-ids", { refs: [...wanted.values()] })) {
        const rel = toRelationshipView(row);
        byKey.set(relKey(rel.type, rel.id), rel);
      }
    }
    return found.map((route, i) => toRouteView(route, i + 1, byKey));
  }

  /** Entity views of skipped hubs (one round trip when there are any). */
  async hubs(hubs: readonly { id: string; degree: number }[]): Promise<SkippedHubView[]> {
    if (hubs.length === 0) return [];
    const rows = await this.db.readAutoCommit("entities-by-ids", { ids: hubs.map((h) => h.id) });
    const byId = new Map(rows.map((r) => [String((r.entity as Record<string, unknown>).id), toEntityView(r.entity)]));
    return hubs.flatMap((h) => {
      const entity = byId.get(h.id);
      return entity ? [{ entity, degree: h.degree }] : [];
    });
  }
}

function toRouteView(route: FoundRoute, rank: number, byKey: ReadonlyMap<string, RelationshipView>): RouteView {
  const hops = route.hops.map((hop): HopView => {
    const rel = (type: string, id: string) => {
      const view = byKey.get(relKey(type, id));
      if (!view) throw new Error(`Relationship ${type} ${id} vanished during the search`);
      return view;
    };
    const relationships = hop.steps.map((s) => rel(s.edge.type, s.edge.id));
    const relationship = rel(hop.chosen.edge.type, hop.chosen.edge.id);
    const ends = hop.chosen.reversed ? [relationship.to, relationship.from] : [relationship.from, relationship.to];
    return { from: ends[0]!, to: ends[1]!, relationship, relationships, confidence: hop.chosen.edge.confidence, reversed: hop.chosen.reversed };
  });
  const summary = hops.reduce((text, h) => `${text} ${h.reversed ? "←" : "→"} ${h.to.name}`, hops[0]!.from.name);
  return { rank, confidence: roundConfidence(route.confidence), length: hops.length, summary, hops, identityCrossings: [] };
}

/**
 * Rounds a confidence product to 9 decimal places for display (0.8³ prints as 0.512, not
 * 0.5120000000000001). Ranking always uses the unrounded product.
 */
export function roundConfidence(value: number): number {
  return Number(value.toFixed(9));
}

/** Key of a relationship: its type and id (ids are unique per type). */
export function relKey(type: string, id: string): string {
  return `${type}\u0000${id}`;
}

/** The union of the routes' entities and every relationship of their hops, each once. */
export function routesSubgraph(routes: readonly RouteView[]): SubgraphView {
  const nodes = new Map<string, EntityView>();
  const edges = new Map<string, RelationshipView>();
  for (const route of routes) {
    for (const hop of route.hops) {
      nodes.set(hop.from.id, hop.from);
      nodes.set(hop.to.id, hop.to);
      for (const rel of hop.relationships) edges.set(relKey(rel.type, rel.id), rel);
    }
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()], truncated: false };
}
