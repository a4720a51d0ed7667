/**
 * The usage collector behind `verity collect`: `POST /events` (one batch of usage events, see
 * src/core/usage/events.ts), `GET /health`, CORS for the allowed origins, a token bucket per
 * client, and group commit: the requests that arrive together are stored in one SQLite
 * transaction (fsynced) and only then answered, so a 2xx is never lost. A database locked by
 * another program is retried on a timer, never waited for, so the server keeps answering.
 */
import http from "node:http";
import { checkUsageBatch, toDroppedRows, toUsageRows, type UsageSite, type UsageSiteRules } from "../core/usage/events.ts";
import { StoreBusyError, type StoredBatch, type UsageWriter } from "../core/usage/store.ts";
import { httpJson, NOSNIFF } from "../core/http-json.ts";
import { logSafe } from "./log-safe.ts";
import { clientKey } from "../core/net/client-key.ts";
import { createRateLimiter } from "./token-bucket.ts";
import { capConnections, MAX_CONNECTIONS_PER_CLIENT } from "../core/net/connection-cap.ts";

export interface CollectorOptions {
  host: string;
  port: number;
  writer: UsageWriter;
  sites: ReadonlyMap<UsageSite, UsageSiteRules>;
  /** Origins (`https://help.example.com`) whose pages may send events. */
  allowedOrigins: ReadonlySet<string>;
  /** Origins that belong to one site only; their events must name that site. */
  originSites?: ReadonlyMap<string, UsageSite>;
  maxBodyBytes: number;
  rate: { perSecond: number; burst: number };
  /** Key the rate limit by the last X-Forwarded-For address (only behind a proxy you run). */
  trustProxy?: boolean;
  timeZone: string;
  /** Clock, for tests. */
  now?: () => Date;
  /** One line per rejected request or storage failure (never the client's address). */
  log?: (line: string) => void;
  /** How long a batch may wait for a locked database before it is answered 503 (default 5 s). */
  busyDeadlineMs?: number;
  /** Connections one client may hold open at once (default MAX_CONNECTIONS_PER_CLIENT); not applied behind a trusted proxy. */
  maxConnectionsPerClient?: number;
}

export interface RunningCollector {
  url: string;
  port: number;
  /** Stops accepting, answers what is in flight, stores what was accepted, closes the database. */
  close(): Promise<void>;
}

interface Pending {
  stored: StoredBatch;
  /** When the batch gives up waiting for a locked database. */
  deadline: number;
  done: (error: Error | undefined) => void;
}

/** First and longest wait before the next try at a locked database. */
const BUSY_RETRY_MS = { first: 10, longest: 250 };

export class PortInUseError extends Error {}

/** What a batch may be sent as: a string given to navigator.sendBeacon is text/plain; a backend sends application/json. */
const JSON_BODY_TYPES = new Set(["text/plain", "application/json"]);
const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** Why a body cannot be read as the batch it claims to be, or undefined: type, charset, encoding. */
function unsupportedBody(headers: http.IncomingHttpHeaders): string | undefined {
  const [type = "", ...parameters] = (headers["content-type"] ?? "").split(";");
  if (!JSON_BODY_TYPES.has(type.trim().toLowerCase())) return "The body is not text/plain or application/json";
  for (const parameter of parameters) {
    const [name = "", value = ""] = parameter.split("=");
    const charset = value.trim().replace(/^"|"$/g, "").toLowerCase();
    if (name.trim().toLowerCase() === "charset" && charset !== "utf-8" && charset !== "utf8") return `The body is declared as ${charset || "an empty charset"}`;
  }
  const encoding = (headers["content-encoding"] ?? "identity").trim().toLowerCase();
  if (encoding !== "identity") return `The body is encoded (${encoding})`;
  return undefined;
}

