/**
 * An existence rule whose `tokens` items are all empty: `- ## Description` is a YAML comment after
 * the dash, so the item is null. Vale loads it (check/existence.go NewExistence drops the blank
 * tokens; nothing in definition.go requires a token), so the rest of the configuration runs.
 */
import { afterEach, describe, expect, it } from "vitest";
import { removeTemps, runCli } from "../helpers.ts";
import { fixtureCopy } from "./helpers.ts";

afterEach(removeTemps);

describe("an existence rule with only empty tokens", () => {
  it("loads with a warning and the other rules run (exit 1 here, not 2)", async () => {
    const ini = "StylesPath = styles\nMinAlertLevel = suggestion\n[*.md]\nBasedOnStyles = Test\n";
    const rule = "extends: existence\nmessage: \"No heading\"\nscope: raw\nlevel: warning\ntokens:\n    - ## Description\n    - ## Overview\n";
    const dir = fixtureCopy({ ".vale.ini": ini, "styles/Test/NoH2.yml": rule, "a.md": "# A\n\n## Description\n\nWe utilize it.\n" });
    const result = await runCli(["style", "--output=line", "--no-global", "a.md"], { cwd: dir });
    expect(result.stderr).toMatch(/NoH2\.yml: rule Test\.NoH2 is skipped: every item of its "tokens" list is empty/);
    expect(result.stdout).toBe("a.md:5:4:Test.Existence:Avoid 'utilize'.\n");
    expect(result.code).toBe(1);
  });

  it("a rule with no tokens at all is still refused", async () => {
    const dir = fixtureCopy({ "styles/Test/Empty.yml": "extends: existence\nmessage: x\n", "a.md": "x\n" });
    expect((await runCli(["style", "a.md"], { cwd: dir })).code).toBe(2);
  });
});
