/**
 * The live knowledge base behind `verity mcp`: a new day decides again which public cards are
 * withheld as expired; the folder is polled where it cannot be watched; a content folder replaced
 * whole (a checkout) is still seen, and so is a card file replaced by a rename; a request never gets the cards of before a change; `/health`
 * says when the cards cannot be loaded.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { KnowledgeUnavailable, LiveKnowledge, type LiveEvent } from "../../src/app/knowledge/live-knowledge.ts";
import { serveHttp } from "../../src/mcp/transports.ts";
import { makeProject, removeTemps } from "../helpers.ts";

const card = (audience: string, verifyBy = "2030-01-01", title = "Refunds") =>
  `---\ntitle: ${title}\nowner: "@acme/billing"\naudience: ${audience}\nverify_by: ${verifyBy}\n---\n\nRefund a payment from the dashboard.\n`;

const sources: LiveKnowledge[] = [];
function start(...args: Parameters<typeof LiveKnowledge.start>): LiveKnowledge {
  const source = LiveKnowledge.start(...args);
  sources.push(source);
  return source;
}
afterEach(() => {
  for (const source of sources.splice(0)) source.close();
});
afterAll(removeTemps);

async function ids(source: LiveKnowledge): Promise<string[]> {
  return (await source.current()).list().map((c) => c.id);
}

/** Waits until `done` holds, for at most 5 s. */
async function until(done: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!(await done()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
}

describe("LiveKnowledge", () => {
  it("withholds a public card from the day after its verify_by, without a restart or a file change", async () => {
    const root = makeProject({
      "verity.config.yml": "timeZone: Asia/Seoul\nexpiredPublicCards: withhold\n",
      "content/billing/refunds.md": card("external", "2026-12-05"),
    });
    // 14:30 UTC on 2026-12-05 is 23:30 in Seoul: the card's last verified day.
    let now = new Date("2026-12-05T14:30:00Z");
    const source = start({ cwd: root, root, site: "public" }, { watch: false, now: () => now });
    expect(await ids(source)).toEqual(["billing/refunds"]);
    expect((await source.current()).today()).toBe("2026-12-05");
    // Forty minutes later it is the 6th in Seoul (still the 5th in UTC).
    now = new Date("2026-12-05T15:10:00Z");
    expect((await source.current()).today()).toBe("2026-12-06");
    expect(await ids(source)).toEqual([]);
    expect((await source.current()).find("billing/refunds")).toBeUndefined();
  });

  it("keeps the day given with --today", async () => {
    const root = makeProject({ "verity.config.yml": "expiredPublicCards: withhold\n", "content/billing/refunds.md": card("external", "2026-12-05") });
    const source = start({ cwd: root, root, site: "public", today: "2026-12-01" }, { watch: false, now: () => new Date("2027-06-01T00:00:00Z") });
    expect(await ids(source)).toEqual(["billing/refunds"]);
  });

  it("polls for changes where the folder is not watched", async () => {
    const root = makeProject({ "content/billing/refunds.md": card("external") });
    const source = start({ cwd: root, root, site: "public", today: "2026-12-01" }, { watch: false, pollMs: 50 });
    expect(await ids(source)).toEqual(["billing/refunds"]);
    writeFileSync(path.join(root, "content/billing/refunds.md"), card("internal"));
    await until(async () => (await ids(source)).length === 0);
    expect(await ids(source)).toEqual([]);
  });

  it("searches with the synonyms file as it is now, watched or polled", async () => {
    for (const live of [{ watch: true }, { watch: false, pollMs: 50 }]) {
      const root = makeProject({ "content/billing/refunds.md": card("external"), "style-guide/synonyms.yml": "- en: [invoice, bill]\n" });
      const source = start({ cwd: root, root, site: "public", today: "2026-12-01" }, { debounceMs: 20, ...live });
      const found = async () => (await source.current()).search("reimburse").results.map((r) => r.id);
      expect(await found()).toEqual([]);
      writeFileSync(path.join(root, "style-guide/synonyms.yml"), "- en: [refund, reimburse]\n");
      await until(async () => (await found()).length > 0);
      expect(await found()).toEqual(["billing/refunds"]);
    }
  });

  it("sees a content folder replaced whole, as a checkout or a rebase does", async () => {
    const root = makeProject({ "content/billing/refunds.md": card("external") });
    const events: LiveEvent[] = [];
    const source = start({ cwd: root, root, site: "public", today: "2026-12-01" }, { onEvent: (event) => events.push(event) });
    expect(await ids(source)).toEqual(["billing/refunds"]);
    renameSync(path.join(root, "content"), path.join(root, "old-content"));
    mkdirSync(path.join(root, "content/billing"), { recursive: true });
    writeFileSync(path.join(root, "content/billing/refunds.md"), card("internal"));
    await until(async () => (await ids(source)).length === 0);
    expect(await ids(source)).toEqual([]);
    // The new folder is watched in its turn.
    writeFileSync(path.join(root, "content/billing/refunds.md"), card("external", "2030-01-01", "Refunds again"));
    await until(async () => (await ids(source)).length === 1);
    expect((await source.current()).list().map((c) => c.title)).toEqual(["Refunds again"]);
    expect(events.some((event) => event.kind === "reloaded")).toBe(true);
  });

  it("answers no request from the cards of before a change, even before the quiet time is over", async () => {
    const root = makeProject({ "content/billing/refunds.md": card("external") });
    const source = start({ cwd: root, root, site: "public", today: "2026-12-01" }, { debounceMs: 60_000 });
    expect(await ids(source)).toEqual(["billing/refunds"]);
    writeFileSync(path.join(root, "content/billing/refunds.md"), card("internal"));
    // The watcher's event arrives within milliseconds; the reload it schedules would wait a minute.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await ids(source)).toEqual([]);
  });

  it("sees every save of a card replaced by a rename (an editor's save, sed -i, a checkout), in old folders and new ones", async () => {
    const root = makeProject({ "content/billing/refunds.md": card("external") });
    // No poll to fall back on within the test: only the watchers can see the changes.
    const source = start({ cwd: root, root, site: "public", today: "2026-12-01" }, { debounceMs: 20, backstopPollMs: 600_000 });
    const file = path.join(root, "content/billing/refunds.md");
    const replace = (target: string, text: string) => {
      writeFileSync(`${target}.swp`, text);
      renameSync(`${target}.swp`, target);
    };
    const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
    expect(await ids(source)).toEqual(["billing/refunds"]);
    for (const audience of ["internal", "external", "internal", "external", "internal"]) {
      replace(file, card(audience));
      await settle();
      expect(await ids(source)).toEqual(audience === "external" ? ["billing/refunds"] : []);
    }
    // Deleted and written anew, as git does; then a card in a folder made after the start.
    rmSync(file);
    writeFileSync(file, card("external"));
    await settle();
    expect(await ids(source)).toEqual(["billing/refunds"]);
    mkdirSync(path.join(root, "content/help"));
    writeFileSync(path.join(root, "content/help/faq.md"), card("external", "2030-01-01", "FAQ"));
    await settle();
    expect(await ids(source)).toEqual(["billing/refunds", "help/faq"]);
    replace(path.join(root, "content/help/faq.md"), card("internal", "2030-01-01", "FAQ"));
    await settle();
    expect(await ids(source)).toEqual(["billing/refunds"]);
  });

  it("fails every request with the configuration's error while it does not load, and /health says so", async () => {
    const root = makeProject({ "verity.config.yml": "warnDays: 14\n", "content/billing/refunds.md": card("external") });
    const events: LiveEvent[] = [];
    // The wiki's server, which tells its clients the cause (the help center's says only that the cards cannot be loaded).
    const source = start({ cwd: root, root, site: "internal", today: "2026-12-01" }, { onEvent: (event) => events.push(event) });
    const server = await serveHttp(source, "0.0.0", { host: "127.0.0.1", port: 0 });
    try {
      const health = () => fetch(server.url.replace(/\/mcp$/, "/health")).then(async (res) => ({ status: res.status, body: (await res.json()) as { ok: boolean; error?: string } }));
      expect((await health()).status).toBe(200);
      writeFileSync(path.join(root, "verity.config.yml"), "warnDays: [\n");
      await until(() => source.current().then(() => false, () => true));
      await expect(source.current()).rejects.toBeInstanceOf(KnowledgeUnavailable);
      await expect(source.current()).rejects.toThrow(/verity\.config\.yml/);
      const broken = await health();
      expect(broken.status).toBe(503);
      expect(broken.body.ok).toBe(false);
      expect(broken.body.error).toMatch(/cannot be loaded/);
      // One failure is reported once, not at every request.
      await source.current().catch(() => undefined);
      expect(events.filter((event) => event.kind === "failed")).toHaveLength(1);
      writeFileSync(path.join(root, "verity.config.yml"), "warnDays: 14\n");
      await until(() => source.current().then(() => true, () => false));
      expect(await ids(source)).toEqual(["billing/refunds"]);
      expect((await health()).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it("tells a public server's clients that the cards cannot be loaded, never why: the cause may name the wiki; the log has it", async () => {
    const sites = "sites:\n  public:\n    url: https://help.acme.example\n  internal:\n    url: https://wiki.acme.example\n";
    const good = `${sites}support:\n  url: https://help.acme.example/contact\n`;
    // The help center's support link moved onto the wiki's host: the configuration is refused, naming that host.
    const onWiki = `${sites}support:\n  url: https://wiki.acme.example/contact\n`;
    const root = makeProject({ "verity.config.yml": good, "content/billing/refunds.md": card("external") });
    const events: LiveEvent[] = [];
    const publicSource = start({ cwd: root, root, site: "public", today: "2026-12-01" }, { onEvent: (event) => events.push(event) });
    const internalSource = start({ cwd: root, root, site: "internal", today: "2026-12-01" });
    const server = await serveHttp(publicSource, "0.0.0", { host: "127.0.0.1", port: 0 });
    try {
      writeFileSync(path.join(root, "verity.config.yml"), onWiki);
      await until(() => publicSource.current().then(() => false, () => true));
      const answer = await publicSource.current().then(() => undefined, (error: Error) => error);
      expect(answer).toBeInstanceOf(KnowledgeUnavailable);
      expect(answer!.message).toMatch(/cannot be loaded/);
      expect(answer!.message).toMatch(/log/);
      expect(answer!.message).not.toMatch(/wiki\.acme\.example|support\.url|verity\.config\.yml/);
      const health = await fetch(server.url.replace(/\/mcp$/, "/health"));
      expect(health.status).toBe(503);
      expect(await health.text()).not.toMatch(/wiki\.acme\.example|support\.url/);
      // The operator reads the cause, with its file:line and fix, in the log.
      const failed = events.find((event) => event.kind === "failed");
      expect(failed?.kind === "failed" && failed.error.detail).toMatch(/verity\.config\.yml:\d+: "support\.url" is on the wiki's host wiki\.acme\.example/);
      // The wiki's own server tells its clients the cause.
      await until(() => internalSource.current().then(() => false, () => true));
      await expect(internalSource.current()).rejects.toThrow(/verity\.config\.yml:\d+: "support\.url" is on the wiki's host/);
    } finally {
      await server.close();
    }
  });

  it("picks up a card folder removed while it runs", async () => {
    const root = makeProject({ "content/billing/refunds.md": card("external"), "content/account/seats.md": card("external", "2030-01-01", "Seats") });
    const source = start({ cwd: root, root, site: "public", today: "2026-12-01" });
    expect((await ids(source)).sort()).toEqual(["account/seats", "billing/refunds"]);
    rmSync(path.join(root, "content/billing"), { recursive: true });
    await until(async () => (await ids(source)).length === 1);
    expect(await ids(source)).toEqual(["account/seats"]);
    expect(readFileSync(path.join(root, "content/account/seats.md"), "utf8")).toContain("Seats");
  });
});
