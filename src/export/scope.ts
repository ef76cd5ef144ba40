import { BadUserInputError } from "../errors.js";
import { isRelationshipType, type RelationshipType } from "../model/vocabulary.js";
import type { RouteDirection, RouteQuery } from "../services/route.service.js";
import { allowListed, entityId } from "../services/validate.js";

/** What an export covers. Caps and defaults are those of the matching GraphQL query (src/model/limits.ts). */
export type ExportScope =
  | { readonly kind: "all" }
  | { readonly kind: "neighborhood"; readonly id: string; readonly depth?: number; readonly limit?: number }
  | { readonly kind: "routes"; readonly query: RouteQuery }
  | { readonly kind: "elements"; readonly nodes: readonly string[]; readonly relationships: readonly RelationshipKey[] };

/**
 * A relationship named by its type and id (ids are unique per type only). Written `TYPE:id`, as
 * exported edge ids are (src/export/attributes.ts `edgeKey`), for example `SUPPLIED:dji-supplied-intermediaries-uavs`.
 */
export interface RelationshipKey {
  readonly type: RelationshipType;
  readonly id: string;
}

/**
 * Raw parameters as an HTTP query string, a JSON body or the CLI gives them: strings, lists of
 * strings (a repeated parameter, a JSON array), and from JSON or the CLI also numbers and booleans.
 * A key whose value is `undefined` counts as absent (commander leaves unset options so).
 */
export type RawParams = Readonly<Record<string, unknown>>;

const SCOPES = ["all", "neighborhood", "routes", "elements"] as const;
type ScopeName = (typeof SCOPES)[number];
const DIRECTIONS: readonly RouteDirection[] = ["FLOW", "ANY"];

/** The parameters each scope takes besides `scope` itself; any other parameter is an error. */
export const SCOPE_PARAMETERS: Readonly<Record<ScopeName, readonly string[]>> = Object.freeze({
  all: [],
  neighborhood: ["id", "depth", "limit"],
  routes: ["from", "to", "maxHops", "limit", "minConfidence", "relationshipTypes", "statuses", "via", "avoid", "direction", "asOf", "timeRespecting"],
  elements: ["nodes", "relationships"],
});

/**
 * Reads a scope from raw parameters, strictly: `scope` (all | neighborhood | routes | elements,
 * default all); for neighborhood `id`, `depth`, `limit`; for routes `from`, `to`, `maxHops`,
 * `limit`, `minConfidence`, `relationshipTypes`, `statuses`, `via`, `avoid` (lists: repeated,
 * a JSON array, or comma-separated), `direction`, `asOf`, `timeRespecting` (true | false); for
 * elements `nodes` (entity ids) and `relationships` (`TYPE:id` keys, the id part at most 512
 * characters like an entity id), each a list of strings (repeated parameter or JSON array, taken
 * as it is) or one string split at commas. Ranges and caps are checked by the services, with the
 * same caps as GraphQL (elements: src/services/export.service.ts).
 * @throws BadUserInputError (BAD_USER_INPUT, `argument` naming the parameter) for a parameter the
 *   chosen scope does not take (so a misplaced `nodes` never silently exports the whole graph), a
 *   value of the wrong shape (a number where ids are expected, an object, several values for a
 *   one-value parameter), and a relationship key that is not `TYPE:id` with an allow-listed type.
 */
export function parseExportScope(params: RawParams): ExportScope {
  const [scope] = allowListed("scope", [text(params, "scope") ?? "all"], SCOPES) as [ScopeName];
  rejectForeignParameters(params, scope);
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
    case "elements":
      return { kind: "elements", nodes: idValues(params, "nodes"), relationships: idValues(params, "relationships").map(relationshipKey) };
    default:
      throw new BadUserInputError(`unknown scope ${String(scope)}`, { argument: "scope" });
  }
}

