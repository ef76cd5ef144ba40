import { Args, Ctx, Query, Resolver } from "type-graphql";
import { perResult, ROUTE_SEARCH_COST } from "../complexity.js";
import type { GraphQLContext } from "../context.js";
import { ConnectionsArgs, ExposureArgs, RoutesArgs } from "./route.args.js";
import { Connections, RouteSearch } from "./route.types.js";

/** Routes, exposure and connections between entities. Each a one-line call into a service. */
@Resolver()
export class RouteResolver {
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
      const ids = args.ids as unknown[] | undefined;
      const n = Math.max(2, ids?.length ?? 2);
      return ROUTE_SEARCH_COST * ((n * (n - 1)) / 2) + childComplexity * (n - 1);
    },
  })
  connections(@Args(() => ConnectionsArgs) args: ConnectionsArgs, @Ctx() ctx: GraphQLContext) {
    return ctx.gate(() => ctx.services.connections.connect(args.ids, { ...args, deadline: ctx.deadline }));
  }

  @Query(() => RouteSearch, {
    description:
      "How close is an entity to a sanctioned party (or one with another FollowTheMoney topic)? The top `limit` routes from `id` to any entity carrying one of `topics`, ranked like routes, in one search; a route ends at the first such entity it reaches. Errors: NOT_FOUND, BAD_USER_INPUT (unknown topic, out of range), DATABASE_UNAVAILABLE.",
    complexity: (options) => ROUTE_SEARCH_COST + perResult(options),
  })
  exposure(@Args(() => ExposureArgs) args: ExposureArgs, @Ctx() ctx: GraphQLContext) {
    return ctx.gate(() => ctx.services.routes.exposure(args, { deadline: ctx.deadline }));
  }
}
