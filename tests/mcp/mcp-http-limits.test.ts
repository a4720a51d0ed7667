/**
 * `verity mcp --http` against clients that never finish: a body over the limit is answered 413 as
 * soon as the limit is passed (or at once when Content-Length says so) and no more of it is read,
 * and a client that sends its headers or its body too slowly is cut off.
 */
import { request } from "node:http";
import { connect, type Socket } from "node:net";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KnowledgeBase } from "../../src/app/knowledge/knowledge-base.ts";
import { MAX_BATCH_MESSAGES, MAX_BODY_BYTES, readBody, serveHttp, type RunningHttpServer } from "../../src/mcp/transports.ts";
import { REPO_ROOT } from "../helpers.ts";

const TODAY = "2026-12-01";
const CHUNK = Buffer.alloc(64 * 1024, "x");

function timeout(ms: number, what: string): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms).unref());
}

interface Answer {
  status: number;
  connection: string | undefined;
  body: string;
}

/**
 * POSTs a body that never ends: 64 KiB chunks as fast as the connection takes them, up to `cap`
 * bytes, then nothing. Resolves with the answer, and reports how much was sent and whether the
 * server closed the connection.
 */
function endlessPost(port: number, headers: Record<string, string | number>, cap = 64 * MAX_BODY_BYTES) {
  const state = { sent: 0, closed: false };
  const req = request({
    host: "127.0.0.1",
    port,
    path: "/mcp",
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...headers },
  });
  req.on("error", () => {}); // the server cutting the connection is the point
  const closed = new Promise<void>((resolve) => req.on("close", () => resolve()));
  void closed.then(() => (state.closed = true));
  const answer = new Promise<Answer>((resolve) => {
    req.on("response", (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("error", () => {});
      res.on("end", () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body }));
    });
  });
  req.flushHeaders();
  const pump = setInterval(() => {
    while (!state.closed && !req.writableNeedDrain && state.sent < cap) {
      req.write(CHUNK);
      state.sent += CHUNK.length;
    }
  }, 2);
  void closed.then(() => clearInterval(pump));
  return { state, answer, closed, stop: () => (clearInterval(pump), req.destroy()) };
}

describe("verity mcp --http and bodies over the limit", () => {
  let server: RunningHttpServer;
  let port: number;
  beforeAll(async () => {
    const kb = KnowledgeBase.load({ cwd: REPO_ROOT, root: REPO_ROOT, site: "public", today: TODAY });
    server = await serveHttp(kb, "test", { host: "127.0.0.1", port: 0 });
    port = Number(new URL(server.url).port);
  }, 60_000);
  afterAll(async () => server?.close());

  it("answers 413 as soon as a chunked body passes the limit, without waiting for its end, then closes the connection", async () => {
    const post = endlessPost(port, { "transfer-encoding": "chunked" });
    try {
      const answer = await Promise.race([post.answer, timeout(5000, "no answer to a body that passed the limit and never ends")]);
      expect(answer.status).toBe(413);
      expect(answer.connection).toBe("close");
      expect(JSON.parse(answer.body)).toMatchObject({ error: { code: -32600, message: expect.stringMatching(/over 1000000 bytes/) } });
      await Promise.race([post.closed, timeout(5000, "the connection stayed open after the 413")]);
      expect(post.state.sent).toBeLessThan(16 * MAX_BODY_BYTES);
    } finally {
      post.stop();
    }
  });

  it("answers 413 at once when Content-Length declares more than the limit, before any of the body", async () => {
    const post = endlessPost(port, { "content-length": MAX_BODY_BYTES + 1 }, 0);
    try {
      const answer = await Promise.race([post.answer, timeout(5000, "no answer to a Content-Length over the limit")]);
      expect(answer.status).toBe(413);
      expect(answer.body).toMatch(/Content-Length 1000001 is over the limit of 1000000 bytes/);
      await Promise.race([post.closed, timeout(5000, "the connection stayed open after the 413")]);
    } finally {
      post.stop();
    }
  });

  it("still answers a body just under the limit, and keeps serving after a 413", async () => {
    const body = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list", params: { _meta: { pad: "x".repeat(MAX_BODY_BYTES - 200) } } });
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(MAX_BODY_BYTES);
    const answer = await fetch(server.url, { method: "POST", headers: { "content-type": "application/json", accept: "application/json, text/event-stream" }, body });
    expect(answer.status).toBe(200);
    expect(JSON.stringify(await answer.json())).toContain("search_cards");
  });

  it("refuses a batch of more than MAX_BATCH_MESSAGES messages before running any, and answers a small batch", async () => {
    const call = (id: number) => ({ jsonrpc: "2.0", id, method: "tools/call", params: { name: "search_cards", arguments: { query: "refund" } } });
    const post = (body: unknown) => fetch(server.url, { method: "POST", headers: { "content-type": "application/json", accept: "application/json, text/event-stream" }, body: JSON.stringify(body) });
    const flood = await post(Array.from({ length: MAX_BATCH_MESSAGES + 1 }, (_, i) => call(i)));
    expect(flood.status).toBe(400);
    expect(JSON.stringify(await flood.json())).toContain(`at most ${MAX_BATCH_MESSAGES} per request`);
    const small = await post([call(1), call(2)]);
    expect(small.status).toBe(200);
    // JSON-RPC 2.0: an empty array is an invalid request, answered with an error (it got 202 and no body).
    const empty = await post([]);
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ jsonrpc: "2.0", error: { code: -32600 }, id: null });
  });

  it("readBody stops reading a stream that passes the limit and keeps no more than the limit", async () => {
    let pulled = 0;
    const endless = new Readable({
      read() {
        pulled += CHUNK.length;
        this.push(CHUNK);
      },
    });
    const result = await Promise.race([readBody(endless, 200_000), timeout(5000, "readBody read an endless stream to its end")]);
    expect(result).toBe("too-large");
    const pulledAtAnswer = pulled;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(pulled).toBe(pulledAtAnswer);
    expect(pulled).toBeLessThan(200_000 + 4 * CHUNK.length);
    expect(await readBody(Readable.from([Buffer.from("{\"a\":"), Buffer.from("1}")]), 200_000)).toBe('{"a":1}');
  });
});

