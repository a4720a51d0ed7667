/**
 * Lint's record of the files it read (file-states.ts) and the per-card cache's appended lines
 * (card-cache.ts): an unchanged file is not read again, every real edit is seen (even one that
 * keeps the size and puts the old modification time back), a file edited just before it was
 * recorded is read again, and the card cache appends a changed card's line instead of rewriting
 * every line, and still reads right after an append cut short.
 */
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openFileStates } from "../../src/core/lint/file-states.ts";
import { readRegularFile } from "../../src/core/cards/safe-read.ts";
import { exampleCard } from "../../src/core/lint/rule-model.ts";
import { flatMessages, makeProject, removeTemps, runCli } from "../helpers.ts";

afterAll(removeTemps);

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "verity-states-"));
  dirs.push(dir);
  return dir;
}

/** A clock a minute ahead: files written by the test count as long unchanged (not "just edited"). */
const later = () => Date.now() + 60_000;

describe("file states", () => {
  it("answers an unchanged file from the record, without reading it", () => {
    const dir = tempDir();
    const file = path.join(dir, "a.md");
    writeFileSync(file, "one\n");
    const store = path.join(dir, "files.json");
    const first = openFileStates(store, dir, later).hashOf(file);
    expect(first.bytes?.toString()).toBe("one\n");
    const states = openFileStates(store, dir, later);
    states.hashOf(file);
    states.save();
    const again = openFileStates(store, dir).hashOf(file);
    expect(again.bytes).toBeUndefined(); // not read
    expect(again.hash).toBe(first.hash);
  });

  it("writes the store again only when an entry changed or a file is gone, and then without the gone file", () => {
    const dir = tempDir();
    const [a, b] = [path.join(dir, "a.md"), path.join(dir, "b.md")];
    writeFileSync(a, "a\n");
    writeFileSync(b, "b\n");
    const store = path.join(dir, "files.json");
    const first = openFileStates(store, dir, later);
    first.hashOf(a);
    first.hashOf(b);
    first.save();
    const written = readFileSync(store, "utf8");
    expect(JSON.parse(written).paths).toEqual(["a.md", "b.md"]);
    // Both seen, neither changed: nothing to write.
    writeFileSync(store, `${written}\n`);
    const same = openFileStates(store, dir, later);
    same.hashOf(b);
    same.hashOf(a);
    same.hashOf(a);
    same.save();
    expect(readFileSync(store, "utf8")).toBe(`${written}\n`);
    // b.md is gone: the store is written without it, even though a.md alone is unchanged.
    rmSync(b);
    const gone = openFileStates(store, dir, later);
    gone.hashOf(a);
    gone.hashOf(a);
    gone.save();
    expect(JSON.parse(readFileSync(store, "utf8")).paths).toEqual(["a.md"]);
  });

  it("sees an edit that keeps the size and puts the old modification time back", () => {
    const dir = tempDir();
    const file = path.join(dir, "a.md");
    writeFileSync(file, "one\n");
    const store = path.join(dir, "files.json");
    const states = openFileStates(store, dir, later);
    const before = states.hashOf(file);
    states.save();
    const { atime, mtime } = statSync(file);
    writeFileSync(file, "two\n");
    utimesSync(file, atime, mtime); // same size, same mtime: the change time still moved
    const after = openFileStates(store, dir).hashOf(file);
    expect(after.bytes?.toString()).toBe("two\n");
    expect(after.hash).not.toBe(before.hash);
  });

  it("reads again a file that was modified just before it was recorded", () => {
    const dir = tempDir();
    const file = path.join(dir, "a.md");
    writeFileSync(file, "fresh\n"); // modified now: racy
    const store = path.join(dir, "files.json");
    const states = openFileStates(store, dir);
    states.hashOf(file);
    states.save();
    expect(openFileStates(store, dir).hashOf(file).bytes?.toString()).toBe("fresh\n");
    // Recorded two seconds and more after its last change, it is trusted.
    const recorded = openFileStates(store, dir, () => Date.now() + 5000);
    recorded.hashOf(file);
    recorded.save();
    expect(openFileStates(store, dir).hashOf(file).bytes).toBeUndefined();
  });

  it("ignores a damaged record", () => {
    const dir = tempDir();
    const file = path.join(dir, "a.md");
    writeFileSync(file, "one\n");
    const store = path.join(dir, "files.json");
    writeFileSync(store, '{"version":2,"paths":["a.md"],"numbers":[1,2');
    expect(openFileStates(store, dir).hashOf(file).bytes?.toString()).toBe("one\n");
    // Whole JSON, but the columns do not line up: every entry is dropped, none is misread.
    const size = statSync(file).size;
    writeFileSync(store, JSON.stringify({ version: 2, paths: ["a.md"], numbers: [size, 0, 0, 0], hashes: ["0".repeat(40)] }));
    expect(openFileStates(store, dir).hashOf(file).bytes?.toString()).toBe("one\n");
  });
});

