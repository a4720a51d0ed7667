/** `verity verify` writes atomically and never overwrites an edit made while it worked. */
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, linkSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { applyVerify, planVerify } from "../../src/app/verify.ts";
import { ConcurrentEditError, replaceFileIfUnchanged } from "../../src/core/cards/safe-write.ts";
import { makeProject, makeTempDir, REPO_ROOT, removeTemps, runCli } from "../helpers.ts";
import { cardText } from "./git-repo.ts";

afterAll(removeTemps);

describe("replaceFileIfUnchanged", () => {
  it("replaces the file through a temporary file, keeping its mode and leaving no temporary file", () => {
    const dir = makeTempDir();
    const file = path.join(dir, "card.md");
    writeFileSync(file, "old\n");
    chmodSync(file, 0o640);
    replaceFileIfUnchanged(file, "old\n", "new\n");
    expect(readFileSync(file, "utf8")).toBe("new\n");
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(["card.md"]);
  });

  it("refuses, and writes nothing, when the file changed since it was read", () => {
    const dir = makeTempDir();
    const file = path.join(dir, "card.md");
    writeFileSync(file, "old\n");
    const read = readFileSync(file, "utf8");
    writeFileSync(file, "old\nline added by another editor\n");
    expect(() => replaceFileIfUnchanged(file, read, "new\n", "content/a/card.md")).toThrow(ConcurrentEditError);
    expect(() => replaceFileIfUnchanged(file, read, "new\n", "content/a/card.md")).toThrow(/content\/a\/card\.md changed while verity was working on it/);
    expect(readFileSync(file, "utf8")).toBe("old\nline added by another editor\n");
    expect(readdirSync(dir)).toEqual(["card.md"]);
  });

  it("replaces the target of a symbolic link and keeps the link", () => {
    const dir = makeTempDir();
    writeFileSync(path.join(dir, "real.md"), "old\n");
    symlinkSync("real.md", path.join(dir, "link.md"));
    replaceFileIfUnchanged(path.join(dir, "link.md"), "old\n", "new\n");
    expect(readFileSync(path.join(dir, "real.md"), "utf8")).toBe("new\n");
    expect(statSync(path.join(dir, "link.md")).isFile()).toBe(true);
  });
});

describe("a card with other names (hard links)", () => {
  it("is replaced whole, a file of its own; the other names keep the text they had, and the caller is told how many there were", () => {
    const dir = makeTempDir();
    const file = path.join(dir, "card.md");
    writeFileSync(file, "old\n");
    linkSync(file, path.join(dir, "backup.md"));
    expect(replaceFileIfUnchanged(file, "old\n", "new\n")).toEqual({ otherNames: 1 });
    expect(readFileSync(file, "utf8")).toBe("new\n");
    expect(readFileSync(path.join(dir, "backup.md"), "utf8")).toBe("old\n");
    expect(statSync(file).nlink).toBe(1);
    expect(replaceFileIfUnchanged(file, "new\n", "newer\n")).toEqual({ otherNames: 0 });
  });

  it("verity verify says so: nothing written is lost, the other name keeps the text it had", async () => {
    const dir = makeProject({ "content/a/card.md": cardText({ verify_by: "2026-11-01" }, "Body.\n") });
    const file = path.join(dir, "content/a/card.md");
    const other = path.join(makeTempDir(), "card-copy.md");
    linkSync(file, other);
    const result = await runCli(["verify", "content/a/card.md", "--by", "@tester", "--today", "2026-11-22"], { cwd: dir });
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("content/a/card.md had another name (a hard link): it is now a file of its own, and the other name keeps the text it had.");
    expect(readFileSync(file, "utf8")).toContain("verified_by:");
    expect(readFileSync(other, "utf8")).toContain("verify_by: 2026-11-01");
  });
});

describe("verify (application layer)", () => {
  it("refuses a card edited between loading and writing, and keeps the edit", async () => {
    const dir = makeProject({ "content/a/card.md": cardText({ verify_by: "2026-11-01" }, "Body.\n"), "content/a/other.md": cardText({ verify_by: "2026-11-01" }, "Other.\n") });
    const file = path.join(dir, "content/a/card.md");
    const planned = await planVerify({ project: { cwd: dir, today: "2026-11-22" }, targets: ["content/a"], by: "@tester", statuses: [] });
    expect(planned.plans).toHaveLength(2);
    writeFileSync(file, readFileSync(file, "utf8") + "A line written by someone else.\n");
    const result = await applyVerify(planned);
    expect(result.refused.map((c) => c.relPath)).toEqual(["content/a/card.md"]);
    expect(readFileSync(file, "utf8")).toContain("verify_by: 2026-11-01");
    expect(readFileSync(file, "utf8")).toContain("A line written by someone else.");
    expect(readFileSync(path.join(dir, "content/a/other.md"), "utf8")).toContain("verified_by:");
    expect(readdirSync(path.join(dir, "content/a")).sort()).toEqual(["card.md", "other.md"]);
  });
});

describe("verity verify with another process editing the card", () => {
  it("loses no line: every run either verifies the card or refuses with a clear message", async () => {
    const dir = makeProject({ "content/a/card.md": cardText({ verify_by: "2026-11-01" }, "Body.\n") });
    const file = path.join(dir, "content/a/card.md");
    const LINES = 300;
    const writer = spawn(process.execPath, [
      "-e",
      `const fs = require("fs"); let i = 0; const t = setInterval(() => { fs.appendFileSync(${JSON.stringify(file)}, "appended line " + i + "\\n"); if (++i === ${LINES}) clearInterval(t); }, 1);`,
    ]);
    const done = new Promise((resolve) => writer.on("exit", resolve));
    let finished = false;
    void done.then(() => (finished = true));
    const outcomes = new Set<number>();
    for (let run = 0; run < 20 || !finished; run++) {
      const result = await runCli(["verify", "content/a/card.md", "--by", "@tester", "--today", "2026-11-22"], { cwd: dir });
      outcomes.add(result.code);
      if (result.code !== 0) expect(result.stderr).toContain("changed while verity was working on it");
      if (run > 500) break;
    }
    await done;
    const text = readFileSync(file, "utf8");
    for (let i = 0; i < LINES; i++) expect(text).toContain(`appended line ${i}\n`);
    expect([...outcomes].every((code) => code === 0 || code === 1)).toBe(true);
    expect(text).toContain("verified_by: \"@tester\"");
  });
});

describe("verity verify with a write cut short", () => {
  // One write() call wrote the new text: when the system took part of it (a full disk, a file-size
  // limit), the first 1024 bytes replaced the card and verify said "Verified 1 card", exit 0.
  it("leaves the card whole and says it could not be written", () => {
    const dir = makeProject({ "content/a/card.md": cardText({ verify_by: "2026-11-01" }, `${"A line of the body.\n".repeat(100)}The last line.\n`) });
    const file = path.join(dir, "content/a/card.md");
    const before = readFileSync(file, "utf8");
    const bin = path.join(REPO_ROOT, "cli", "bin.js");
    const args = [bin, "verify", "content/a/card.md", "--by", "@tester", "--today", "2026-11-22"];
    const cut = spawnSync("/bin/sh", ["-c", 'ulimit -f 1; exec "$0" "$@"', process.execPath, ...args], { cwd: dir, encoding: "utf8" });
    expect(cut.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(cut.stderr).toContain("content/a/card.md");
    expect(cut.status).toBe(2);
    expect(readFileSync(file, "utf8")).toBe(before);
    expect(readdirSync(path.dirname(file))).toEqual(["card.md"]);
  });
});
