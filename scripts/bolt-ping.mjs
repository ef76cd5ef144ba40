#!/usr/bin/env node
// Checks that a Neo4j server answers a real query over Bolt with the given credentials.
//
//   NEO4J_URI=neo4j://127.0.0.1:7687 NEO4J_USER=neo4j NEO4J_PASSWORD=... node scripts/bolt-ping.mjs [--version] [--quiet]
//
// Environment:
//   NEO4J_URI          bolt:// or neo4j:// URI           (default bolt://127.0.0.1:7687)
//   NEO4J_USER         user name                         (default neo4j)
//   NEO4J_PASSWORD     password                          (required)
//   NEO4J_DATABASE     database to run the query against (default: the server's home database)
//   BOLT_PING_TIMEOUT_MS  connection timeout in ms       (default 3000)
//
// Runs `RETURN 1` with driver.executeQuery and exits 0 when it returns 1, else 1 (reason on
// stderr). With --version it also runs `CALL dbms.components()` and prints
// "<version> <edition>" of the Neo4j Kernel on stdout. --quiet suppresses the success line.
// Uses the neo4j-driver already installed in the repo's node_modules.
import neo4j from "neo4j-driver";

const args = new Set(process.argv.slice(2));
const uri = process.env.NEO4J_URI || "bolt://127.0.0.1:7687";
const user = process.env.NEO4J_USER || "neo4j";
const password = process.env.NEO4J_PASSWORD;
const database = process.env.NEO4J_DATABASE || undefined;
const timeoutMs = Number.parseInt(process.env.BOLT_PING_TIMEOUT_MS || "3000", 10);

if (!password) {
  console.error("bolt-ping: NEO4J_PASSWORD is not set");
  process.exit(1);
}

let exitCode;
let driver;
try {
  driver = neo4j.driver(uri, neo4j.auth.basic(user, password), {
    connectionTimeout: timeoutMs,
    connectionAcquisitionTimeout: timeoutMs * 2,
    // A ping must answer now or fail: no retrying of "transient" errors for 30 s.
    maxTransactionRetryTime: 0,
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 2,
  });
  const { records } = await driver.executeQuery("RETURN 1 AS one", {}, { database });
  if (records.length !== 1 || records[0].get("one") !== 1) {
    throw new Error(`unexpected answer to RETURN 1: ${JSON.stringify(records.map((r) => r.toObject()))}`);
  }
  let line = `bolt-ping: ok ${uri}`;
  if (args.has("--version")) {
    const res = await driver.executeQuery(
      "CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0] AS version, edition",
      {},
      { database, routing: neo4j.routing.READ },
    );
    const kernel = res.records.find((r) => r.get("name") === "Neo4j Kernel") ?? res.records[0];
    const version = `${kernel.get("version")} ${kernel.get("edition")}`;
    console.log(version);
    line += ` (Neo4j ${version})`;
  }
  if (!args.has("--quiet")) console.error(line);
  exitCode = 0;
} catch (err) {
  const code = err && typeof err === "object" && "code" in err ? ` [${String(err.code)}]` : "";
  console.error(`bolt-ping: ${uri} as ${user}: ${err instanceof Error ? err.message : String(err)}${code}`);
  exitCode = 1;
} finally {
  if (driver) {
    try {
      await driver.close();
    } catch {
      // closing a driver that never connected can fail; the verdict stands
    }
  }
}
process.exit(exitCode);
