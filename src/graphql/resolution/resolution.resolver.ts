import { Args, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { perResult } from "../complexity.js";
import type { GraphQLContext } from "../context.js";
import { CandidatesArgs, JudgeArgs, JudgementsArgs } from "./resolution.args.js";
import { Judgement, MatchCandidate } from "./resolution.types.js";

/** Entity resolution: candidates, judgements and judge. Each a one-line call into a service. */
@Resolver()
export class ResolutionResolver {
  @Query(() => [MatchCandidate], {
    description:
      "Possible duplicates, best first: for one entity, or the whole graph (paged by offset). Pairs a judgement decided never come back. Errors: BAD_USER_INPUT, NOT_FOUND, QUERY_TOO_COSTLY (whole graph past 250 000 records: use npx actorgraph resolve --candidates).",
    complexity: perResult,
  })
  candidates(@Args(() => CandidatesArgs) args: CandidatesArgs, @Ctx() ctx: GraphQLContext) {
    return ctx.gate(() => ctx.services.candidates.candidates(args.id ?? null, args.minScore, args.limit, args.offset));
  }

  @Query(() => [Judgement], { description: "Every judgement about the records of an entity, oldest first. Errors: BAD_USER_INPUT.", complexity: perResult })
  judgements(@Args(() => JudgementsArgs) args: JudgementsArgs, @Ctx() ctx: GraphQLContext) {
    return ctx.gate(() => ctx.services.resolution.judgements(args.id, args.limit));
  }

  @Mutation(() => Judgement, {
    description:
      "Judges two records: POSITIVE makes their clusters one entity, NEGATIVE keeps them apart for good, UNSURE records a look; a NEGATIVE or UNSURE on a POSITIVE pair splits the cluster there. Needs the editor role; audited in history(id: <judgement id>). Errors: UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, NOT_FOUND, CONFLICT (kept apart by a NEGATIVE; still joined through other judgements; a cluster over 500 records; idempotencyKey reused).",
  })
  judge(@Args(() => JudgeArgs) args: JudgeArgs, @Ctx() ctx: GraphQLContext) {
    return ctx.services.resolution.judge(ctx.caller, args, args.idempotencyKey);
  }
}
