import { BadUserInputError } from "../errors.js";
import type { RouteDirection, RouteQuery } from "../services/route.service.js";
import { allowListed } from "../services/validate.js";

/** What an export covers. Caps and defaults are those of the matching GraphQL query (src/model/limits.ts). */
export type ExportScope =
  | { readonly kind: "all" }
  | { readonly kind: "neighborhood"; readonly id: string; readonly depth?: number; readonly limit?: number }
  | { readonly kind: "routes"; readonly query: RouteQuery };

/** Raw parameters as an HTTP query string or the CLI gives them: strings, or lists of strings when repeated. */
export type RawParams = Readonly<Record<string, unknown>>;

const SCOPES = ["all", "neighborhood", "routes"] as const;
const DIRECTIONS: readonly RouteDirection[] = ["FLOW", "ANY"];

/**
 * Reads a scope from raw parameters: `scope` (all | neighborhood | routes, default all);
 * for neighborhood `id`, `depth`, `limit`; for routes `from`, `to`, `maxHops`, `limit`,
 * `minConfidence`, `relationshipTypes`, `statuses`, `via`, `avoid` (lists: repeated or
 * comma-separated), `direction`, `asOf`, `timeRespecting` (true | false). Ranges are checked by
 * the services, with the same caps as GraphQL.
 * @throws BadUserInputError (BAD_USER_INPUT) naming the parameter.
 */
export function parseExportScope(params: RawParams): ExportScope {
  const [scope] = allowListed("scope", [text(params, "scope") ?? "all"], SCOPES);
  switch (scope) {
    case "all":
      return { kind: "all" };
    case "neighborhood":
      return { kind: "neighborhood", id: required(params, "id"), depth: num(params, "depth"), limit: num(params, "limit") };
    case "routes":
      return {
        kind: "routes",
        query: {
          from: required(params, "from"),
          to: required(params, "to"),
          maxHops: num(params, "maxHops"),
          limit: num(params, "limit"),
          minConfidence: num(params, "minConfidence"),
          relationshipTypes: list(params, "relationshipTypes"),
          statuses: list(params, "statuses"),
          via: list(params, "via"),
          avoid: list(params, "avoid"),
          direction: direction(params),
          asOf: text(params, "asOf") ?? null,
          timeRespecting: bool(params, "timeRespecting"),
        },
      };
    default:
      throw new BadUserInputError(`unknown scope ${String(scope)}`, { argument: "scope" });
  }
}

function values(params: RawParams, name: string): string[] {
  const raw = params[name];
  if (raw === undefined || raw === null) return [];
  const all = (Array.isArray(raw) ? raw : [raw]).map((v) => {
    if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean") throw new BadUserInputError(`${name} must be text`, { argument: name });
    return String(v);
  });
  return all;
}

function text(params: RawParams, name: string): string | undefined {
  const all = values(params, name);
  if (all.length > 1) throw new BadUserInputError(`${name} takes one value; got ${all.length}`, { argument: name });
  return all[0];
}

function required(params: RawParams, name: string): string {
  const value = text(params, name);
  if (value === undefined || value === "") throw new BadUserInputError(`${name} is required for this scope`, { argument: name });
  return value;
}

function num(params: RawParams, name: string): number | undefined {
  const value = text(params, name);
  if (value === undefined) return undefined;
  const n = value.trim() === "" ? Number.NaN : Number(value);
  if (!Number.isFinite(n)) throw new BadUserInputError(`${name} must be a number; got ${JSON.stringify(value)}`, { argument: name });
  return n;
}

function list(params: RawParams, name: string): string[] | null {
  const all = values(params, name).flatMap((v) => v.split(",")).map((v) => v.trim()).filter((v) => v !== "");
  return all.length > 0 ? all : null;
}

function bool(params: RawParams, name: string): boolean | undefined {
  const value = text(params, name);
  if (value === undefined) return undefined;
  const [b] = allowListed(name, [value], ["true", "false"]);
  return b === "true";
}

function direction(params: RawParams): RouteDirection | undefined {
  const value = text(params, "direction");
  return value === undefined ? undefined : allowListed("direction", [value.toUpperCase()], DIRECTIONS)[0];
}
