/**
 * The persistent per-card lint cache (.verity-cache/lint-cards.json): a run answered partly from it
 * reports exactly what a run without any cache reports, including the cross-card rules, after
 * each kind of edit; and an edit of one card's body reuses every other card's findings.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exampleCard } from "../../src/core/lint/rule-model.ts";
import { flatMessages, makeProject, removeTemps, runCli } from "../helpers.ts";

afterAll(removeTemps);

const CARD_CACHE = path.join(".verity-cache", "lint-cards.json");

function project(): string {
  return makeProject({
    "content/a/steps.md": exampleCard({ title: "Steps card", audience: "external" }, "## Steps\n\nDo it.\n\n## Result\n\nDone.\n"),
    "content/a/linker.md": exampleCard({ title: "Linker", audience: "external" }, "See [the steps](steps.md#steps) and [the notes](../b/notes.md).\n"),
    "content/b/notes.md": exampleCard({ title: "Notes", id: "shared-id", verify_by: "2027-01-10" }, "Internal notes.\n"),
    "content/b/other.md": exampleCard({ title: "Other" }, "Some text.\n"),
    "content/b/form.txt": "A form.\n",
    "content/b/uses-file.md": exampleCard({ title: "Uses a file" }, "Fill in [the form](form.txt).\n"),
  });
}

/** Findings of a lint run as comparable rows (file, rule, line, column, severity, message). */
async function lintRows(dir: string, extra: string[]): Promise<{ code: number; rows: string[] }> {
  const { code, stdout, stderr } = await runCli(["lint", "--format", "json", ...extra], { cwd: dir });
  if (stderr.includes("internal error")) throw new Error(stderr);
  const results = stdout.trim() ? JSON.parse(stdout) : [];
  const rows = flatMessages(results, dir).map((m) => `${m.file}:${m.line}:${m.column} ${m.severity} ${m.ruleId} ${m.message}`);
  return { code, rows: rows.sort() };
}

/** A run with the caches as they are, then one with no cache at all: they must agree. */
async function expectSameAsUncached(dir: string, today = "2027-01-01"): Promise<string[]> {
  const cached = await lintRows(dir, ["--today", today]);
  const uncached = await lintRows(dir, ["--today", today, "--no-cache"]);
  expect(cached).toEqual(uncached);
  // And a cold run (caches removed) agrees too, and leaves the caches for the next step.
  rmSync(path.join(dir, ".verity-cache"), { recursive: true, force: true });
  const cold = await lintRows(dir, ["--today", today]);
  expect(cold).toEqual(uncached);
  // A warm run right after: everything from the caches.
  expect(await lintRows(dir, ["--today", today])).toEqual(uncached);
  return cached.rows;
}

const edit = (dir: string, rel: string, change: (text: string) => string) => writeFileSync(path.join(dir, rel), change(readFileSync(path.join(dir, rel), "utf8")));

