import { ArgsType, Field, ID, Int } from "type-graphql";
import { LIMITS } from "../../model/limits.js";
import { EXPOSURE_MAX_HOPS_DEFAULT } from "../../services/route-query.js";
import { RouteDirectionEnum } from "../enums.js";
import { HopFilterArgs } from "./filter.args.js";

@ArgsType()
export class RoutesArgs extends HopFilterArgs {
  @Field(() => ID, { description: "Entity id where routes start." })
  from!: string;

  @Field(() => ID, { description: "Entity id where routes end; must differ from `from`." })
  to!: string;

  @Field(() => Int, {
    defaultValue: LIMITS.maxHopsDefault,
    description: `Maximum hops per route. Default ${LIMITS.maxHopsDefault}, from 1 to ${LIMITS.maxHopsCap}.`,
  })
  maxHops!: number;

  @Field(() => Int, {
    defaultValue: LIMITS.routeLimitDefault,
    description: `How many routes to return. Default ${LIMITS.routeLimitDefault}, from 1 to ${LIMITS.routeLimitCap}.`,
  })
  limit!: number;

  @Field(() => RouteDirectionEnum, {
    defaultValue: RouteDirectionEnum.FLOW,
    description: "FLOW (default) follows goods and money; ANY follows flow and connection types both ways.",
  })
  direction!: RouteDirectionEnum;

  @Field(() => [ID], {
    nullable: true,
    description: `Waypoints every route passes, in any order; a hub named here is walked through. With direction ANY, context relationships touching a waypoint are walked too (via a country: companies registered there). At most ${LIMITS.viaCap}.`,
  })
  via?: string[] | null;

  @Field(() => Boolean, {
    defaultValue: false,
    description: "When true, each dated hop's validFrom is no earlier than the latest validFrom before it; undated hops pass. Default false.",
  })
  timeRespecting!: boolean;

  @Field(() => Boolean, {
    defaultValue: false,
    description: "When true, retracted claims are followed too, marked (status RETRACTED, retracted: true). Default false: a retracted claim is on no route.",
  })
  includeRetracted!: boolean;
}

@ArgsType()
export class ExposureArgs extends HopFilterArgs {
  @Field(() => ID, { description: "Entity id whose exposure is asked (a supplier, a company)." })
  id!: string;

  @Field(() => [String], {
    defaultValue: ["sanction"],
    description:
      'FollowTheMoney topics that mark the parties to reach: sanction, sanction.linked, sanction.counter, role.pep, role.rca, crime, crime.fin, debarment… (the FtM topic list). An entity carrying any of them ends a route. Default ["sanction"].',
  })
  topics!: string[];

  @Field(() => Int, {
    defaultValue: EXPOSURE_MAX_HOPS_DEFAULT,
    description: `Maximum hops per route. Default ${EXPOSURE_MAX_HOPS_DEFAULT}, from 1 to ${LIMITS.maxHopsCap}.`,
  })
  maxHops!: number;

  @Field(() => Int, {
    defaultValue: LIMITS.routeLimitDefault,
    description: `How many routes to return. Default ${LIMITS.routeLimitDefault}, from 1 to ${LIMITS.routeLimitCap}.`,
  })
  limit!: number;

  @Field(() => RouteDirectionEnum, {
    defaultValue: RouteDirectionEnum.ANY,
    description: "ANY (default): ownership, control and family ties both ways; FLOW: only goods and money leaving the entity.",
  })
  direction!: RouteDirectionEnum;

  @Field(() => [ID], { nullable: true, description: `Waypoints every route passes, as for routes. At most ${LIMITS.viaCap}.` })
  via?: string[] | null;

  @Field(() => Boolean, {
    defaultValue: false,
    description: "As for routes: each dated hop starts no earlier than the latest dated hop before it. Default false.",
  })
  timeRespecting!: boolean;

  @Field(() => Boolean, { defaultValue: false, description: "When true, routes may follow retracted claims, marked. Default false." })
  includeRetracted!: boolean;
}

@ArgsType()
export class ConnectionsArgs extends HopFilterArgs {
  @Field(() => [ID], { description: `${LIMITS.connectionsMin} to ${LIMITS.connectionsMax} distinct entity ids.` })
  ids!: string[];

  @Field(() => Int, { defaultValue: 4, description: `Maximum hops of each pairwise route. Default 4, from 1 to ${LIMITS.maxHopsCap}.` })
  maxHops!: number;

  @Field(() => RouteDirectionEnum, {
    defaultValue: RouteDirectionEnum.ANY,
    description: "ANY (default): flow and connection types both ways; FLOW: goods and money only.",
  })
  direction!: RouteDirectionEnum;

  @Field(() => Boolean, { defaultValue: false, description: "When true, routes may follow retracted claims, marked. Default false." })
  includeRetracted!: boolean;
}
