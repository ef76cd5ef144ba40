import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { GraphQLContext } from "../context.js";
import { Relationship } from "../entities/entity.types.js";
import { ClaimInput } from "./claim.input.js";
import { DisputeArgs, EvidenceArgs, IdempotencyArgs, RetractArgs, SetStatusArgs } from "./claim.args.js";

/** Claims: add, corroborate, dispute, set status, retract; one claim by id. Each a one-line call into ClaimService. */
@Resolver(() => Relationship)
export class ClaimResolver {
  @Mutation(() => Relationship, {
    description:
      "Adds a claim with quotes checked against their sources' text (start/end computed). Needs the editor role. Errors: UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT (a quote not in its source, naming the closest passage; an ambiguous quote without occurrence), NOT_FOUND (entity or source), CONFLICT (a live claim of this type already links these entities: extensions.claimId; idempotencyKey reused).",
  })
  addClaim(@Arg("input", () => ClaimInput) input: ClaimInput, @Args(() => IdempotencyArgs) args: IdempotencyArgs, @Ctx() ctx: GraphQLContext) {
    return ctx.services.claims.addClaim(ctx.caller, input, args);
  }

  @Mutation(() => Relationship, {
    description:
      "Adds supporting evidence and recomputes the confidence by the corroboration rule (docs/routes.md): a new independent publisher raises it; the same publisher again or a relay of one already cited does not. Errors: as addClaim; CONFLICT for a stale expectedVersion or a retracted claim.",
  })
  corroborate(@Args(() => EvidenceArgs) args: EvidenceArgs, @Ctx() ctx: GraphQLContext) {
    return ctx.services.claims.corroborate(ctx.caller, args.claimId, args.evidence, args);
  }

  @Mutation(() => Relationship, {
    description:
      "Records contradicting evidence with a note; each independent disputing origin demotes the status one step (docs/routes.md). Errors: as corroborate.",
  })
  disputeClaim(@Args(() => DisputeArgs) args: DisputeArgs, @Ctx() ctx: GraphQLContext) {
    return ctx.services.claims.disputeClaim(ctx.caller, args.claimId, args.evidence, args.note, args);
  }

  @Mutation(() => Relationship, {
    description:
      "Sets the status an editor judges right, with a reason; reinstates a retracted claim. Errors: UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, NOT_FOUND, CONFLICT (stale expectedVersion).",
  })
  setClaimStatus(@Args(() => SetStatusArgs) args: SetStatusArgs, @Ctx() ctx: GraphQLContext) {
    return ctx.services.claims.setClaimStatus(ctx.caller, args.claimId, args.status, args.reason, args);
  }

  @Mutation(() => Relationship, {
    description:
      "Retracts a claim with a reason; nothing is deleted. It leaves routes, neighbourhoods, connections and exports unless includeRetracted is true. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT (stale expectedVersion, already retracted).",
  })
  retractClaim(@Args(() => RetractArgs) args: RetractArgs, @Ctx() ctx: GraphQLContext) {
    return ctx.services.claims.retractClaim(ctx.caller, args.claimId, args.reason, args);
  }

  @Query(() => Relationship, { description: "One claim (relationship) by id, retracted or not, with its evidence. Errors: NOT_FOUND." })
  claim(@Arg("id", () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return ctx.gate(() => ctx.services.claims.getClaim(id));
  }
}