describe("the per-card lint cache", () => {
  it("gives the findings of an uncached run after each kind of edit", async () => {
    const dir = project();
    const has = (rows: string[], file: string, rule: string) => rows.some((row) => row.startsWith(file) && row.includes(` ${rule} `));
    // Cold, then warm.
    let rows = await expectSameAsUncached(dir);
    expect(has(rows, "content/a/linker.md", "link-audience")).toBe(true);
    expect(has(rows, "content/a/linker.md", "link-broken")).toBe(false);

    // A heading another card links to is renamed: the link breaks in the card that was not edited.
    await lintRows(dir, ["--today", "2027-01-01"]);
    edit(dir, "content/a/steps.md", (t) => t.replace("## Steps", "## Stages"));
    rows = (await lintRows(dir, ["--today", "2027-01-01"])).rows;
    expect(has(rows, "content/a/linker.md", "link-broken")).toBe(true);
    expect(await lintRows(dir, ["--today", "2027-01-01", "--no-cache"])).toEqual({ code: 1, rows });

    // ... and renamed back: the finding disappears again.
    edit(dir, "content/a/steps.md", (t) => t.replace("## Stages", "## Steps"));
    rows = (await lintRows(dir, ["--today", "2027-01-01"])).rows;
    expect(has(rows, "content/a/linker.md", "link-broken")).toBe(false);
    expect((await lintRows(dir, ["--today", "2027-01-01", "--no-cache"])).rows).toEqual(rows);

    // Another card takes the same id: duplicate-id, on a warm cache.
    edit(dir, "content/b/other.md", (t) => t.replace("title: Other", "title: Other\nid: shared-id"));
    rows = (await lintRows(dir, ["--today", "2027-01-01"])).rows;
    expect(rows.some((row) => row.includes(" duplicate-id "))).toBe(true);
    expect((await lintRows(dir, ["--today", "2027-01-01", "--no-cache"])).rows).toEqual(rows);
    edit(dir, "content/b/other.md", (t) => t.replace("\nid: shared-id", ""));

    // A later day expires a card: the date invalidates date-dependent findings.
    rows = await expectSameAsUncached(dir, "2027-02-01");
    expect(has(rows, "content/b/notes.md", "verify-by-expired")).toBe(true);
    rows = (await lintRows(dir, ["--today", "2027-01-01"])).rows;
    expect(has(rows, "content/b/notes.md", "verify-by-expired")).toBe(false);

    // A file a card links to is deleted; a linked card is deleted.
    await lintRows(dir, ["--today", "2027-01-01"]);
    unlinkSync(path.join(dir, "content/b/form.txt"));
    rows = (await lintRows(dir, ["--today", "2027-01-01"])).rows;
    expect(has(rows, "content/b/uses-file.md", "link-broken")).toBe(true);
    expect((await lintRows(dir, ["--today", "2027-01-01", "--no-cache"])).rows).toEqual(rows);
    unlinkSync(path.join(dir, "content/a/steps.md"));
    rows = (await lintRows(dir, ["--today", "2027-01-01"])).rows;
    expect(rows.filter((row) => row.startsWith("content/a/linker.md") && row.includes(" link-broken "))).toHaveLength(1);
    expect((await lintRows(dir, ["--today", "2027-01-01", "--no-cache"])).rows).toEqual(rows);

    // A card's frontmatter breaks, then is repaired.
    edit(dir, "content/b/other.md", (t) => t.replace("title: Other", "title: [Other"));
    await expectSameAsUncached(dir);
    edit(dir, "content/b/other.md", (t) => t.replace("title: [Other", "title: Other"));
    await expectSameAsUncached(dir);
  });

  it("reuses the other cards' findings when one card's body changes, and not when a fact changes", async () => {
    const dir = project();
    await lintRows(dir, ["--today", "2027-01-01"]);
    // Plant a finding in the cached rule findings of a card that will not change.
    // The file: a header line, then one line per card: "relPath" TAB hash TAB facts TAB entry.
    const cacheFile = path.join(dir, CARD_CACHE);
    const rows = readFileSync(cacheFile, "utf8").split("\n");
    const at = rows.findIndex((row) => row.startsWith('"content/b/uses-file.md"\t'));
    const fields = rows[at]!.split("\t");
    const entry = JSON.parse(fields[3]!);
    expect(entry.rules).toBeDefined();
    entry.rules.findings.push({ ruleId: "link-broken", severity: "error", message: "planted", line: 1, column: 1 });
    rows[at] = [...fields.slice(0, 3), JSON.stringify(entry)].join("\t");
    writeFileSync(cacheFile, rows.join("\n"));

    // Only the body of another card changes: the planted finding is replayed (the cache answered).
    // Without the run record, the full lint runs (not the re-check of the edited card alone).
    rmSync(path.join(dir, ".verity-cache", "lint-run.json"));
    edit(dir, "content/b/other.md", (t) => `${t}\nMore text.\n`);
    expect((await lintRows(dir, ["--today", "2027-01-01"])).rows.some((row) => row.includes("planted"))).toBe(true);
    // A heading changes (a project-wide fact): every card's rules run again.
    edit(dir, "content/b/other.md", (t) => `${t}\n## A new heading\n\nText.\n`);
    expect((await lintRows(dir, ["--today", "2027-01-01"])).rows.some((row) => row.includes("planted"))).toBe(false);
  });

  it("is written as ASCII, and a Korean card read back from it gives the uncached findings", async () => {
    const dir = project();
    writeFileSync(path.join(dir, "content/b/결제.md"), exampleCard({ title: "결제 “환불” 안내", lang: "ko" }, "## 환불\n\n환불은 [단계](../a/steps.md#없음)에서 합니다.\n"));
    const uncached = await lintRows(dir, ["--today", "2027-01-01", "--no-cache"]);
    await lintRows(dir, ["--today", "2027-01-01"]);
    const text = readFileSync(path.join(dir, CARD_CACHE), "utf8");
    expect(text).toContain('"content/b/\\uacb0\\uc81c.md"');
    expect(text).toMatch(/^[\x00-\x7f]*$/);
    // Without the run record, every card's findings come from this file.
    rmSync(path.join(dir, ".verity-cache", "lint-run.json"));
    const cached = await lintRows(dir, ["--today", "2027-01-01"]);
    expect(cached).toEqual(uncached);
    expect(cached.rows.some((row) => row.startsWith("content/b/결제.md") && row.includes("link-"))).toBe(true);
  });

  it("re-checks a card that links to a file outside the content folder, whose appearance no hash covers", async () => {
    const dir = makeProject({ "content/a/card.md": exampleCard({}, "See [the notes](../../notes.txt).\n") });
    const broken = async () => (await lintRows(dir, ["--today", "2027-01-01"])).rows.some((row) => row.includes(" link-broken "));
    expect(await broken()).toBe(true);
    writeFileSync(path.join(dir, "notes.txt"), "Notes.\n");
    expect(await broken()).toBe(false);
    unlinkSync(path.join(dir, "notes.txt"));
    expect(await broken()).toBe(true);
  });

  it("does not change what lint --changed reports (url-removed from git)", async () => {
    const dir = project();
    const git = (...args: string[]) => {
      const run = spawnSync("git", args, { cwd: dir, encoding: "utf8", env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.com", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.com" } });
      if (run.status !== 0) throw new Error(run.stderr);
    };
    git("init", "-q", "-b", "main");
    git("add", "-A");
    git("commit", "-q", "-m", "cards");
    git("checkout", "-q", "-b", "topic");
    git("mv", "content/b/other.md", "content/b/renamed.md");
    git("commit", "-q", "-m", "rename");
    await lintRows(dir, ["--today", "2027-01-01"]); // warms the caches
    const changed = await lintRows(dir, ["--today", "2027-01-01", "--changed", "main"]);
    expect(changed.rows.some((row) => row.includes(" url-removed "))).toBe(true);
    expect(await lintRows(dir, ["--today", "2027-01-01", "--changed", "main", "--no-cache"])).toEqual(changed);
    // A full lint after the rename agrees with an uncached one.
    await expectSameAsUncached(dir);
  });
});

