import type { ComplexityEstimator } from "graphql-query-complexity";
import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root, ID } from "type-graphql";
import { LIMITS } from "../model/limits.js";
import type { EntityView } from "../services/views.js";
import type { GraphQLContext } from "./context.js";
import { Entity, Relationship, Subgraph } from "./entity.types.js";
import { Connections, ConnectionsArgs, NeighborhoodArgs, RouteSearch, RoutesArgs, SearchArgs } from "./route.types.js";

/**
 * Cost of a list field for graphql-query-complexity: its children's cost times the number of
 * results it may return (`limit`, or the field's default when omitted).
 */
const perResult = ({ args, childComplexity }: Parameters<ComplexityEstimator>[0]): number =>
  1 + childComplexity * Math.max(1, Number(args.limit ?? LIMITS.routeLimitDefault));

/**
 * Fixed cost of one route search (a bounded expansion plus an in-memory search), on top of its
 * results: with the default ceiling of 20000, one operation holds at most about 100 searches.
 */
const ROUTE_SEARCH_COST = 200;

/** Queries: each a one-line call into a service. */
@Resolver(() => Entity)
export class EntityResolver {
  @Query(() => [Entity], {
    description: "Full-text search over entity names and aliases, best match first. Errors: BAD_USER_INPUT (text too long, limit out of range).",
    complexity: perResult,
  })
  search(@Args(() => SearchArgs) args: SearchArgs, @Ctx() ctx: GraphQLContext): Promise<EntityView[]> {
    return ctx.gate(() => ctx.services.search.search(args.text, args.limit));
  }

  @Query(() => Entity, { nullable: true, description: "One entity by id. Errors: NOT_FOUND for an unknown id." })
  entity(@Arg("id", () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<EntityView> {
    return ctx.gate(() => ctx.services.entities.getEntity(id));
  }

  @Query(() => RouteSearch, {
    description:
      "Ranked routes between two entities with evidence for every hop: the exact top `limit` simple paths by confidence (product of hop confidences), ties broken by fewer hops. Errors: NOT_FOUND (unknown id), BAD_USER_INPUT (out of range, from = to), DATABASE_UNAVAILABLE.",
    complexity: (options) => ROUTE_SEARCH_COST + perResult(options),
  })
  routes(@Args(() => RoutesArgs) args: RoutesArgs, @Ctx() ctx: GraphQLContext) {
    return ctx.gate(() => ctx.services.routes.findRoutes(args, { deadline: ctx.deadline }));
  }

  @Query(() => Connections, {
    description:
      "How 2–10 entities are connected: best pairwise routes, a maximum-confidence spanning tree over them, and the union subgraph with evidence on every edge. Errors: BAD_USER_INPUT, NOT_FOUND.",
    complexity: ({ args, childComplexity }) => {
      const n = Math.max(2, args.ids?.length ?? 2);
      return ROUTE_SEARCH_COST * ((n * (n - 1)) / 2) + childComplexity * (n - 1);
    },
  })
  connections(@Args(() => ConnectionsArgs) args: ConnectionsArgs, @Ctx() ctx: GraphQLContext) {
    return ctx.gate(() => ctx.services.connections.connect(args.ids, args.maxHops, args.direction, ctx.deadline));
  }

  @Query(() => Subgraph, {
    description: "An entity's neighbourhood as nodes and edges, for a visualization client. Errors: NOT_FOUND, BAD_USER_INPUT.",
    complexity: perResult,
  })
  neighborhood(@Args(() => NeighborhoodArgs) args: NeighborhoodArgs, @Ctx() ctx: GraphQLContext) {
    return ctx.gate(() => ctx.services.neighborhood.neighborhood(args.id, args.depth, args.limit));
  }

  @FieldResolver(() => [Relationship], { description: "The entity's relationships in both directions, strongest first.", complexity: perResult })
  relationships(
    @Root() entity: EntityView,
    @Arg("limit", () => Int, { defaultValue: LIMITS.relationshipLimitDefault, description: `Default ${LIMITS.relationshipLimitDefault}, from 1 to ${LIMITS.relationshipLimitCap}.` }) limit: number,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.gate(() => ctx.services.entities.getRelationships(entity.id, limit));
  }
}
