import { Neo4jError, type Driver, type ManagedTransaction, type Record as Neo4jRecord } from "neo4j-driver";
import { AppError, DatabaseUnavailableError, QueryTooCostlyError, ServerBusyError } from "../errors.js";
import { toPlain, type Plain } from "./values.js";
import { MAX_CONNECTION_POOL_SIZE } from "./driver.js";
import { splitCypherStatements } from "./cypher-script.js";
import { query, type QueryName } from "./queries.js";

/** A result row with every value converted by {@link toPlain}. */
export type Row = Record<string, Plain>;

/** Names of the update counters Neo4j reports for a statement (`summary.counters.updates()`). */
export const UPDATE_COUNTER_NAMES = [
  "nodesCreated",
  "nodesDeleted",
  "relationshipsCreated",
  "relationshipsDeleted",
  "propertiesSet",
  "labelsAdded",
  "labelsRemoved",
  "indexesAdded",
  "indexesRemoved",
  "constraintsAdded",
  "constraintsRemoved",
] as const;

/**
 * What statements changed, as plain numbers: `nodesDeleted`, `relationshipsDeleted`, … (see
 * {@link UPDATE_COUNTER_NAMES}). For `CALL { … } IN TRANSACTIONS`, the sum over its inner
 * transactions.
 */
export type UpdateCounters = Readonly<Record<(typeof UPDATE_COUNTER_NAMES)[number], number>>;

/** What {@link Database.autoCommit} returns. */
export interface AutoCommitResult {
  /** The rows of every statement, in order, converted by {@link toPlain}. */
  readonly rows: Row[];
  /** The update counters of every statement, summed. */
  readonly counters: UpdateCounters;
}

/** Options of one transaction. */
export interface RunOptions {
  /** Transaction timeout in **milliseconds**; defaults to the database's `queryTimeoutMs`. */
  readonly timeoutMs?: number;
}

/**
 * Runs the named queries of `cypher/queries/` in managed transactions (`executeRead` /
 * `executeWrite`), so the same code works on a single server, a cluster or Aura, with
 * reads routed to secondaries. Every transaction carries a timeout and metadata naming the
 * query, visible in `SHOW TRANSACTIONS`. Model: neo4j/graphql `classes/Executor.ts`.
 */
export class Database {
  /** Driver sessions open now, each holding at most one pooled connection (the `actorgraph_neo4j_sessions_in_use` metric). */
  sessionsInUse = 0;
  private readonly commitListeners: (() => void)[] = [];

  constructor(
    readonly driver: Driver,
    readonly database: string,
    private readonly queryTimeoutMs: number,
  ) {}

  /**
   * Runs one named read query.
   * @returns rows as plain objects.
   * @throws DatabaseUnavailableError, QueryTooCostlyError (timeout or memory limit), AppError.
   */
  async read(name: QueryName, params: Record<string, unknown>, options: RunOptions = {}): Promise<Row[]> {
    return this.readTx(name, (tx) => runIn(tx, name, params), options);
  }

