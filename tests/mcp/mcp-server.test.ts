/**
 * `verity mcp` driven by the SDK's own client, over stdio and over streamable HTTP, on the demo
 * content: tools, search in English and Korean, cards, the public/internal boundary and bad requests.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { request } from "node:http";
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isOnSite } from "../../src/core/site/audience.ts";
import { loadProject } from "../../src/core/project/project.ts";
import { KnowledgeBase } from "../../src/app/knowledge/knowledge-base.ts";
import { serveHttp, type RunningHttpServer } from "../../src/mcp/transports.ts";
import { REPO_ROOT } from "../helpers.ts";

const BIN = path.join(REPO_ROOT, "cli", "bin.js");
const TODAY = "2026-12-01";
const demo = loadProject({ cwd: REPO_ROOT, root: REPO_ROOT, today: TODAY });
const hidden = demo.cards.filter((card) => !isOnSite(card, "public"));
const shown = demo.cards.filter((card) => isOnSite(card, "public"));

type ToolResult = { isError?: boolean; content: { type: string; text?: string }[]; structuredContent?: Record<string, unknown> };

async function stdioClient(...args: string[]): Promise<Client> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [BIN, "--root", REPO_ROOT, "mcp", "--today", TODAY, ...args],
    stderr: "pipe",
  });
  const client = new Client({ name: "verity-test", version: "1.0.0" });
  await client.connect(transport);
  return client;
}

async function call(client: Client, name: string, args: Record<string, unknown> = {}): Promise<ToolResult> {
  return (await client.callTool({ name, arguments: args })) as ToolResult;
}

function data<T = Record<string, unknown>>(result: ToolResult): T {
  expect(result.isError).not.toBe(true);
  return result.structuredContent as T;
}

interface Hit {
  id: string;
  url: string;
  lang: string;
  verification: { status: string; note: string };
}

describe("verity mcp --site public over stdio", () => {
  let client: Client;
  beforeAll(async () => {
    client = await stdioClient("--site", "public");
  }, 60_000);
  afterAll(async () => client?.close());

  it("lists its tools and resources, and names itself with the version package.json gives", async () => {
    expect(client.getServerVersion()?.version).toBe((JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string }).version);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(["get_card", "list_cards", "search_cards", "trust_summary"]);
    const { resources } = await client.listResources();
    expect(resources.map((r) => r.name).sort()).toEqual(shown.map((c) => c.id).sort());
  });

  it("finds the English refund card for an English question, first", async () => {
    const result = data<{ lang: string; results: Hit[] }>(await call(client, "search_cards", { query: "how do I refund a card payment" }));
    expect(result.lang).toBe("en");
    expect(result.results[0]?.id).toBe("billing/refund-a-payment");
    expect(result.results.every((hit) => hit.lang === "en")).toBe(true);
    expect(result.results[0]!.url).toBe("https://help.lumen.example/billing/refund-a-payment/");
    expect(result.results[0]!.verification.note).toMatch(/Verified until \d{4}-\d\d-\d\d/);
  });

  it("answers a Korean question in Korean", async () => {
    const result = data<{ lang: string; results: Hit[] }>(await call(client, "search_cards", { query: "카드 결제를 환불하려면 어떻게 해야 하나요?" }));
    expect(result.lang).toBe("ko");
    expect(result.results[0]?.id).toBe("billing/refund-a-payment-ko");
  });

  it("gets a card as Markdown with its status and URL, and names no owner, as the help center names none", async () => {
    const card = data<{ markdown: string; owner?: string; audience: string; verification: { verifyBy: string; status: string; note: string } }>(
      await call(client, "get_card", { card: "billing/refund-a-payment" }),
    );
    expect(card.audience).toBe("external");
    expect(card).not.toHaveProperty("owner");
    expect(card.verification.note).toMatch(/^Verified until \d{4}-\d\d-\d\d\.$/);
    expect(card.verification.verifyBy).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(card.markdown).not.toMatch(/^---/);
    expect(card.markdown).not.toContain("<!--");
    // The help center names no author of a change: nor does its assistant (the day stays, as the page shows it).
    const change = data<{ lastChange?: { date: string; author?: string } }>(await call(client, "get_card", { card: "billing/refund-a-payment" })).lastChange;
    expect(Object.keys(change ?? { none: 1 })).toEqual(["date"]);
    const byUrl = data<{ id: string }>(await call(client, "get_card", { card: "https://help.lumen.example/billing/refund-a-payment/" }));
    expect(byUrl.id).toBe("billing/refund-a-payment");
    const resource = await client.readResource({ uri: "verity://cards/billing/refund-a-payment" });
    expect(String((resource.contents[0] as { text: string }).text)).toContain("Verified until");
  });

  it("serves nothing of an internal or draft card: not by id, URL, title or its words", async () => {
    expect(hidden.length).toBeGreaterThan(5);
    const internalSite = demo.config.sites.internal.url;
    for (const card of hidden) {
      for (const ref of [card.id, card.url, `${internalSite}${card.url}`, `https://help.lumen.example${card.url}`, card.data.title]) {
        const result = await call(client, "get_card", { card: ref });
        expect(result.isError, `${card.id} via ${ref}`).toBe(true);
      }
      for (const query of [card.data.title, ...card.headings.slice(0, 3).map((h) => h.text)]) {
        const result = data<{ results: Hit[] }>(await call(client, "search_cards", { query }));
        expect(result.results.map((hit) => hit.id)).not.toContain(card.id);
      }
      await expect(client.readResource({ uri: `verity://cards/${card.id}` })).rejects.toThrow();
    }
    const listed = data<{ cards: Hit[] }>(await call(client, "list_cards", {}));
    expect(listed.cards.map((c) => c.id).sort()).toEqual(shown.map((c) => c.id).sort());
    // Every Markdown copy is free of links to cards the public site does not have.
    for (const card of shown) {
      const detail = data<{ markdown: string }>(await call(client, "get_card", { card: card.id }));
      for (const other of hidden) expect(detail.markdown, `${card.id} -> ${other.id}`).not.toContain(other.url);
      expect(detail.markdown).not.toContain(internalSite);
    }
  });

  it("rejects bad arguments with a protocol error and keeps running", async () => {
    await expect(client.callTool({ name: "search_cards", arguments: { query: 42 } })).resolves.toMatchObject({ isError: true });
    await expect(client.callTool({ name: "no_such_tool", arguments: {} })).resolves.toMatchObject({ isError: true });
    const after = data<{ results: Hit[] }>(await call(client, "search_cards", { query: "refund" }));
    expect(after.results.length).toBeGreaterThan(0);
  });

  it("reports the trust score of the public cards", async () => {
    const summary = data<{ site: string; trust: { counted: number } }>(await call(client, "trust_summary"));
    expect(summary.site).toBe("public");
    expect(summary.trust.counted).toBe(shown.length);
  });
});

describe("verity mcp --site public names no owner", () => {
  it("in no tool's answer, resource or description, and takes no owner filter", async () => {
    const client = await stdioClient("--site", "public");
    try {
      const owners = [...new Set(demo.cards.map((card) => card.data.owner))];
      const answers = [
        await call(client, "search_cards", { query: "refund" }),
        await call(client, "get_card", { card: "billing/refund-a-payment" }),
        await call(client, "list_cards", {}),
        await call(client, "trust_summary"),
      ].map((result) => JSON.stringify(data(result)));
      const resources = JSON.stringify(await client.listResources());
      const tools = JSON.stringify(await client.listTools());
      const read = JSON.stringify(await client.readResource({ uri: "verity://cards/billing/refund-a-payment" }));
      for (const text of [...answers, resources, tools, read]) {
        for (const owner of owners) expect(text).not.toContain(owner);
        expect(text).not.toMatch(/"owner"/);
      }
      const refused = await call(client, "list_cards", { owner: owners[0] });
      expect(refused.isError).toBe(true);
      expect(refused.content[0]?.text).toMatch(/Unknown argument "owner"/);
    } finally {
      await client.close();
    }
  });
});

describe("verity mcp --site internal over stdio", () => {
  it("serves internal cards, never drafts, and withholds expired cards with --verified-only", async () => {
    const client = await stdioClient("--site", "internal");
    try {
      const internal = hidden.find((card) => card.data.status === "published")!;
      const detail = data<{ id: string; audience: string; owner: string; verification: { note: string } }>(await call(client, "get_card", { card: internal.id }));
      expect(detail.audience).toBe("internal");
      // The wiki names owners, and so does its assistant.
      expect(detail.owner).toBe(internal.data.owner);
      expect(detail.verification.note).toContain(`owner ${internal.data.owner}`);
      for (const draft of demo.cards.filter((card) => card.data.status === "draft")) {
        expect((await call(client, "get_card", { card: draft.id })).isError).toBe(true);
      }
    } finally {
      await client.close();
    }
    const late = new StdioClientTransport({
      command: process.execPath,
      args: [BIN, "--root", REPO_ROOT, "mcp", "--site", "internal", "--verified-only", "--today", "2040-01-01"],
      stderr: "pipe",
    });
    const lateClient = new Client({ name: "verity-test", version: "1.0.0" });
    await lateClient.connect(late);
    try {
      const result = data<{ results: Hit[] }>(await call(lateClient, "search_cards", { query: "refund" }));
      expect(result.results).toEqual([]);
      expect((await call(lateClient, "get_card", { card: "billing/refund-a-payment" })).isError).toBe(true);
    } finally {
      await lateClient.close();
    }
  }, 60_000);
});

describe("verity mcp over stdio, raw lines", () => {
  // The SDK's stdio transport answered none of these: a client waiting on id 1 waited forever.
  it("answers a line that is not JSON or not JSON-RPC 2.0, and keeps serving", async () => {
    const child = spawn(process.execPath, [BIN, "--root", REPO_ROOT, "mcp", "--site", "public", "--today", TODAY], { stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
    const answers = () => out.split("\n").filter(Boolean).map((line) => JSON.parse(line) as { id: unknown; error?: { code: number }; result?: unknown });
    child.stdin!.write('{not json\n{"jsonrpc":"1.0","id":1,"method":"ping"}\n{"jsonrpc":"2.0","id":2,"method":"ping"}\n');
    const deadline = Date.now() + 20_000;
    while (answers().length < 3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    child.kill();
    expect(answers()).toEqual([
      expect.objectContaining({ id: null, error: expect.objectContaining({ code: -32700 }) }),
      expect.objectContaining({ id: 1, error: expect.objectContaining({ code: -32600 }) }),
      expect.objectContaining({ id: 2, result: {} }),
    ]);
  });
});

describe("verity mcp over stdio, input ended", () => {
  // A client that writes its requests and closes stdin (`verity mcp < requests.jsonl`) got no answer
  // to a request still running when stdin ended: the server closed under it and exited 0.
  it("answers every request read before stdin ended, the last line without its newline too, then exits 0", async () => {
    const child = spawn(process.execPath, [BIN, "--root", REPO_ROOT, "mcp", "--site", "public", "--today", TODAY], { stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    const card = shown[0]!.id;
    child.stdin!.end(
      [
        { jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-03-26", capabilities: {}, clientInfo: { name: "t", version: "1" } } },
        { jsonrpc: "2.0", method: "notifications/initialized" },
        { jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "get_card", arguments: { card } } },
        { jsonrpc: "2.0", id: 3, method: "resources/read", params: { uri: `verity://cards/${card}` } },
        { jsonrpc: "2.0", id: 4, method: "ping" },
      ]
        .map((message) => JSON.stringify(message))
        .join("\n"),
    );
    const code = await Promise.race([exited, new Promise<string>((resolve) => setTimeout(() => resolve("still running"), 30_000))]);
    child.kill();
    const answers = out.split("\n").filter(Boolean).map((line) => JSON.parse(line) as { id: number; error?: unknown });
    expect(answers.map((answer) => answer.id).sort()).toEqual([1, 2, 3, 4]);
    expect(answers.filter((answer) => answer.error)).toEqual([]);
    expect(code).toBe(0);
  }, 60_000);

  it("stops at once, exit 0, when the client closed its end of stdout before the answers", async () => {
    const child = spawn(process.execPath, [BIN, "--root", REPO_ROOT, "mcp", "--site", "public", "--today", TODAY], { stdio: ["pipe", "pipe", "pipe"] });
    let err = "";
    child.stderr!.on("data", (chunk: Buffer) => (err += chunk.toString("utf8")));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    await new Promise<void>((resolve) => child.stderr!.on("data", () => /ready/.test(err) && resolve()));
    child.stdout!.destroy();
    const card = shown[0]!.id;
    child.stdin!.end(`${JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-03-26", capabilities: {}, clientInfo: { name: "t", version: "1" } } })}\n${JSON.stringify({ jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "get_card", arguments: { card } } })}\n`);
    const code = await Promise.race([exited, new Promise<string>((resolve) => setTimeout(() => resolve("still running"), 30_000))]);
    child.kill();
    expect(err).not.toMatch(/Warning|\n\s+at /);
    expect(code).toBe(0);
  }, 60_000);
});

describe("verity mcp --http", () => {
  let child: ChildProcess;
  let url: string;
  beforeAll(async () => {
    child = spawn(process.execPath, [BIN, "--root", REPO_ROOT, "mcp", "--site", "public", "--http", "--port", "0", "--today", TODAY], { stdio: ["ignore", "pipe", "pipe"] });
    url = await new Promise<string>((resolve, reject) => {
      let err = "";
      child.stderr!.on("data", (chunk: Buffer) => {
        err += chunk.toString();
        const match = /on (http:\/\/\S+)/.exec(err);
        if (match) resolve(match[1]!);
      });
      child.once("exit", (code) => reject(new Error(`verity mcp exited ${code}: ${err}`)));
    });
  }, 60_000);
  afterAll(() => {
    child?.kill("SIGTERM");
  });

  it("answers the SDK client over streamable HTTP", async () => {
    const client = new Client({ name: "verity-test", version: "1.0.0" });
    await client.connect(new StreamableHTTPClientTransport(new URL(url)));
    try {
      expect((await client.listTools()).tools).toHaveLength(4);
      const result = data<{ results: Hit[] }>(await call(client, "search_cards", { query: "set up webhooks" }));
      expect(result.results[0]?.id).toBe("api/set-up-webhooks");
      const secret = hidden[0]!;
      expect((await call(client, "get_card", { card: secret.id })).isError).toBe(true);
    } finally {
      await client.close();
    }
  });

  it("answers malformed requests with a JSON-RPC error and keeps serving", async () => {
    const post = (body: string) =>
      fetch(url, { method: "POST", headers: { "content-type": "application/json", accept: "application/json, text/event-stream" }, body });
    const notJson = await post("{not json");
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { error: { code: number } }).error.code).toBe(-32700);
    // Valid JSON that is no JSON-RPC message is an invalid request (-32600), as over stdio, with the id it carries.
    const notRpc = await post(JSON.stringify({ hello: "world" }));
    expect(notRpc.status).toBe(400);
    expect(await notRpc.json()).toMatchObject({ jsonrpc: "2.0", id: null, error: { code: -32600 } });
    const oldVersion = await post(JSON.stringify({ jsonrpc: "1.0", id: 7, method: "ping" }));
    expect(oldVersion.status).toBe(400);
    expect(await oldVersion.json()).toMatchObject({ id: 7, error: { code: -32600 } });
    const badMember = await post(JSON.stringify([{ jsonrpc: "2.0", id: 1, method: "ping" }, null]));
    expect(badMember.status).toBe(400);
    expect(await badMember.json()).toMatchObject({ id: null, error: { code: -32600, message: expect.stringContaining("message 2 of the batch") } });
    const huge = await post(JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list", params: { pad: "x".repeat(1_100_000) } }));
    expect(huge.status).toBe(413);
    const get = await fetch(url);
    expect(get.status).toBe(405);
    const health = await fetch(new URL("/health", url));
    expect(await health.json()).toEqual({ ok: true, site: "public" });
    const client = new Client({ name: "verity-test", version: "1.0.0" });
    await client.connect(new StreamableHTTPClientTransport(new URL(url)));
    expect((await client.listTools()).tools).toHaveLength(4);
    await client.close();
  });
});

/**
 * DNS rebinding: a web page whose host name is made to resolve to 127.0.0.1 can POST to a local
 * `verity mcp --http` as its own origin and read the answers. The browser sends that page's host in
 * Host and Origin: both are checked, so an internal server on a laptop never answers a web page.
 */
