/** The demo cards in content/ follow the style guide: no error-level alert, and few warnings. */
import { describe, expect, it } from "vitest";
import { lintJson, REPO_ROOT, runCli, type EslintResult } from "../helpers.ts";

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
});
