import { ArgsType, Field, Float, ID } from "type-graphql";
import { LIMITS } from "../../model/limits.js";
import { ClaimStatusEnum, RelationshipTypeEnum } from "../enums.js";

/** The per-hop filters routes, exposure, connections and neighborhood share, with one meaning everywhere. */
@ArgsType()
export class HopFilterArgs {
  @Field(() => Float, {
    defaultValue: 0,
    description: "Minimum confidence in [0, 1] of each hop (for routes and exposure, of the route's product too). Default 0.",
  })
  minConfidence!: number;

  @Field(() => [RelationshipTypeEnum], {
    nullable: true,
    description:
      "Relationship types to walk. Default: the flow types for routes with direction FLOW; for direction ANY, exposure and connections the flow and connection types, not context (BASED_IN, LOCATED_IN: where an entity is registered or lies, walked only at a `via` entity) and not provenance (REPORTED_ON); for neighborhood every type.",
  })
  relationshipTypes?: string[] | null;

  @Field(() => [ClaimStatusEnum], { nullable: true, description: "Statuses to walk, for example [REPORTED] to drop possible claims. Default: all." })
  statuses?: string[] | null;

  @Field(() => [ID], { nullable: true, description: `Entities no hop may enter. At most ${LIMITS.avoidCap}.` })
  avoid?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: "ISO 8601 date (YYYY-MM-DD): keep hops valid on that day (validFrom ≤ asOf ≤ validTo; missing bounds are open).",
  })
  asOf?: string | null;
}
