/**
 * `verity mcp` runs for days while the repository changes under it (a pull request merged, a
 * checkout): every answer comes from the cards as they are on disk now. Driven through the real
 * CLI over stdio on a copy of the demo content: a card made internal, a card moved to another
 * collection, a configuration that no longer loads, and a SIGHUP.
 */
import { cpSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { makeTempDir, removeTemps, REPO_ROOT } from "../helpers.ts";

const BIN = path.join(REPO_ROOT, "cli", "bin.js");
const TODAY = "2026-12-01";
/** Longest a change may take to reach the answers (the watcher's delay is a fraction of this). */
const SETTLE_MS = 5_000;

type ToolResult = { isError?: boolean; content: { type: string; text?: string }[]; structuredContent?: Record<string, unknown> };

function demoCopy(): string {
  const dir = makeTempDir("verity-mcp-reload-");
  cpSync(path.join(REPO_ROOT, "content"), path.join(dir, "content"), { recursive: true });
  cpSync(path.join(REPO_ROOT, "verity.config.yml"), path.join(dir, "verity.config.yml"));
  return dir;
}

const clients: Client[] = [];
let stderrText = "";

async function start(root: string, ...args: string[]): Promise<{ client: Client; pid: number }> {
  const transport = new StdioClientTransport({ command: process.execPath, args: [BIN, "--root", root, "mcp", ...args], stderr: "pipe" });
  transport.stderr?.on("data", (chunk: Buffer) => (stderrText += chunk.toString("utf8")));
  const client = new Client({ name: "verity-test", version: "1.0.0" });
  await client.connect(transport);
  clients.push(client);
  return { client, pid: transport.pid! };
}

async function call(client: Client, name: string, args: Record<string, unknown> = {}): Promise<ToolResult> {
  return (await client.callTool({ name, arguments: args })) as ToolResult;
}

/** Asks until `done` holds, for at most SETTLE_MS; returns the last answer. */
async function settle<T>(ask: () => Promise<T>, done: (answer: T) => boolean): Promise<T> {
  const deadline = Date.now() + SETTLE_MS;
  let answer = await ask();
  while (!done(answer) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    answer = await ask();
  }
  return answer;
}

const ids = (result: ToolResult) => ((result.structuredContent?.results ?? result.structuredContent?.cards ?? []) as { id: string }[]).map((hit) => hit.id);

afterEach(async () => {
  for (const client of clients.splice(0)) await client.close();
  stderrText = "";
});
afterAll(removeTemps);

describe("verity mcp reloads the cards while it runs", () => {
  it("stops serving a card made internal: by id, by search, in lists and resources", { timeout: 30_000 }, async () => {
    const root = demoCopy();
    const file = path.join(root, "content", "billing", "refund-a-payment.md");
    const { client } = await start(root, "--site", "public", "--today", TODAY);
    expect((await call(client, "get_card", { card: "billing/refund-a-payment" })).isError).not.toBe(true);
    expect(ids(await call(client, "search_cards", { query: "refund a card payment" }))).toContain("billing/refund-a-payment");

    writeFileSync(file, readFileSync(file, "utf8").replace("audience: external", "audience: internal"));

    const gone = await settle(
      () => call(client, "get_card", { card: "billing/refund-a-payment" }),
      (result) => result.isError === true,
    );
    expect(gone.isError).toBe(true);
    expect(ids(await call(client, "search_cards", { query: "refund a card payment" }))).not.toContain("billing/refund-a-payment");
    expect(ids(await call(client, "list_cards", { collection: "billing" }))).not.toContain("billing/refund-a-payment");
    const { resources } = await client.listResources();
    expect(resources.map((r) => r.name)).not.toContain("billing/refund-a-payment");
    await expect(client.readResource({ uri: "verity://cards/billing/refund-a-payment" })).rejects.toThrow(/No card/);
    // Another card that linked to it no longer links to a page the help center does not have.
    const linking = await call(client, "get_card", { card: "billing/refund-exceptions" });
    if (linking.isError !== true) expect(JSON.stringify(linking.structuredContent)).not.toContain("help.lumen.example/billing/refund-a-payment/");
    expect(stderrText).toMatch(/reloaded/);
  });

  it("serves a moved card under its new id only", { timeout: 30_000 }, async () => {
    const root = demoCopy();
    const { client } = await start(root, "--site", "public", "--today", TODAY);
    expect((await call(client, "get_card", { card: "billing/taxes-on-invoices" })).isError).not.toBe(true);
    renameSync(path.join(root, "content", "billing", "taxes-on-invoices.md"), path.join(root, "content", "account", "taxes-on-invoices.md"));
    const moved = await settle(
      () => call(client, "get_card", { card: "account/taxes-on-invoices" }),
      (result) => result.isError !== true,
    );
    expect(moved.isError).not.toBe(true);
    expect((moved.structuredContent as { url: string }).url).toBe("https://help.lumen.example/account/taxes-on-invoices/");
    expect((await call(client, "get_card", { card: "billing/taxes-on-invoices" })).isError).toBe(true);
  });

  it("answers with an error, never the old cards, while the configuration does not load; resumes once fixed", { timeout: 30_000 }, async () => {
    const root = demoCopy();
    const config = path.join(root, "verity.config.yml");
    const good = readFileSync(config, "utf8");
    const { client } = await start(root, "--site", "public", "--today", TODAY);
    expect((await call(client, "get_card", { card: "billing/refund-a-payment" })).isError).not.toBe(true);

    writeFileSync(config, good.replace("warnDays: 14", "warnDays: soon"));
    const broken = await settle(
      () => call(client, "search_cards", { query: "refund" }),
      (result) => result.isError === true,
    );
    expect(broken.isError).toBe(true);
    // The help center's server says that the cards cannot be loaded, not why: the log has the cause, at its file:line.
    expect(broken.content[0]?.text).toMatch(/cannot be loaded/);
    expect(broken.content[0]?.text).not.toMatch(/warnDays|verity\.config\.yml/);
    await expect(client.listResources()).rejects.toThrow(/cannot be loaded/);
    expect(stderrText).toMatch(/cannot reload/i);
    expect(stderrText).toMatch(/verity\.config\.yml:\d+.*warnDays/);

    writeFileSync(config, good);
    const back = await settle(
      () => call(client, "search_cards", { query: "refund" }),
      (result) => result.isError !== true,
    );
    expect(ids(back)).toContain("billing/refund-a-payment");
  });

  it("reloads on SIGHUP", { timeout: 30_000 }, async () => {
    const root = demoCopy();
    const { client, pid } = await start(root, "--site", "public", "--today", TODAY);
    expect((await call(client, "list_cards", {})).isError).not.toBe(true);
    process.kill(pid, "SIGHUP");
    await settle(
      async () => stderrText,
      (text) => /reloaded/.test(text),
    );
    expect(stderrText).toMatch(/reloaded on SIGHUP/);
    // Still serving after the signal.
    expect(ids(await call(client, "list_cards", { collection: "billing" }))).toContain("billing/refund-a-payment");
  });
});