describe("reading a card file", () => {
  it("never follows a symbolic link, and checks the size before reading", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "secret.txt"), "secret\n");
    symlinkSync(path.join(dir, "secret.txt"), path.join(dir, "card.md"));
    expect(readRegularFile(path.join(dir, "card.md")).kind).toBe("symlink");
    writeFileSync(path.join(dir, "big.md"), "x".repeat(100));
    expect(readRegularFile(path.join(dir, "big.md"), 10)).toEqual({ kind: "too-large", size: 100 });
    const read = readRegularFile(path.join(dir, "big.md"), 100);
    expect(read.kind === "read" && read.bytes.length).toBe(100);
  });
});

const CARD_CACHE = path.join(".verity-cache", "lint-cards.json");

async function lintRows(dir: string, extra: string[] = []): Promise<string[]> {
  const { stdout, stderr } = await runCli(["lint", "--format", "json", "--today", "2027-01-01", ...extra], { cwd: dir });
  if (stderr.includes("internal error")) throw new Error(stderr);
  const results = stdout.trim() ? JSON.parse(stdout) : [];
  return flatMessages(results, dir)
    .map((m) => `${m.file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`)
    .sort();
}

describe("lint with recorded file states and an appended card cache", () => {
  function project(): string {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`content/a/card-${i}.md`] = exampleCard({ title: `Card ${i}`, audience: "external" }, `Some text for card ${i}.\n`);
    files["content/a/linker.md"] = exampleCard({ title: "Linker" }, "See [card 3](card-3.md).\n");
    return makeProject(files);
  }

  it("appends the edited card's line, reads its new text, and agrees with an uncached run", async () => {
    const dir = project();
    await lintRows(dir);
    const lines = () => readFileSync(path.join(dir, CARD_CACHE), "utf8").trimEnd().split("\n").length;
    const rowsBefore = lines();
    expect(rowsBefore).toBe(1 + 13); // header and one line per card

    // The edit keeps the size and the modification time.
    const card = path.join(dir, "content/a/card-3.md");
    const { atime, mtime } = statSync(card);
    writeFileSync(card, readFileSync(card, "utf8").replace("Some text for card 3.", "Ssome text for crd 3."));
    utimesSync(card, atime, mtime);
    // Without the run record, the full lint runs (not the re-check of the edited card alone).
    rmSync(path.join(dir, ".verity-cache", "lint-run.json"));
    const rows = await lintRows(dir);
    expect(rows).toEqual(await lintRows(dir, ["--no-cache"]));
    expect(lines()).toBe(rowsBefore + 1); // appended, not rewritten

    // An append cut short (a run stopped half-way) is skipped when read, and the results stay right.
    appendFileSync(path.join(dir, CARD_CACHE), '"content/a/card-3.md"\tdeadbeef\t');
    writeFileSync(card, readFileSync(card, "utf8").replace("Ssome", "Some"));
    expect(await lintRows(dir)).toEqual(await lintRows(dir, ["--no-cache"]));
  });
});
