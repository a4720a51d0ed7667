/** The demo cards in content/ follow the style guide: no error-level alert, and few warnings. */
import { cpSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lintJson, makeProject, removeTemps, REPO_ROOT, runCli, type EslintResult } from "../helpers.ts";

afterAll(removeTemps);

const TODAY = ["--today", "2026-11-22"];

function summarise(results: EslintResult[]): { errors: string[]; warnings: string[] } {
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const result of results) {
    for (const m of result.messages) (m.severity === 2 ? errors : warnings).push(`${result.filePath}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
  }
  return { errors, warnings };
}

describe("the demo content against the style guide", () => {
  it("verity style content reports no errors and at most 5 warnings", async () => {
    const { code, stdout, stderr } = await runCli(["style", "content", "--format", "json"], { cwd: REPO_ROOT });
    expect(stderr).toBe("");
    const results = JSON.parse(stdout) as EslintResult[];
    expect(results.length).toBeGreaterThanOrEqual(40);
    const { errors, warnings } = summarise(results);
    expect(errors).toEqual([]);
    expect(warnings.length, warnings.join("\n")).toBeLessThanOrEqual(5);
    expect(code).toBe(0);
  });

  it("the same run reports the style fixtures, so the guide's rules are really on", async () => {
    const { code, stdout } = await runCli(["style", "tests/fixtures/style-guide", "--format", "json"], { cwd: REPO_ROOT });
    const rules = new Set((JSON.parse(stdout) as EslintResult[]).flatMap((r) => r.messages.map((m) => m.ruleId)));
    expect([...rules].sort()).toEqual(["image-alt", "korean-speech-level", "link-text"]);
    expect(code).toBe(1);
  });

  it("verity lint reports no errors on the demo project", async () => {
    const { code, results } = await lintJson(REPO_ROOT, TODAY);
    const { errors } = summarise(results);
    expect(errors).toEqual([]);
    expect(code).toBe(0);
  });

  it("verity lint runs the guide: the same project with one off-style card fails", async () => {
    const dir = makeProject({
      "verity.config.yml": "contentDir: content\n",
      "content/billing/bad.md":
        '---\ntitle: Bad card\nowner: "@lumen/docs"\naudience: external\nverify_by: 2027-05-14\ntemplate: how-to\n---\n\n' +
        "## Before you start\n\n## Steps\n\nSend an e-mail, then [click here](bad.md).\n\n## Result\n\nDone.\n",
    });
    cpSync(path.join(REPO_ROOT, ".vale.ini"), path.join(dir, ".vale.ini"));
    cpSync(path.join(REPO_ROOT, "style-guide"), path.join(dir, "style-guide"), { recursive: true });
    const { code, results } = await lintJson(dir, TODAY);
    const messages = results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.ruleId}`));
    expect(messages).toEqual(["13:Verity.Terms", "13:link-text"]);
    expect(code).toBe(1);
  });

  it("a card made from each template with verity new passes the guide", async () => {
    const dir = makeProject({ "verity.config.yml": "contentDir: content\n", "content/billing/_collection.yml": "title: Billing\n" });
    cpSync(path.join(REPO_ROOT, ".vale.ini"), path.join(dir, ".vale.ini"));
    cpSync(path.join(REPO_ROOT, "style-guide"), path.join(dir, "style-guide"), { recursive: true });
    const templates = ["how-to", "troubleshooting", "faq", "internal-policy", "feature-detail", "call-review"];
    for (const template of templates) {
      const audience = template === "internal-policy" || template === "call-review" ? [] : ["--audience", "external"];
      const made = await runCli(["new", template, `billing/new-${template}`, "--title", `New ${template} card`, "--owner", "@lumen/docs", ...audience, ...TODAY], { cwd: dir });
      expect(made.code, made.stderr).toBe(0);
    }
    const { code, results } = await lintJson(dir, TODAY);
    expect(results.map((r) => path.basename(r.filePath)).sort()).toEqual(templates.map((t) => `new-${t}.md`).sort());
    expect(results.flatMap((r) => r.messages)).toEqual([]);
    expect(code).toBe(0);
  });
});
