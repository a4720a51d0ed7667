/** `verity build` runs the checks of `verity lint`, the style guide included, and builds nothing on errors. */
import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeProject, removeTemps, runCli } from "../helpers.ts";

afterAll(removeTemps);

const card = (body: string) => `---\ntitle: A card\nowner: "@acme/team"\naudience: external\nverify_by: 2027-06-01\n---\n\n${body}\n`;

describe("verity build lints first", () => {
  it("stops on a style-guide error and leaves no output", async () => {
    const dir = makeProject({
      ".vale.ini": "StylesPath = styles\n\n[*.md]\nBasedOnStyles = House\n",
      "styles/House/Banned.yml": "extends: existence\nmessage: \"Do not write '%s'.\"\nlevel: error\ntokens:\n  - foobar\n",
      "content/a/one.md": card("Open the foobar panel."),
    });
    const { code, stderr } = await runCli(["build", "--today", "2026-11-22"], { cwd: dir });
    expect(code).toBe(1);
    expect(stderr).toMatch(/House\.Banned[\s\S]*Lint found 1 errors, so nothing was built/);
    expect(existsSync(path.join(dir, "dist"))).toBe(false);
  });

  it("stops on a built-in prose rule error", async () => {
    const dir = makeProject({ "content/a/one.md": card("For the details, [click here](two.md)."), "content/a/two.md": card("Details.") });
    const { code, stderr } = await runCli(["build", "--today", "2026-11-22"], { cwd: dir });
    expect(code).toBe(1);
    expect(stderr).toMatch(/link-text/);
  });
});
