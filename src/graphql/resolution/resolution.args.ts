import { ArgsType, Field, Float, ID, Int } from "type-graphql";
import { CANDIDATE_LIMITS } from "../../services/candidate.service.js";
import { JUDGEMENTS_LIMIT } from "../../services/resolution.service.js";
import { IdempotencyArgs } from "../claims/claim.args.js";
import { JudgementValueEnum } from "./resolution.types.js";

@ArgsType()
export class CandidatesArgs {
  @Field(() => ID, { nullable: true, description: "An entity: its own candidates, always fresh. Omitted: the whole graph's, computed at most once a minute." })
  id?: string | null;

  @Field(() => Float, { defaultValue: CANDIDATE_LIMITS.minScore, description: `Lowest score listed, in [0, 1]. Default ${CANDIDATE_LIMITS.minScore}.` })
  minScore!: number;

  @Field(() => Int, { defaultValue: CANDIDATE_LIMITS.limit, description: `Default ${CANDIDATE_LIMITS.limit}, from 1 to ${CANDIDATE_LIMITS.limitCap}.` })
  limit!: number;

  @Field(() => Int, { defaultValue: 0, description: `Candidates to skip, for the next page. Default 0, at most ${CANDIDATE_LIMITS.offsetCap}.` })
  offset!: number;
}

@ArgsType()
export class JudgeArgs extends IdempotencyArgs {
  @Field(() => ID, { description: "One record (entity id). A merged id names its own record." })
  left!: string;

  @Field(() => ID)
  right!: string;

  @Field(() => JudgementValueEnum)
  judgement!: JudgementValueEnum;

  @Field(() => String, { description: "Why; 1–2000 characters, kept with the judgement and in its history." })
  reason!: string;
}

@ArgsType()
export class JudgementsArgs {
  @Field(() => ID, { description: "An entity id (or a merged id): judgements about every record of its entity." })
  id!: string;

  @Field(() => Int, { defaultValue: JUDGEMENTS_LIMIT.default, description: `Default ${JUDGEMENTS_LIMIT.default}, from 1 to ${JUDGEMENTS_LIMIT.cap}.` })
  limit!: number;
}
