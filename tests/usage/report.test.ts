/**
 * The usage section of `verity report` on a fixture set of events with hand-counted figures, read
 * from the SQLite database and from the NDJSON file alike; the weekly issue; the period options.
 */
import { mkdirSync } from "node:fs";
import { DatabaseSync } from "node:sqlite";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toUsageRows, type UsageBatch } from "../../src/core/usage/events.ts";
import { openUsageWriter } from "../../src/core/usage/store.ts";
import { resolveUsagePeriod, type UsageReport } from "../../src/core/usage/usage-report.ts";
import type { CalendarDate } from "../../src/core/verification/calendar-date.ts";
import { makeProject, removeTemps, runCli } from "../helpers.ts";

const card = (title: string, audience = "external") => `---\ntitle: ${title}\nowner: "@a"\naudience: ${audience}\nverify_by: 2030-01-01\n---\nText.\n`;

let root: string;

beforeAll(async () => {
  root = makeProject({
    "verity.config.yml": [
      "sites:",
      "  public:",
      "    usage: { endpoint: https://usage.acme.test/events, comments: true }",
      "  internal:",
      "    usage: { endpoint: https://usage.acme.test/events }",
      "collect:",
      "  database: data/usage.db",
      "",
    ].join("\n"),
    "content/a/one.md": card("One"),
    "content/a/two.md": card("Two"),
    "content/b/three.md": card("Three"),
    "content/b/secret.md": card("Secret", "internal"),
  });
  const writer = openUsageWriter({ database: path.join(root, "data/usage.db"), ndjson: path.join(root, "data/usage.ndjson") });
  const put = (at: string, visit: string, events: UsageBatch["events"], site: UsageBatch["site"] = "public") =>
    writer.append({ rows: toUsageRows({ v: 1, site, visit, events }, new Date(at), "UTC"), dropped: [] });
  put("2026-07-01T10:00:00Z", "visit-old1", [{ type: "card_view", card: "a/two" }, { type: "search", query: "old", lang: "en", results: 0, filters: {} }]);
  put("2026-11-03T09:00:00Z", "visit-0001", [
    { type: "search", query: "refund", lang: "en", results: 3, filters: {} },
    { type: "result_open", query: "refund", card: "a/one", rank: 2 },
    { type: "card_view", card: "a/one" },
    { type: "helpful", card: "a/one", helpful: true },
  ]);
  put("2026-11-03T10:00:00Z", "visit-0002", [
    { type: "search", query: "Goodwill", lang: "en", results: 0, filters: {} },
    { type: "search", query: "goodwill", lang: "en", results: 0, filters: {} },
    { type: "support_click", searches: ["goodwill"], cards: [] },
  ]);
  put("2026-11-10T08:00:00Z", "visit-0003", [
    { type: "search", query: "환불", lang: "ko", results: 0, filters: {} },
    { type: "card_view", card: "a/one" },
    { type: "helpful", card: "a/one", helpful: false, comment: "Too short" },
  ]);
  put("2026-11-10T09:00:00Z", "visit-0004", [
    { type: "search", query: "invoice", lang: "en", results: 2, filters: {} },
    { type: "result_open", query: "invoice", card: "b/three", rank: 1 },
    { type: "card_view", card: "b/three" },
    { type: "helpful", card: "b/three", helpful: false },
  ]);
  put("2026-11-11T09:00:00Z", "visit-0005", [{ type: "search", query: "escalate", lang: "en", results: 1, filters: {} }, { type: "card_view", card: "b/secret" }], "internal");
  put("2026-11-20T09:00:00Z", "visit-late", [{ type: "search", query: "after", lang: "en", results: 0, filters: {} }]);
  await writer.mirror();
  writer.close();
});

afterAll(removeTemps);

const PERIOD = ["--since", "2026-11-01", "--until", "2026-11-15"];

async function usageJson(extra: string[]): Promise<UsageReport> {
  const result = await runCli(["report", "--format", "json", "--today", "2026-11-30", ...PERIOD, ...extra], { cwd: root });
  expect(result.code).toBe(0);
  return (JSON.parse(result.stdout) as { usage: UsageReport }).usage;
}

