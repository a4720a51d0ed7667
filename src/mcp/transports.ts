/**
 * The two ways to reach the MCP server: stdio (a desktop assistant starts `verity mcp`) and
 * streamable HTTP (a support-bot backend calls it). HTTP is stateless: each POST gets a fresh server
 * over the shared knowledge base, so no session state can be lost or mixed between clients.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Readable } from "node:stream";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import type { KnowledgeSource } from "../app/knowledge/knowledge-base.ts";
import { hostOf, isLoopbackAddress, namesThisMachine } from "../core/loopback-host.ts";
import { httpJson, NOSNIFF } from "../core/http-json.ts";
import { clientKey } from "../core/net/client-key.ts";
import { capConnections, MAX_CONNECTIONS_PER_CLIENT } from "../core/net/connection-cap.ts";
import { invalidBody } from "./json-rpc-check.ts";
import { createMcpServer } from "./server.ts";
import { LineStdioTransport } from "./stdio-transport.ts";

/** Largest request body accepted over HTTP. */
export const MAX_BODY_BYTES = 1_000_000;

/** Most JSON-RPC messages in one HTTP request (a batch). */
export const MAX_BATCH_MESSAGES = 10;

/**
 * How long an HTTP client may take, in milliseconds: to send its headers, to send its whole request
 * (headers and body), and to send its next request on a kept-alive connection. A client that sends a
 * byte now and then (slowloris) would otherwise hold a connection for Node's defaults: a minute for
 * the headers, five for the request. An answer may take as long as it needs: these count only what
 * the client sends.
 */
export interface HttpTimeouts {
  headersMs: number;
  requestMs: number;
  keepAliveMs: number;
}

export const HTTP_TIMEOUTS: HttpTimeouts = { headersMs: 10_000, requestMs: 30_000, keepAliveMs: 5_000 };

/** How long a connection refused with 413 stays half-open, so the client can read the answer. */
const LINGER_MS = 2_000;

/** Serves over stdin/stdout until stdin ends and the requests read before its end are answered. */
export async function serveStdio(source: KnowledgeSource, version: string, log?: (line: string) => void): Promise<void> {
  const server = createMcpServer(source, version, log);
  const transport = new LineStdioTransport();
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
  });
  await server.connect(transport);
  await closed;
  await server.close();
}

export interface HttpServerOptions {
  host: string;
  port: number;
  /** Path of the MCP endpoint. */
  path?: string;
  /** Overrides HTTP_TIMEOUTS (tests use short ones). headersMs must not exceed requestMs. */
  timeouts?: Partial<HttpTimeouts>;
  /** Connections one client (an IPv4 address or an IPv6 /64) may hold open at once (default MAX_CONNECTIONS_PER_CLIENT). */
  maxConnectionsPerClient?: number;
  /** Hears what the server refuses (a client past its share of connections), and why it could not answer a request. */
  log?: (line: string) => void;
}

export interface RunningHttpServer {
  url: string;
  close(): Promise<void>;
}

