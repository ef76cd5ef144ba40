import neo4j from "neo4j-driver";
import type { Database } from "../db/run.js";
import { plainText } from "../db/values.js";
import { NotFoundError, QueryTooCostlyError } from "../errors.js";
import { BlockIndex, compareCandidates, generateCandidates, type CandidatePair, type GenerateStats } from "../resolution/candidates.js";
import { identifierHolders, identifierLookupKeys } from "../resolution/identifiers.js";
import { kindsCompatible, mergeRecords, prepareRecord, scorePair, type MatchReason, type MatchRecord } from "../resolution/matcher.js";
import { recordPages, toMatchRecord } from "../resolution/records.js";
import { toJudgementRecord } from "../resolution/judgement-store.js";
import { clustersOf } from "../resolution/cluster-reader.js";
import type { EntityService } from "./entity.service.js";
import { toSearchQuery } from "./search.service.js";
import { entityId, intInRange, numberInRange } from "./validate.js";
import type { EntityView } from "./views.js";

/** A candidate pair as the API returns it. */
export interface CandidateView {
  /** The two entities (clusters), `left.id < right.id`. */
  readonly left: EntityView;
  readonly right: EntityView;
  /** The records to judge for this pair: each side's id (an entity of several records is compared as one, under its canonical id). */
  readonly leftRecord: string;
  readonly rightRecord: string;
  /** In [0, 1]. */
  readonly score: number;
  readonly reasons: readonly MatchReason[];
}

/** Defaults and caps of candidates(). */
export const CANDIDATE_LIMITS = { minScore: 0.7, limit: 20, limitCap: 500, offsetCap: 100_000 } as const;

/** Records the whole-graph query compares through the API at most; larger graphs use `npx actorgraph resolve --candidates`. */
export const API_MAX_RECORDS = 250_000;

/** Entities fetched from each index per record for the one-entity query. */
const BLOCK_FETCH = 50;

/** How long a whole-graph answer is reused, in **milliseconds**, when this process records no judgement meanwhile. */
const CACHE_MS = 60_000;

/**
 * Possible duplicates: for one entity, or over the whole graph (docs/resolution.md). Pairs
 * that a judgement decided (POSITIVE: already one entity; NEGATIVE or UNSURE: looked at) never
 * come back.
 */
export class CandidateService {
  private cache: { minScore: number; at: number; result: Promise<{ candidates: CandidatePair[]; stats: GenerateStats }> } | null = null;

  constructor(
    private readonly db: Database,
    private readonly entities: EntityService,
  ) {}

  /** Forgets the whole-graph answer (after a judgement). */
  invalidate(): void {
    this.cache = null;
  }

  /**
   * Candidate pairs, best first (score desc, then ids). With `id`: the entity's own candidates,
   * blocked through the full-text name index and the identifier index (at most 50 records each
   * per name and identifier), always fresh. Without: the whole graph's, blocked in memory
   * (resolution/blocking.ts), computed once a minute at most and paged by `offset`.
   * @param minScore in [0, 1], default 0.7. @param limit default 20, cap 500. @param offset default 0, cap 100 000.
   * @throws BadUserInputError; NotFoundError for an unknown id; QueryTooCostlyError for a graph of more than API_MAX_RECORDS matchable records.
   */
  async candidates(
    id: string | null,
    minScore: number = CANDIDATE_LIMITS.minScore,
    limit: number = CANDIDATE_LIMITS.limit,
    offset = 0,
  ): Promise<CandidateView[]> {
    numberInRange("minScore", minScore, 0, 1);
    intInRange("limit", limit, 1, CANDIDATE_LIMITS.limitCap);
    intInRange("offset", offset, 0, CANDIDATE_LIMITS.offsetCap);
    const pairs = id === null ? (await this.wholeGraph(minScore)).candidates : await this.forEntity(entityId("id", id), minScore);
    return this.describe(pairs.slice(offset, offset + limit));
  }

  /**
   * Every candidate pair of the graph at or above `minScore`, best first, with the run's figures
   * (for `npx actorgraph resolve --candidates`; no cap on the graph's size).
   */
  async all(minScore: number, maxRecords = Number.POSITIVE_INFINITY): Promise<{ candidates: CandidatePair[]; stats: GenerateStats }> {
    numberInRange("minScore", minScore, 0, 1);
    const [canonical, decided] = await Promise.all([this.canonicalMap(), this.decidedPairs()]);
    const index = new BlockIndex();
    await index.addAll(recordPages(this.db, maxRecords + 1), canonical);
    if (index.records.length > maxRecords) {
      throw new QueryTooCostlyError(
        `The graph holds more than ${maxRecords} records to compare; list its candidates with npx actorgraph resolve --candidates.`,
        { maxRecords },
      );
    }
    return generateCandidates(index, { minScore, decided: (l, r) => decided.has(`${l}\u0000${r}`) });
  }

