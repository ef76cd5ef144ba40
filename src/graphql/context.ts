import type { AuthService } from "../auth/auth.service.js";
import type { Caller } from "../auth/roles.js";
import type { CandidateService } from "../services/candidate.service.js";
import type { ClaimService } from "../services/claim.service.js";
import type { ConnectionsService } from "../services/connections.service.js";
import type { EntityWriteService } from "../services/entity-write.service.js";
import type { ResolutionService } from "../services/resolution.service.js";
import type { RevisionService } from "../services/revision.service.js";
import type { SourceService } from "../services/source.service.js";
import type { EntityService } from "../services/entity.service.js";
import type { NeighborhoodService } from "../services/neighborhood.service.js";
import type { RouteService } from "../services/route.service.js";
import type { SearchService } from "../services/search.service.js";

/** The services every resolver reaches through the GraphQL context. */
export interface Services {
  readonly entities: EntityService;
  readonly search: SearchService;
  readonly routes: RouteService;
  readonly neighborhood: NeighborhoodService;
  readonly connections: ConnectionsService;
  /** Token verification and role checks. */
  readonly auth: AuthService;
  readonly sources: SourceService;
  readonly entityWrites: EntityWriteService;
  readonly claims: ClaimService;
  readonly revisions: RevisionService;
  /** Entity resolution: judge and judgements (docs/resolution.md). */
  readonly resolution: ResolutionService;
  /** Entity resolution: candidate pairs. */
  readonly candidates: CandidateService;
}

/** Per-request GraphQL context. */
export interface GraphQLContext {
  readonly services: Services;
  /**
   * Absolute `Date.now()` deadline, in **milliseconds**, shared by every route search of the
   * request (ROUTE_BUDGET_MS after it arrived), so aliases cannot multiply the budget.
   */
  readonly deadline: number;
  /** Runs a service call once fewer than 4 of this request's calls are in flight (p-limit). */
  readonly gate: <T>(work: () => Promise<T>) => Promise<T>;
  /** The verified caller (token subject and roles), or null without a token: src/auth/http-auth.ts `requestCaller`. */
  readonly caller: Caller | null;
}