describe("verity mcp --http and web pages", () => {
  let server: RunningHttpServer;
  let port: number;
  beforeAll(async () => {
    const kb = KnowledgeBase.load({ cwd: REPO_ROOT, root: REPO_ROOT, site: "internal", today: TODAY });
    server = await serveHttp(kb, "test", { host: "127.0.0.1", port: 0 });
    port = Number(new URL(server.url).port);
  }, 60_000);
  afterAll(async () => server?.close());

  const secret = hidden[0]!;
  const post = (headers: Record<string, string>) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const body = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "get_card", arguments: { card: secret.id } } });
      const req = request(
        { host: "127.0.0.1", port, path: "/mcp", method: "POST", headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...headers } },
        (res) => {
          let text = "";
          res.on("data", (chunk: Buffer) => (text += chunk.toString()));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on("error", reject);
      req.end(body);
    });

  it("refuses a request whose Host is not this machine's loopback name (a rebound host name)", async () => {
    const answer = await post({ host: `rebind.attacker.example:${port}`, origin: `http://rebind.attacker.example:${port}` });
    expect(answer.status).toBe(403);
    expect(answer.body).not.toContain(secret.data.title);
    expect(answer.body).toMatch(/Host rebind\.attacker\.example/);
  });

  it("refuses a request from a web page of another origin", async () => {
    const answer = await post({ host: `127.0.0.1:${port}`, origin: "https://evil.example" });
    expect(answer.status).toBe(403);
    expect(answer.body).not.toContain(secret.data.title);
  });

  it("quotes the refused Origin as JSON escapes, never as markup, and sends nosniff", async () => {
    const markup = "<img src=x onerror=alert(1)>&amp;";
    const answer = await new Promise<{ status: number; nosniff: unknown; body: string }>((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port, path: "/mcp", method: "POST", headers: { "content-type": "application/json", origin: `https://evil.example/${markup}` } }, (res) => {
        let text = "";
        res.on("data", (chunk: Buffer) => (text += chunk.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, nosniff: res.headers["x-content-type-options"], body: text }));
      });
      req.on("error", reject);
      req.end("{}");
    });
    expect(answer.status).toBe(403);
    expect(answer.nosniff).toBe("nosniff");
    expect(answer.body).not.toMatch(/[<>&]/);
    expect(JSON.stringify(JSON.parse(answer.body))).toContain(markup);
  });

  it("answers assistants and backends (no Origin) at its loopback names", async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
      const answer = await post({ host });
      expect(answer.status).toBe(200);
      expect(answer.body).toContain(secret.data.title);
    }
  });
});
