import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { Neo4jError } from "neo4j-driver";
import { mapNeo4jError } from "../../src/db/run.js";
import { BadUserInputError, formatError } from "../../src/errors.js";

describe("formatError", () => {
  it("masks and logs an unexpected error, even one Apollo already coded INTERNAL_SERVER_ERROR", () => {
    const logged: unknown[] = [];
    const original = new GraphQLError("boom at /srv/app/node_modules/x.js:12", { path: ["entity"], originalError: new TypeError("secret") });
    const out = formatError(
      { message: original.message, path: ["entity"], extensions: { code: "INTERNAL_SERVER_ERROR", stacktrace: ["at x"] } },
      original,
      false,
      (e) => logged.push(e),
    );
    expect(out).toEqual({ message: "Internal server error", path: ["entity"], locations: undefined, extensions: { code: "INTERNAL_SERVER_ERROR" } });
    expect(logged).toHaveLength(1);
  });

  it("keeps our coded errors and strips their stack outside development", () => {
    const original = new BadUserInputError("limit must be …", { argument: "limit" });
    const out = formatError(
      { message: original.message, extensions: { code: "BAD_USER_INPUT", argument: "limit", stacktrace: ["at y"] } },
      original,
      false,
      () => {
        throw new Error("must not log");
      },
    );
    expect(out).toEqual({ message: original.message, extensions: { code: "BAD_USER_INPUT", argument: "limit" } });
  });

  it("masks the Neo4j driver's code of a time or memory limit outside development, and keeps it in development", () => {
    // Issue 21 item 5: QUERY_TOO_COSTLY carried extensions.neo4jCode to every client.
    const original = mapNeo4jError(new Neo4jError("terminated", "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration", "", "")) as GraphQLError;
    const formatted = { message: original.message, extensions: { ...original.extensions } };
    const production = formatError(formatted, original, false, () => undefined);
    expect(production.extensions).toEqual({ code: "QUERY_TOO_COSTLY" });
    const development = formatError(formatted, original, true, () => undefined);
    expect(development.extensions).toMatchObject({ code: "QUERY_TOO_COSTLY", neo4jCode: "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration" });
  });
});