describe("style checks on two threads", () => {
  it("give the findings of checking every card on one thread", async () => {
    const { cpSync } = await import("node:fs");
    const { REPO_ROOT } = await import("../helpers.ts");
    const { lint } = await import("../../src/app/lint.ts");
    const { loadProject } = await import("../../src/core/project/project.ts");
    const { lintProject } = await import("../../src/core/lint/lint-project.ts");
    const { createStyleChecker } = await import("../../src/core/style/card-style.ts");
    const files: Record<string, string> = {};
    // Enough cards that lint hands the style checks to a worker thread.
    for (let i = 0; i < 150; i++) {
      const body = `## Steps\n\nSimply login to the web hook page, e-mail the admin and click [here](card-${(i + 1) % 150}.md#steps).\n\n${"This sentence keeps going on and on ".repeat(i % 5)}and ends.\n`;
      files[`content/c${i % 3}/card-${i}.md`] = exampleCard({ title: `Card ${i}`, audience: i % 2 ? "external" : "internal" }, body);
    }
    const dir = makeProject(files);
    cpSync(path.join(REPO_ROOT, ".vale.ini"), path.join(dir, ".vale.ini"));
    cpSync(path.join(REPO_ROOT, "style-guide"), path.join(dir, "style-guide"), { recursive: true });
    const report = await lint({ project: { cwd: dir, today: "2027-01-01" }, cache: false });
    const project = loadProject({ cwd: dir, today: "2027-01-01" });
    const oneThread = lintProject(project, { checkers: [createStyleChecker(project).check] });
    const rows = (findings: typeof report.findings) => findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.message}`);
    expect(report.findings.filter((f) => /^[A-Z]/.test(f.ruleId) || f.ruleId.includes("-")).length).toBeGreaterThan(150);
    expect(rows(report.findings)).toEqual(rows(oneThread.findings));

    // The worker itself, given every card: the same findings, card by card, as the main thread's check.
    const { createStylePool } = await import("../../src/app/style-pool.ts");
    const pool = createStylePool(createStyleChecker(project), { mainThreadHelps: false, workerThreshold: 1, useWorker: true });
    for (const card of project.cards) pool.add(card);
    const outcomes = await pool.finish();
    expect(pool.workerCount()).toBe(project.cards.length);
    const here = createStyleChecker(project);
    for (const card of project.cards) expect(outcomes.get(card)).toEqual({ findings: here.compute(card) });

    // Given the loader's parse of each card, serialized, the worker reads it instead of parsing: the same findings.
    const { parseMarkdownKept } = await import("../../src/core/cards/markdown.ts");
    const kept = createStylePool(createStyleChecker(project), { mainThreadHelps: false, workerThreshold: 1, useWorker: true });
    for (const card of project.cards) kept.add(card, parseMarkdownKept(card.source, card.format).serialized);
    const keptOutcomes = await kept.finish();
    expect(kept.workerCount()).toBe(project.cards.length);
    for (const card of project.cards) expect(keptOutcomes.get(card)).toEqual(outcomes.get(card));
  });

  it("read a card's tree from the parse they are sent, not from a parse of their own", async () => {
    const { parseMarkdownKept } = await import("../../src/core/cards/markdown.ts");
    const { createStyleJobRunner } = await import("../../src/core/style/style-job.ts");
    const dir = makeProject({ "content/a/card.md": exampleCard({ title: "Card" }, "Text.\n") });
    writeFileSync(path.join(dir, ".vale.ini"), "[*.md]\nBasedOnStyles = Vale\n");
    const run = createStyleJobRunner({ root: dir, builtinLevels: [], lang: "en" });
    const source = "Text.\n\nSo the the end.\n";
    const job = { file: path.join(dir, "content/a/card.md"), source, format: "md" as const, lang: "en", frontmatter: {} };
    expect(run(job).map((f) => f.ruleId)).toEqual(["Vale.Repetition"]);
    // The same text, sent with the tree of a text whose repeated words are code: what the tree says wins.
    const coded = parseMarkdownKept("Text.\n\nSo `the the` end.\n").serialized;
    expect(run({ ...job, serialized: coded })).toEqual([]);
  });
});
