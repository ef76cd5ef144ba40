import neo4j, { type Driver } from "neo4j-driver";
import type { Config } from "../config.js";
import { noDelayForPort } from "./no-delay.js";

/** Bolt connections the driver keeps at most; requests beyond them wait (up to 5 s) for one. */
export const MAX_CONNECTION_POOL_SIZE = 50;

/**
 * Creates the one driver of this process. Connection and retry limits are short so that a
 * dead database fails a request within seconds (DATABASE_UNAVAILABLE) instead of hanging it.
 * Does not connect; call {@link verifyConnectivity} for that.
 */
export function createDriver(config: Config): Driver {
  noDelayForPort(boltPort(config.neo4jUri));
  return neo4j.driver(config.neo4jUri, neo4j.auth.basic(config.neo4jUser, config.neo4jPassword), {
    userAgent: "actorgraph/0.1",
    maxConnectionPoolSize: MAX_CONNECTION_POOL_SIZE,
    connectionAcquisitionTimeout: 5_000,
    connectionTimeout: 2_000,
    /** Specified in **milliseconds**: managed transactions stop retrying transient errors after this. */
    maxTransactionRetryTime: 2_000,
    logging: { level: "error", logger: () => undefined },
  });
}

/** The port of a `neo4j://` or `bolt://` URI (7687 when it names none). */
export function boltPort(uri: string): number {
  const port = new URL(uri.replace(/^[a-z0-9+]+:/i, "http:")).port;
  return port === "" ? 7687 : Number(port);
}

/**
 * Resolves when Bolt accepts a connection and authentication on `database`.
 * @throws the driver's error (ServiceUnavailable, authentication failure) otherwise.
 */
export async function verifyConnectivity(driver: Driver, database: string): Promise<void> {
  await driver.verifyConnectivity({ database });
}
