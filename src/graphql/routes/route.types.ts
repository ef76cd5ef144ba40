import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Entity, Relationship, Subgraph } from "../entities/entity.types.js";
import { RouteSearchReasonEnum } from "../enums.js";
import { Judgement } from "../resolution/resolution.types.js";

@ObjectType({ description: "One hop of a route: from one entity to the next, with every relationship between them in the route's direction." })
export class Hop {
  @Field(() => Entity)
  from!: Entity;

  @Field(() => Entity)
  to!: Entity;

  @Field(() => Relationship, {
    description:
      "The hop's strongest claim, with evidence quotes and sources: the one its confidence uses (with timeRespecting, the strongest that keeps the route in date order).",
  })
  relationship!: Relationship;

  @Field(() => [Relationship], {
    description:
      "Every claim between the two entities in the route's direction that passes the filters, strongest first (confidence, then status, then id). Parallel claims are one hop, not several routes.",
  })
  relationships!: Relationship[];

  @Field(() => Float, {
    description: "The hop's confidence: that of its strongest claim (the maximum; claims are not multiplied or added, see docs/routes.md).",
  })
  confidence!: number;

  @Field(() => Boolean, { description: "True when the hop walks its relationship against its stored direction (direction ANY only)." })
  reversed!: boolean;
}

@ObjectType({
  description:
    "An entity with more relationships than the degree cap (ROUTE_HUB_DEGREE), which the search did not walk through. Name it in `via` to go through it.",
})
export class SkippedHub {
  @Field(() => Entity)
  entity!: Entity;

  @Field(() => Int, { description: "Its relationships of the walked types, either direction, any status or date." })
  degree!: number;
}

@ObjectType({
  description:
    "Where a route passes from one record of an entity to another: the two records were judged one actor (entity resolution, docs/resolution.md), so the route may arrive at one and leave from the other. The judgements complete the route's evidence chain.",
})
export class IdentityCrossing {
  @Field(() => Int, { description: "Index of the entity in the route where it crosses: 0 is the start, the route's length is its end." })
  position!: number;

  @Field(() => ID, { description: "The record the route arrives at (at position 0: the id the search was asked from)." })
  from!: string;

  @Field(() => ID, { description: "The record it leaves from (at the last position: the id the search was asked for)." })
  to!: string;

  @Field(() => [Judgement], {
    description: "The POSITIVE judgements that join the two records, in order from `from` to `to` (one when they were judged directly).",
  })
  judgements!: Judgement[];

  @Field(() => String, {
    description: 'One sentence per judgement: "NORTHWIND AVIA LIMITED = North Wind Avia Ltd, judged by alice on 2026-12-07: Same Companies House number".',
  })
  text!: string;
}

@ObjectType({
  description: "A simple path of entities between two entities, ranked by confidence; no two routes of an answer have the same entities in the same order.",
})
export class Route {
  @Field(() => Int, { description: "1-based position in the ranking." })
  rank!: number;

  @Field(() => Float, { description: "Route confidence: the product of hop confidences, in [0, 1], rounded to 9 decimal places." })
  confidence!: number;

  @Field(() => Int, { description: "Number of hops." })
  length!: number;

  @Field(() => String, { description: "One line: entity names in route order joined by → (← where a hop runs against the relationship's stored direction)." })
  summary!: string;

  @Field(() => [Hop], { description: "The hops in route order; each hop's entities and relationships are the records as stored." })
  hops!: Hop[];

  @Field(() => [IdentityCrossing], {
    description: "Where the route passes from one record of an entity to another, with the judgements that make them one actor; empty when it crosses none.",
  })
  identityCrossings!: IdentityCrossing[];
}

@ObjectType({ description: "The answer to a route question, honest about its completeness." })
export class RouteSearch {
  @Field(() => [Route], { description: "Best first: confidence desc, then fewer hops, then relationship ids." })
  routes!: Route[];

  @Field(() => Boolean, { description: "True when a time or work limit cut the search short (see reason)." })
  truncated!: boolean;

  @Field(() => Boolean, {
    description: "True when the whole space within maxHops was searched: no better route was left unexamined, routes through skippedHubs aside.",
  })
  exhausted!: boolean;

  @Field(() => Boolean, { description: "True when more routes than limit satisfy the query." })
  hasMore!: boolean;

  @Field(() => RouteSearchReasonEnum, { nullable: true, description: "Why there are no routes, or why the search was cut short; null otherwise." })
  reason!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "What to try next when there are no routes, the search was cut short or hubs were skipped; null otherwise.",
  })
  hint!: string | null;

  @Field(() => Int, { description: "Time the search took, in milliseconds." })
  elapsedMs!: number;

  @Field(() => [SkippedHub], { description: "Hubs the search met and did not walk through, most relationships first (at most 20). Empty when none." })
  skippedHubs!: SkippedHub[];

  @Field(() => Subgraph, { description: "Union of the routes' nodes and relationships, for a visualization client." })
  subgraph!: Subgraph;
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

  @Field(() => [SkippedHub], { description: "Hubs the pairwise searches met and did not walk through, most relationships first." })
  skippedHubs!: SkippedHub[];

  @Field(() => RouteSearchReasonEnum, {
    nullable: true,
    description:
      "TIMED_OUT or LIMIT_REACHED when a pairwise search was cut short; NO_PATH_WITHIN_HOPS when an entity stays unconnected within maxHops; null otherwise.",
  })
  reason!: string | null;
}
