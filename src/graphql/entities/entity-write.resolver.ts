import { Arg, Args, Ctx, Mutation, Resolver } from "type-graphql";
import type { EntityKind } from "../../model/vocabulary.js";
import { IdempotencyArgs } from "../claims/claim.args.js";
import type { GraphQLContext } from "../context.js";
import { AddEntityResult, EntityInput } from "./entity.input.js";

/** Entity writes: addEntity. A one-line call into EntityWriteService. */
@Resolver()
export class EntityWriteResolver {
  @Mutation(() => AddEntityResult, {
    description:
      "Creates an entity (version 1) and lists its possible duplicates. Needs the editor role. Errors: UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, CONFLICT (idempotencyKey reused).",
  })
  addEntity(@Arg("input", () => EntityInput) input: EntityInput, @Args(() => IdempotencyArgs) args: IdempotencyArgs, @Ctx() ctx: GraphQLContext) {
    return ctx.services.entityWrites.addEntity(ctx.caller, { ...input, kind: input.kind as EntityKind }, args.idempotencyKey);
  }
}