export async function serveHttp(source: KnowledgeSource, version: string, options: HttpServerOptions): Promise<RunningHttpServer> {
  const endpoint = options.path ?? "/mcp";
  const timeouts = { ...HTTP_TIMEOUTS, ...options.timeouts };
  const limits = {
    headersTimeout: timeouts.headersMs,
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    // How often Node looks for connections past those deadlines (its default, 30 s, would let a
    // slow client stay up to that much longer than the timeouts say).
    connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(timeouts.headersMs / 4))),
  };
  const http: Server = createServer(limits, (req, res) => {
    handle(req, res).catch(() => {
      // A client gone mid-request (cut off by a timeout, or its own doing) is owed no answer.
      if (res.destroyed || res.writableEnded) return;
      if (!res.headersSent) sendJsonRpcError(res, 500, -32603, "Internal error");
      else res.end();
    });
  });

  // The server is reached directly (it reads no forwarding header), so each socket's address is its client.
  capConnections(http, { perClient: options.maxConnectionsPerClient ?? MAX_CONNECTIONS_PER_CLIENT, keyOf: (socket) => clientKey(socket.remoteAddress), log: options.log ?? (() => {}) });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Every answer, the SDK's too, is JSON that a browser must not sniff as a page.
    for (const [name, value] of Object.entries(NOSNIFF)) res.setHeader(name, value);
    const refused = refusedCaller(req, options.host);
    if (refused) return sendJsonRpcError(res, 403, -32000, `Forbidden: ${refused}. verity mcp answers assistants and backends, never web pages.`);
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/health" && req.method === "GET") {
      // Unhealthy while the cards cannot be loaded: every tool call would fail.
      const problem = await source.current().then(
        () => undefined,
        (error: Error) => error.message,
      );
      res.writeHead(problem ? 503 : 200, { "content-type": "application/json" }).end(httpJson(problem ? { ok: false, site: source.site, error: problem } : { ok: true, site: source.site }));
      return;
    }
    if (url.pathname !== endpoint) {
      res.writeHead(404, { "content-type": "application/json" }).end(httpJson({ error: `Not found: the MCP endpoint is ${endpoint}` }));
      return;
    }
    if (req.method !== "POST") {
      res.writeHead(405, { allow: "POST", "content-type": "application/json" });
      res.end(httpJson({ jsonrpc: "2.0", error: { code: -32000, message: "Method not allowed: this server is stateless, send JSON-RPC with POST." }, id: null }));
      return;
    }
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > MAX_BODY_BYTES) return refuseBody(req, res, `Content-Length ${declared} is over the limit of ${MAX_BODY_BYTES} bytes`);
    const body = await readBody(req);
    if (body === "too-large") return refuseBody(req, res, `Request body over ${MAX_BODY_BYTES} bytes`);
    let message: unknown;
    try {
      message = JSON.parse(body);
    } catch {
      return sendJsonRpcError(res, 400, -32700, "Parse error: the body is not JSON");
    }
    // JSON-RPC 2.0 answers an empty batch with one error, not with silence.
    if (Array.isArray(message) && message.length === 0) return sendJsonRpcError(res, 400, -32600, "Invalid request: an empty batch; send at least one JSON-RPC message.");
    // One request may hold a few messages, not a hundred searches that stall every other client.
    if (Array.isArray(message) && message.length > MAX_BATCH_MESSAGES) {
      return sendJsonRpcError(res, 400, -32600, `Invalid request: a batch of ${message.length} messages; send at most ${MAX_BATCH_MESSAGES} per request.`);
    }
    // Valid JSON that is no JSON-RPC message is an invalid request, as over stdio (the SDK answers -32700).
    const invalid = invalidBody(message);
    if (invalid) return sendJsonRpcError(res, 400, -32600, `Invalid request: ${invalid.why}.`, {}, invalid.id);
    const server = createMcpServer(source, version, options.log);
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    res.on("close", () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res, message);
  }

  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(options.port, options.host, () => {
      http.off("error", reject);
      resolve();
    });
  });
  const address = http.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}${endpoint}`,
    close: () => new Promise<void>((resolve) => http.close(() => resolve())),
  };
}

/**
 * Why a request must not be answered, or undefined: DNS rebinding (see core/loopback-host.ts). A
 * server on a loopback address answers only its loopback names, and no server answers a request
 * with an Origin header: browsers send one, assistants and backends do not, and no web page of
 * this server's own exists.
 */
function refusedCaller(req: IncomingMessage, listenHost: string): string | undefined {
  if (isLoopbackAddress(listenHost) && !namesThisMachine(req.headers.host)) return `the request names the Host ${hostOf(req.headers.host)}, not this machine (localhost or 127.0.0.1)`;
  if (req.headers.origin !== undefined) return `the request comes from a web page (Origin ${req.headers.origin})`;
  return undefined;
}

/**
 * The body of `req` as text, or "too-large" as soon as it passes `limit` bytes: then `req` is
 * paused, nothing read is kept, and the caller answers at once (see refuseBody) instead of reading
 * a body that may never end.
 */
export function readBody(req: Readable, limit = MAX_BODY_BYTES): Promise<string | "too-large"> {
  return new Promise((resolve, reject) => {
    let chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("close", onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      stop();
      req.pause();
      chunks = [];
      resolve("too-large");
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks).toString("utf8"));
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    const onClose = () => onError(new Error("The client closed the connection before the end of its request body."));
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
    req.on("close", onClose);
  });
}

/**
 * Answers 413 to a request whose body is over the limit (read no further than that, or not at all)
 * and closes the connection: the rest of the body is never read. Node closes a `connection: close`
 * answer's socket with destroySoon(), which resets the connection at once when the client is still
 * sending, and the client's write then fails before it reads the 413. So the socket is half-closed
 * instead (the client reads the answer and its end) and destroyed LINGER_MS later, reading nothing
 * in between: the lingering close of RFC 9112 section 9.6, without the reading.
 */
function refuseBody(req: IncomingMessage, res: ServerResponse, why: string): void {
  req.pause();
  const socket = req.socket;
  socket.destroySoon = () => void socket.end();
  res.once("finish", () => setTimeout(() => socket.destroy(), LINGER_MS));
  sendJsonRpcError(res, 413, -32600, `${why}: send a smaller JSON-RPC message.`, { connection: "close" });
}

function sendJsonRpcError(res: ServerResponse, status: number, code: number, message: string, headers: Record<string, string> = {}, id: string | number | null = null): void {
  res.writeHead(status, { "content-type": "application/json", ...headers }).end(httpJson({ jsonrpc: "2.0", error: { code, message }, id }));
}
