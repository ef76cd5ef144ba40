import { Args, Ctx, Query, Resolver } from "type-graphql";
import { perResult, ROUTE_SEARCH_COST } from "../complexity.js";
import type { GraphQLContext } from "../context.js";
import { ConnectionsArgs, RoutesArgs } from "./route.args.js";
import { Connections, RouteSearch } from "./route.types.js";

/** Routes and connections between entities. Each a one-line call into a service. */
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
    return ctx.gate(() => ctx.services.connections.connect(args.ids, args.maxHops, args.direction, ctx.deadline, args.includeRetracted));
  }
}