export async function startCollector(options: CollectorOptions): Promise<RunningCollector> {
  const now = options.now ?? (() => new Date());
  const writeLog = options.log ?? (() => {});
  // Every line goes through logSafe: ids and reasons come from requests and must not forge lines.
  const log = (line: string) => writeLog(logSafe(line));
  const busyDeadlineMs = options.busyDeadlineMs ?? 5000;
  const limiter = createRateLimiter(options.rate);
  let queue: Pending[] = [];
  let flushScheduled = false;
  let retryTimer: NodeJS.Timeout | undefined;
  let retryWait = BUSY_RETRY_MS.first;
  let closing = false;

  const flush = () => {
    flushScheduled = false;
    retryTimer = undefined;
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    let error: Error | undefined;
    try {
      options.writer.append({ rows: batch.flatMap((p) => p.stored.rows), dropped: batch.flatMap((p) => p.stored.dropped) });
      retryWait = BUSY_RETRY_MS.first;
    } catch (caught) {
      error = caught as Error;
      if (error instanceof StoreBusyError) {
        const at = Date.now();
        const waiting = batch.filter((pending) => pending.deadline > at);
        if (waiting.length > 0) {
          queue = [...waiting, ...queue];
          retryTimer = setTimeout(flush, retryWait);
          retryWait = Math.min(retryWait * 2, BUSY_RETRY_MS.longest);
        }
        const expired = batch.filter((pending) => pending.deadline <= at);
        if (expired.length > 0) log(`could not store ${expired.length} request(s): ${error.message} for ${busyDeadlineMs} ms`);
        for (const pending of expired) pending.done(error);
        return;
      }
      log(`could not store ${batch.length} request(s): ${error.message}`);
    }
    for (const pending of batch) pending.done(error);
    // The NDJSON copy is written after the answers, off the requests' path.
    if (error === undefined) void options.writer.mirror();
  };
  const store = (stored: StoredBatch) =>
    new Promise<void>((resolve, reject) => {
      queue.push({ stored, deadline: Date.now() + busyDeadlineMs, done: (error) => (error ? reject(error) : resolve()) });
      if (!flushScheduled && retryTimer === undefined) {
        flushScheduled = true;
        setImmediate(flush);
      }
    });

  // Deadlines are checked every second (Node's default, 30 s, would let a slow client hold a
  // connection that much past requestTimeout).
  const server = http.createServer({ connectionsCheckingInterval: 1000 }, (req, res) => {
    const origin = req.headers.origin;
    const originAllowed = origin !== undefined && options.allowedOrigins.has(origin);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      // Reasons quote request text: escaped, so no browser reads markup in them.
      const text = body === undefined ? "" : httpJson(body);
      res.writeHead(status, {
        ...(originAllowed ? { "access-control-allow-origin": origin!, vary: "Origin" } : {}),
        ...(text ? { "content-type": "application/json; charset=utf-8" } : {}),
        "cache-control": "no-store",
        ...NOSNIFF,
        ...headers,
      });
      res.end(text);
    };
    const url = (req.url ?? "/").split("?")[0];
    if (url === "/health") {
      if (req.method !== "GET" && req.method !== "HEAD") return send(405, { error: "method_not_allowed", reason: "Use GET /health." }, { allow: "GET, HEAD" });
      return send(closing ? 503 : 200, { status: closing ? "stopping" : "ok", schema: 1 });
    }
    if (url !== "/events") return send(404, { error: "not_found", reason: "The collector serves POST /events and GET /health." });
    if (origin !== undefined && !originAllowed) {
      req.resume();
      return send(403, { error: "origin_not_allowed", reason: `Events from ${origin} are not accepted; add the origin to collect.allowedOrigins or set usage on that site.` });
    }
    if (req.method === "OPTIONS") {
      return send(204, undefined, {
        "access-control-allow-methods": "POST",
        "access-control-allow-headers": "content-type",
        "access-control-max-age": "86400",
      });
    }
    if (req.method !== "POST") return send(405, { error: "method_not_allowed", reason: "Send events with POST /events." }, { allow: "POST, OPTIONS" });
    if (closing) return send(503, { error: "stopping", reason: "The collector is shutting down; send again later." }, { "retry-after": "5" });
    const address = options.trustProxy ? (String(req.headers["x-forwarded-for"] ?? "").split(",").pop()?.trim() || req.socket.remoteAddress) : req.socket.remoteAddress;
    // Per IPv4 address, per IPv6 /64 (a client has 2^64 IPv6 addresses to rotate through).
    const wait = limiter.take(clientKey(address), Date.now());
    if (wait > 0) {
      req.resume();
      return send(429, { error: "rate_limited", reason: "Too many requests from this client; slow down." }, { "retry-after": String(wait) });
    }
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > options.maxBodyBytes) {
      req.resume();
      return send(413, { error: "too_large", reason: `The body is ${declared} bytes; the collector accepts at most ${options.maxBodyBytes}.` }, { connection: "close" });
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > options.maxBodyBytes) {
        tooLarge = true;
        send(413, { error: "too_large", reason: `The body is larger than ${options.maxBodyBytes} bytes.` }, { connection: "close" });
        return;
      }
      chunks.push(chunk);
    });
    req.on("error", () => {});
    req.on("end", () => {
      if (tooLarge) return;
      const unsupported = unsupportedBody(req.headers);
      if (unsupported) {
        log(`rejected (415): ${unsupported}`);
        return send(415, { error: "unsupported_type", reason: `${unsupported}. Send the batch as UTF-8 text/plain (navigator.sendBeacon with a string) or application/json, not compressed.` });
      }
      let body: unknown;
      try {
        body = JSON.parse(UTF8.decode(Buffer.concat(chunks)));
      } catch {
        log("rejected: body is not UTF-8 JSON");
        return send(400, { error: "not_json", reason: "The body is not UTF-8 JSON; send one batch object as described in docs/usage-events.md." });
      }
      const checked = checkUsageBatch(body, options.sites);
      if ("problem" in checked) {
        const { status, reason, issues } = checked.problem;
        log(`rejected (${status}): ${reason}${issues ? ` ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}` : ""}`);
        return send(status, { error: status === 400 ? "invalid" : "unknown", reason, issues });
      }
      const { site } = checked.batch;
      if (options.sites.get(site)?.private && origin === undefined) {
        log(`rejected (403): events for the ${site} site without an Origin`);
        return send(403, { error: "origin_required", reason: `Events for the ${site} site are accepted only from its pages (a request with the Origin of an allowed site).` });
      }
      const ownSite = origin === undefined ? undefined : options.originSites?.get(origin);
      if (ownSite !== undefined && ownSite !== site) {
        log(`rejected (422): ${origin} sent events for the ${site} site`);
        return send(422, { error: "unknown", reason: `Pages of ${origin} belong to the ${ownSite} site and cannot send events for the ${site} site.` });
      }
      // Ids are not logged: on a private site the log must not keep guesses at its card ids either.
      // Dropped events are stored all the same (without their cards), in the same commit, so a
      // request naming only unknown cards is answered as slowly, and fails as a locked database
      // makes others fail.
      const received = now();
      const { dropped } = checked;
      if (dropped.length > 0) log(`dropped ${dropped.length} event(s) naming cards the ${site} site does not have`);
      store({ rows: toUsageRows(checked.batch, received, options.timeZone), dropped: toDroppedRows(checked.batch, dropped, received, options.timeZone) }).then(
        () => send(200, { accepted: checked.received }),
        () => send(503, { error: "not_stored", reason: "The events could not be stored; send them again." }, { "retry-after": "5" }),
      );
    });
  });
  server.keepAliveTimeout = 5000;
  server.headersTimeout = 10_000;
  server.requestTimeout = 15_000;
  // Behind a proxy every connection comes from the proxy, which keeps its own share per client.
  if (!options.trustProxy) {
    capConnections(server, { perClient: options.maxConnectionsPerClient ?? MAX_CONNECTIONS_PER_CLIENT, keyOf: (socket) => clientKey(socket.remoteAddress), log });
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      reject(error.code === "EADDRINUSE" ? new PortInUseError(`${options.host}:${options.port} is already in use`) : error);
    });
    server.listen(options.port, options.host, () => resolve());
  });
  void options.writer.mirror(); // rows committed before a crash, not yet in the NDJSON file
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  const host = options.host.includes(":") ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}/`,
    port,
    close: async () => {
      closing = true;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      if (retryTimer !== undefined) clearTimeout(retryTimer);
      flush();
      // What a locked database still holds back when the server stops is answered 503 (the
      // pages send it again), never acknowledged and dropped.
      for (const pending of queue.splice(0)) pending.done(new StoreBusyError("the collector stopped while the database was locked"));
      await options.writer.mirror();
      options.writer.close();
    },
  };
}