describe("verity report: usage section", () => {
  it("counts searches, zero results, click-through, reads, votes and self-service for the period", async () => {
    const usage = await usageJson([]);
    expect(usage.period).toEqual({ since: "2026-11-01", until: "2026-11-15" });
    expect(usage.events).toBe(16);
    expect(usage.searches.byLanguage).toEqual([
      { site: "internal", lang: "en", searches: 1, zero: 0, zeroRate: 0 },
      { site: "public", lang: "en", searches: 4, zero: 2, zeroRate: 50 },
      { site: "public", lang: "ko", searches: 1, zero: 1, zeroRate: 100 },
    ]);
    expect(usage.searches.bySite).toEqual([
      { site: "internal", searches: 1, zero: 0, zeroRate: 0 },
      { site: "public", searches: 5, zero: 3, zeroRate: 60 },
    ]);
    expect(usage.searches.topZeroResult).toEqual([
      { site: "public", query: "goodwill", searches: 2, lastDay: "2026-11-03" },
      { site: "public", query: "환불", searches: 1, lastDay: "2026-11-10" },
    ]);
    expect(usage.clickThrough).toEqual([
      { site: "internal", searchesWithResults: 1, opened: 0, rate: 0, averageRank: null },
      { site: "public", searchesWithResults: 2, opened: 2, rate: 100, averageRank: 1.5 },
    ]);
    expect(usage.mostRead).toEqual([
      { site: "public", card: "a/one", title: "One", views: 2 },
      { site: "internal", card: "b/secret", title: "Secret", views: 1 },
      { site: "public", card: "b/three", title: "Three", views: 1 },
    ]);
    expect(usage.notOpened.since).toBe("2026-08-18");
    expect(usage.notOpened.cards.map((c) => `${c.site}:${c.card}`).sort()).toEqual(["internal:a/one", "internal:a/two", "internal:b/three", "public:a/two"]);
    expect(usage.helpful.byCard).toEqual([
      { site: "public", card: "b/three", title: "Three", collection: "b", yes: 0, no: 1, ratio: 0 },
      { site: "public", card: "a/one", title: "One", collection: "a", yes: 1, no: 1, ratio: 50 },
    ]);
    expect(usage.helpful.byCollection).toEqual([
      { collection: "b", yes: 0, no: 1, ratio: 0 },
      { collection: "a", yes: 1, no: 1, ratio: 50 },
    ]);
    expect(usage.helpful.latestComments).toEqual([{ ts: "2026-11-10T08:00:00.000Z", site: "public", card: "a/one", title: "One", helpful: false, comment: "Too short" }]);
    expect(usage.selfService).toEqual({
      visits: 5,
      contacted: 1,
      rate: 80,
      weeks: [
        { week: "2026-11-02", visits: 2, contacted: 1, rate: 50 },
        { week: "2026-11-09", visits: 3, contacted: 0, rate: 100 },
      ],
    });
  });

  it("gives the same figures from the NDJSON file", async () => {
    const fromDb = await usageJson([]);
    const fromNdjson = await usageJson(["--usage", path.join(root, "data/usage.ndjson")]);
    expect({ ...fromNdjson, source: "" }).toEqual({ ...fromDb, source: "" });
  });

  it("renders the section in Markdown and HTML", async () => {
    const markdown = await runCli(["report", "--today", "2026-11-30", ...PERIOD], { cwd: root });
    expect(markdown.stdout).toContain("### Usage, 2026-11-01 to 2026-11-15");
    expect(markdown.stdout).toContain("| **public** | all | 5 | 3 | 60% :warning: |");
    expect(markdown.stdout).toContain("| `goodwill` | public | 2 | 2026-11-03 |");
    expect(markdown.stdout).toContain("| public | 2 | 2 | 100% | 1.5 |");
    expect(markdown.stdout).toContain("- 2026-11-10, One, no: `Too short`");
    expect(markdown.stdout).toContain("**80%** of 5 visits");
    const html = await runCli(["report", "--format", "html", "--today", "2026-11-30", ...PERIOD], { cwd: root });
    expect(html.stdout).toContain("<h2>Usage, 2026-11-01 to 2026-11-15</h2>");
    expect(html.stdout).toContain("<td>goodwill</td>");
    expect(html.stdout).toContain("Self-service rate by week");
    expect(html.stdout).not.toMatch(/<script/i);
  });

  it("adds the weekly issue for the knowledge manager to --format issues", async () => {
    const result = await runCli(["report", "--format", "issues", "--today", "2026-11-30", ...PERIOD], { cwd: root });
    const issues = JSON.parse(result.stdout) as { kind?: string; title: string; body: string }[];
    const usage = issues.find((issue) => issue.kind === "usage")!;
    expect(usage.title).toBe("Usage review: searches with no result and unhelpful cards");
    expect(usage.body).toContain("- [ ] `goodwill` (public): 2 searches, last 2026-11-03");
    expect(usage.body).toContain("- [ ] `환불` (public): 1 search, last 2026-11-10");
    expect(usage.body).toContain("- [ ] Three (`b/three`, public): 1 no, 0 yes (0% helpful)");
    expect(usage.body).toContain("- [ ] One (`a/one`, public): 1 no, 1 yes (50% helpful)\n  - `Too short`");
  });

  it("reads --period back from --until and rejects bad periods", async () => {
    const week = await usageJson([]);
    expect(week.period.since).toBe("2026-11-01");
    const today = "2026-11-30" as CalendarDate;
    expect(resolveUsagePeriod({}, today)).toEqual({ since: "2026-11-01", until: "2026-11-30" });
    expect(resolveUsagePeriod({ period: "2w", until: "2026-11-15" }, today)).toEqual({ since: "2026-11-02", until: "2026-11-15" });
    expect(resolveUsagePeriod({ period: "1m", until: "2026-03-31" }, today)).toEqual({ since: "2026-03-01", until: "2026-03-31" });
    const both = await runCli(["report", "--since", "2026-11-01", "--period", "7d"], { cwd: root });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("Give --since or --period, not both.");
    const bad = await runCli(["report", "--period", "soon"], { cwd: root });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--period must be an interval such as 7d');
    const reversed = await runCli(["report", "--since", "2026-11-15", "--until", "2026-11-01"], { cwd: root });
    expect(reversed.stderr).toContain("The period starts (2026-11-15) after it ends (2026-11-01).");
  });

  it("rejects a bad --since, --until or --period even where there is no usage data to read (the period is checked, not dropped)", async () => {
    const bare = makeProject({ "content/a/one.md": "---\ntitle: One\nowner: x\naudience: external\nverify_by: 2027-01-01\n---\n\nText.\n" });
    for (const args of [["--since", "2026-13-01"], ["--until", "2026-02-30"], ["--period", "soon"]]) {
      const result = await runCli(["report", ...args], { cwd: bare });
      expect(result.code).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(/must be (a calendar date|an interval)/);
    }
  });

  it("says clearly when the usage file is missing or not usage data", async () => {
    const missing = await runCli(["report", "--usage", "nope.db"], { cwd: root });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/The usage data .*nope\.db does not exist\./);
    const notJson = makeProject({ "bad.ndjson": "not json\n", "short.ndjson": '{"v":1}\n' });
    const bad = await runCli(["report", "--usage", path.join(notJson, "bad.ndjson")], { cwd: root });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("bad.ndjson:1: the line is not JSON.");
    const short = await runCli(["report", "--usage", path.join(notJson, "short.ndjson")], { cwd: root });
    expect(short.code).toBe(2);
    expect(short.stderr).toContain("short.ndjson:1: not a usage event row: ts:");
  });

  // Both were "internal error ... This is a bug in Verity": a database whose events table is not the
  // collector's (no such column: site), and a folder (EISDIR).
  it("says a database whose events table is not the collector's, or a folder, is not usage data", async () => {
    const dir = makeProject({});
    const other = new DatabaseSync(path.join(dir, "other.db"));
    other.exec("CREATE TABLE events (id INTEGER PRIMARY KEY, name TEXT, at TEXT)");
    other.close();
    mkdirSync(path.join(dir, "folder.ndjson"));
    for (const [file, says] of [
      ["other.db", "other.db is not a usage database: its events table has no column v, ts, day, week, site, visit, type, card, query, lang, results, rank, helpful, comment, detail."],
      ["folder.ndjson", "folder.ndjson is a folder, not usage data"],
    ] as const) {
      const result = await runCli(["report", "--usage", path.join(dir, file)], { cwd: root });
      expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
      expect(result.stderr).toContain(says);
      expect(result.code).toBe(2);
    }
  });
});
