/**
 * The lint caches are read only in the `.verity-cache/` folder that wrote them. A pull request can
 * commit a `.verity-cache/` (`git add -f` passes `.gitignore`), and a CI runner checks it out at a
 * path anyone can predict, with the same Verity code and lockfile: the caches' keys would match,
 * and cached findings written by the pull request's author would stand for the cards' own.
 */
import { spawnSync } from "node:child_process";
import { cpSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exampleCard } from "../../src/core/lint/rule-model.ts";
import { REPO_ROOT, flatMessages, makeProject, removeTemps } from "../helpers.ts";

afterAll(removeTemps);

const CACHE = ".verity-cache";

function project(): string {
  return makeProject({
    "content/help/public.md": exampleCard({ title: "Public page", audience: "external" }, "See [the runbook](../ops/runbook.md). Call the hotline.\n"),
    "content/ops/runbook.md": exampleCard({ title: "Runbook" }, "Internal steps.\n"),
    ".vale.ini": "StylesPath = styles\n[*.md]\nBasedOnStyles = House\n",
    "styles/House/Hotline.yml": "extends: existence\nmessage: \"Say 'support line', not '%s'.\"\nlevel: error\ntokens:\n  - hotline\n",
  });
}

/** A `verity lint` of its own process, as a CI job runs it (nothing of an earlier run in memory). */
function lintRows(dir: string): { code: number | null; rows: string[] } {
  const run = spawnSync(process.execPath, [path.join(REPO_ROOT, "cli", "bin.js"), "lint", "--format", "json", "--today", "2026-12-07"], { cwd: dir, encoding: "utf8", timeout: 60_000 });
  if (run.stderr.includes("internal error") || run.status === null) throw new Error(run.stderr);
  const rows = flatMessages(run.stdout.trim() ? JSON.parse(run.stdout) : [], dir).map((m) => `${m.file}:${m.line} ${m.ruleId}`);
  return { code: run.status, rows: rows.sort() };
}

/** Rewrites every cache file as a pull request's author would: no finding, no link, no pattern that matches. */
function forgeCaches(dir: string): void {
  const folder = path.join(dir, CACHE);
  const run = path.join(folder, "lint-run.json");
  const record = JSON.parse(readFileSync(run, "utf8")) as { own: unknown; rest: unknown };
  record.own = [[], []];
  record.rest = [];
  writeFileSync(run, JSON.stringify(record));
  const cards = path.join(folder, "lint-cards.json");
  const rows = readFileSync(cards, "utf8").split("\n");
  const forged = rows.map((row, index) => {
    const cells = row.split("\t");
    if (index === 0 || cells.length < 4) return row;
    const entry = JSON.parse(cells.slice(3).join("\t")) as { load: { card?: { links?: unknown[] } }; rules?: { findings: unknown[] } };
    if (entry.load.card) entry.load.card.links = [];
    if (entry.rules) entry.rules.findings = [];
    return [...cells.slice(0, 3), JSON.stringify(entry)].join("\t");
  });
  writeFileSync(cards, forged.join("\n"));
  const styleFile = path.join(folder, "lint.json");
  const style = JSON.parse(readFileSync(styleFile, "utf8")) as { entries: Record<string, { findings: unknown[] }> };
  for (const entry of Object.values(style.entries)) entry.findings = [];
  writeFileSync(styleFile, JSON.stringify(style));
  const patternsFile = path.join(folder, "style-patterns.json");
  const patterns = JSON.parse(readFileSync(patternsFile, "utf8")) as { entries: [string, string, string][] };
  patterns.entries = patterns.entries.map(([pattern, , flags]) => [pattern, "(?!)", flags]);
  writeFileSync(patternsFile, JSON.stringify(patterns));
}

/** The folder as a checkout makes it: the same files (and path), in a folder made anew. */
function checkOutAgain(dir: string): void {
  const folder = path.join(dir, CACHE);
  const aside = path.join(dir, "cache-as-committed");
  renameSync(folder, aside);
  cpSync(aside, folder, { recursive: true });
  rmSync(aside, { recursive: true });
}

describe("caches that came with the project's files", () => {
  it("are not read: lint reports what the cards hold, not what a committed cache says", () => {
    const dir = project();
    const expected = ["content/help/public.md:8 House.Hotline", "content/help/public.md:8 link-audience"];
    expect(lintRows(dir)).toEqual({ code: 1, rows: expected });
    expect(readdirSync(path.join(dir, CACHE))).toEqual(expect.arrayContaining(["lint-run.json", "lint-cards.json", "lint.json", "style-patterns.json"]));
    forgeCaches(dir);
    checkOutAgain(dir);
    expect(lintRows(dir)).toEqual({ code: 1, rows: expected });
  });

  it("do not lend their pattern translations to the style rules", () => {
    const dir = project();
    lintRows(dir);
    forgeCaches(dir);
    for (const name of readdirSync(path.join(dir, CACHE))) if (name !== "style-patterns.json") rmSync(path.join(dir, CACHE, name));
    checkOutAgain(dir);
    expect((lintRows(dir)).rows).toContain("content/help/public.md:8 House.Hotline");
  });

  it("(the forged caches do blind lint when they stay in the folder that wrote them)", () => {
    const dir = project();
    lintRows(dir);
    forgeCaches(dir);
    expect(lintRows(dir)).toEqual({ code: 0, rows: [] });
  });

  it("are read again after the first run in the new folder: a warm run stays warm", () => {
    const dir = project();
    lintRows(dir);
    checkOutAgain(dir);
    lintRows(dir);
    const run = path.join(dir, CACHE, "lint-run.json");
    const written = readFileSync(run, "utf8");
    expect((lintRows(dir)).code).toBe(1);
    expect(readFileSync(run, "utf8")).toBe(written);
  });
});
