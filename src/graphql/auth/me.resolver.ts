import { Ctx, Field, ObjectType, Query, Resolver } from "type-graphql";
import type { Role } from "../../auth/roles.js";
import type { GraphQLContext } from "../context.js";
import { RoleEnum } from "../enums.js";

@ObjectType({ description: "Who the API takes the caller to be, from its bearer token." })
export class Me {
  @Field(() => String, { nullable: true, description: "The token's subject (sub); null without a token." })
  subject!: string | null;

  @Field(() => [RoleEnum], { description: "The roles the token grants; empty without a token." })
  roles!: Role[];
}

/** me: who the caller is. */
@Resolver()
export class MeResolver {
  @Query(() => Me, { description: "Who the caller is: the verified token's subject and roles (null and [] without a token)." })
  me(@Ctx() ctx: GraphQLContext): Me {
    return { subject: ctx.caller?.subject ?? null, roles: [...(ctx.caller?.roles ?? [])] };
  }
}
