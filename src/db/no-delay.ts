import net from "node:net";
import tls from "node:tls";

const ports = new Set<number>();

/**
 * Turns off Nagle's algorithm (TCP_NODELAY) on the sockets the Neo4j driver opens, which it does
 * not do itself (neo4j-driver 5.28: NodeChannel sets keep-alive only). The driver writes a Bolt
 * message in pieces of 1400 bytes (its chunk buffer); with Nagle on, every piece after the first
 * waits for the server's delayed ACK, so any message over 1400 bytes (a query with a few dozen
 * ids) took about 44 ms instead of 1–2 ms (measured on this machine against Neo4j 5.26 on
 * loopback; `RETURN size($x)` with a 1500-byte string: 46 ms, 1.4 ms with TCP_NODELAY).
 *
 * Node has no process-wide default for it, so `net.connect` and `tls.connect` are wrapped once:
 * sockets to a registered port on any host get `setNoDelay(true)`; every other socket is left
 * as it was.
 */
export function noDelayForPort(port: number): void {
  const first = ports.size === 0;
  ports.add(port);
  if (!first) return;
  for (const mod of [net, tls] as const) {
    const connect = mod.connect as (...args: unknown[]) => net.Socket;
    const wrapped = function (this: unknown, ...args: unknown[]): net.Socket {
      const socket = connect.apply(this, args);
      const target = targetPort(args);
      if (target !== undefined && ports.has(target)) socket.setNoDelay(true);
      return socket;
    };
    Object.defineProperty(mod, "connect", { value: wrapped, writable: true, configurable: true });
  }
}

/** The port of a `connect(port, host, …)` or `connect({port, …})` call. */
function targetPort(args: readonly unknown[]): number | undefined {
  const first = args[0];
  if (typeof first === "number") return first;
  if (typeof first === "string" && /^\d+$/.test(first)) return Number(first);
  if (first && typeof first === "object" && "port" in first) return Number(first.port);
  return undefined;
}
