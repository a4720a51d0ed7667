import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { makeTempDir, removeTemps, runCli } from "../helpers.ts";
import { FIXTURE_PROJECT } from "./helpers.ts";

afterEach(removeTemps);

const CARD = (body: string, key = "verify_by") =>
  `---\ntitle: Refunds\nowner: "@acme/billing"\naudience: external\n${key}: 2099-01-01\n---\n\n${body}\n`;

function cardProject(cards: Record<string, string>): string {
  const dir = makeTempDir("verity-lint-style-");
  cpSync(FIXTURE_PROJECT, dir, { recursive: true });
  for (const [rel, text] of Object.entries(cards)) {
    mkdirSync(path.dirname(path.join(dir, "content", rel)), { recursive: true });
    writeFileSync(path.join(dir, "content", rel), text);
  }
  return dir;
}

interface JsonResult {
  filePath: string;
  messages: { ruleId: string; line: number; column: number }[];
}

async function lintJson(dir: string, extra: string[] = []): Promise<{ code: number; results: JsonResult[]; stderr: string }> {
  const result = await runCli(["lint", "--format", "json", "--today", "2026-01-01", ...extra], { cwd: dir });
  return { code: result.code, results: JSON.parse(result.stdout) as JsonResult[], stderr: result.stderr };
}

const styleIds = (results: JsonResult[]) => results.flatMap((r) => r.messages.filter((m) => m.ruleId.startsWith("Test.")).map((m) => `${path.basename(r.filePath)}:${m.line}:${m.column}:${m.ruleId}`));

describe("verity lint with the style guide", () => {
  it("reports each card's style alerts once, with the card rules", async () => {
    const dir = cardProject({ "billing/refunds.md": CARD("We utilize the refund form."), "billing/clean.md": CARD("Use the refund form.") });
    const { code, results } = await lintJson(dir);
    expect(styleIds(results)).toEqual(["refunds.md:8:4:Test.Existence"]);
    expect(code).toBe(1);
  });

  it("caches per-card findings by content and sees a changed card", async () => {
    const dir = cardProject({ "billing/refunds.md": CARD("We utilize the refund form.") });
    expect(styleIds((await lintJson(dir)).results)).toEqual(["refunds.md:8:4:Test.Existence"]);
    const cacheFile = path.join(dir, ".verity-cache", "lint.json");
    expect(existsSync(cacheFile)).toBe(true);
    expect(styleIds((await lintJson(dir)).results)).toEqual(["refunds.md:8:4:Test.Existence"]);
    writeFileSync(path.join(dir, "content", "billing", "refunds.md"), CARD("We leverage the refund form."));
    expect(styleIds((await lintJson(dir)).results)).toEqual(["refunds.md:8:4:Test.Existence"]);
    writeFileSync(path.join(dir, "content", "billing", "refunds.md"), CARD("Use the refund form."));
    expect(styleIds((await lintJson(dir)).results)).toEqual([]);
  });

  it("an unchanged project replays the previous run from .verity-cache/lint-run.json; any change recomputes", async () => {
    const dir = cardProject({ "billing/refunds.md": CARD("We utilize the refund form.") });
    await lintJson(dir);
    const runFile = path.join(dir, ".verity-cache", "lint-run.json");
    // Each card's own findings are stored as [files, findings of each file].
    const cached = JSON.parse(readFileSync(runFile, "utf8")) as { own: [string[], { ruleId: string }[][]] };
    for (const finding of cached.own[1].flat()) if (finding.ruleId === "Test.Existence") finding.ruleId = "Test.FromCache";
    writeFileSync(runFile, JSON.stringify(cached));
    expect((await lintJson(dir)).results.flatMap((r) => r.messages.map((m) => m.ruleId))).toContain("Test.FromCache");
    expect((await lintJson(dir, ["--today", "2026-01-02"])).results.flatMap((r) => r.messages.map((m) => m.ruleId))).toContain("Test.Existence");
    writeFileSync(path.join(dir, "content", "billing", "other.md"), CARD("Plain text."));
    const after = await lintJson(dir);
    expect(styleIds(after.results)).toEqual(["refunds.md:8:4:Test.Existence"]);
  });

  it("a changed rule file invalidates the cache", async () => {
    const dir = cardProject({ "billing/refunds.md": CARD("We utilize the refund form.") });
    await lintJson(dir);
    writeFileSync(path.join(dir, "styles", "Test", "Existence.yml"), "extends: existence\nmessage: \"Avoid '%s'.\"\nlevel: error\ntokens:\n  - refund\n");
    expect(styleIds((await lintJson(dir)).results)).toEqual(["refunds.md:8:16:Test.Existence"]);
  });

  it("--no-cache neither reads nor writes the cache", async () => {
    const dir = cardProject({ "billing/refunds.md": CARD("We utilize the refund form.") });
    await lintJson(dir, ["--no-cache"]);
    expect(existsSync(path.join(dir, ".verity-cache", "lint.json"))).toBe(false);
    expect(existsSync(path.join(dir, ".verity-cache", "lint-run.json"))).toBe(false);
  });

  it("--fix renames verify-by and applies style fixes; --dry-run only prints the diff", async () => {
    const dir = cardProject({ "billing/refunds.md": CARD("Send an e-mail to get a refund.", "verify-by") });
    const file = path.join(dir, "content", "billing", "refunds.md");
    const dry = await runCli(["lint", "--fix", "--dry-run", "--today", "2026-01-01"], { cwd: dir });
    expect(dry.stdout).toContain("-verify-by: 2099-01-01");
    expect(dry.stdout).toContain("+verify_by: 2099-01-01");
    expect(dry.stdout).toContain("+Send an email to get a refund.");
    expect(readFileSync(file, "utf8")).toBe(CARD("Send an e-mail to get a refund.", "verify-by"));
    const fixed = await runCli(["lint", "--fix", "--today", "2026-01-01"], { cwd: dir });
    expect(fixed.stderr).toContain("fixed 2 problems in 1 file");
    expect(readFileSync(file, "utf8")).toBe(CARD("Send an email to get a refund."));
    const again = await runCli(["lint", "--fix", "--today", "2026-01-01"], { cwd: dir });
    expect(again.stderr).toContain("fixed 0 problems in 0 files");
  });

  // With both keys set, --fix renamed verify-by to verify_by: the card then held verify_by twice,
  // which is invalid YAML, a worse error than the one it was asked to fix.
  it("--fix leaves verify-by alone when verify_by is set too", async () => {
    const text = CARD("Text.").replace("verify_by: 2099-01-01\n", "verify-by: 2098-01-01\nverify_by: 2099-01-01\n");
    const dir = cardProject({ "billing/refunds.md": text });
    const file = path.join(dir, "content", "billing", "refunds.md");
    const fixed = await runCli(["lint", "--fix", "--today", "2026-01-01"], { cwd: dir });
    expect(readFileSync(file, "utf8")).toBe(text);
    expect(fixed.stdout).toContain('Both "verify-by" and "verify_by" are set');
    expect(fixed.stdout).not.toContain("frontmatter-yaml");
    expect(fixed.code).toBe(1);
  });
});

