import { ArgsType, Field, ID, Int } from "type-graphql";
import { ClaimStatusEnum } from "../enums.js";
import { EvidenceInput } from "./claim.input.js";

@ArgsType()
export class IdempotencyArgs {
  @Field(() => String, {
    nullable: true,
    description:
      "Optional, 1–200 characters (a UUID): a retry with the same key by the same caller within 24 hours writes nothing again and returns the current state. Reused with other arguments: CONFLICT.",
  })
  idempotencyKey?: string | null;
}

@ArgsType()
export class ClaimWriteArgs extends IdempotencyArgs {
  @Field(() => ID, { description: "The claim (relationship) id." })
  claimId!: string;
}

@ArgsType()
export class EvidenceArgs extends ClaimWriteArgs {
  @Field(() => [EvidenceInput], { description: "1 to 20 quotes, each checked against its source's text." })
  evidence!: EvidenceInput[];

  @Field(() => Int, { nullable: true, description: "The version you read; a different stored version answers CONFLICT. Optional here." })
  expectedVersion?: number | null;
}

@ArgsType()
export class DisputeArgs extends EvidenceArgs {
  @Field(() => String, { description: "Why the evidence contradicts the claim; 1–2000 characters, recorded with the quotes and in the history." })
  note!: string;
}

@ArgsType()
export class SetStatusArgs extends ClaimWriteArgs {
  @Field(() => ClaimStatusEnum, { description: "REPORTED, LIKELY, POSSIBLE or UNCONFIRMED (retract with retractClaim)." })
  status!: string;

  @Field(() => String, { description: "Why; 1–2000 characters, kept in the history." })
  reason!: string;

  @Field(() => Int, { description: "The version you read (Relationship.version); a different stored version answers CONFLICT." })
  expectedVersion!: number;
}

@ArgsType()
export class RetractArgs extends ClaimWriteArgs {
  @Field(() => String, { description: "Why; 1–2000 characters, kept on the claim and in the history." })
  reason!: string;

  @Field(() => Int, { description: "The version you read (Relationship.version); a different stored version answers CONFLICT." })
  expectedVersion!: number;
}
