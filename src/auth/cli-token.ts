import { Command, InvalidArgumentError, Option } from "commander";
import { loadConfig } from "../config.js";
import { signToken } from "./auth.service.js";
import { isRole, ROLES, type Role } from "./roles.js";

/** Longest subject `actorgraph token` signs, in characters. */
const MAX_SUBJECT_LENGTH = 200;

/**
 * `actorgraph token --subject <name> --role <role> [--expires 8h]`: prints a bearer token signed
 * with AUTH_SECRET (or the file `npm start` generated), with the issuer and audience the server
 * checks. `--role` may be given several times. Exit 1 when no secret is configured.
 */
export function registerTokenCommand(program: Command): void {
  program
    .command("token")
    .description("Print a bearer token (JWT, HS256) signed with AUTH_SECRET, for the API's writes: --subject alice --role editor.")
    .requiredOption("--subject <name>", "who the token is for; revisions record it as the actor", subject)
    .addOption(new Option("--role <role>", `${ROLES.join(", ")}; repeat for several`).argParser(collect).makeOptionMandatory())
    .option("--expires <span>", "how long it stays valid (jose time span: 30m, 8h, 7d)", expires, "8h")
    .action(async (options: { subject: string; role: Role[]; expires: string }) => {
      const config = loadConfig();
      if (!config.authSecret) {
        throw new Error("no AUTH_SECRET: set it (32+ characters), or run `npm start` once, which generates one into .auth-secret");
      }
      const token = await signToken(config.authSecret, {
        subject: options.subject,
        roles: options.role,
        expiresIn: options.expires,
        issuer: config.authIssuer,
        audience: config.authAudience,
        rolesClaim: config.authRolesClaim,
      });
      process.stdout.write(`${token}\n`);
    });
}

function subject(value: string): string {
  if (value.trim() === "" || value.length > MAX_SUBJECT_LENGTH) throw new InvalidArgumentError(`must be 1–${MAX_SUBJECT_LENGTH} characters`);
  return value;
}

function collect(value: string, previous: Role[] | undefined): Role[] {
  if (!isRole(value)) throw new InvalidArgumentError(`must be one of ${ROLES.join(", ")}`);
  return [...(previous ?? []), value];
}

function expires(value: string): string {
  if (!/^\d+\s?(s|sec|secs|second|seconds|m|min|mins|minute|minutes|h|hr|hrs|hour|hours|d|day|days|w|week|weeks)$/.test(value)) {
    throw new InvalidArgumentError("must be a time span such as 30m, 8h or 7d");
  }
  return value;
}
