import { createRemoteJWKSet, decodeProtectedHeader, errors, jwtVerify, SignJWT, type JWTPayload } from "jose";
import type { Config } from "../config.js";
import { ForbiddenError, UnauthenticatedError } from "../errors.js";
import { hasRole, isRole, type Caller, type Role } from "./roles.js";

/** Longest bearer token accepted, in characters; a JWT of an identity provider is a few KB at most. */
export const MAX_TOKEN_LENGTH = 8192;

/** Allowed signature algorithms: HS256 with AUTH_SECRET; RS256, ES256 and EdDSA keys of AUTH_JWKS_URL. */
const JWKS_ALGORITHMS = ["RS256", "PS256", "ES256", "EdDSA"];

/**
 * Verifies bearer tokens (standard JWTs, with `jose`) and checks roles. Tokens are accepted when
 * signed with AUTH_SECRET (HS256) or by a key of AUTH_JWKS_URL, carry the configured `iss` and
 * `aud`, a `sub`, and an `exp` they have not passed (30 s clock tolerance): a token without `exp`
 * would stay valid for ever once leaked, so it is refused (RFC 7519 leaves `exp` optional). Roles come from the
 * AUTH_ROLES_CLAIM claim (default `roles`): a list or a single string. One instance per process;
 * the JWKS is fetched once and cached by jose.
 */
export class AuthService {
  private readonly secret: Uint8Array | null;
  private readonly jwks: ReturnType<typeof createRemoteJWKSet> | null;

  constructor(private readonly config: Pick<Config, "authSecret" | "authJwksUrl" | "authIssuer" | "authAudience" | "authRolesClaim" | "readsRequireAuth">) {
    this.secret = config.authSecret ? new TextEncoder().encode(config.authSecret) : null;
    this.jwks = config.authJwksUrl ? createRemoteJWKSet(new URL(config.authJwksUrl)) : null;
  }

  /** True when tokens can be verified at all (AUTH_SECRET or AUTH_JWKS_URL is set). */
  get enabled(): boolean {
    return this.secret !== null || this.jwks !== null;
  }

  /** True when queries need the reader role (READS_REQUIRE_AUTH). */
  get readsRequireAuth(): boolean {
    return this.config.readsRequireAuth;
  }

  /**
   * Verifies a bearer token and returns its caller.
   * @throws UnauthenticatedError naming what is wrong (expired, bad signature, wrong issuer, no subject, auth not configured).
   */
  async verify(token: string): Promise<Caller> {
    if (!this.enabled) {
      throw new UnauthenticatedError("This server verifies no tokens: set AUTH_SECRET (or AUTH_JWKS_URL) on the server; `npm start` generates a secret.");
    }
    if (token.length > MAX_TOKEN_LENGTH) throw new UnauthenticatedError(`The bearer token is longer than ${MAX_TOKEN_LENGTH} characters.`);
    let payload: JWTPayload;
    try {
      const { alg } = decodeProtectedHeader(token);
      const options = { issuer: this.config.authIssuer, audience: this.config.authAudience, clockTolerance: 30, requiredClaims: ["exp", "sub"] };
      if (alg === "HS256" && this.secret) {
        payload = (await jwtVerify(token, this.secret, { ...options, algorithms: ["HS256"] })).payload;
      } else if (this.jwks) {
        payload = (await jwtVerify(token, this.jwks, { ...options, algorithms: JWKS_ALGORITHMS })).payload;
      } else {
        throw new UnauthenticatedError(
          `Tokens signed with ${String(alg)} are not accepted here; this server verifies HS256 tokens signed with its AUTH_SECRET.`,
        );
      }
    } catch (err) {
      if (err instanceof UnauthenticatedError) throw err;
      throw new UnauthenticatedError(`Invalid bearer token: ${describeJoseError(err)}.`);
    }
    if (typeof payload.sub !== "string" || payload.sub.length === 0) throw new UnauthenticatedError("Invalid bearer token: it names no subject (sub).");
    const claimed = payload[this.config.authRolesClaim];
    const roles = (Array.isArray(claimed) ? claimed : [claimed]).filter(isRole);
    return { subject: payload.sub, roles: [...new Set(roles)] };
  }

  /**
   * Checks that `caller` holds `role` (or a higher one) for `action` ("add a claim").
   * @throws UnauthenticatedError without a caller; ForbiddenError with the wrong role.
   */
  require(caller: Caller | null, role: Role, action: string): Caller {
    if (!caller) {
      throw new UnauthenticatedError(
        `To ${action} send Authorization: Bearer <token> with the ${role} role` +
          (this.enabled ? "; `npx actorgraph token --subject <you> --role editor` prints one." : "; this server verifies no tokens (set AUTH_SECRET)."),
      );
    }
    if (!hasRole(caller, role)) {
      throw new ForbiddenError(`To ${action} needs the ${role} role; the token of ${caller.subject} grants ${caller.roles.join(", ") || "no role"}.`, role);
    }
    return caller;
  }
}

/**
 * Signs a token for `subject` with the given roles, HS256 with `secret`, issuer and audience as
 * the server checks them (defaults `actorgraph`), valid for `expiresIn` (a jose time span such
 * as `8h`, `30m`, `7d`).
 */
export async function signToken(
  secret: string,
  claims: { subject: string; roles: readonly Role[]; expiresIn: string; issuer?: string; audience?: string; rolesClaim?: string },
): Promise<string> {
  return new SignJWT({ [claims.rolesClaim ?? "roles"]: [...claims.roles] })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(claims.subject)
    .setIssuer(claims.issuer ?? "actorgraph")
    .setAudience(claims.audience ?? "actorgraph")
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn)
    .sign(new TextEncoder().encode(secret));
}

function describeJoseError(err: unknown): string {
  if (err instanceof errors.JWTExpired) return "it has expired";
  if (err instanceof errors.JWSSignatureVerificationFailed) return "its signature does not verify";
  if (err instanceof errors.JWTClaimValidationFailed) return `claim ${err.claim} ${err.reason === "check_failed" ? "does not match" : err.reason}`;
  if (err instanceof errors.JOSEError) return err.code === "ERR_JWS_INVALID" || err.code === "ERR_JWT_INVALID" ? "it is not a well-formed JWT" : err.code;
  return "it is not a well-formed JWT";
}
