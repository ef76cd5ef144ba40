import { Neo4jError } from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { mapNeo4jError } from "../../src/db/run.js";
import { BadUserInputError } from "../../src/errors.js";
import { overTransactionMemory } from "../../src/import/importer.js";

const neo4jError = (code: string) => new Neo4jError(`refused (${code})`, code, "50N42", "error: general processing exception");

describe("overTransactionMemory", () => {
  it("is true for Neo4j's memory refusals as mapNeo4jError passes them on", () => {
    for (const code of ["Neo.TransientError.General.MemoryPoolOutOfMemoryError", "Neo.TransientError.General.TransactionMemoryLimit"]) {
      const mapped = mapNeo4jError(neo4jError(code));
      expect(mapped).toMatchObject({ code: "QUERY_TOO_COSTLY", extensions: { neo4jCode: code } });
      expect(overTransactionMemory(mapped)).toBe(true);
    }
  });

  it("is false for a timeout, a user error and anything unmapped", () => {
    expect(overTransactionMemory(mapNeo4jError(neo4jError("Neo.ClientError.Transaction.TransactionTimedOut")))).toBe(false);
    expect(overTransactionMemory(new BadUserInputError("limit"))).toBe(false);
    expect(overTransactionMemory(neo4jError("Neo.TransientError.General.MemoryPoolOutOfMemoryError"))).toBe(false);
    expect(overTransactionMemory(new Error("Memory"))).toBe(false);
  });
});
