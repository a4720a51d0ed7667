/**
 * The flags a Vale command line in CI uses (`--config`, `VALE_CONFIG_PATH`, `--glob`, `--no-exit`,
 * `--no-wrap`) work the same with `verity style`, so a workflow keeps its command when it swaps the binary.
 */
import { renameSync, rmSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { removeTemps, runCli } from "../helpers.ts";
import { fixtureCopy } from "./helpers.ts";

afterEach(removeTemps);

/** The fixture project with its `.vale.ini` moved to `.github/vale.ini`, where no upward search finds it. */
function configElsewhere(files: Record<string, string>): string {
  const dir = fixtureCopy({ ...files, ".github/keep": "" });
  renameSync(path.join(dir, "styles"), path.join(dir, ".github", "styles"));
  rmSync(path.join(dir, ".vale.ini"));
  return dir;
}

const INI = "StylesPath = styles\nMinAlertLevel = suggestion\n[*.md]\nBasedOnStyles = Test\n";

describe("Vale's command-line flags in verity style", () => {
  it("--config reads that file (its StylesPath relative to it), as VALE_CONFIG_PATH does; the flag wins over the variable", async () => {
    const dir = configElsewhere({ ".github/vale.ini": INI, "docs/a.md": "We utilize it.\n", ".github/other.ini": "StylesPath = styles\n[*.md]\nTest.Substitution = YES\n" });
    const plain = await runCli(["style", "--output=line", "docs"], { cwd: dir });
    expect(plain.stdout).toBe("");
    const flagged = await runCli(["style", "--output=line", "--config=.github/vale.ini", "docs"], { cwd: dir });
    expect(flagged.stdout).toBe("docs/a.md:1:4:Test.Existence:Avoid 'utilize'.\n");
    expect(flagged.code).toBe(1);
    const fromEnv = await runCli(["style", "--output=line", "docs"], { cwd: dir, env: { VALE_CONFIG_PATH: ".github/vale.ini" } });
    expect(fromEnv.stdout).toBe(flagged.stdout);
    const both = await runCli(["style", "--output=line", "--config", ".github/other.ini", "docs"], { cwd: dir, env: { VALE_CONFIG_PATH: ".github/vale.ini" } });
    expect(both.stdout).toBe("");
  });

  it("--config naming a missing file is a usage error with exit 2, not a silent run without rules", async () => {
    const dir = fixtureCopy({ "a.md": "We utilize it.\n" });
    const result = await runCli(["style", "--output=line", "--config", "nowhere/.vale.ini", "a.md"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/nowhere\/\.vale\.ini: no such Vale configuration file/);
  });

  it("--glob keeps the files whose walked path matches; a glob without / tests the name; ! excludes; ** crosses folders", async () => {
    const dir = fixtureCopy({ ".vale.ini": "StylesPath = styles\n[*.{md,markdown}]\nBasedOnStyles = Test\n", "docs/a.md": "We utilize it.\n", "docs/api/b.md": "We utilize it.\n", "docs/c.markdown": "We utilize it.\n" });
    const files = async (...args: string[]) => (await runCli(["style", "--output=line", ...args], { cwd: dir })).stdout.split("\n").filter(Boolean).map((l) => l.split(":")[0]);
    expect(await files("docs")).toEqual(["docs/a.md", "docs/api/b.md", "docs/c.markdown"]);
    expect(await files("--glob=*.md", "docs")).toEqual(["docs/a.md", "docs/api/b.md"]);
    expect(await files("--glob=*.{markdown,txt}", "docs")).toEqual(["docs/c.markdown"]);
    expect(await files("--glob=!docs/api/**", "docs")).toEqual(["docs/a.md", "docs/c.markdown"]);
    expect(await files("--glob=docs/**/*.md", "docs")).toEqual(["docs/a.md", "docs/api/b.md"]);
    expect(await files("--glob=*.md", "docs/c.markdown")).toEqual([]);
    const bad = await runCli(["style", "--glob=*.{md", "docs"], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--glob \*\.\{md is not a valid glob/);
  });

  it("--ext with paths lints the named files in that format (a commit message as Markdown), as Vale's NewFile does", async () => {
    const dir = fixtureCopy({ ".vale.ini": "StylesPath = styles\n[*]\nBasedOnStyles = Test\n", "COMMIT_EDITMSG": "We utilize it.\n", "notes/a.txt": "# Title\n\nWe `utilize` code, and we utilize it.\n" });
    const result = await runCli(["style", "--output=line", "--ext=.md", "COMMIT_EDITMSG", "notes/a.txt"], { cwd: dir });
    // The code span is Markdown code, so only the second "utilize" of a.txt is prose.
    expect(result.stdout).toBe("COMMIT_EDITMSG:1:4:Test.Existence:Avoid 'utilize'.\nnotes/a.txt:3:27:Test.Existence:Avoid 'utilize'.\n");
    expect(result.code).toBe(1);
    // Without --ext, a file of no format Vale knows is read whole, as plain lines (Vale's lintLines), and a
    // .txt file as plain text: the code span's word is prose too.
    expect((await runCli(["style", "--output=line", "COMMIT_EDITMSG", "notes/a.txt"], { cwd: dir })).stdout).toBe(
      "COMMIT_EDITMSG:1:4:Test.Existence:Avoid 'utilize'.\nnotes/a.txt:3:5:Test.Existence:Avoid 'utilize'.\nnotes/a.txt:3:27:Test.Existence:Avoid 'utilize'.\n",
    );
  });

  it("a single argument that names no file or folder is the text to check, as Vale's doLint reads `vale \"some text\"` (stdin.txt, or --ext's format), with a warning; with more arguments it is an error", async () => {
    const dir = fixtureCopy({ ".vale.ini": "StylesPath = styles\n[*]\nBasedOnStyles = Test\n" });
    const text = await runCli(["style", "--output=line", "We utilize it."], { cwd: dir });
    expect(text.stdout).toBe("stdin.txt:1:4:Test.Existence:Avoid 'utilize'.\n");
    expect(text.stderr).toContain('warning: "We utilize it." is no file or folder, so it is checked as text, as Vale checks a single such argument\n');
    expect(text.code).toBe(1);
    expect((await runCli(["style", "--output=line", "--ext=.md", "We `utilize` it, and utilize it."], { cwd: dir })).stdout).toBe("stdin.md:1:22:Test.Existence:Avoid 'utilize'.\n");
    const two = await runCli(["style", "--output=line", "We utilize it.", "missing.md"], { cwd: dir });
    expect(two.stdout).toBe("");
    expect(two.stderr).toContain("We utilize it.: no such file or folder.");
    expect(two.code).toBe(2);
    const fix = await runCli(["style", "--fix", "We utilize it."], { cwd: dir });
    expect(fix.stderr).toContain("We utilize it.: no such file or folder.");
    expect(fix.code).toBe(2);
  });

  it("--path reads standard input as that file: its sections, its format and its name in the report (an editor linting an unsaved buffer)", async () => {
    const dir = fixtureCopy({ ".vale.ini": "StylesPath = styles\n[docs/*.md]\nBasedOnStyles = Test\n" });
    const asDoc = await runCli(["style", "--output=line", "--path=docs/guide.md"], { cwd: dir, stdin: "We utilize it.\n" });
    expect(asDoc.stdout).toBe("docs/guide.md:1:4:Test.Existence:Avoid 'utilize'.\n");
    expect(asDoc.code).toBe(1);
    // A path no section matches has nothing to run; --ext names the format and --path the sections.
    expect((await runCli(["style", "--output=line", "--path=notes/guide.md"], { cwd: dir, stdin: "We utilize it.\n" })).stdout).toBe("");
    const both = await runCli(["style", "--output=line", "--ext=.md", "--path=docs/COMMIT.txt"], { cwd: dir, stdin: "We `utilize` it, and utilize it.\n" });
    expect(both.stdout).toBe("");
    const md = await runCli(["style", "--output=line", "--ext=.md", "--path=docs/notes.md"], { cwd: dir, stdin: "We `utilize` it, and utilize it.\n" });
    expect(md.stdout).toBe("docs/notes.md:1:22:Test.Existence:Avoid 'utilize'.\n");
  });

  // Vale reports a file by its path as given or walked (core.File.Path): elastic/vale-rules'
  // rule-tests/run_rule_tests.py runs `vale --output=JSON /abs/fixture.md` and reads output[str(fixture)].
  it("a path given absolute is reported absolute, as Vale reports the path it was given; a relative one stays relative", async () => {
    const dir = fixtureCopy({ "docs/a.md": "We utilize it.\n", "b.md": "We utilize it.\n" });
    const absolute = path.join(dir, "docs", "a.md").split(path.sep).join("/");
    const json = await runCli(["style", "--output=JSON", path.join(dir, "docs", "a.md")], { cwd: dir });
    expect(Object.keys(JSON.parse(json.stdout) as object)).toEqual([absolute]);
    const folder = await runCli(["style", "--output=line", path.join(dir, "docs"), "b.md"], { cwd: dir });
    expect(folder.stdout).toBe(`${absolute}:1:4:Test.Existence:Avoid 'utilize'.\nb.md:1:4:Test.Existence:Avoid 'utilize'.\n`);
    expect((await runCli(["style", "--output=line", "docs"], { cwd: dir })).stdout).toBe("docs/a.md:1:4:Test.Existence:Avoid 'utilize'.\n");
  });

  it("--no-exit reports error-level alerts with exit 0; --no-wrap is accepted", async () => {
    const dir = fixtureCopy({ "a.md": "We utilize it.\n" });
    const result = await runCli(["style", "--output=line", "--no-exit", "--no-wrap", "a.md"], { cwd: dir });
    expect(result.stdout).toBe("a.md:1:4:Test.Existence:Avoid 'utilize'.\n");
    expect(result.code).toBe(0);
  });

  it("--output=JSON prints Vale's JSON: alerts by path, Vale's fields in Vale's order, replace suggestions as params, Go's escaping", async () => {
    const dir = fixtureCopy({
      "styles/Test/Swap.yml": "extends: substitution\nmessage: \"Use %s instead of '%s'.\"\ndescription: \"Say %s & <not> '%s'.\"\nlevel: error\naction:\n  name: replace\nswap:\n  leverage: use|apply\n",
      "docs/b.md": "Send an e-mail.\n",
      "docs/a.md": "# Notes\n\nWe use e-mail.\n",
      "docs/c.md": "Nothing to see.\n",
    });
    const result = await runCli(["style", "--output=JSON", "--minAlertLevel=warning", "docs"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('{\n  "docs/a.md": [\n    {\n      "Action": {\n        "Name": "",\n        "Params": null\n      },\n      "Span": [\n        8,\n        13\n      ],')).toBe(true);
    const parsed = JSON.parse(result.stdout) as Record<string, Record<string, unknown>[]>;
    expect(Object.keys(parsed)).toEqual(["docs/a.md", "docs/b.md"]);
    expect(parsed["docs/a.md"]).toEqual([
      { Action: { Name: "", Params: null }, Span: [8, 13], Check: "Test.Substitution", Description: "", Link: "", Message: "Use 'email' instead of 'e-mail'.", Severity: "warning", Match: "e-mail", Line: 3 },
    ]);
    const swap = await runCli(["style", "--output=JSON", "a.md"], { cwd: fixtureCopy({ "styles/Test/Swap.yml": "extends: substitution\nmessage: \"Use %s instead of '%s'.\"\ndescription: \"Say %s & <not> '%s'.\"\nlevel: error\naction:\n  name: replace\nswap:\n  leverage: use|apply\n", "a.md": "Try leverage.\n" }) });
    expect(swap.stdout).toContain('"Description": "Say \'use\' or \'apply\' \\u0026 \\u003cnot\\u003e \'leverage\'."');
    const alerts = JSON.parse(swap.stdout)["a.md"] as { Check: string; Action: unknown; Span: number[]; Match: string }[];
    expect(alerts.find((a) => a.Check === "Test.Swap")).toMatchObject({ Action: { Name: "replace", Params: ["use", "apply"] }, Span: [5, 12], Match: "leverage" });
    const clean = await runCli(["style", "--output=JSON", "docs/c.md"], { cwd: dir });
    expect(clean.stdout).toBe("{}\n");
    expect(clean.code).toBe(0);
  });
});