  /**
   * Runs one named read query in an auto-commit transaction: one network round trip, where a
   * managed transaction takes two (BEGIN and RUN, then COMMIT), so chatty read paths (route
   * searches) use it. Not retried on transient errors.
   * @returns the rows as plain objects.
   * @throws the errors of {@link read}.
   */
  async readAutoCommit(name: QueryName, params: Record<string, unknown>, options: RunOptions = {}): Promise<Row[]> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: "READ" });
    try {
      const result = await session.run(query(name), params, {
        timeout: options.timeoutMs ?? this.queryTimeoutMs,
        metadata: { app: "actorgraph", query: name },
      });
      return result.records.map(toRow);
    } catch (err) {
      throw mapNeo4jError(err);
    } finally {
      await session.close();
    }
  }

  /** Registers `listener` to run after every write this object commits (in-memory caches use it). */
  onCommit(listener: () => void): void {
    this.commitListeners.push(listener);
  }

  /** Runs one named write query in its own transaction; same errors as {@link read}. */
  async write(name: QueryName, params: Record<string, unknown>, options: RunOptions = {}): Promise<Row[]> {
    return this.writeTx(name, (tx) => runIn(tx, name, params), options);
  }

  /** Runs `work` in one managed read transaction (routed to a reader on a cluster). */
  async readTx<T>(label: string, work: (tx: ManagedTransaction) => Promise<T>, options: RunOptions = {}): Promise<T> {
    return this.inTx("READ", label, work, options);
  }

  /** Runs `work` in one managed write transaction: all of it commits, or none of it. */
  async writeTx<T>(label: string, work: (tx: ManagedTransaction) => Promise<T>, options: RunOptions = {}): Promise<T> {
    return this.inTx("WRITE", label, work, options);
  }

  /**
   * Runs a schema or administration statement in an implicit (auto-commit) transaction,
   * which schema commands require. Timeout: 12 × `queryTimeoutMs`.
   * @throws the errors of {@link read}.
   */
  async runSchemaStatement(statement: string): Promise<void> {
    await this.runAutoCommit("schema", [statement], {}, this.queryTimeoutMs * 12);
  }

  /**
   * Runs a named query in implicit (auto-commit) transactions, which `CALL { … } IN
   * TRANSACTIONS OF n ROWS` requires: Neo4j commits each inner transaction as it goes, so
   * memory stays bounded by one batch whatever the number of rows. A query file holding a
   * script (statements separated by `;`) runs statement by statement, in order, each in its own
   * auto-commit transaction with `params`. Not retried, unlike {@link write}: a failure leaves
   * the statements and inner transactions committed before it in place, so such queries should
   * be idempotent and run again.
   * @param options.timeoutMs per statement, in **milliseconds**: the time limit of its outer
   *   transaction, which spans its batches (Neo4j checks it as the statement runs; a batch
   *   waiting for another transaction's lock can outlast it); defaults to `queryTimeoutMs`.
   * @returns the rows of every statement (plain values) and their update counters, summed.
   * @throws DatabaseUnavailableError, QueryTooCostlyError (timeout, or an inner transaction over
   *   the memory limit), AppError; other driver errors unchanged.
   */
  async autoCommit(name: QueryName, params: Record<string, unknown>, options: RunOptions = {}): Promise<AutoCommitResult> {
    return this.runAutoCommit(name, splitCypherStatements(query(name)), params, options.timeoutMs ?? this.queryTimeoutMs);
  }

  /**
   * True when Bolt answers `RETURN 1` on our database within `timeoutMs` (default 1000 ms).
   * Never throws and never waits longer, even when Neo4j hangs.
   */
  async isReady(timeoutMs = 1000): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const ping = this.driver
      .executeQuery("RETURN 1", {}, { database: this.database, routing: "READ" })
      .then(() => true)
      .catch(() => false);
    try {
      return await Promise.race([ping, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async runAutoCommit(label: string, statements: readonly string[], params: Record<string, unknown>, timeoutMs: number): Promise<AutoCommitResult> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: "WRITE" });
    this.sessionsInUse += 1;
    const rows: Row[] = [];
    const counters = Object.fromEntries(UPDATE_COUNTER_NAMES.map((key) => [key, 0])) as Record<keyof UpdateCounters, number>;
    try {
      for (const statement of statements) {
        const result = await session.run(statement, params, { timeout: timeoutMs, metadata: { app: "actorgraph", query: label } });
        rows.push(...result.records.map(toRow));
        const updates = result.summary.counters.updates();
        for (const key of UPDATE_COUNTER_NAMES) counters[key] += Number(updates[key] ?? 0);
      }
    } catch (err) {
      this.committed();
      throw mapNeo4jError(err);
    } finally {
      this.sessionsInUse -= 1;
      await session.close();
    }
    this.committed();
    return { rows, counters };
  }

  /** Tells the commit listeners (an auto-commit script may have committed part of its work even when it fails). */
  private committed(): void {
    for (const listener of this.commitListeners) listener();
  }

  private async inTx<T>(mode: "READ" | "WRITE", label: string, work: (tx: ManagedTransaction) => Promise<T>, options: RunOptions): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: mode });
    const config = { timeout: options.timeoutMs ?? this.queryTimeoutMs, metadata: { app: "actorgraph", query: label } };
    this.sessionsInUse += 1;
    try {
      if (mode === "READ") return await session.executeRead(work, config);
      const result = await session.executeWrite(work, config);
      this.committed();
      return result;
    } catch (err) {
      throw mapNeo4jError(err);
    } finally {
      this.sessionsInUse -= 1;
      await session.close();
    }
  }
}

/** Runs a named query inside an open transaction and converts its rows. */
export async function runIn(tx: ManagedTransaction, name: QueryName, params: Record<string, unknown>): Promise<Row[]> {
  const result = await tx.run(query(name), params);
  return result.records.map(toRow);
}

function toRow(rec: Neo4jRecord): Row {
  const row: Row = {};
  for (const key of rec.keys) row[String(key)] = toPlain(rec.get(key));
  return row;
}

const UNAVAILABLE_CODES = new Set([
  "ServiceUnavailable",
  "SessionExpired",
  "Neo.ClientError.Security.Unauthorized",
  "Neo.ClientError.Security.AuthenticationRateLimit",
  "Neo.ClientError.Database.DatabaseNotFound",
  "Neo.TransientError.General.DatabaseUnavailable",
]);

const TOO_COSTLY_CODES = new Set([
  "Neo.ClientError.Transaction.TransactionTimedOut",
  "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
  "Neo.TransientError.General.MemoryPoolOutOfMemoryError",
  "Neo.TransientError.General.TransactionMemoryLimit",
  "Neo.TransientError.General.OutOfMemoryError",
  "Neo.ClientError.Statement.ExecutionFailed",
]);

/**
 * Maps a driver error to one of ours, in one place. Connection failures become
 * DATABASE_UNAVAILABLE; time and memory limits become QUERY_TOO_COSTLY; AppErrors pass.
 * Anything else is rethrown unchanged and masked by `formatError`.
 */
export function mapNeo4jError(err: unknown): unknown {
  if (err instanceof AppError) return err;
  if (err instanceof Neo4jError) {
    // No connection came free in time. With every pooled connection in use, other requests hold
    // them (we are busy); with fewer, new connections are not completing (Neo4j is not answering).
    const acquisition = /Connection acquisition timed out.*Active conn count = (\d+)/i.exec(err.message);
    if (acquisition) return Number(acquisition[1]) >= MAX_CONNECTION_POOL_SIZE ? new ServerBusyError() : new DatabaseUnavailableError();
    if (UNAVAILABLE_CODES.has(err.code) || /connect|ECONNREFUSED|routing/i.test(err.message)) {
      return new DatabaseUnavailableError();
    }
    if (TOO_COSTLY_CODES.has(err.code) || err.code.includes("TransactionTimedOut") || err.code.includes("Memory")) {
      return new QueryTooCostlyError("The query exceeded the database's time or memory limit; narrow it (fewer hops, a smaller limit).", {
        neo4jCode: err.code,
      });
    }
  }
  return err;
}
