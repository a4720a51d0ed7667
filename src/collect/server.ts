/**
 * The usage collector behind `verity collect`: `POST /events` (one batch of usage events, see
 * src/core/usage/events.ts), `GET /health`, CORS for the allowed origins, a token bucket per
 * client, and group commit: the requests that arrive together are stored in one SQLite
 * transaction (fsynced) and only then answered, so a 2xx is never lost.
 */
import http from "node:http";
import { checkUsageBatch, toUsageRows, type UsageRow, type UsageSite, type UsageSiteRules } from "../core/usage/events.ts";
import type { UsageWriter } from "../core/usage/store.ts";
import { createRateLimiter } from "./token-bucket.ts";

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
}

export interface RunningCollector {
  url: string;
  port: number;
  /** Stops accepting, answers what is in flight, stores what was accepted, closes the database. */
  close(): Promise<void>;
}

interface Pending {
  rows: UsageRow[];
  done: (error: Error | undefined) => void;
}

export class PortInUseError extends Error {}

/** What a batch may be sent as: a string given to navigator.sendBeacon is text/plain; a backend sends application/json. */
const JSON_BODY_TYPES = new Set(["text/plain", "application/json"]);

function mediaType(header: string | undefined): string {
  return (header ?? "").split(";")[0]!.trim().toLowerCase();
}

export async function startCollector(options: CollectorOptions): Promise<RunningCollector> {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? (() => {});
  const limiter = createRateLimiter(options.rate);
  let queue: Pending[] = [];
  let flushScheduled = false;
  let closing = false;

  const flush = () => {
    flushScheduled = false;
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    let error: Error | undefined;
    try {
      options.writer.append(batch.flatMap((p) => p.rows));
    } catch (caught) {
      error = caught as Error;
      log(`could not store ${batch.length} request(s): ${error.message}`);
    }
    for (const pending of batch) pending.done(error);
  };
  const store = (rows: UsageRow[]) =>
    new Promise<void>((resolve, reject) => {
      queue.push({ rows, done: (error) => (error ? reject(error) : resolve()) });
      if (!flushScheduled) {
        flushScheduled = true;
        setImmediate(flush);
      }
    });

  const server = http.createServer((req, res) => {
    const origin = req.headers.origin;
    const originAllowed = origin !== undefined && options.allowedOrigins.has(origin);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      const text = body === undefined ? "" : JSON.stringify(body);
      res.writeHead(status, {
        ...(originAllowed ? { "access-control-allow-origin": origin!, vary: "Origin" } : {}),
        ...(text ? { "content-type": "application/json; charset=utf-8" } : {}),
        "cache-control": "no-store",
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
    const key = options.trustProxy ? (String(req.headers["x-forwarded-for"] ?? "").split(",").pop()?.trim() || req.socket.remoteAddress) : req.socket.remoteAddress;
    const wait = limiter.take(key ?? "?", Date.now());
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
      if (!JSON_BODY_TYPES.has(mediaType(req.headers["content-type"]))) {
        log("rejected (415): not text/plain or application/json");
        return send(415, { error: "unsupported_type", reason: "Send the batch as text/plain (navigator.sendBeacon with a string) or application/json." });
      }
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        log("rejected: body is not JSON");
        return send(400, { error: "not_json", reason: "The body is not JSON; send one batch object as described in docs/usage-events.md." });
      }
      const checked = checkUsageBatch(body, options.sites);
      if ("problem" in checked) {
        const { status, reason, issues } = checked.problem;
        log(`rejected (${status}): ${reason}${issues ? ` ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}` : ""}`);
        return send(status, { error: status === 400 ? "invalid" : "unknown", reason, issues });
      }
      const ownSite = origin === undefined ? undefined : options.originSites?.get(origin);
      if (ownSite !== undefined && ownSite !== checked.batch.site) {
        log(`rejected (422): ${origin} sent events for the ${checked.batch.site} site`);
        return send(422, { error: "unknown", reason: `Pages of ${origin} belong to the ${ownSite} site and cannot send events for the ${checked.batch.site} site.` });
      }
      const rows = toUsageRows(checked.batch, now(), options.timeZone);
      store(rows).then(
        () => send(200, { accepted: rows.length }),
        () => send(503, { error: "not_stored", reason: "The events could not be stored; send them again." }, { "retry-after": "5" }),
      );
    });
  });
  server.keepAliveTimeout = 5000;
  server.headersTimeout = 10_000;
  server.requestTimeout = 15_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      reject(error.code === "EADDRINUSE" ? new PortInUseError(`${options.host}:${options.port} is already in use`) : error);
    });
    server.listen(options.port, options.host, () => resolve());
  });
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
      flush();
      options.writer.close();
    },
  };
}
