import { BadUserInputError } from "../errors.js";
import { isRelationshipType, type RelationshipType } from "../model/vocabulary.js";
import type { RouteDirection, RouteQuery } from "../services/route.service.js";
import { allowListed } from "../services/validate.js";

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

/** Raw parameters as an HTTP query string or the CLI gives them: strings, or lists of strings when repeated. */
export type RawParams = Readonly<Record<string, unknown>>;

const SCOPES = ["all", "neighborhood", "routes", "elements"] as const;
const DIRECTIONS: readonly RouteDirection[] = ["FLOW", "ANY"];

/**
 * Reads a scope from raw parameters: `scope` (all | neighborhood | routes | elements, default all);
 * for neighborhood `id`, `depth`, `limit`; for routes `from`, `to`, `maxHops`, `limit`,
 * `minConfidence`, `relationshipTypes`, `statuses`, `via`, `avoid` (lists: repeated or
 * comma-separated), `direction`, `asOf`, `timeRespecting` (true | false); for elements `nodes`
 * (entity ids) and `relationships` (`TYPE:id` keys), each a JSON array or repeated parameter taken
 * as it is, or one text value split at commas. Ranges and caps are checked by the services, with
 * the same caps as GraphQL (elements: src/services/export.service.ts).
 * @throws BadUserInputError (BAD_USER_INPUT) naming the parameter, also for a relationship key
 *   that is not `TYPE:id` with an allow-listed type.
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
    case "elements":
      return { kind: "elements", nodes: idValues(params, "nodes"), relationships: idValues(params, "relationships").map(relationshipKey) };
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

/** Ids as given in a JSON array or repeated parameter (ids may hold commas), or one text value split at commas. */
function idValues(params: RawParams, name: string): string[] {
  const raw = params[name];
  if (Array.isArray(raw)) {
    return raw.map((v) => {
      if (typeof v !== "string") throw new BadUserInputError(`${name} must be a list of text ids`, { argument: name });
      return v;
    });
  }
  return list(params, name) ?? [];
}

function relationshipKey(key: string): RelationshipKey {
  const colon = key.indexOf(":");
  const type = key.slice(0, Math.max(colon, 0));
  const id = key.slice(colon + 1);
  if (colon < 0 || !isRelationshipType(type) || id === "") {
    throw new BadUserInputError(
      `relationships takes TYPE:id keys with an allow-listed type, as exported edge ids are (for example SUPPLIED:dji-supplied-intermediaries-uavs); got ${JSON.stringify(key)}`,
      { argument: "relationships" },
    );
  }
  return { type, id };
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