function rejectForeignParameters(params: RawParams, scope: ScopeName): void {
  const allowed = new Set(["scope", ...SCOPE_PARAMETERS[scope]]);
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || allowed.has(name)) continue;
    const takenBy = SCOPES.filter((s) => SCOPE_PARAMETERS[s].includes(name));
    const hint = takenBy.length > 0 ? `it belongs to scope=${takenBy.join(" or scope=")}` : "no scope takes it";
    const own = SCOPE_PARAMETERS[scope].length > 0 ? SCOPE_PARAMETERS[scope].join(", ") : "none";
    throw new BadUserInputError(`parameter ${JSON.stringify(name)} does not apply to scope=${scope} (${hint}); scope=${scope} takes: ${own}`, {
      argument: name,
    });
  }
}

/** The values of a parameter: a string, a number or a boolean, or a list of them. Objects and nested lists are errors. */
function values(params: RawParams, name: string): (string | number | boolean)[] {
  const raw = params[name];
  if (raw === undefined || raw === null) return [];
  return (Array.isArray(raw) ? raw : [raw]).map((v: unknown) => {
    if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean") throw new BadUserInputError(`${name} must be text`, { argument: name });
    return v;
  });
}

function one(params: RawParams, name: string): string | number | boolean | undefined {
  const all = values(params, name);
  if (all.length > 1) throw new BadUserInputError(`${name} takes one value; got ${all.length}`, { argument: name });
  return all[0];
}

function text(params: RawParams, name: string): string | undefined {
  const value = one(params, name);
  if (value !== undefined && typeof value !== "string")
    throw new BadUserInputError(`${name} must be a string; got ${JSON.stringify(value)}`, { argument: name });
  return value;
}

function required(params: RawParams, name: string): string {
  const value = text(params, name);
  if (value === undefined || value === "") throw new BadUserInputError(`${name} is required for this scope`, { argument: name });
  return value;
}

function num(params: RawParams, name: string): number | undefined {
  const value = one(params, name);
  if (value === undefined) return undefined;
  const n = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : Number.NaN;
  if (!Number.isFinite(n)) throw new BadUserInputError(`${name} must be a number; got ${JSON.stringify(value)}`, { argument: name });
  return n;
}

/** A list of strings: several values, or one string split at commas. */
function list(params: RawParams, name: string): string[] | null {
  const all = strings(params, name)
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v !== "");
  return all.length > 0 ? all : null;
}

function strings(params: RawParams, name: string): string[] {
  return values(params, name).map((v) => {
    if (typeof v !== "string") throw new BadUserInputError(`${name} must be a list of strings; got ${JSON.stringify(v)}`, { argument: name });
    return v;
  });
}

/** Ids as given in a list (a JSON array or repeated parameter: ids may hold commas), or one string split at commas. */
function idValues(params: RawParams, name: string): string[] {
  const all = strings(params, name);
  if (Array.isArray(params[name])) return all;
  return list(params, name) ?? [];
}

function relationshipKey(key: string): RelationshipKey {
  const colon = key.indexOf(":");
  const type = key.slice(0, Math.max(colon, 0));
  const id = key.slice(colon + 1);
  if (colon < 0 || !isRelationshipType(type) || id === "") {
    throw new BadUserInputError(
      `relationships takes TYPE:id keys with an allow-listed type, as exported edge ids are (for example SUPPLIED:dji-supplied-intermediaries-uavs); got ${JSON.stringify(key.slice(0, 600))}`,
      { argument: "relationships" },
    );
  }
  return { type, id: entityId("relationships", id) };
}

function bool(params: RawParams, name: string): boolean | undefined {
  const value = one(params, name);
  if (value === undefined || typeof value === "boolean") return value;
  const [b] = allowListed(name, [String(value)], ["true", "false"]);
  return b === "true";
}

function direction(params: RawParams): RouteDirection | undefined {
  const value = text(params, "direction");
  return value === undefined ? undefined : allowListed("direction", [value.toUpperCase()], DIRECTIONS)[0];
}
