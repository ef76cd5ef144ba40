import { MeResolver } from "./auth/me.resolver.js";
import { ResolutionResolver } from "./resolution/resolution.resolver.js";
import { ClaimResolver } from "./claims/claim.resolver.js";
import { EntityResolver } from "./entities/entity.resolver.js";
import { EntityWriteResolver } from "./entities/entity-write.resolver.js";
import { HistoryResolver } from "./history/history.resolver.js";
import { RouteResolver } from "./routes/route.resolver.js";
import { SourceResolver } from "./sources/source.resolver.js";

/**
 * Every resolver class of the API, one per area (src/graphql/<area>/<area>.resolver.ts), as
 * buildSchema takes them. A new area adds its resolver here.
 */
export const RESOLVERS = [
  EntityResolver,
  RouteResolver,
  EntityWriteResolver,
  SourceResolver,
  ClaimResolver,
  HistoryResolver,
  MeResolver,
  ResolutionResolver,
] as const;
