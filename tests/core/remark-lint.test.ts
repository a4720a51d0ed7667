/**
 * A project's own remark-lint configuration runs in lint's unified pass over satteri's tree, with
 * its findings reported like every other (`remark-lint:<rule>`), at the levels it configures.
 */
import { afterAll, describe, expect, it } from "vitest";
import { exampleCard } from "../../src/core/lint/rule-model.ts";
import { flatMessages, lintJson, makeProject, removeTemps, runCli } from "../helpers.ts";

afterAll(removeTemps);

const TODAY = ["--today", "2027-01-01", "--no-cache"];
const card = exampleCard({}, "Visit https://example.com now.\n\n[x]: https://a.example\n[x]: https://b.example\n\nSee [the site][x].\n");

async function remarkFindings(files: Record<string, string>) {
  const dir = makeProject({ "content/a/card.md": card, ...files });
  const { code, results, stderr } = await lintJson(dir, TODAY);
  const messages = flatMessages(results, dir).filter((m) => m.ruleId.startsWith("remark-lint:"));
  return { code, stderr, rules: messages.map((m) => `${m.line}:${m.ruleId}:${m.severity}`) };
}

describe("a project's remark-lint configuration", () => {
  it("runs remark-preset-lint-recommended from .remarkrc.json, with levels from the configuration", async () => {
    const result = await remarkFindings({ ".remarkrc.json": JSON.stringify({ plugins: ["remark-preset-lint-recommended", ["remark-lint-no-literal-urls", ["error"]]] }) });
    expect(result.rules).toEqual(["8:remark-lint:no-literal-urls:2", "11:remark-lint:no-duplicate-definitions:1"]);
    expect(result.code).toBe(1);
  });

  it("reads .remarkrc.yml, .remarkrc.mjs and package.json#remarkConfig, with remark's short plugin names", async () => {
    const expected = ["11:remark-lint:no-duplicate-definitions:1"];
    expect((await remarkFindings({ ".remarkrc.yml": "plugins:\n  - lint\n  - lint-no-duplicate-definitions\n" })).rules).toEqual(expected);
    expect((await remarkFindings({ ".remarkrc.mjs": 'export default { plugins: ["remark-lint-no-duplicate-definitions"] };\n' })).rules).toEqual(expected);
    expect((await remarkFindings({ "package.json": JSON.stringify({ remarkConfig: { plugins: ["remark-lint-no-duplicate-definitions"] } }) })).rules).toEqual(expected);
  });

  it("lets rules: in verity.config.yml set a remark-lint rule's level, and honours lint comments", async () => {
    const rc = { ".remarkrc.json": JSON.stringify({ plugins: ["remark-preset-lint-recommended"] }) };
    const off = await remarkFindings({ ...rc, "verity.config.yml": "rules:\n  remark-lint:no-literal-urls: off\n  remark-lint:no-duplicate-definitions: error\n" });
    expect(off.rules).toEqual(["11:remark-lint:no-duplicate-definitions:2"]);
    const dir = makeProject({ ...rc, "content/a/card.md": card.replace("Visit", "<!-- lint disable no-literal-urls -->\n\nVisit") });
    const { results } = await lintJson(dir, TODAY);
    expect(flatMessages(results, dir).map((m) => m.ruleId)).not.toContain("remark-lint:no-literal-urls");
  });

  it("names a plugin that is not installed, with how to fix it", async () => {
    const dir = makeProject({ "content/a/card.md": card, ".remarkrc.json": JSON.stringify({ plugins: ["remark-lint-not-a-real-rule"] }) });
    const { code, stderr } = await runCli(["lint", ...TODAY], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toContain('.remarkrc.json: the remark plugin "remark-lint-not-a-real-rule" is not installed');
    expect(stderr).toContain("npm install --save-dev remark-lint-not-a-real-rule");
  });

  it("changes nothing for a project without one", async () => {
    expect((await remarkFindings({})).rules).toEqual([]);
  });
});
