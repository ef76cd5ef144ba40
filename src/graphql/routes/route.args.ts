import { ArgsType, Field, Float, ID, Int } from "type-graphql";
import { LIMITS } from "../../model/limits.js";
import { ClaimStatusEnum, RelationshipTypeEnum, RouteDirectionEnum } from "../enums.js";

@ArgsType()
export class RoutesArgs {
  @Field(() => ID, { description: "Entity id where routes start." })
  from!: string;

  @Field(() => ID, { description: "Entity id where routes end; must differ from `from`." })
  to!: string;

  @Field(() => Int, { defaultValue: LIMITS.maxHopsDefault, description: `Maximum hops per route. Default ${LIMITS.maxHopsDefault}, from 1 to ${LIMITS.maxHopsCap}.` })
  maxHops!: number;

  @Field(() => Int, { defaultValue: LIMITS.routeLimitDefault, description: `How many routes to return. Default ${LIMITS.routeLimitDefault}, from 1 to ${LIMITS.routeLimitCap}.` })
  limit!: number;

  @Field(() => Float, { defaultValue: 0, description: "Minimum confidence in [0, 1], applied to each hop and to the route's product. Default 0." })
  minConfidence!: number;

  @Field(() => RouteDirectionEnum, { defaultValue: RouteDirectionEnum.FLOW, description: "FLOW (default) follows goods and money; ANY follows every relationship both ways." })
  direction!: RouteDirectionEnum;

  @Field(() => [RelationshipTypeEnum], { nullable: true, description: "Relationship types to follow. Default: the flow types for FLOW; for ANY every type except provenance links (REPORTED_ON)." })
  relationshipTypes?: string[] | null;

  @Field(() => [ClaimStatusEnum], { nullable: true, description: "Statuses to follow, for example [REPORTED] to drop possible claims. Default: all." })
  statuses?: string[] | null;

  @Field(() => [ID], { nullable: true, description: `Waypoints every route passes, in any order. At most ${LIMITS.viaCap}.` })
  via?: string[] | null;

  @Field(() => [ID], { nullable: true, description: `Entities no route may pass. At most ${LIMITS.avoidCap}.` })
  avoid?: string[] | null;

  @Field(() => String, { nullable: true, description: "ISO 8601 date (YYYY-MM-DD): keep hops valid on that day (validFrom ≤ asOf ≤ validTo; missing bounds are open)." })
  asOf?: string | null;

  @Field(() => Boolean, { defaultValue: false, description: "When true, each dated hop's validFrom is no earlier than the latest validFrom before it; undated hops pass. Default false." })
  timeRespecting!: boolean;

  @Field(() => Boolean, { defaultValue: false, description: "When true, retracted claims are followed too, marked (status RETRACTED, retracted: true). Default false: a retracted claim is on no route." })
  includeRetracted!: boolean;
}

@ArgsType()
export class ConnectionsArgs {
  @Field(() => [ID], { description: `${LIMITS.connectionsMin} to ${LIMITS.connectionsMax} distinct entity ids.` })
  ids!: string[];

  @Field(() => Int, { defaultValue: 4, description: `Maximum hops of each pairwise route. Default 4, from 1 to ${LIMITS.maxHopsCap}.` })
  maxHops!: number;

  @Field(() => RouteDirectionEnum, { defaultValue: RouteDirectionEnum.ANY, description: "ANY (default): every relationship both ways; FLOW: goods and money only." })
  direction!: RouteDirectionEnum;

  @Field(() => Boolean, { defaultValue: false, description: "When true, routes may follow retracted claims, marked. Default false." })
  includeRetracted!: boolean;
}
