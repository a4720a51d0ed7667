/**
 * Rule files as Vale loads them (check/manager.go addStyle, addRuleFromSource; core/config.go), and
 * what a broken one gets: an error naming the file, never an internal error.
 */
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError } from "../../src/core/errors.ts";
import { setupFromConfig } from "../../src/core/style/style-files.ts";
import { loadValeConfig } from "../../src/core/style/vale-ini.ts";
import { removeTemps, runCli } from "../helpers.ts";
import { lintText, styleProject, valeProject } from "./vale-project.ts";

afterEach(removeTemps);

describe("YAML aliases in a rule file", () => {
  // Vale reads rules with gopkg.in/yaml.v2, which refuses only documents made almost wholly of
  // aliases (decode.go allowedAliasRatio): a list repeating one anchored word 120 times loads.
  it("a token list that repeats an anchor a hundred times loads and runs", () => {
    const rule = `extends: existence\nmessage: "Avoid '%s'."\ntokens:\n  - &w foo\n${"  - *w\n".repeat(120)}  - bar\n`;
    expect(lintText(styleProject({ Many: rule }), "No foo or bar here.\n")).toEqual(["1:4:S.Many:Avoid 'foo'.", "1:11:S.Many:Avoid 'bar'."]);
  });

  it("an alias bomb is an error naming the file, not an internal error", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(", ")}]`);
    const rule = `extends: existence\nmessage: "x %s"\n${levels.join("\n")}\ntokens: *i\n`;
    expect(() => styleProject({ Bomb: rule })).toThrow(ConfigError);
    expect(() => styleProject({ Bomb: rule })).toThrow(/Bomb\.yml: the rule file repeats its aliases/);
  });
});

describe("YAML documents in a rule file", () => {
  // Vale reads a rule with Go's yaml.Unmarshal, which decodes the first document and reads no further.
  it("a trailing --- or a second document is not read, as in Vale; the first document is the rule", () => {
    const rule = "extends: existence\nmessage: \"Avoid '%s'.\"\ntokens: [foo]\n";
    for (const after of ["---\n", "---\n# old version\n", "---\nextends: bogus\n", "---\n[not yaml\n"]) {
      expect(lintText(styleProject({ Ex: rule + after }), "No foo.\n"), after).toEqual(["1:4:S.Ex:Avoid 'foo'."]);
    }
  });
});

const avoid = (word: string) => `extends: existence\nmessage: "Avoid '%s'."\ntokens: [${word}]\n`;

describe("what a style folder holds", () => {
  // Vale's addStyle walks the style folder and skips folders (manager.go: `if de.IsDir() { return nil }`).
  it("a folder named like a rule file is skipped; a link to a rule file is a rule", () => {
    const project = styleProject({ Ex: avoid("foo") }, "", { "shared/linked.yml": avoid("bar") });
    mkdirSync(path.join(project.dir, "styles/S/Folder.yml"));
    symlinkSync(path.join(project.dir, "shared/linked.yml"), path.join(project.dir, "styles/S/Linked.yml"));
    const setup = setupFromConfig(loadValeConfig(path.join(project.dir, ".vale.ini")));
    expect([...setup.styles.rules.keys()].filter((n) => n.startsWith("S."))).toEqual(["S.Ex", "S.Linked"]);
    expect(lintText({ dir: project.dir, setup }, "No foo or bar.\n")).toEqual(["1:4:S.Ex:Avoid 'foo'.", "1:11:S.Linked:Avoid 'bar'."]);
  });

  // Vale names a rule `style + "." + strings.Split(fileName, ".")[0]` and keeps the first file that
  // gives a name (manager.go addRuleFromSource); Verity reads the folder in name order.
  it("Ex.yml and Ex.v2.yml are both S.Ex: only the first in name order (Ex.v2.yml) is loaded", () => {
    const project = styleProject({ Ex: avoid("foo"), "Ex.v2": avoid("bar") });
    expect([...project.setup.styles.rules.keys()].filter((n) => n.startsWith("S."))).toEqual(["S.Ex"]);
    expect(lintText(project, "No foo or bar.\n")).toEqual(["1:11:S.Ex:Avoid 'bar'."]);
  });

  it("a rule named in .vale.ini is read from its file up to the first dot; Style.Rule.v2 names no rule", () => {
    const files = { ".vale.ini": "StylesPath = styles\nMinAlertLevel = suggestion\n[*.md]\nT.Ex = YES\nT.Ex.v2 = YES\n", "styles/T/Ex.yml": avoid("foo"), "styles/T/Ex.v2.yml": avoid("bar") };
    const project = valeProject(files);
    expect(lintText(project, "No foo or bar.\n")).toEqual(["1:4:T.Ex:Avoid 'foo'."]);
    expect(project.setup.styles.warnings.join("\n")).toMatch(/the rule "T\.Ex\.v2" was not found/);
  });

  it("a rule named in .vale.ini comes from the first search folder that has it, as Vale's NewManager keeps the first", () => {
    const files = {
      ".vale.ini": "StylesPath = one\nStylesPath = two\nMinAlertLevel = suggestion\n[*.md]\nT.Ex = YES\n",
      "one/T/Ex.yml": avoid("foo"),
      "two/T/Ex.yml": avoid("bar"),
    };
    expect(lintText(valeProject(files), "No foo or bar.\n")).toEqual(["1:4:T.Ex:Avoid 'foo'."]);
  });
});

describe("symbolic links in the styles folder", () => {
  // Vale's system.Walk skips a dangling link (#919) and stops on one it cannot resolve, naming it (#968).
  it("a rule file that is a link loop is an error naming it; a dangling link is skipped", () => {
    const project = styleProject({ Ex: avoid("foo") });
    symlinkSync("Gone.yml", path.join(project.dir, "styles/S/Dangling.yml"));
    expect(lintText({ dir: project.dir, setup: setupFromConfig(loadValeConfig(path.join(project.dir, ".vale.ini"))) }, "No foo.\n")).toEqual(["1:4:S.Ex:Avoid 'foo'."]);
    symlinkSync("Loop.yml", path.join(project.dir, "styles/S/Loop.yml"));
    expect(() => setupFromConfig(loadValeConfig(path.join(project.dir, ".vale.ini")))).toThrow(ConfigError);
    expect(() => setupFromConfig(loadValeConfig(path.join(project.dir, ".vale.ini")))).toThrow(/S\/Loop\.yml: unable to resolve the symbolic link/);
  });

  it("a style folder, a vocabulary file or a .vale-config file that is a link loop is an error naming it", () => {
    const cases: [string, string][] = [["styles/S", "styles/S"], ["styles/config/vocabularies/V/accept.txt", "accept.txt"], ["styles/.vale-config/a.ini", "a.ini"]];
    for (const [link, name] of cases) {
      const dir = valeProject({ ".vale.ini": "StylesPath = styles\nVocab = V\n[*.md]\nBasedOnStyles = Vale\n", "styles/config/vocabularies/V/reject.txt": "foo\n", "styles/.vale-config/0.ini": "" }).dir;
      if (link === "styles/S") writeFileSync(path.join(dir, ".vale.ini"), "StylesPath = styles\n[*.md]\nBasedOnStyles = S\n");
      mkdirSync(path.dirname(path.join(dir, link)), { recursive: true });
      symlinkSync(path.basename(link), path.join(dir, link));
      expect(() => setupFromConfig(loadValeConfig(path.join(dir, ".vale.ini"))), link).toThrow(new RegExp(`${name.replace(".", "\\.")}: unable to resolve the symbolic link`));
    }
  });

  it("verity lint with a dangling link and links to folders above in StylesPath runs, and stops on a loop", async () => {
    const card = `---\ntitle: Refunds\nowner: "@a"\naudience: external\nverify_by: 2099-01-01\n---\n\nNo foo.\n`;
    const dir = styleProject({ Ex: avoid("foo") }, "", { "verity.config.yml": "{}\n", "content/a/x.md": card }).dir;
    symlinkSync("Gone.yml", path.join(dir, "styles/S/Dangling.yml"));
    symlinkSync("..", path.join(dir, "styles/S/up"));
    symlinkSync("..", path.join(dir, "styles/S/up2"));
    const first = await runCli(["lint", "--today", "2026-01-01"], { cwd: dir });
    expect(first.stderr).not.toMatch(/internal error/);
    expect(first.stdout).toMatch(/S\.Ex/);
    symlinkSync("Loop.yml", path.join(dir, "styles/S/Loop.yml"));
    const second = await runCli(["lint", "--today", "2026-01-01"], { cwd: dir });
    expect([second.code, second.stderr]).toEqual([2, expect.stringMatching(/Loop\.yml: unable to resolve the symbolic link/)]);
  });

  // The cache keys hashed StylesPath before the configuration was checked: a StylesPath naming a file
  // was an internal error (ENOTDIR), and ../../.. (the whole disk) a walk without end; without the
  // cache both stop at once with the configuration error.
  it("verity lint with its caches stops on a StylesPath that is a file or the disk's root as it does with --no-cache", async () => {
    const card = `---\ntitle: Refunds\nowner: "@a"\naudience: external\nverify_by: 2099-01-01\n---\n\nNo foo.\n`;
    for (const stylesPath of ["content/a/x.md", "../".repeat(30)]) {
      const dir = styleProject({ Ex: avoid("foo") }, "", { "verity.config.yml": "{}\n", "content/a/x.md": card }).dir;
      writeFileSync(path.join(dir, ".vale.ini"), `StylesPath = ${stylesPath}\n[*.md]\nBasedOnStyles = S\n`);
      const [cached, uncached] = [await runCli(["lint", "--today", "2026-01-01"], { cwd: dir }), await runCli(["lint", "--no-cache", "--today", "2026-01-01"], { cwd: dir })];
      expect([cached.code, cached.stderr], stylesPath).toEqual([2, expect.stringMatching(/the style "S" \(BasedOnStyles\) was not found/)]);
      expect(cached.stderr).toBe(uncached.stderr);
    }
  }, 60_000);
});
