/**
 * `--fix` on reStructuredText: a grid or simple table is drawn with columns that line up, so an edit
 * that changes the length of a cell's text breaks the table (docutils then reads no table at all,
 * "Malformed table"). Such a fix is reported and not applied; fixes elsewhere in the file are.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { removeTemps, runCli } from "../helpers.ts";
import { fixtureCopy } from "./helpers.ts";
import { findRst2html } from "../../src/core/style/markup/rst.ts";

afterEach(removeTemps);

const needsDocutils = process.env.CI === "true" || findRst2html() !== undefined;
const FILES = {
  ".vale.ini": "StylesPath = styles\nMinAlertLevel = suggestion\n[*]\nBasedOnStyles = T\n",
  "styles/T/Sub.yml": "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nlevel: error\nswap:\n  utilise: use\n",
};

describe("--fix in reStructuredText tables", () => {
  it.runIf(needsDocutils)("leaves a grid table and a simple table as drawn, and fixes the paragraph", async () => {
    const grid = ["+----------+--------+", "| utilise  | cell   |", "+----------+--------+"];
    const simple = ["=======  =======", "utilise  utilise", "=======  ======="];
    const text = ["We utilise tools.", "", ...grid, "", ...simple, ""].join("\n");
    const dir = fixtureCopy({ ...FILES, "t.rst": text });
    const result = await runCli(["style", "--output=line", "--no-global", "--fix", "t.rst"], { cwd: dir });
    const after = readFileSync(path.join(dir, "t.rst"), "utf8");
    expect(after).toBe(["We use tools.", "", ...grid, "", ...simple, ""].join("\n"));
    expect(result.stdout).toContain("t.rst:4:3:T.Sub:Use 'use' instead of 'utilise'.");
    expect(result.code).toBe(1);
  });
});