  /** Entity views for a page of pairs (one query for all their records). */
  async describe(pairs: readonly CandidatePair[]): Promise<CandidateView[]> {
    const views = await this.entities.getEntities([...new Set(pairs.flatMap((p) => [p.left, p.right]))]);
    const byId = new Map(views.map((v) => [v.id, v] as const));
    for (const v of views) for (const m of v.mergedIds) byId.set(m, v);
    return pairs.flatMap((p) => {
      const left = byId.get(p.left);
      const right = byId.get(p.right);
      return left && right ? [{ ...p, left, right }] : [];
    });
  }

  private async wholeGraph(minScore: number): Promise<{ candidates: CandidatePair[]; stats: GenerateStats }> {
    const now = Date.now();
    if (!this.cache || this.cache.minScore !== minScore || now - this.cache.at > CACHE_MS) {
      const result = this.all(minScore, API_MAX_RECORDS);
      this.cache = { minScore, at: now, result };
      result.catch(() => {
        if (this.cache?.result === result) this.cache = null;
      });
    }
    return this.cache.result;
  }

  /**
   * The one-entity query: the entity (its cluster's records merged into one) against the
   * entities the indexes find for its names and identifiers (each cluster merged likewise).
   */
  private async forEntity(id: string, minScore: number): Promise<CandidatePair[]> {
    const cluster = (await clustersOf(this.db, [id])).get(id);
    const canonicalId = cluster?.canonicalId ?? id;
    const own = new Set(cluster?.members ?? [id]);
    const mineRows = await this.db.read("resolution-records-by-ids", { ids: [...own] });
    if (mineRows.length === 0) throw new NotFoundError([id]);
    const mineRecords = mineRows.filter((r) => r.unmatchable !== true).map(toMatchRecord);
    if (mineRecords.length === 0) return [];
    const mine = prepareRecord(mergeRecords(canonicalId, mineRecords));
    const found = new Set<string>();
    const texts = [...new Set([mine.record.name, ...mine.record.aliases])];
    const lucene = texts
      .map(toSearchQuery)
      .filter((q): q is string => q !== null)
      .map((q) => `(${q})`)
      .join(" OR ");
    if (lucene)
      for (const row of await this.db.read("search-entities", { lucene, limit: neo4j.int(BLOCK_FETCH * Math.max(1, texts.length)) }))
        found.add(plainText((row.entity as Record<string, string>).id));
    const keys = [...new Set(mine.identifiers.flatMap(identifierLookupKeys))];
    for (const holder of await identifierHolders(this.db, keys, BLOCK_FETCH)) found.add(holder);
    const others = [...found].filter((x) => !own.has(x));
    if (others.length === 0) return [];
    const clusters = await clustersOf(this.db, others);
    const memberIds = [...new Set(others.flatMap((x) => clusters.get(x)?.members ?? [x]))];
    const [theirs, judged] = await Promise.all([
      this.db.read("resolution-records-by-ids", { ids: memberIds }),
      this.db.read("judgements-of-clusters", { ids: [id], limit: neo4j.int(10_000) }),
    ]);
    const decidedRecords = judged
      .map((r) => toJudgementRecord(r.judgement))
      .filter((j) => j.judgement !== "POSITIVE")
      .flatMap((j) => [j.left, j.right])
      .filter((x) => !own.has(x));
    const decidedClusters = await clustersOf(this.db, decidedRecords);
    const decided = new Set(decidedRecords.map((x) => decidedClusters.get(x)?.canonicalId ?? x));
    const canonicalOf = (x: string) => clusters.get(x)?.canonicalId ?? x;
    const groups = new Map<string, MatchRecord[]>();
    for (const row of theirs) {
      if (row.unmatchable === true) continue;
      const r = toMatchRecord(row);
      const c = canonicalOf(r.id);
      if (c === canonicalId || decided.has(c)) continue;
      groups.set(c, [...(groups.get(c) ?? []), r]);
    }
    const pairs: CandidatePair[] = [];
    for (const [c, records] of groups) {
      const other = prepareRecord(mergeRecords(c, records));
      if (!kindsCompatible(mine.record.kind, other.record.kind)) continue;
      const { score, reasons } = scorePair(mine, other, minScore);
      if (score === 0 || score < minScore) continue;
      const [left, right] = c < canonicalId ? [c, canonicalId] : [canonicalId, c];
      pairs.push({ left, right, leftRecord: left, rightRecord: right, score, reasons });
    }
    return pairs.sort(compareCandidates);
  }

  /** Record id → canonical id, for every judged record in another's cluster (identities-page.cypher, 10 000 a page). */
  private async canonicalMap(): Promise<Map<string, string>> {
    const map = new Map<string, string>();
    for (let after = ""; ;) {
      const rows = await this.db.read("identities-page", { after, limit: neo4j.int(10_000) });
      for (const r of rows) map.set(plainText(r.id), plainText(r.canonicalId));
      if (rows.length < 10_000) return map;
      after = plainText(rows[rows.length - 1]!.id);
    }
  }

  /** Canonical pairs (`left\u0000right`, left < right) that a NEGATIVE or UNSURE judgement decided. */
  private async decidedPairs(): Promise<Set<string>> {
    const rows = await this.db.read("judgements-decided", { limit: neo4j.int(1_000_000) });
    return new Set(
      rows.map((r) => {
        const [a, b] = [plainText(r.left), plainText(r.right)];
        return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
      }),
    );
  }
}
