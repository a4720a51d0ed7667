/**
 * Vale's default styles folder (`VALE_STYLES_PATH`, else `vale/styles` in the user's data folder)
 * and repeated `StylesPath` lines: every folder is searched for styles, rules and vocabularies in
 * Vale's order (internal/core/config.go NewConfig, SearchPaths; internal/check/manager.go loadStyles).
 */
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { defaultValeStylesPath } from "../../src/core/style/vale-ini.ts";
import { makeProject, removeTemps, runCli } from "../helpers.ts";

afterEach(removeTemps);


const avoid = (word: string) => `extends: existence\nmessage: "Avoid '%s'."\nlevel: error\ntokens:\n  - ${word}\n`;

describe("the folders Vale searches for styles", () => {
  it("reads a style from VALE_STYLES_PATH when the project sets no StylesPath; --no-global leaves it out", async () => {
    const home = makeProject({ "global/Global/Words.yml": avoid("utilize") });
    const project = makeProject({ ".vale.ini": "[*.md]\nBasedOnStyles = Global\n", "a.md": "We utilize it.\n" });
    const env = { VALE_STYLES_PATH: path.join(home, "global") };
    const run = await runCli(["style", "--output=line", "a.md"], { cwd: project, env });
    expect(run.stdout).toBe("a.md:1:4:Global.Words:Avoid 'utilize'.\n");
    expect(run.code).toBe(1);
    const noGlobal = await runCli(["style", "--output=line", "--no-global", "a.md"], { cwd: project, env });
    expect(noGlobal.code).toBe(2);
    expect(noGlobal.stderr).toMatch(/the style "Global" \(BasedOnStyles\) was not found \(StylesPath is not set\)/);
  });

  it("searches the default folder before StylesPath: a style in both is read from the default folder, as Vale's loadStyles does", async () => {
    const home = makeProject({ "styles/Shared/Words.yml": avoid("utilize"), "styles/config/vocabularies/Team/accept.txt": "Kubernetes\n" });
    const project = makeProject({
      ".vale.ini": "StylesPath = styles\nVocab = Team\n[*.md]\nBasedOnStyles = Shared, Local\n",
      "styles/Shared/Words.yml": avoid("leverage"),
      "styles/Local/Other.yml": avoid("simply"),
      "a.md": "We utilize it, leverage it and simply go.\n",
    });
    const run = await runCli(["style", "--output=line", "a.md"], { cwd: project, env: { VALE_STYLES_PATH: path.join(home, "styles") } });
    expect(run.stdout).toBe("a.md:1:4:Shared.Words:Avoid 'utilize'.\na.md:1:32:Local.Other:Avoid 'simply'.\n");
    // Without the default folder, the project's own copy of the style and no vocabulary "Team".
    const alone = await runCli(["style", "--output=line", "--no-global", "a.md"], { cwd: project, env: { VALE_STYLES_PATH: path.join(home, "styles") } });
    expect(alone.code).toBe(2);
    expect(alone.stderr).toMatch(/the vocabulary "Team" was not found in .*styles/);
  });

  it("a default folder that does not exist is not searched, and is no error", async () => {
    const project = makeProject({ ".vale.ini": "StylesPath = styles\n[*.md]\nBasedOnStyles = Local\n", "styles/Local/Words.yml": avoid("utilize"), "a.md": "We utilize it.\n" });
    const run = await runCli(["style", "--output=line", "a.md"], { cwd: project, env: { VALE_STYLES_PATH: path.join(project, "nowhere") } });
    expect(run.stdout).toBe("a.md:1:4:Local.Words:Avoid 'utilize'.\n");
  });

  it("reads every StylesPath line: styles come from each folder, and spelling files from the last (Vale's StylesPath())", async () => {
    const project = makeProject({
      ".vale.ini": "StylesPath = one\nStylesPath = two\n[*.md]\nBasedOnStyles = First, Second\n",
      "one/First/Words.yml": avoid("utilize"),
      "two/Second/Words.yml": avoid("leverage"),
      "a.md": "We utilize and leverage it.\n",
    });
    const run = await runCli(["style", "--output=line", "a.md"], { cwd: project });
    expect(run.stdout).toBe("a.md:1:4:First.Words:Avoid 'utilize'.\na.md:1:16:Second.Words:Avoid 'leverage'.\n");
    const missing = makeProject({ ".vale.ini": "StylesPath = one\nStylesPath = gone\n[*.md]\nBasedOnStyles = First\n", "one/First/Words.yml": avoid("utilize"), "a.md": "x\n" });
    const refused = await runCli(["style", "--output=line", "a.md"], { cwd: missing });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/StylesPath .*gone does not exist/);
  });

  it("the default folder is VALE_STYLES_PATH, else vale/styles under XDG_DATA_HOME, else under ~/.local/share", () => {
    expect(defaultValeStylesPath({ VALE_STYLES_PATH: "/opt/styles", XDG_DATA_HOME: "/data" }, "/home/a")).toBe("/opt/styles");
    expect(defaultValeStylesPath({ XDG_DATA_HOME: "/data" }, "/home/a")).toBe(path.join("/data", "vale", "styles"));
    expect(defaultValeStylesPath({}, "/home/a")).toBe(path.join("/home/a", ".local", "share", "vale", "styles"));
    // A relative XDG_DATA_HOME is invalid by the XDG specification and ignored.
    expect(defaultValeStylesPath({ XDG_DATA_HOME: "data" }, "/home/a")).toBe(path.join("/home/a", ".local", "share", "vale", "styles"));
  });

  it("reads the user's data folder without VALE_STYLES_PATH (HOME as the home folder)", async () => {
    const home = makeProject({ ".local/share/vale/styles/Global/Words.yml": avoid("utilize") });
    const project = makeProject({ ".vale.ini": "[*.md]\nBasedOnStyles = Global\n", "a.md": "We utilize it.\n" });
    const run = await runCli(["style", "--output=line", "a.md"], { cwd: project, env: { HOME: home } });
    expect(run.stdout).toBe("a.md:1:4:Global.Words:Avoid 'utilize'.\n");
  });
});
