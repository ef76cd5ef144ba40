import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
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
    const out = formatError({ message: original.message, extensions: { code: "BAD_USER_INPUT", argument: "limit", stacktrace: ["at y"] } }, original, false, () => {
      throw new Error("must not log");
    });
    expect(out).toEqual({ message: original.message, extensions: { code: "BAD_USER_INPUT", argument: "limit" } });
  });
});
