import { signToken } from "../../dist/src/auth/auth.service.js";
import type { Role } from "../../dist/src/auth/roles.js";
import { TEST_AUTH_SECRET } from "./test-app.js";

/** A bearer token for the test servers (signed with TEST_AUTH_SECRET), valid for an hour. */
export function testToken(subject: string, ...roles: Role[]): Promise<string> {
  return signToken(TEST_AUTH_SECRET, { subject, roles, expiresIn: "1h" });
}
