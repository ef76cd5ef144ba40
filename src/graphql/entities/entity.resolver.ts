import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { LIMITS } from "../../model/limits.js";
import type { EntityView } from "../../services/views.js";
import { perResult } from "../complexity.js";
import type { GraphQLContext } from "../context.js";
import { NeighborhoodArgs, SearchArgs } from "./entity.args.js";
import { Entity, Relationship, Subgraph } from "./entity.types.js";

/** Entities: search, one entity with its relationships, and neighbourhoods. Each a one-line call into a service. */
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

  @Query(() => Subgraph, {
    description: "An entity's neighbourhood as nodes and edges, for a visualization client. Errors: NOT_FOUND, BAD_USER_INPUT.",
    complexity: perResult,
  })
  neighborhood(@Args(() => NeighborhoodArgs) args: NeighborhoodArgs, @Ctx() ctx: GraphQLContext) {
    return ctx.gate(() => ctx.services.neighborhood.neighborhood(args.id, args.depth, args.limit, args));
  }

  @FieldResolver(() => [Entity], {
    description:
      "The countries the entity is registered, based or located in: Country entities at the end of its context relationships (BASED_IN, LOCATED_IN), which routes do not walk by default. Ordered by id.",
  })
  async countries(@Root() entity: EntityView, @Ctx() ctx: GraphQLContext): Promise<EntityView[]> {
    // Not gated: the loader batches every entity of the answer into one query, which the gate would split up.
    return (await ctx.services.entities.places(entity.id)).filter((p) => p.kind === "Country");
  }

  @FieldResolver(() => [Entity], {
    description:
      "The addresses of the entity: Address entities at the end of its context relationships (BASED_IN, LOCATED_IN), for example from FtM addressEntity. Ordered by id.",
  })
  async addresses(@Root() entity: EntityView, @Ctx() ctx: GraphQLContext): Promise<EntityView[]> {
    return (await ctx.services.entities.places(entity.id)).filter((p) => p.kind === "Address");
  }

  @FieldResolver(() => [Relationship], { description: "The entity's relationships in both directions, strongest first.", complexity: perResult })
  relationships(
    @Root() entity: EntityView,
    @Arg("limit", () => Int, {
      defaultValue: LIMITS.relationshipLimitDefault,
      description: `Default ${LIMITS.relationshipLimitDefault}, from 1 to ${LIMITS.relationshipLimitCap}.`,
    })
    limit: number,
    @Ctx() ctx: GraphQLContext,
    @Arg("includeRetracted", () => Boolean, { defaultValue: false, description: "Also retracted claims, marked. Default false." }) includeRetracted: boolean,
  ) {
    return ctx.gate(() => ctx.services.entities.getRelationships(entity.id, limit, includeRetracted));
  }
}