describe("the whole-run cache and symbolic links", () => {
  it("re-lints when a symlink inside content/ points somewhere else", async () => {
    const { symlinkSync, unlinkSync, writeFileSync, mkdirSync } = await import("node:fs");
    const { makeProject, makeTempDir } = await import("../helpers.ts");
    const card = (title: string) => `---\ntitle: ${title}\nowner: "@a"\naudience: external\nverify_by: 2027-01-01\n---\n\nText.\n`;
    const dir = makeProject({ "content/a/real.md": card("Real"), "content/b/keep.md": card("Keep") });
    const outside = makeTempDir();
    writeFileSync(`${outside}/x.md`, card("Outside"));
    mkdirSync(`${dir}/content/c`);
    symlinkSync(`${dir}/content/a/real.md`, `${dir}/content/c/link.md`);
    const first = await lintJson(dir, ["--today", "2026-11-22"]);
    expect(first.code).toBe(1);
    expect(first.results.flatMap((r) => r.messages.map((m) => m.ruleId))).toEqual(["file-symlink"]);
    expect(JSON.stringify(first.results)).toMatch(/symbolic link to a\/real\.md/);
    unlinkSync(`${dir}/content/c/link.md`);
    symlinkSync(`${outside}/x.md`, `${dir}/content/c/link.md`);
    const second = await lintJson(dir, ["--today", "2026-11-22"]);
    expect(second.code).toBe(1);
    expect(second.results.flatMap((r) => r.messages.map((m) => m.ruleId))).toEqual(["file-symlink"]);
    expect(JSON.stringify(second.results)).toMatch(/leads outside the content folder/);
  });
});
