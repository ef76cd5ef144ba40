import { ArgsType, Field, Float, ID, Int, ObjectType } from "type-graphql";
import { LIMITS } from "../model/limits.js";
import { Entity, Relationship, Subgraph } from "./entity.types.js";
import { ClaimStatusEnum, RelationshipTypeEnum, RouteDirectionEnum, RouteSearchReasonEnum } from "./enums.js";

@ObjectType({ description: "One hop of a route: a relationship walked from one entity to the next." })
export class Hop {
  @Field(() => Entity)
  from!: Entity;

  @Field(() => Entity)
  to!: Entity;

  @Field(() => Relationship, { description: "The claim behind the hop, with evidence quotes and sources." })
  relationship!: Relationship;

  @Field(() => Boolean, { description: "True when the hop walks the relationship against its stored direction (direction ANY only)." })
  reversed!: boolean;
}

@ObjectType({ description: "A simple path between two entities, ranked by confidence." })
export class Route {
  @Field(() => Int, { description: "1-based position in the ranking." })
  rank!: number;

  @Field(() => Float, { description: "Route confidence: the product of hop confidences, in [0, 1], rounded to 9 decimal places." })
  confidence!: number;

  @Field(() => Int, { description: "Number of hops." })
  length!: number;

  @Field(() => String, { description: "One line: entity names in route order joined by → (← where a hop runs against the relationship's stored direction)." })
  summary!: string;

  @Field(() => [Hop])
  hops!: Hop[];
}

@ObjectType({ description: "The answer to a route question, honest about its completeness." })
export class RouteSearch {
  @Field(() => [Route], { description: "Best first: confidence desc, then fewer hops, then relationship ids." })
  routes!: Route[];

  @Field(() => Boolean, { description: "True when a time or work limit cut the search short (see reason)." })
  truncated!: boolean;

  @Field(() => Boolean, { description: "True when the whole space within maxHops was searched: no better route was left unexamined." })
  exhausted!: boolean;

  @Field(() => Boolean, { description: "True when more routes than limit satisfy the query." })
  hasMore!: boolean;

  @Field(() => RouteSearchReasonEnum, { nullable: true, description: "Why there are no routes, or why the search was cut short; null otherwise." })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: "What to try next when there are no routes or the search was cut short; null otherwise." })
  hint!: string | null;

  @Field(() => Int, { description: "Time the search took, in milliseconds." })
  elapsedMs!: number;

  @Field(() => Subgraph, { description: "Union of the routes' nodes and relationships, for a visualization client." })
  subgraph!: Subgraph;
}

@ArgsType()
export class RoutesArgs {
  @Field(() => ID, { description: "Entity id where routes start." })
  from!: string;

  @Field(() => ID, { description: "Entity id where routes end; must differ from `from`." })
  to!: string;

  @Field(() => Int, { defaultValue: LIMITS.maxHopsDefault, description: `Maximum hops per route. Default ${LIMITS.maxHopsDefault}, from 1 to ${LIMITS.maxHopsCap}.` })
  maxHops!: number;

  @Field(() => Int, { defaultValue: LIMITS.routeLimitDefault, description: `How many routes to return. Default ${LIMITS.routeLimitDefault}, from 1 to ${LIMITS.routeLimitCap}.` })
  limit!: number;

  @Field(() => Float, { defaultValue: 0, description: "Minimum confidence in [0, 1], applied to each hop and to the route's product. Default 0." })
  minConfidence!: number;

  @Field(() => RouteDirectionEnum, { defaultValue: RouteDirectionEnum.FLOW, description: "FLOW (default) follows goods and money; ANY follows every relationship both ways." })
  direction!: RouteDirectionEnum;

  @Field(() => [RelationshipTypeEnum], { nullable: true, description: "Relationship types to follow. Default: the flow types for FLOW; for ANY every type except provenance links (REPORTED_ON)." })
  relationshipTypes?: string[] | null;

  @Field(() => [ClaimStatusEnum], { nullable: true, description: "Statuses to follow, for example [REPORTED] to drop possible claims. Default: all." })
  statuses?: string[] | null;

  @Field(() => [ID], { nullable: true, description: `Waypoints every route passes, in any order. At most ${LIMITS.viaCap}.` })
  via?: string[] | null;

  @Field(() => [ID], { nullable: true, description: `Entities no route may pass. At most ${LIMITS.avoidCap}.` })
  avoid?: string[] | null;

  @Field(() => String, { nullable: true, description: "ISO 8601 date (YYYY-MM-DD): keep hops valid on that day (validFrom ≤ asOf ≤ validTo; missing bounds are open)." })
  asOf?: string | null;

  @Field(() => Boolean, { defaultValue: false, description: "When true, each dated hop's validFrom is no earlier than the latest validFrom before it; undated hops pass. Default false." })
  timeRespecting!: boolean;
}

@ArgsType()
export class SearchArgs {
  @Field(() => String, { description: `Words of a name or alias; case-insensitive, matched literally (no Lucene syntax). At most ${LIMITS.searchTextCap} characters.` })
  text!: string;

  @Field(() => Int, { defaultValue: LIMITS.searchLimitDefault, description: `Maximum results. Default ${LIMITS.searchLimitDefault}, from 1 to ${LIMITS.searchLimitCap}.` })
  limit!: number;
}

@ArgsType()
export class NeighborhoodArgs {
  @Field(() => ID, { description: "Entity id at the centre." })
  id!: string;

  @Field(() => Int, { defaultValue: LIMITS.neighborhoodDepthDefault, description: `Hops from the centre, any type and direction. Default ${LIMITS.neighborhoodDepthDefault}, from 1 to ${LIMITS.neighborhoodDepthCap}.` })
  depth!: number;

  @Field(() => Int, { defaultValue: LIMITS.neighborhoodLimitDefault, description: `Maximum entities. Default ${LIMITS.neighborhoodLimitDefault}, from 1 to ${LIMITS.neighborhoodLimitCap}.` })
  limit!: number;
}

@ObjectType({ description: "How a set of entities is connected: a spanning tree of best pairwise routes and its subgraph." })
export class Connections {
  @Field(() => [Route], { description: "One route per edge of the maximum-confidence spanning tree over the entities." })
  routes!: Route[];

  @Field(() => Subgraph, { description: "Union of the kept routes' nodes and relationships, each with evidence, plus every requested entity." })
  subgraph!: Subgraph;

  @Field(() => [ID], { description: "Entities that no route within maxHops joins to the largest connected group." })
  unconnected!: string[];

  @Field(() => Boolean, { description: "True when a pairwise search was cut short by the shared time budget or a work limit." })
  truncated!: boolean;

  @Field(() => RouteSearchReasonEnum, {
    nullable: true,
    description: "TIMED_OUT or LIMIT_REACHED when a pairwise search was cut short; NO_PATH_WITHIN_HOPS when an entity stays unconnected within maxHops; null otherwise.",
  })
  reason!: string | null;
}

@ArgsType()
export class ConnectionsArgs {
  @Field(() => [ID], { description: `${LIMITS.connectionsMin} to ${LIMITS.connectionsMax} distinct entity ids.` })
  ids!: string[];

  @Field(() => Int, { defaultValue: 4, description: `Maximum hops of each pairwise route. Default 4, from 1 to ${LIMITS.maxHopsCap}.` })
  maxHops!: number;

  @Field(() => RouteDirectionEnum, { defaultValue: RouteDirectionEnum.ANY, description: "ANY (default): every relationship both ways; FLOW: goods and money only." })
  direction!: RouteDirectionEnum;
}
