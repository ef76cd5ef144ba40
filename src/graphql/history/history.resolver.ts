import { JSONResolver } from "graphql-scalars";
import { Arg, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from "type-graphql";
import { HISTORY_LIMIT } from "../../services/revision.service.js";
import type { GraphQLContext } from "../context.js";

@ObjectType({ description: "One change to an entity, claim, source or judgement, written in the same transaction as the change." })
export class Revision {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "ISO 8601 date-time (UTC) of the change." })
  at!: string;

  @Field(() => String, { description: "Who: the token's subject, or `system` for imports." })
  actor!: string;

  @Field(() => String, {
    description:
      "What: addSource, addEntity, addClaim, corroborate, disputeClaim, setClaimStatus, retractClaim, import, judge, autoResolve (automatic resolution), import:delete (an automatic judgement whose records were deleted).",
  })
  operation!: string;

  @Field(() => String, {
    nullable: true,
    description: "Why, as the editor said it (retraction reason, dispute note, status reason); null when none was asked.",
  })
  reason!: string | null;

  @Field(() => String, { description: "entity, claim, source or judgement." })
  targetKind!: string;

  @Field(() => ID)
  targetId!: string;

  @Field(() => Int, { description: "The target's version after the change (1 when created)." })
  version!: number;

  @Field(() => JSONResolver, {
    nullable: true,
    description:
      "The stored properties the change touched, as they were before it (null when created: the whole new state is in after); a source's text stands as textSha256 and textLength.",
  })
  before!: unknown;

  @Field(() => JSONResolver, {
    nullable: true,
    description: "The stored properties the change touched, as they are after it (all of them when created; for an import: its summary).",
  })
  after!: unknown;
}

/** history(id): a one-line call into RevisionService. */
@Resolver()
export class HistoryResolver {
  @Query(() => [Revision], {
    description: "Every revision of an entity, claim, source or judgement (Judgement.id) with this id, oldest first. Errors: BAD_USER_INPUT (limit).",
  })
  history(
    @Arg("id", () => ID) id: string,
    @Arg("limit", () => Int, { defaultValue: HISTORY_LIMIT.default, description: `Default ${HISTORY_LIMIT.default}, from 1 to ${HISTORY_LIMIT.cap}.` })
    limit: number,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.gate(() => ctx.services.revisions.history(id, limit));
  }
}
