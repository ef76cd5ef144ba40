import { readFileSync } from "node:fs";
import { join } from "node:path";
import { serverAudits, type AuditResult } from "graphql-http";
import { describe, expect, it } from "vitest";
import { useTestServer } from "../helpers/test-app.js";

/** A SHOULD audit the server is known to fail, with graphql-http's reason and ours (the README lists them). */
interface KnownFailure {
  id: string;
  name: string;
  /** graphql-http's reason, for example "Response status code is not 200". */
  reason: string;
  /** Why the server answers as it does. */
  why: string;
}

const KNOWN_SHOULD_FAILURES: KnownFailure[] = JSON.parse(readFileSync(join(import.meta.dirname, "graphql-http-should-failures.json"), "utf8"));

/** What a failed audit said, or "ok". */
const outcome = (r: AuditResult) => (r.status === "ok" ? "ok" : `${r.status}: ${r.reason}`);

describe("GraphQL over HTTP conformance (graphql-http serverAudits on POST|GET /graphql)", () => {
  const server = useTestServer();
  // The URL is read when each audit runs, after useTestServer's beforeAll has started the server.
  const audits = serverAudits({ url: () => `${server().server.url}/graphql` });
  const must = audits.filter((a) => a.name.startsWith("MUST"));
  const should = audits.filter((a) => a.name.startsWith("SHOULD"));

  it("has MUST and SHOULD audits to run", () => {
    expect(must.length).toBeGreaterThan(0);
    expect(should.length).toBeGreaterThan(0);
  });

  it.each(must.map((a) => [`${a.id} ${a.name}`, a] as const))("passes %s", async (_title, audit) => {
    expect(outcome(await audit.fn())).toBe("ok");
  });

  it("fails exactly the SHOULD audits listed in graphql-http-should-failures.json, for the reasons given", async () => {
    const failing: Omit<KnownFailure, "why">[] = [];
    for (const audit of should) {
      const result = await audit.fn();
      if (result.status !== "ok") failing.push({ id: audit.id, name: audit.name, reason: result.reason });
    }
    expect(failing).toEqual(KNOWN_SHOULD_FAILURES.map(({ why: _why, ...rest }) => rest));
  });
});
