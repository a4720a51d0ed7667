/**
 * `verity report --out` and `verity audit --out` naming a symbolic link to a file: a committed
 * `reports/knowledge-report.html` link would have its target (any file the job can write) replaced
 * by the scheduled report. The link is refused, as `verity new` and `verify` refuse to write through
 * one, and nothing is written.
 */
import { readFileSync, rmSync, symlinkSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "./cli.ts";
import { cardText, createTempRepo, type TempRepo } from "./git-repo.ts";

let repo: TempRepo | undefined;
afterEach(() => {
  if (repo) rmSync(repo.root, { recursive: true, force: true });
  repo = undefined;
});

describe("--out through a symbolic link", () => {
  it.each([
    ["report", ["report", "--format", "html"]],
    ["audit", ["audit"]],
  ])("%s --out refuses a link to a file, naming it, and leaves the target as it was", async (_name, args) => {
    repo = createTempRepo();
    repo.write({ "verity.config.yml": "warnDays: 14\n", "content/a/_collection.yml": "title: A\n", "content/a/one.md": cardText({ owner: '"@a"', verify_by: "2026-12-31" }), "notes/keep.txt": "precious\n", "reports/.keep": "" });
    repo.commit("Start", "2026-01-10");
    symlinkSync("../notes/keep.txt", path.join(repo.root, "reports", "knowledge-report.html"));
    const result = await runCli([...args, "--out", "reports/knowledge-report.html", "--today", "2026-11-15"], repo.root);
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--out reports/knowledge-report.html is a symbolic link (to ../notes/keep.txt)");
    expect(readFileSync(path.join(repo.root, "notes", "keep.txt"), "utf8")).toBe("precious\n");
  });
});