/** Connects, writes `first`, then `every` ms writes `next()` until the server closes the connection. */
async function slowClient(port: number, first: string, next: (() => string) | undefined, every = 50) {
  const socket: Socket = connect(port, "127.0.0.1");
  socket.on("error", () => {});
  let received = "";
  socket.on("data", (chunk: Buffer) => (received += chunk.toString()));
  const started = Date.now();
  const closed = new Promise<number>((resolve) => socket.on("close", () => resolve(Date.now() - started)));
  socket.write(first);
  const trickle = next ? setInterval(() => socket.writable && socket.write(next()), every) : undefined;
  try {
    const elapsed = await Promise.race([closed, timeout(4000, "the slow client was not cut off")]);
    return { elapsed, received };
  } finally {
    clearInterval(trickle);
    socket.destroy();
  }
}

describe("verity mcp --http and slow clients", () => {
  let server: RunningHttpServer;
  let port: number;
  beforeAll(async () => {
    const kb = KnowledgeBase.load({ cwd: REPO_ROOT, root: REPO_ROOT, site: "public", today: TODAY });
    server = await serveHttp(kb, "test", { host: "127.0.0.1", port: 0, timeouts: { headersMs: 300, requestMs: 600, keepAliveMs: 300 } });
    port = Number(new URL(server.url).port);
  }, 60_000);
  afterAll(async () => server?.close());

  it("cuts off a client that sends its headers a line at a time (slowloris)", async () => {
    let line = 0;
    const { elapsed, received } = await slowClient(port, `POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`, () => `X-Slow-${line++}: a\r\n`);
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(received).toMatch(/^HTTP\/1\.1 408/);
  });

  it("cuts off a client that sends its body a byte at a time, or never finishes it", async () => {
    const head = `POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"jsonrpc":`;
    for (const next of [() => " ", undefined]) {
      const { elapsed, received } = await slowClient(port, head, next);
      expect(elapsed).toBeGreaterThanOrEqual(500);
      expect(received).toMatch(/^HTTP\/1\.1 408/);
    }
  });

  it("answers a client that is quick enough, and keeps serving", async () => {
    const health = await fetch(new URL("/health", server.url));
    expect(await health.json()).toEqual({ ok: true, site: "public" });
  });
});

describe("verity mcp --http and a client that opens too many connections", () => {
  it("answers a client's connection past its share 503 and closes it, and takes its next one once an earlier one ends", { timeout: 60_000 }, async () => {
    const kb = KnowledgeBase.load({ cwd: REPO_ROOT, root: REPO_ROOT, site: "public", today: TODAY });
    const logged: string[] = [];
    const server = await serveHttp(kb, "test", { host: "127.0.0.1", port: 0, maxConnectionsPerClient: 4, log: (line) => logged.push(line) });
    const port = Number(new URL(server.url).port);
    const held: Socket[] = [];
    // A connection that sent half of its headers: held open until the headers deadline.
    const holdOpen = () =>
      new Promise<{ socket: Socket; closed: Promise<string> }>((resolve, reject) => {
        const socket = connect(port, "127.0.0.1", () => {
          socket.write(`POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`);
          let answer = "";
          socket.on("data", (chunk: Buffer) => (answer += chunk.toString("latin1")));
          resolve({ socket, closed: new Promise((done) => socket.on("close", () => done(answer))) });
        });
        socket.on("error", reject);
      });
    try {
      for (let i = 0; i < 4; i++) held.push((await holdOpen()).socket);
      const extra = await holdOpen();
      const answer = await Promise.race([extra.closed, timeout(5000, "the connection past the share stayed open")]);
      expect(answer).toMatch(/^HTTP\/1\.1 503 /);
      expect(answer).toMatch(/retry-after: 5/i);
      expect(logged.join("\n")).toContain("more than 4 connections from one client");
      held.shift()!.destroy();
      await new Promise((resolve) => setTimeout(resolve, 50));
      const health = await fetch(new URL("/health", server.url));
      expect(health.status).toBe(200);
    } finally {
      for (const socket of held) socket.destroy();
      await server.close();
    }
  });
});
