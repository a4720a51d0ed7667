/**
 * The two ways to reach the MCP server: stdio (a desktop assistant starts `verity mcp`) and
 * streamable HTTP (a support-bot backend calls it). HTTP is stateless: each POST gets a fresh server
 * over the shared knowledge base, so no session state can be lost or mixed between clients.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import type { KnowledgeBase } from "../app/knowledge/knowledge-base.ts";
import { hostOf, isLoopbackAddress, namesThisMachine } from "../core/loopback-host.ts";
import { createMcpServer } from "./server.ts";

/** Largest request body accepted over HTTP. */
export const MAX_BODY_BYTES = 1_000_000;

/** Serves over stdin/stdout until stdin closes. */
export async function serveStdio(kb: KnowledgeBase, version: string): Promise<void> {
  const server = createMcpServer(kb, version);
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
    process.stdin.once("end", () => resolve());
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
}

export interface RunningHttpServer {
  url: string;
  close(): Promise<void>;
}

export async function serveHttp(kb: KnowledgeBase, version: string, options: HttpServerOptions): Promise<RunningHttpServer> {
  const endpoint = options.path ?? "/mcp";
  const http: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendJsonRpcError(res, 500, -32603, "Internal error");
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const refused = refusedCaller(req, options.host);
    if (refused) return sendJsonRpcError(res, 403, -32000, `Forbidden: ${refused}. verity mcp answers assistants and backends, never web pages.`);
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/health" && req.method === "GET") {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true, site: kb.site }));
      return;
    }
    if (url.pathname !== endpoint) {
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: `Not found: the MCP endpoint is ${endpoint}` }));
      return;
    }
    if (req.method !== "POST") {
      res.writeHead(405, { allow: "POST", "content-type": "application/json" });
      res.end(JSON.stringify({ jsonrpc: "2.0", error: { code: -32000, message: "Method not allowed: this server is stateless, send JSON-RPC with POST." }, id: null }));
      return;
    }
    const body = await readBody(req);
    if (body === "too-large") return sendJsonRpcError(res, 413, -32600, `Request body over ${MAX_BODY_BYTES} bytes`);
    let message: unknown;
    try {
      message = JSON.parse(body);
    } catch {
      return sendJsonRpcError(res, 400, -32700, "Parse error: the body is not JSON");
    }
    const server = createMcpServer(kb, version);
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

function readBody(req: IncomingMessage): Promise<string | "too-large"> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(tooLarge ? "too-large" : Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function sendJsonRpcError(res: ServerResponse, status: number, code: number, message: string): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify({ jsonrpc: "2.0", error: { code, message }, id: null }));
}
