import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { SourceKind } from "../../services/source.service.js";
import type { SourceView } from "../../services/views.js";
import type { GraphQLContext } from "../context.js";
import { Source } from "../entities/entity.types.js";
import { IdempotencyArgs } from "../claims/claim.args.js";
import { SourceInput } from "./source.input.js";

/** Sources: addSource, one source with its text. Each a one-line call into SourceService. */
@Resolver(() => Source)
export class SourceResolver {
  @Mutation(() => Source, {
    description:
      "Stores a source with its full text and the text's sha256; the same text again returns the same Source (nothing written). Needs the editor role. Errors: UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT (empty or oversized text, bad URL or date), CONFLICT (idempotencyKey reused).",
  })
  addSource(@Arg("input", () => SourceInput) input: SourceInput, @Args(() => IdempotencyArgs) args: IdempotencyArgs, @Ctx() ctx: GraphQLContext) {
    return ctx.services.sources.addSource(ctx.caller, { ...input, kind: input.kind as SourceKind | null | undefined }, args.idempotencyKey);
  }

  @Query(() => Source, { description: "One source by id, with its text. Errors: NOT_FOUND." })
  source(@Arg("id", () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return ctx.gate(() => ctx.services.sources.getSource(id));
  }

  @FieldResolver(() => String, {
    nullable: true,
    complexity: 20,
    description: "The full text quotes are checked against (evidence offsets index it, in UTF-16 code units); null for datasets an import read.",
  })
  async text(@Root() source: SourceView & { text?: string | null }, @Ctx() ctx: GraphQLContext): Promise<string | null> {
    return source.text !== undefined ? source.text : (await ctx.gate(() => ctx.services.sources.getSource(source.id))).text;
  }

  @FieldResolver(() => String, { nullable: true, complexity: 20, description: "Hex sha256 of the text's UTF-8 bytes; null without a stored text." })
  async textSha256(@Root() source: SourceView & { textSha256?: string | null }, @Ctx() ctx: GraphQLContext): Promise<string | null> {
    return source.textSha256 !== undefined ? source.textSha256 : (await ctx.gate(() => ctx.services.sources.getSource(source.id))).textSha256;
  }

  @FieldResolver(() => Int, {
    nullable: true,
    complexity: 20,
    description: "Length of the text in UTF-16 code units, the unit of evidence offsets; null without a stored text.",
  })
  async textLength(@Root() source: SourceView & { textLength?: number | null }, @Ctx() ctx: GraphQLContext): Promise<number | null> {
    return source.textLength !== undefined ? source.textLength : (await ctx.gate(() => ctx.services.sources.getSource(source.id))).textLength;
  }
}
