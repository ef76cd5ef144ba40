import { ArgsType, Field, ID, Int } from "type-graphql";
import { LIMITS } from "../../model/limits.js";
import { HopFilterArgs } from "../routes/filter.args.js";

@ArgsType()
export class SearchArgs {
  @Field(() => String, {
    description: `Words of a name or alias; case-insensitive, matched literally (no Lucene syntax). At most ${LIMITS.searchTextCap} characters.`,
  })
  text!: string;

  @Field(() => Int, {
    defaultValue: LIMITS.searchLimitDefault,
    description: `Maximum results. Default ${LIMITS.searchLimitDefault}, from 1 to ${LIMITS.searchLimitCap}.`,
  })
  limit!: number;
}

@ArgsType()
export class NeighborhoodArgs extends HopFilterArgs {
  @Field(() => ID, { description: "Entity id at the centre." })
  id!: string;

  @Field(() => Int, {
    defaultValue: LIMITS.neighborhoodDepthDefault,
    description: `Hops from the centre, either direction. Default ${LIMITS.neighborhoodDepthDefault}, from 1 to ${LIMITS.neighborhoodDepthCap}.`,
  })
  depth!: number;

  @Field(() => Int, {
    defaultValue: LIMITS.neighborhoodLimitDefault,
    description: `Maximum entities. Default ${LIMITS.neighborhoodLimitDefault}, from 1 to ${LIMITS.neighborhoodLimitCap}.`,
  })
  limit!: number;

  @Field(() => Boolean, {
    defaultValue: false,
    description: "When true, retracted claims (and the entities only they reach) are shown too, marked. Default false.",
  })
  includeRetracted!: boolean;
}
