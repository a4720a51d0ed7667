/**
 * Connections one client may hold open at once, for the HTTP servers (the usage collector, `verity
 * mcp --http`). Deadlines end a slow request (headersTimeout, requestTimeout), but until then a
 * single client could open thousands of connections and take the file descriptors every other
 * client needs. A browser opens at most six to a host; a client past its share gets `503` with
 * `Retry-After` and the connection is closed.
 */
import type { Server } from "node:http";
import type { Socket } from "node:net";

/** Default share of one client (an IPv4 address or an IPv6 /64): far above a browser's six. */
export const MAX_CONNECTIONS_PER_CLIENT = 64;
/** Connections of all clients together, below the usual limit of 1,024 open files a process has. */
export const MAX_CONNECTIONS = 900;

const REFUSAL = "HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nRetry-After: 5\r\nContent-Length: 0\r\nX-Content-Type-Options: nosniff\r\n\r\n";

/**
 * Counts each client's open connections (by `keyOf` its socket) and refuses those past `perClient`.
 * `log` hears of a client's first refusal until its connections fall back under the share.
 */
export function capConnections(server: Server, options: { perClient: number; keyOf: (socket: Socket) => string; log: (line: string) => void }): void {
  server.maxConnections = MAX_CONNECTIONS;
  const open = new Map<string, number>();
  const refusing = new Set<string>();
  server.on("connection", (socket: Socket) => {
    const key = options.keyOf(socket);
    const count = open.get(key) ?? 0;
    if (count >= options.perClient) {
      if (!refusing.has(key)) {
        refusing.add(key);
        options.log(`refused (503): more than ${options.perClient} connections from one client`);
      }
      socket.on("error", () => {});
      socket.end(REFUSAL);
      setTimeout(() => socket.destroy(), 1000).unref();
      return;
    }
    open.set(key, count + 1);
    socket.once("close", () => {
      const left = (open.get(key) ?? 1) - 1;
      if (left > 0) open.set(key, left);
      else open.delete(key);
      if (left < options.perClient) refusing.delete(key);
    });
  });
}
