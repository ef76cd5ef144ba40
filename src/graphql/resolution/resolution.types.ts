import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Entity } from "../entities/entity.types.js";

/** POSITIVE, NEGATIVE or UNSURE (src/resolution/clusters.ts JUDGEMENT_VALUES). */
export enum JudgementValueEnum {
  POSITIVE = "POSITIVE",
  NEGATIVE = "NEGATIVE",
  UNSURE = "UNSURE",
}
registerEnumType(JudgementValueEnum, {
  name: "JudgementValue",
  description: "What a person (or `system`) decided about two records, as in OpenSanctions' nomenklatura.",
  valuesConfig: {
    POSITIVE: { description: "One actor: the two records' clusters become one entity." },
    NEGATIVE: { description: "Two actors: the pair never comes back as a candidate, and their clusters cannot be joined while it stands." },
    UNSURE: { description: "Looked at, undecided: the pair leaves the candidates; nothing is joined." },
  },
});

@ObjectType({ description: "A judgement of two records, stored apart from them; its revisions are history(id: <id>)." })
export class Judgement {
  @Field(() => ID, { description: "`judgement-` and 16 hex digits, one per pair of records." })
  id!: string;

  @Field(() => ID, { description: "One record, as the judge named it." })
  left!: string;

  @Field(() => ID, { description: "The other record." })
  right!: string;

  @Field(() => JudgementValueEnum)
  judgement!: string;

  @Field(() => String, {
    description: "Who: the editor's token subject, or `system` (automatic resolution: equal strong identifier, OpenSanctions referents).",
  })
  actor!: string;

  @Field(() => String, { description: "ISO 8601 date-time (UTC)." })
  at!: string;

  @Field(() => String, { description: "Why, in the judge's words (for `system`: the identifier or referent)." })
  reason!: string;

  @Field(() => Int, { description: "1 for the pair's first judgement; each later one adds 1." })
  version!: number;
}

@ObjectType({ description: "One feature of a candidate's score (docs/resolution.md): main features compete, qualifiers add up." })
export class MatchReason {
  @Field(() => String, {
    description: "name_literal, name_fingerprint, identifier_strong, identifier, country_match, country_mismatch, identifier_disjoint or dates_disjoint.",
  })
  feature!: string;

  @Field(() => Float, { description: "What it added to the score (negative against the match; 0 for a main feature that a stronger one outscored)." })
  weight!: number;

  @Field(() => String, { description: "What was found: `Same INN 7707083893`." })
  detail!: string;
}

@ObjectType({ description: "Two entities that may be one actor, for a person to judge." })
export class MatchCandidate {
  @Field(() => Entity, { description: "One entity; left.id < right.id." })
  left!: Entity;

  @Field(() => Entity, { description: "The other entity." })
  right!: Entity;

  @Field(() => ID, {
    description:
      "The record to judge for `left` (judge(left: leftRecord, …)): its id; an entity of several records is compared as one, by its canonical record.",
  })
  leftRecord!: string;

  @Field(() => ID, { description: "The record to judge for `right` (see leftRecord)." })
  rightRecord!: string;

  @Field(() => Float, { description: "How alike, in [0, 1]: the best main feature plus the qualifiers." })
  score!: number;

  @Field(() => [MatchReason], { description: "The features that fired: the main one first, then the qualifiers." })
  reasons!: MatchReason[];
}
