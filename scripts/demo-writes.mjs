#!/usr/bin/env node
// The README's "Writing claims" flow, runnable as written: with `npm start` running, it adds the
// fictional second article (tests/fixtures/writes/steppe-ledger-2024.txt), the freight forwarder
// it names and its two claims, each quote checked by the server against the stored text, then
// prints the routes from DJI to the front lines, re-ranked. Run it with `npm run demo:writes`.
//
// Env: ACTORGRAPH_URL (default http://127.0.0.1:4000); TOKEN (an editor token; default: one made
// by `npx actorgraph token --subject alice --role editor`, which reads the .auth-secret that
// `npm start` wrote). Writes are idempotent where the API allows it: the same source text returns
// the same Source; an entity or claim already there is reused, not duplicated.
// Exit status 1, with the API's error code and message, when a step fails.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const url = `${process.env.ACTORGRAPH_URL ?? "http://127.0.0.1:4000"}/graphql`;
const token =
  process.env.TOKEN ??
  execFileSync(process.execPath, [join(root, "dist/src/cli.js"), "token", "--subject", "alice", "--role", "editor"], { cwd: root, encoding: "utf8" }).trim();
const text = readFileSync(join(root, "tests/fixtures/writes/steppe-ledger-2024.txt"), "utf8");

/** @typedef {{ data?: Record<string, unknown> | null, errors?: { message: string, extensions?: { code?: string } }[] }} GraphQLBody */

/**
 * One GraphQL request with the editor token; prints the operation and its answer.
 * @param {string} label @param {string} query @param {Record<string, unknown>} [variables]
 * @param {{ allow?: string[] }} [options] error codes that are not a failure (CONFLICT on a second run)
 * @returns {Promise<Record<string, unknown> | null>} the answer's data, null on an allowed error
 */
async function gql(label, query, variables = {}, { allow = [] } = {}) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = /** @type {GraphQLBody} */ (await res.json());
  const error = body.errors?.[0];
  const code = error?.extensions?.code;
  if (error && !(code && allow.includes(code))) {
    process.stderr.write(`${label}: ${code ?? res.status} ${error.message}\n`);
    process.exit(1);
  }
  process.stdout.write(`# ${label}\n${JSON.stringify(error ? { errors: [{ code, message: error.message }] } : body.data)}\n`);
  return error ? null : (body.data ?? null);
}

const source = await gql(
  "addSource",
  `mutation($text: String!) { addSource(input: {title: "Steppe Logistics re-exported DJI drones (fictional)", publisher: "The Steppe Ledger", text: $text}) { id } }`,
  { text },
);
const sourceId = /** @type {{ addSource: { id: string } }} */ (source).addSource.id;

const existing = await gql("entity", `{ entity(id: "steppe-logistics-llp-fictional") { id } }`, {}, { allow: ["NOT_FOUND"] });
if (!existing?.entity) {
  await gql("addEntity", `mutation { addEntity(input: {name: "Steppe Logistics LLP (fictional)", kind: Company, country: "KZ"}) { entity { id } } }`);
}

const claim = `mutation($from: ID!, $to: ID!, $sourceId: ID!, $quote: String!) {
  addClaim(input: {from: $from, to: $to, type: SUPPLIED, status: REPORTED, evidence: [{sourceId: $sourceId, quote: $quote}]}) { id confidence evidence { start end } } }`;
// CONFLICT: the claim is already there (a second run); the routes below still show it.
await gql(
  "addClaim (the forwarder bought from the intermediaries)",
  claim,
  {
    from: "small-intermediaries-and-exporters",
    to: "steppe-logistics-llp-fictional",
    sourceId,
    quote: "Steppe Logistics LLP, a freight forwarder in Almaty, bought DJI drones from small intermediaries and exporters in China in 2023",
  },
  { allow: ["CONFLICT"] },
);
await gql(
  "addClaim (the forwarder re-exported to Russia)",
  claim,
  {
    from: "steppe-logistics-llp-fictional",
    to: "country-ru",
    sourceId,
    quote: "Steppe Logistics LLP re-exported the drones to Russia through the Kazakh–Russian border",
  },
  { allow: ["CONFLICT"] },
);
await gql("routes", `{ routes(from: "dji", to: "russian-front-lines", limit: 3) { exhausted reason routes { rank confidence summary } } }`);
