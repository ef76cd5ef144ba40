import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { PROJECT_ROOT } from "../../src/paths.js";
import { summarize } from "../lib/stats.js";
import { soakMix, type SoakRequest } from "./mix.js";

/**
 * Soak: the built API as its own process (`actorgraph serve`), against the configured Neo4j
 * (NEO4J_URI, or the local one on NEO4J_BOLT_PORT), under SOAK_CLIENTS clients (default 16)
 * for SOAK_SECONDS (default 180), each sending the next request of the mix (bench/soak/mix.ts:
 * routes, search, neighbourhood, export) as soon as the last is answered. Every
 * SOAK_REPORT_SECONDS (30) it prints requests/s, p50/p99 latency in ms, errors by code and the
 * API's RSS; at the end a Markdown table for BENCHMARKS.md. Loads the seed and a hub of
 * SOAK_HUB_LEAVES (2000) entities under `soak-`, and deletes the hub after. Loopback clients are
 * not rate limited (RATE_LIMIT_LOOPBACK), so the API's own limits are what is measured.
 *
 *   npm run bench:soak
 */
const SECONDS = Number(process.env.SOAK_SECONDS ?? 180);
const CLIENTS = Number(process.env.SOAK_CLIENTS ?? 16);
const REPORT_SECONDS = Number(process.env.SOAK_REPORT_SECONDS ?? 30);
const HUB_LEAVES = Number(process.env.SOAK_HUB_LEAVES ?? 2000);
const PREFIX = "soak-";

interface Sample {
  readonly kind: SoakRequest["kind"];
  readonly at: number;
  readonly ms: number;
  readonly outcome: string;
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}

/** A deterministic stream of picks in [0, n), so two runs send the same mix. */
function picker(seed: number): (n: number) => number {
  let x = seed >>> 0 || 1;
  return (n) => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) % n;
  };
}

function row(label: string, window: readonly Sample[], seconds: number, rss: number): string {
  const s = summarize(window.map((w) => w.ms));
  const errors = new Map<string, number>();
  for (const w of window) if (w.outcome !== "ok") errors.set(w.outcome, (errors.get(w.outcome) ?? 0) + 1);
  const codes =
    [...errors]
      .sort((a, b) => b[1] - a[1])
      .map(([c, n]) => `${c} ${n}`)
      .join(", ") || "none";
  return `| ${label} | ${window.length} | ${(window.length / seconds).toFixed(1)} | ${s.p50} | ${s.p99} | ${codes} | ${rss} |`;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const app = createApp(config);
  const hubId = `${PREFIX}hub`;
  await app.admin.applySchema();
  await app.admin.applySeed();
  const leaves = Array.from({ length: HUB_LEAVES }, (_, i) => `${PREFIX}l${i}`);
  await app.db.writeTx(
    "soak-hub",
    async (tx) => {
      await tx.run("MATCH (n:Entity) WHERE n.id STARTS WITH $p DETACH DELETE n", { p: PREFIX });
      await tx.run("UNWIND $ids AS id CREATE (:Entity {id: id, name: id, kind: 'Company'})", { ids: [hubId, ...leaves] });
      await tx.run(
        "MATCH (h:Entity {id: $hub}) UNWIND $ids AS id MATCH (l:Entity {id: id}) CREATE (h)-[:SUPPLIED {id: $hub + '>' + id, status: 'REPORTED', confidence: 0.8}]->(l)",
        { hub: hubId, ids: leaves },
      );
    },
    { timeoutMs: 120_000 },
  );

  const api = spawn("node", [join(PROJECT_ROOT, "dist", "src", "cli.js"), "serve"], {
    env: {
      ...process.env,
      NEO4J_URI: config.neo4jUri,
      NEO4J_PASSWORD: config.neo4jPassword,
      PORT: process.env.SOAK_PORT ?? "0",
      LOG_LEVEL: "warn",
      AUTO_START_DB: "false",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  const base = await new Promise<string>((resolve, reject) => {
    api.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /API ready at (http:\/\/[^/\s]+)\//.exec(out);
      if (m) resolve(m[1]!);
    });
    api.once("exit", (code) => reject(new Error(`the API exited ${code}: ${out}`)));
  });

  const mix: SoakRequest[] = soakMix(hubId);
  const totalWeight = mix.reduce((n, r) => n + r.weight, 0);
  const samples: Sample[] = [];
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  const client = async (i: number) => {
    const pick = picker(i + 1);
    while (performance.now() < deadline) {
      let w = pick(totalWeight);
      const request = mix.find((r) => (w -= r.weight) < 0)!;
      const t0 = performance.now();
      const outcome = await request.send(base, pick).catch((err: unknown) => `NETWORK_${(err as { cause?: { code?: string } }).cause?.code ?? "ERROR"}`);
      samples.push({ kind: request.kind, at: t0 - started, ms: performance.now() - t0, outcome });
    }
  };
  process.stdout.write(`soak: ${CLIENTS} clients for ${SECONDS} s against ${base} (API pid ${api.pid}, RSS ${rssMb(api.pid!)} MB at start)\n\n`);
  process.stdout.write("| window | requests | req/s | p50 ms | p99 ms | errors by code | API RSS MB |\n|---|---|---|---|---|---|---|\n");
  let from = 0;
  const reporter = setInterval(() => {
    const to = Math.round((performance.now() - started) / 1000);
    process.stdout.write(
      `${row(
        `${from}–${to} s`,
        samples.filter((s) => s.at >= from * 1000 && s.at < to * 1000),
        to - from,
        rssMb(api.pid!),
      )}\n`,
    );
    from = to;
  }, REPORT_SECONDS * 1000);
  await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i)));
  clearInterval(reporter);
  const elapsed = (performance.now() - started) / 1000;
  process.stdout.write(`${row(`all ${Math.round(elapsed)} s`, samples, elapsed, rssMb(api.pid!))}\n\n`);
  process.stdout.write("| kind | requests | req/s | p50 ms | p99 ms | errors by code | API RSS MB |\n|---|---|---|---|---|---|---|\n");
  for (const r of mix)
    process.stdout.write(
      `${row(
        r.kind,
        samples.filter((s) => s.kind === r.kind),
        elapsed,
        rssMb(api.pid!),
      )}\n`,
    );
  api.kill("SIGTERM");
  await new Promise((r) => api.once("exit", r));
  await app.db.writeTx("soak-drop", (tx) => tx.run("MATCH (n:Entity) WHERE n.id STARTS WITH $p DETACH DELETE n", { p: PREFIX }), { timeoutMs: 120_000 });
  await app.close();
}

await main();
