import neo4j, { type Driver } from "neo4j-driver";
import type { Config } from "../config.js";

/**
 * Creates the one driver of this process. Connection and retry limits are short so that a
 * dead database fails a request within seconds (DATABASE_UNAVAILABLE) instead of hanging it.
 * Does not connect; call {@link verifyConnectivity} for that.
 */
export function createDriver(config: Config): Driver {
  return neo4j.driver(config.neo4jUri, neo4j.auth.basic(config.neo4jUser, config.neo4jPassword), {
    userAgent: "actorgraph/0.1",
    maxConnectionPoolSize: 50,
    connectionAcquisitionTimeout: 5_000,
    connectionTimeout: 3_000,
    /** Specified in **milliseconds**: managed transactions stop retrying transient errors after this. */
    maxTransactionRetryTime: 3_000,
    logging: { level: "error", logger: () => undefined },
  });
}

/**
 * Resolves when Bolt accepts a connection and authentication on `database`.
 * @throws the driver's error (ServiceUnavailable, authentication failure) otherwise.
 */
export async function verifyConnectivity(driver: Driver, database: string): Promise<void> {
  await driver.verifyConnectivity({ database });
}
