import type { Driver } from "neo4j-driver";
import { nodeId, randomStream, type BenchGraph } from "./graph.js";

/**
 * The bench graph made "real-shaped", as FollowTheMoney sanctions data is: a fifth of the
 * companies also state their jurisdiction, a second BASED_IN to the same country (parallel
 * context relationships, the case of issue 17), and one company in 500 carries the FtM topic
 * `sanction` (the exposure targets). Applied once, after the load; BenchMeta.realShaped records it.
 */
export const REAL_SHAPE_VERSION = 1;
const JURISDICTION_SHARE = 0.2;
const SANCTIONED_SHARE = 0.002;

/** The companies (node indexes) that get a jurisdiction, and those that carry `sanction`. Deterministic. */
export function realShape(g: BenchGraph, seed: number): { jurisdiction: number[]; sanctioned: number[] } {
  const rnd = randomStream(seed + 17);
  const jurisdiction: number[] = [];
  const sanctioned: number[] = [];
  const companies = g.tierStart[7]!;
  for (let v = 0; v < companies; v += 1) {
    if (rnd() < JURISDICTION_SHARE) jurisdiction.push(v);
    if (rnd() < SANCTIONED_SHARE) sanctioned.push(v);
  }
  return { jurisdiction, sanctioned };
}

/** Applies {@link realShape} unless the database already has it; returns the sanctioned companies. */
export async function applyRealShape(driver: Driver, database: string, g: BenchGraph, seed: number, log: (msg: string) => void): Promise<number[]> {
  const shape = realShape(g, seed);
  const meta = await driver.executeQuery("MATCH (m:BenchMeta) RETURN m.realShaped AS v", {}, { database });
  if (Number(meta.records[0]?.get("v") ?? 0) === REAL_SHAPE_VERSION) return shape.sanctioned;
  const session = driver.session({ database });
  try {
    const batch = 20_000;
    for (let i = 0; i < shape.jurisdiction.length; i += batch) {
      const ids = shape.jurisdiction.slice(i, i + batch).map(nodeId);
      await session.executeWrite((tx) =>
        tx.run(
          `UNWIND $ids AS id MATCH (c:Entity {id: id})-[home:BASED_IN]->(k:Entity)
           CREATE (c)-[:BASED_IN {id: id + '>jurisdiction>' + k.id, confidence: home.confidence, status: home.status, validFrom: home.validFrom,
             evidenceQuotes: [], evidenceStarts: [], evidenceEnds: [], evidenceSourceIds: []}]->(k)`,
          { ids },
        ),
      );
    }
    await session.executeWrite((tx) =>
      tx.run("UNWIND $ids AS id MATCH (c:Entity {id: id}) SET c.topics = ['sanction']", { ids: shape.sanctioned.map(nodeId) }),
    );
    await session.executeWrite((tx) => tx.run("MATCH (m:BenchMeta) SET m.realShaped = $v", { v: REAL_SHAPE_VERSION }));
  } finally {
    await session.close();
  }
  log(`real-shaped: ${shape.jurisdiction.length.toLocaleString()} jurisdiction relationships, ${shape.sanctioned.length} sanctioned companies`);
  return shape.sanctioned;
}
