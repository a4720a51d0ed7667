/**
 * A folder walk reads a file of a format Vale does not know when a section of the config names its
 * extension (`[*.{md,rst,inc}]`, Sphinx include files): Vale's lintFiles walks every file and skips
 * only those no section pattern matches (lint/lint.go Linter.skip with nonGlobal), then reads an
 * unknown format whole (lintLines).
 */
import { afterEach, describe, expect, it } from "vitest";
import { removeTemps, runCli } from "../helpers.ts";
import { fixtureCopy } from "./helpers.ts";

afterEach(removeTemps);

const RULE = { "styles/Fmt/Text.yml": "extends: existence\nmessage: \"text: %s\"\ntokens:\n  - MARKT\n" };

async function lines(dir: string, args: string[]): Promise<string[]> {
  const result = await runCli(["style", "--output=line", "--no-global", ...args], { cwd: dir });
  return result.stdout.split("\n").filter(Boolean);
}

describe("a walked file whose extension a section names", () => {
  it("is read whole, as Vale's lintLines reads it, when the section's glob names the extension", async () => {
    const ini = "StylesPath = styles\nMinAlertLevel = suggestion\n[*.{md,rst,inc}]\nBasedOnStyles = Fmt\n";
    const dir = fixtureCopy({ ".vale.ini": ini, ...RULE, "docs/a.md": "One MARKT.\n", "docs/part.inc": "Two\nthree MARKT.\n", "docs/data.json": "{\"a\": \"MARKT\"}\n" });
    expect(await lines(dir, ["docs"])).toEqual(["docs/a.md:1:5:Fmt.Text:text: MARKT", "docs/part.inc:2:7:Fmt.Text:text: MARKT"]);
  });

  it("is read for a section of its own (`[*.inc]`), and not when only `[*]` could match it", async () => {
    const own = "StylesPath = styles\nMinAlertLevel = suggestion\n[*.md]\nBasedOnStyles = Fmt\n[*.inc]\nBasedOnStyles = Fmt\n";
    const dir = fixtureCopy({ ".vale.ini": own, ...RULE, "docs/part.inc": "MARKT.\n" });
    expect(await lines(dir, ["docs"])).toEqual(["docs/part.inc:1:1:Fmt.Text:text: MARKT"]);
    const global = "StylesPath = styles\nMinAlertLevel = suggestion\n[*]\nBasedOnStyles = Fmt\n";
    const other = fixtureCopy({ ".vale.ini": global, ...RULE, "docs/part.inc": "MARKT.\n" });
    expect(await lines(other, ["docs"])).toEqual([]);
  });

  it("source code a section names (`[*.{md,py}]`) is still not read as prose", async () => {
    const ini = "StylesPath = styles\nMinAlertLevel = suggestion\n[*.{md,py}]\nBasedOnStyles = Fmt\n";
    const dir = fixtureCopy({ ".vale.ini": ini, ...RULE, "docs/x.py": "# MARKT\nx = 'MARKT'\n" });
    expect(await lines(dir, ["docs"])).toEqual([]);
  });
});
