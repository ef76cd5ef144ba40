import { judgementChain } from "./clusters.js";
import type { JudgementRecord } from "./judgement-store.js";

/**
 * Where a route passes from one record of an entity to another (entity resolution,
 * docs/resolution.md): a route between entities of several records may arrive at one record
 * and leave from another, and its evidence chain is complete only with the judgements that make
 * them one actor ("X = Y, judged by … on …, reason …"). Pure functions; the route service
 * reads the records' names and the clusters' judgements.
 */

/** A record the route arrives at and the one it leaves from, at one of its entities. */
export interface CrossingPoint {
  /** Index of the entity in the route: 0 is `from`, the route's length is `to`. */
  readonly position: number;
  /** The record the route arrives at (at position 0: the id asked for). */
  readonly from: string;
  /** The record it leaves from (at the last position: the id asked for). */
  readonly to: string;
}

/** One hop as it was stored: the records it leaves and reaches, in the route's direction. */
export interface RecordHop {
  readonly fromRecord: string;
  readonly toRecord: string;
}

/**
 * The points of a route where consecutive hops meet at different records of one entity, and the
 * ends where the id asked for is another record of the entity the route starts or ends at.
 * @param askedFrom the id the search was asked from; @param askedTo the id asked for, or null (exposure).
 */
export function crossingPoints(askedFrom: string, askedTo: string | null, hops: readonly RecordHop[]): CrossingPoint[] {
  if (hops.length === 0) return [];
  const points: CrossingPoint[] = [];
  if (hops[0]!.fromRecord !== askedFrom) points.push({ position: 0, from: askedFrom, to: hops[0]!.fromRecord });
  for (let i = 1; i < hops.length; i += 1) {
    if (hops[i - 1]!.toRecord !== hops[i]!.fromRecord) points.push({ position: i, from: hops[i - 1]!.toRecord, to: hops[i]!.fromRecord });
  }
  const last = hops[hops.length - 1]!;
  if (askedTo !== null && last.toRecord !== askedTo) points.push({ position: hops.length, from: last.toRecord, to: askedTo });
  return points;
}

/** A crossing with the judgements that join its two records. */
export interface IdentityCrossing extends CrossingPoint {
  /** The POSITIVE judgements from `from` to `to`, in order (one when they were judged directly). */
  readonly judgements: readonly JudgementRecord[];
  /** "NORTHWIND AVIA LIMITED = North Wind Avia Ltd, judged by alice on 2026-12-07: Same Companies House number". */
  readonly text: string;
}

/**
 * The crossing with its chain of judgements (clusters.ts `judgementChain` over the cluster's
 * judgements) and its sentence; `names` gives a record's name (its id when unknown).
 * @returns null when no chain of POSITIVE judgements joins the two (the clusters changed meanwhile).
 */
export function describeCrossing(point: CrossingPoint, judgements: readonly JudgementRecord[], names: (id: string) => string): IdentityCrossing | null {
  const chain = judgementChain(judgements, point.from, point.to);
  if (chain === null) return null;
  const steps: string[] = [];
  let at = point.from;
  for (const j of chain) {
    const next = j.left === at ? j.right : j.left;
    steps.push(`${names(at)} = ${names(next)}, judged by ${j.actor} on ${j.at.slice(0, 10)}: ${j.reason}`);
    at = next;
  }
  return { ...point, judgements: chain, text: steps.join("; then ") };
}
