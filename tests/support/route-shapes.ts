/** The shapes of the route answers the integration tests select (a subset of schema.graphql's). */

export interface EntityRef {
  id: string;
  name?: string;
  topics?: string[];
}

export interface RelationshipRef {
  id: string;
  type?: string;
  status?: string;
  confidence?: number;
}

export interface HopShape {
  from: EntityRef;
  to: EntityRef;
  confidence?: number;
  relationship: RelationshipRef;
  relationships: RelationshipRef[];
}

export interface RouteShape {
  rank?: number;
  confidence: number;
  length?: number;
  summary: string;
  hops: HopShape[];
}

export interface RouteSearchShape {
  exhausted?: boolean;
  reason?: string | null;
  hint?: string | null;
  skippedHubs?: { entity: EntityRef; degree?: number }[];
  routes: RouteShape[];
}

/** The entity ids of a route, in order. */
export function nodeIds(route: RouteShape): string[] {
  return [route.hops[0]!.from.id, ...route.hops.map((h) => h.to.id)];
}
