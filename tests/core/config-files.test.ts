/**
 * The files Verity reads as settings (verity.config.yml, _collection.yml, style-guide/synonyms.yml,
 * .github/CODEOWNERS) may be a folder, a FIFO, a device or not UTF-8: each is a problem with the
 * file, the line and the fix, never an internal error, a read that waits forever, or text whose
 * bytes were silently replaced.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { flatMessages, lintJson, makeProject, removeTemps, REPO_ROOT, runCli } from "../helpers.ts";

afterAll(removeTemps);

const CARD = '---\ntitle: Fine\nowner: "@acme/team"\naudience: external\nverify_by: 2027-01-01\n---\n\nBody.\n';

function expectNoCrash(stderr: string) {
  expect(stderr).not.toMatch(/internal error|\n\s+at /);
}

/** The CLI in its own process, stopped after 20 s: a read that waits for a FIFO's writer must not hang a test worker. */
function runBin(cwd: string, argv: string[]) {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, "cli", "bin.js"), ...argv], { cwd, encoding: "utf8", timeout: 20_000 });
  return { code: result.status, signal: result.signal, stderr: result.stderr };
}

const hasMkfifo = spawnSync("mkfifo", ["--version"]).status === 0;

describe("verity.config.yml", () => {
  it("a folder in its place is a configuration error, not EISDIR", async () => {
    const dir = makeProject({ "content/a/b.md": CARD });
    mkdirSync(path.join(dir, "verity.config.yml"));
    const result = await runCli(["status", "--today", "2026-12-06"], { cwd: dir });
    expectNoCrash(result.stderr);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("verity.config.yml:1: the configuration file is a folder or another special file");
  });

  it.runIf(hasMkfifo)("--config naming a FIFO or /dev/zero stops at once", () => {
    const dir = makeProject({ "content/a/b.md": CARD });
    spawnSync("mkfifo", [path.join(dir, "fifo.yml")]);
    for (const config of ["fifo.yml", "/dev/zero"]) {
      const result = runBin(dir, ["status", "--config", config, "--today", "2026-12-06"]);
      expect(result.signal, config).toBeNull();
      expect(result.code, config).toBe(2);
      expect(result.stderr).toContain("is a folder or another special file");
    }
  });

  it("bytes that are not UTF-8 are reported at their line, not published as U+FFFD", async () => {
    const dir = makeProject({ "content/a/b.md": CARD, "verity.config.yml": Buffer.from("lang: en\nsites:\n  public:\n    title: Caf\xe9\n", "latin1") });
    const result = await runCli(["status", "--today", "2026-12-06"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("verity.config.yml:4: the configuration file is not valid UTF-8 text");
  });

  it.each([
    ["- a\n- b\n", "a list"],
    ["just text\n", '"just text"'],
  ])("a top level that is not a mapping (%j) says so", async (yaml, what) => {
    const dir = makeProject({ "content/a/b.md": CARD, "verity.config.yml": yaml });
    const result = await runCli(["status", "--today", "2026-12-06"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`verity.config.yml:1: it is ${what}, not a mapping of keys to values`);
    expect(result.stderr).not.toContain('Invalid ""');
  });

  it("a contentDir naming a file is a configuration error at its line, not ENOTDIR", async () => {
    const dir = makeProject({ "content/a/b.md": CARD, "notes.md": "x", "verity.config.yml": "lang: en\ncontentDir: notes.md\n" });
    const result = await runCli(["lint", "--today", "2026-12-06"], { cwd: dir });
    expectNoCrash(result.stderr);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('verity.config.yml:2: "contentDir" is notes.md, which is a file, not a folder');
  });
});

describe("_collection.yml", () => {
  it("a folder in its place is a collection-config error, and the collection is internal-only", async () => {
    const dir = makeProject({ "content/a/b.md": CARD, "content/c/d.md": CARD.replace("Fine", "Other") });
    mkdirSync(path.join(dir, "content/a/_collection.yml"));
    const run = await lintJson(dir, ["--today", "2026-12-06", "--no-cache"]);
    expectNoCrash(run.stderr);
    expect(run.code).toBe(1);
    const hit = flatMessages(run.results, dir).find((m) => m.ruleId === "collection-config");
    expect(hit?.file).toBe("content/a/_collection.yml");
    expect(hit?.message).toContain("_collection.yml is a folder or another special file");
  });

  it.runIf(hasMkfifo)("a FIFO in its place does not block the run", () => {
    const dir = makeProject({ "content/a/b.md": CARD });
    spawnSync("mkfifo", [path.join(dir, "content/a/_collection.yml")]);
    const result = runBin(dir, ["status", "--today", "2026-12-06"]);
    expect(result.signal).toBeNull();
    expect(result.code).toBe(0);
  });

  it("a title that is not UTF-8 is reported at its line", async () => {
    const dir = makeProject({ "content/a/b.md": CARD, "content/a/_collection.yml": Buffer.from("order: 1\ntitle: Caf\xe9\n", "latin1") });
    const run = await lintJson(dir, ["--today", "2026-12-06", "--no-cache"]);
    const hit = flatMessages(run.results, dir).find((m) => m.ruleId === "collection-config");
    expect(hit?.line).toBe(2);
    expect(hit?.message).toContain("not valid UTF-8 text");
  });

  it("a title or description holding an invisible control character is reported at its line, as a card's is", async () => {
    const dir = makeProject({ "content/a/b.md": CARD, "content/a/_collection.yml": 'order: 1\npublicTitle: "Pay \\u202Eylkeew"\ndescription: "Refunds\\u0000"\n' });
    const run = await lintJson(dir, ["--today", "2026-12-06", "--no-cache"]);
    const hits = flatMessages(run.results, dir).filter((m) => m.ruleId === "collection-config");
    expect(hits.map((m) => m.line).sort()).toEqual([2, 3]);
    expect(hits.map((m) => m.message).join("\n")).toMatch(/"publicTitle" holds an invisible control character \(U\+202E/);
  });
});

describe("style-guide/synonyms.yml and .github/CODEOWNERS", () => {
  it("a synonyms.yml folder is a synonyms error, not EISDIR", async () => {
    const dir = makeProject({ "content/a/b.md": CARD });
    mkdirSync(path.join(dir, "style-guide/synonyms.yml"), { recursive: true });
    const run = await lintJson(dir, ["--today", "2026-12-06", "--no-cache"]);
    expectNoCrash(run.stderr);
    const hit = flatMessages(run.results, dir).find((m) => m.ruleId === "synonyms");
    expect(hit?.message).toContain("style-guide/synonyms.yml is a folder or another special file");
  });

  it("a CODEOWNERS folder is a usage error; a CODEOWNERS not in UTF-8 is left as it is", async () => {
    const dir = makeProject({ "content/a/b.md": CARD });
    mkdirSync(path.join(dir, ".github/CODEOWNERS"), { recursive: true });
    for (const argv of [["codeowners"], ["codeowners", "--check"]]) {
      const result = await runCli(argv, { cwd: dir });
      expectNoCrash(result.stderr);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(".github/CODEOWNERS:1: the file is a folder or another special file");
    }
    rmSync(path.join(dir, ".github/CODEOWNERS"), { recursive: true });
    // The hand-written part above the marker is kept: read as UTF-8 it would be written back with U+FFFD in it.
    const handWritten = Buffer.from("# Owners: Jos\xe9\n* @acme/admins\n", "latin1");
    writeFileSync(path.join(dir, ".github/CODEOWNERS"), handWritten);
    const result = await runCli(["codeowners"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(".github/CODEOWNERS:1: the file is not valid UTF-8 text");
    expect(readFileSync(path.join(dir, ".github/CODEOWNERS")).equals(handWritten)).toBe(true);
  });
});

describe("a NUL in a settings file the sites publish from", () => {
  // git shows a file with a NUL as binary: a pull request's change to it (a group's words, a collection's publicTitle) goes unreviewed.
  it.each([
    ["style-guide/synonyms.yml", "- en: [refund, money back]  # \u0000\n", "synonyms"],
    ["content/a/_collection.yml", "title: A\npublicTitle: Help  # \u0000\n", "collection-config"],
  ])("%s is an error at its line, as in a card", async (file, text, ruleId) => {
    const dir = makeProject({ "verity.config.yml": "minTrustScore: 0\n", "content/a/b.md": CARD, [file]: text });
    const run = await lintJson(dir, ["--today", "2026-12-06", "--no-cache"]);
    expectNoCrash(run.stderr);
    expect(run.code).toBe(1);
    const hit = flatMessages(run.results, dir).find((m) => m.ruleId === ruleId);
    expect(hit?.message).toMatch(/invisible control character \(U\+0000\)/);
    expect(hit?.line).toBe(text.split("\n").length - 1);
  });
});
