import type { Driver } from "neo4j-driver";
import { nodeId, REL_TYPES, relId, STATUS_CONFIDENCE, STATUSES, TIER_NAMES, type BenchGraph } from "./graph.js";

/** One CREATE per allow-listed type: the type is never spliced from data. */
const CREATE_RELS: Record<(typeof REL_TYPES)[number], string> = {
  SUPPLIED:
    "UNWIND $rels AS x MATCH (a:Entity {id: x.s}) MATCH (b:Entity {id: x.e}) CREATE (a)-[:SUPPLIED {id: x.id, confidence: x.c, status: x.st, validFrom: date(x.vf), evidenceQuotes: [], evidenceStarts: [], evidenceEnds: [], evidenceSourceIds: []}]->(b)",
  PAID: "UNWIND $rels AS x MATCH (a:Entity {id: x.s}) MATCH (b:Entity {id: x.e}) CREATE (a)-[:PAID {id: x.id, confidence: x.c, status: x.st, validFrom: date(x.vf), evidenceQuotes: [], evidenceStarts: [], evidenceEnds: [], evidenceSourceIds: []}]->(b)",
  PART_OF:
    "UNWIND $rels AS x MATCH (a:Entity {id: x.s}) MATCH (b:Entity {id: x.e}) CREATE (a)-[:PART_OF {id: x.id, confidence: x.c, status: x.st, validFrom: date(x.vf), evidenceQuotes: [], evidenceStarts: [], evidenceEnds: [], evidenceSourceIds: []}]->(b)",
  BASED_IN:
    "UNWIND $rels AS x MATCH (a:Entity {id: x.s}) MATCH (b:Entity {id: x.e}) CREATE (a)-[:BASED_IN {id: x.id, confidence: x.c, status: x.st, validFrom: date(x.vf), evidenceQuotes: [], evidenceStarts: [], evidenceEnds: [], evidenceSourceIds: []}]->(b)",
};

const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(2020, 0, 1);

/**
 * Writes the benchmark graph in UNWIND batches, one transaction per batch, and a
 * `:BenchMeta` node recording the seed and size so a later run can reuse it.
 * @param onProgress called after each batch with (done, total) relationships.
 */
export async function loadBenchGraph(
  driver: Driver,
  database: string,
  g: BenchGraph,
  seed: number,
  onProgress: (done: number, total: number) => void,
): Promise<void> {
  const session = driver.session({ database });
  try {
    const nodeBatch = 20_000;
    for (let i = 0; i < g.nodeCount; i += nodeBatch) {
      const nodes: { id: string; name: string; kind: string }[] = [];
      for (let v = i; v < Math.min(g.nodeCount, i + nodeBatch); v += 1) {
        const kind = g.tier[v] === 7 ? "Country" : "Company";
        nodes.push({ id: nodeId(v), name: `${TIER_NAMES[g.tier[v]!]} ${v}`, kind });
      }
      await session.executeWrite((tx) => tx.run("UNWIND $nodes AS x CREATE (n:Entity {id: x.id, name: x.name, kind: x.kind, aliases: []})", { nodes }));
    }
    const relBatch = 20_000;
    for (let i = 0; i < g.relCount; i += relBatch) {
      const byType = new Map<number, object[]>();
      for (let r = i; r < Math.min(g.relCount, i + relBatch); r += 1) {
        const status = g.relStatus[r]!;
        const list = byType.get(g.relType[r]!) ?? [];
        list.push({
          s: nodeId(g.relStart[r]!),
          e: nodeId(g.relEnd[r]!),
          id: relId(r),
          c: STATUS_CONFIDENCE[status],
          st: STATUSES[status],
          vf: new Date(EPOCH + g.relDay[r]! * DAY_MS).toISOString().slice(0, 10),
        });
        byType.set(g.relType[r]!, list);
      }
      await session.executeWrite(async (tx) => {
        for (const [type, rels] of byType) await tx.run(CREATE_RELS[REL_TYPES[type]!], { rels });
      });
      onProgress(Math.min(g.relCount, i + relBatch), g.relCount);
    }
    await session.executeWrite((tx) =>
      tx.run("CREATE (:BenchMeta {seed: $seed, nodes: $nodes, relationships: $rels})", { seed, nodes: g.nodeCount, rels: g.relCount }),
    );
  } finally {
    await session.close();
  }
}

/** The recorded seed and size of a loaded benchmark graph, or null when none is loaded. */
export async function loadedBenchMeta(driver: Driver, database: string): Promise<{ seed: number; nodes: number; relationships: number } | null> {
  const res = await driver.executeQuery("MATCH (m:BenchMeta) RETURN m.seed AS seed, m.nodes AS nodes, m.relationships AS relationships", {}, { database });
  const rec = res.records[0];
  if (!rec) return null;
  return { seed: Number(rec.get("seed")), nodes: Number(rec.get("nodes")), relationships: Number(rec.get("relationships")) };
}
