/**
 * The rule registry: the RuleTester runs every rule's valid and invalid examples through
 * `verity lint`, the README's rule tables equal the registry, and `rules:` is validated.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ALL_RULES } from "../../src/core/lint/registry.ts";
import type { RuleExample } from "../../src/core/lint/rule-model.ts";
import { RULES_DOC, updateRuleTables } from "../../src/core/lint/rules-doc.ts";
import { exampleCard } from "../../src/core/lint/rule-model.ts";
import { flatMessages, lintJson, makeProject, makeTempDir, removeTemps, REPO_ROOT, runCli } from "../helpers.ts";

afterAll(removeTemps);

const TODAY = "2027-01-01";

function writeFiles(dir: string, files: RuleExample["files"] | Record<string, string>): void {
  for (const [rel, content] of Object.entries(files)) {
    const full = path.join(dir, rel);
    mkdirSync(path.dirname(full), { recursive: true });
    if (typeof content === "object" && !(content instanceof Uint8Array)) symlinkSync(content.symlink, full);
    else writeFileSync(full, content);
  }
}

/** Runs one example and returns the rule ids it reported (exit code 2 = a configuration error). */
async function runExample(example: RuleExample): Promise<string[]> {
  const dir = makeTempDir();
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, stdio: "pipe", env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@t", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@t" } });
  const extra = ["--today", TODAY, "--no-cache"];
  if (example.before) {
    git("init", "-q", "-b", "main");
    writeFiles(dir, { "verity.config.yml": "minTrustScore: 0\n", ...example.before });
    git("add", "-A");
    git("commit", "-qm", "before");
    git("checkout", "-qb", "work");
    for (const rel of Object.keys(example.before)) if (!(rel in example.files)) rmSync(path.join(dir, rel));
    writeFiles(dir, example.files);
    git("add", "-A");
    git("commit", "-qm", "after");
    if (example.later) {
      // A minute later, so the order of the two commits never depends on the clock's second.
      const later = new Date(Date.now() + 60_000).toISOString();
      writeFiles(dir, example.later);
      git("add", "-A");
      execFileSync("git", ["commit", "-qm", "later"], { cwd: dir, stdio: "pipe", env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@t", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@t", GIT_AUTHOR_DATE: later, GIT_COMMITTER_DATE: later } });
    }
    extra.push("--changed", "main");
  } else {
    if (!("verity.config.yml" in example.files)) writeFileSync(path.join(dir, "verity.config.yml"), "minTrustScore: 50\n");
    writeFiles(dir, example.files);
  }
  const { results, code } = await lintJson(dir, extra);
  expect(code, `exit code of "${example.name}"`).not.toBe(2);
  return flatMessages(results, dir).map((m) => m.ruleId);
}

describe("RuleTester: every rule's examples", () => {
  for (const rule of ALL_RULES) {
    describe(rule.meta.id, () => {
      it("declares at least one valid and one invalid example", () => {
        expect(rule.examples.valid.length).toBeGreaterThan(0);
        expect(rule.examples.invalid.length).toBeGreaterThan(0);
      });
      for (const example of rule.examples.valid) {
        it(`valid: ${example.name}`, async () => expect(await runExample(example)).not.toContain(rule.meta.id));
      }
      for (const example of rule.examples.invalid) {
        it(`invalid: ${example.name}`, async () => expect(await runExample(example)).toContain(rule.meta.id));
      }
    });
  }
});

describe("the registry", () => {
  it("gives every rule a description, a documentation link and a unique id", () => {
    const ids = ALL_RULES.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { meta } of ALL_RULES) {
      expect(meta.description.length, meta.id).toBeGreaterThan(10);
      expect(meta.docsUrl, meta.id).toMatch(/\.md#/);
    }
  });
  it(`matches the rule tables of ${RULES_DOC} (run npm run docs:rules after changing a rule)`, () => {
    const doc = readFileSync(path.join(REPO_ROOT, RULES_DOC), "utf8");
    expect(updateRuleTables(doc)).toBe(doc);
  });
  it("hands descriptions and help links to SARIF", async () => {
    const dir = makeProject({ "content/a/card.md": exampleCard({}, "See [x](missing.md).\n") });
    const { stdout } = await runCli(["lint", "--format", "sarif", "--today", TODAY], { cwd: dir });
    const rules = JSON.parse(stdout).runs[0].tool.driver.rules as { id: string; shortDescription: { text: string }; helpUri?: string }[];
    expect(rules).toContainEqual(expect.objectContaining({ id: "link-broken", helpUri: "docs/rules.md#rule-link-broken" }));
    expect(rules.find((r) => r.id === "link-broken")!.shortDescription.text).toMatch(/does not exist/);
  });
});

describe("rules: in verity.config.yml", () => {
  const card = { "content/a/card.md": exampleCard() };
  it("rejects an unknown rule id with the nearest known one", async () => {
    const dir = makeProject({ ...card, "verity.config.yml": "rules:\n  sentense-length: off\n" });
    const { code, stderr } = await runCli(["lint"], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toContain("verity.config.yml:2: unknown rule sentense-length; did you mean sentence-length?");
  });
  it("refuses to lower a mandatory rule, so a broken card cannot silently vanish", async () => {
    const dir = makeProject({ "content/a/card.md": exampleCard({ owner: "" }), "verity.config.yml": "rules:\n  frontmatter-schema: suggestion\n" });
    const { code, stderr } = await runCli(["lint"], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toMatch(/verity\.config\.yml:2: rule frontmatter-schema is mandatory and cannot be set to suggestion/);
  });
  it("accepts remark-lint rule ids", async () => {
    const dir = makeProject({ ...card, "verity.config.yml": "rules:\n  remark-lint:no-duplicate-headings: warning\n" });
    expect((await runCli(["lint", "--today", TODAY], { cwd: dir })).code).toBe(0);
  });
});
