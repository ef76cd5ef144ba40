/**
 * Who may do what. Roles are ordered: `admin` can do everything an `editor` can, and an `editor`
 * everything a `reader` can. Reads need `reader` only when READS_REQUIRE_AUTH is true; every
 * write (mutations, `POST /import/<format>`) needs `editor`. Model: @neo4j/graphql's
 * `@authorization` rules, which read a role from the verified JWT.
 */
export const ROLES = ["reader", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** Type guard for {@link ROLES}. */
export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** The verified caller of a request: the token's `sub` and its known roles (unknown role names are dropped). */
export interface Caller {
  /** The token's subject (`sub`), for example `alice`; revisions record it as their actor. */
  readonly subject: string;
  /** Roles the token grants, each one of {@link ROLES}. */
  readonly roles: readonly Role[];
}

/** True when `caller` holds `role` or a higher one. */
export function hasRole(caller: Caller | null, role: Role): boolean {
  if (!caller) return false;
  const needed = ROLES.indexOf(role);
  return caller.roles.some((r) => ROLES.indexOf(r) >= needed);
}

/** The actor revisions record for writes no caller made: imports and the seed. */
export const SYSTEM_ACTOR = "system";
