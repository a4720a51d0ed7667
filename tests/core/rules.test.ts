/** Every card rule id, with a fixture that triggers it and one that does not. */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_RULES } from "../../src/core/lint/registry.ts";
import { copyFixtureProject, flatMessages, lintJson, removeTemps } from "../helpers.ts";

afterAll(removeTemps);

type Message = Awaited<ReturnType<typeof lintAt>>["messages"][number];

async function lintAt(project: string, extra: string[] = []) {
  const dir = copyFixtureProject(project);
  const result = await lintJson(dir, ["--today", "2026-11-22", ...extra]);
  return { ...result, dir, messages: flatMessages(result.results, dir) };
}

let rules: Message[];
let clean: Message[];
let cleanCode: number;

beforeAll(async () => {
  rules = (await lintAt("rules")).messages;
  const run = await lintAt("clean");
  clean = run.messages;
  cleanCode = run.code;
});

const of = (messages: Message[], ruleId: string) => messages.filter((m) => m.ruleId === ruleId);

describe("the clean fixture", () => {
  it("triggers no rule: aliases, anchors, repeated headings, verify-by alias, drafts and _files are fine", () => {
    expect(clean).toEqual([]);
    expect(cleanCode).toBe(0);
  });
});

describe("verify-by-expired", () => {
  it("is an error naming days overdue and the owner, at the verify_by line", () => {
    const [hit, ...rest] = of(rules, "verify-by-expired");
    expect(rest).toEqual([]);
    expect(hit).toMatchObject({ file: "content/expiry/overdue.md", line: 5, severity: 2 });
    expect(hit!.message).toMatch(/expired 21 days ago \(verify_by 2026-11-01\)\. @acme\/team should re-check/);
  });
  it("does not fire for drafts (the clean fixture has an expired draft)", () => {
    expect(of(clean, "verify-by-expired")).toEqual([]);
  });
});

describe("verify-by-expiring", () => {
  it("warns within the warning window, including on the last verified day", () => {
    const hits = of(rules, "verify-by-expiring");
    expect(hits.map((h) => [h.file, h.severity])).toEqual([
      ["content/expiry/due-soon.md", 1],
      ["content/expiry/due-today.md", 1],
    ]);
    expect(hits[0]!.message).toMatch(/expires in 9 days/);
    expect(hits[1]!.message).toMatch(/expires today/);
  });
  it("follows the configured window", async () => {
    const dir = copyFixtureProject("rules");
    writeFileSync(path.join(dir, "verity.config.yml"), "minTrustScore: 0\nwarnDays: 5\n");
    const { results } = await lintJson(dir, ["--today", "2026-11-22"]);
    expect(of(flatMessages(results, dir), "verify-by-expiring").map((m) => m.file)).toEqual(["content/expiry/due-today.md"]);
  });
});

describe("link-broken", () => {
  it("reports a missing card, a missing anchor, a missing site page and a missing file, with columns", () => {
    const hits = of(rules, "link-broken");
    expect(hits.map((h) => `${h.file}:${h.line}:${h.column}`)).toEqual([
      "content/links/broken.md:8:5",
      "content/links/broken.md:8:25",
      "content/links/broken.md:8:58",
      "content/links/broken.md:8:83",
    ]);
    expect(hits[1]!.message).toMatch(/has no heading with the id "nowhere"\. Its heading ids are: #real-heading/);
  });
});

describe("link-audience", () => {
  it("reports external cards linking to internal or draft cards, never the reverse", () => {
    const hits = of(rules, "link-audience");
    expect(hits.map((h) => h.file)).toEqual(["content/links/leaky.md", "content/links/leaky.md"]);
    expect(hits[0]!.message).toMatch(/links to content\/private\/runbook\.md, which is internal/);
    expect(hits[1]!.message).toMatch(/which is a draft/);
  });
});

describe("duplicate-id", () => {
  it("reports a reused id and an alias that claims another card's URL", () => {
    const hits = of(rules, "duplicate-id");
    expect(hits.map((h) => h.file)).toEqual(["content/dupes/second.md", "content/dupes/third.md"]);
    expect(hits[0]!.message).toMatch(/"dupes\/first" is already used by content\/dupes\/first\.md/);
    expect(hits[1]!.message).toMatch(/URL \/dupes\/first\/ is also claimed/);
  });
});

describe("trust-score", () => {
  it("fires under the floor, with the score to one decimal", async () => {
    const { messages, code } = await lintAt("trust");
    const [hit] = of(messages, "trust-score");
    expect(code).toBe(1);
    expect(hit).toMatchObject({ file: "verity.config.yml", severity: 2 });
    expect(hit!.message).toMatch(/Trust score is 66\.7%, under the floor of 70%.*1 of 3 published cards are expired/);
  });
  it("does not fire at or above the floor", async () => {
    const dir = copyFixtureProject("trust");
    writeFileSync(path.join(dir, "verity.config.yml"), "minTrustScore: 66.7\n");
    const { results } = await lintJson(dir, ["--today", "2026-11-22"]);
    expect(of(flatMessages(results, dir), "trust-score")).toEqual([]);
  });
});

describe("rule configuration", () => {
  it("turns a rule off or changes its level from verity.config.yml", async () => {
    const dir = copyFixtureProject("rules");
    writeFileSync(path.join(dir, "verity.config.yml"), "minTrustScore: 0\nrules:\n  verify-by-expiring: off\n  link-audience: warning\n");
    const { results } = await lintJson(dir, ["--today", "2026-11-22"]);
    const messages = flatMessages(results, dir);
    expect(of(messages, "verify-by-expiring")).toEqual([]);
    expect(of(messages, "link-audience").map((m) => m.severity)).toEqual([1, 1]);
  });
  it("documents every rule id in docs/rules.md", async () => {
    const { readFileSync } = await import("node:fs");
    const readme = readFileSync(path.join(import.meta.dirname, "..", "..", "docs", "rules.md"), "utf8");
    for (const { meta } of ALL_RULES) expect(readme, meta.id).toContain(`\`${meta.id}\``);
  });
});
