import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "../../src/paths.js";
import { summarize, type Summary } from "../lib/stats.js";
import type { ThroughputResult } from "./throughput.js";

/** One timed query of a latency family: ours and the peer's. */
export interface Sample {
  family: string;
  label: string;
  oursMs: number;
  peerMs: number;
  peerTimedOut: boolean;
  oursRoutes: number;
  oursReason: string | null;
  withinBudget: boolean;
}

/** A throughput family: ours, ours with the route cache off, and the peer. */
export interface ThroughputFamily {
  readonly family: string;
  readonly ours: ThroughputResult;
  readonly oursCold: ThroughputResult;
  readonly peer: ThroughputResult;
}

/** Prints the latency table, the per-label lines and the throughput table, and writes bench/results/routes.json. */
export function report(header: string, samples: readonly Sample[], throughput: readonly ThroughputFamily[], extra: Record<string, unknown>): void {
  const families = [...new Set(samples.map((s) => s.family))];
  const rows: string[] = [header, ""];
  const fmt = (s: Summary) => `${s.p50} / ${s.p95} / ${s.p99}`;
  rows.push(
    "| family | n | ours p50 / p95 / p99 (ms) | peer p50 / p95 / p99 (ms) | ours/peer p50 | ours/peer p95 | ours/peer p99 | peer timeouts | ours within budget |",
  );
  rows.push("|---|---|---|---|---|---|---|---|---|");
  const json: Record<string, unknown> = {};
  for (const family of families) {
    const fs = samples.filter((s) => s.family === family);
    const ours = summarize(fs.map((s) => s.oursMs));
    const peer = summarize(fs.map((s) => s.peerMs));
    const ratio = (a: number, b: number) => (a / b).toFixed(3);
    const within = fs.filter((s) => s.withinBudget).length;
    rows.push(
      `| ${family} | ${fs.length} | ${fmt(ours)} | ${fmt(peer)} | ${ratio(ours.p50, peer.p50)} | ${ratio(ours.p95, peer.p95)} | ${ratio(ours.p99, peer.p99)} | ${fs.filter((s) => s.peerTimedOut).length} | ${within}/${fs.length} (${((100 * within) / fs.length).toFixed(0)}%) |`,
    );
    json[family] = { ours, peer, within, n: fs.length };
  }
  rows.push("", "per label (ours p95 ms, reasons):");
  for (const label of [...new Set(samples.map((s) => `${s.family}: ${s.label}`))]) {
    const ls = samples.filter((s) => `${s.family}: ${s.label}` === label);
    const reasons = [...new Set(ls.map((s) => s.oursReason ?? "complete"))].join(", ");
    rows.push(
      `  ${label}: n=${ls.length}, ours p95 ${summarize(ls.map((s) => s.oursMs)).p95}, peer p95 ${summarize(ls.map((s) => s.peerMs)).p95}, routes found ${ls.filter((s) => s.oursRoutes > 0).length}/${ls.length}, ${reasons}`,
    );
  }
  if (throughput.length > 0) {
    rows.push(
      "",
      "| throughput, 16 connections | ours req/s (p50 / p99 ms) | ours, cache off | peer req/s (p50 / p99 ms) | ours/peer | errors ours / peer |",
      "|---|---|---|---|---|---|",
    );
    for (const t of throughput) {
      const cell = (r: ThroughputResult) => `${r.rps} (${r.p50} / ${r.p99})`;
      rows.push(
        `| ${t.family} | ${cell(t.ours)} | ${cell(t.oursCold)} | ${t.peer.label}: ${cell(t.peer)} | ${(t.ours.rps / t.peer.rps).toFixed(2)} | ${t.ours.errors + t.oursCold.errors} / ${t.peer.errors} |`,
      );
    }
  }
  process.stdout.write(`${rows.join("\n")}\n`);
  mkdirSync(join(PROJECT_ROOT, "bench", "results"), { recursive: true });
  writeFileSync(join(PROJECT_ROOT, "bench", "results", "routes.json"), JSON.stringify({ ...extra, families: json, throughput, samples }, null, 1));
}
