import { EntityResolver } from "./entities/entity.resolver.js";
import { RouteResolver } from "./routes/route.resolver.js";

/**
 * Every resolver class of the API, one per area (src/graphql/<area>/<area>.resolver.ts), as
 * buildSchema takes them. A new area adds its resolver here.
 */
export const RESOLVERS = [EntityResolver, RouteResolver] as const;
