import { Field, Float, ID, InputType, Int } from "type-graphql";
import { ClaimStatusEnum, RelationshipTypeEnum } from "../enums.js";

@InputType({ description: "One quote of a source backing (or disputing) a claim. The server checks it is in the source's text and computes start/end." })
export class EvidenceInput {
  @Field(() => ID, { description: "The source (addSource) the quote comes from." })
  sourceId!: string;

  @Field(() => String, {
    description:
      "Exact words of the source: an exact substring of its stored text, at most 2000 characters. Not found: BAD_USER_INPUT naming the closest passage.",
  })
  quote!: string;

  @Field(() => Int, { nullable: true, description: "Which occurrence (1-based) when the quote appears more than once in the source; required then." })
  occurrence?: number | null;
}

@InputType({ description: "A new claim between two entities, with its evidence." })
export class ClaimInput {
  @Field(() => ID, { description: "Entity id where the claim starts (for flows: where goods or money come from)." })
  from!: string;

  @Field(() => ID, { description: "Entity id where it ends." })
  to!: string;

  @Field(() => RelationshipTypeEnum)
  type!: string;

  @Field(() => ClaimStatusEnum, {
    description:
      "The source's certainty, from its wording (REPORTED, LIKELY, POSSIBLE, UNCONFIRMED; not RETRACTED). Hedge words in a quote that contradict it come back in Relationship.warnings.",
  })
  status!: string;

  @Field(() => Float, {
    nullable: true,
    description: "Explicit confidence in [0, 1]; default the status's (REPORTED 0.8, LIKELY 0.6, POSSIBLE 0.3, UNCONFIRMED 0.2).",
  })
  confidence?: number | null;

  @Field(() => String, { nullable: true, description: "ISO 8601 date (YYYY-MM-DD) from which the claim holds." })
  validFrom?: string | null;

  @Field(() => String, { nullable: true, description: "ISO 8601 date (YYYY-MM-DD) until which it holds." })
  validTo?: string | null;

  @Field(() => String, { nullable: true, description: "The source's own words that set the status; default the first hedge word found in the quotes." })
  hedge?: string | null;

  @Field(() => String, { nullable: true, description: "Why the claim is modelled this way; at most 2000 characters." })
  note?: string | null;

  @Field(() => [EvidenceInput], { description: "1 to 20 quotes." })
  evidence!: EvidenceInput[];
}
