import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError } from "../../src/core/errors.ts";
import { findValeConfig, parseValeConfig, settingsForFile } from "../../src/core/style/vale-ini.ts";
import { makeTempDir, removeTemps } from "../helpers.ts";
import { lint, show } from "./helpers.ts";

afterEach(removeTemps);

describe(".vale.ini", () => {
  it("is found in the working folder, then each parent; within a folder .vale comes before .vale.ini", () => {
    const root = makeTempDir();
    mkdirSync(path.join(root, "a", "b"), { recursive: true });
    writeFileSync(path.join(root, ".vale.ini"), "");
    expect(findValeConfig(path.join(root, "a", "b"))).toBe(path.join(root, ".vale.ini"));
    writeFileSync(path.join(root, "a", "_vale.ini"), "");
    writeFileSync(path.join(root, "a", ".vale"), "");
    expect(findValeConfig(path.join(root, "a", "b"))).toBe(path.join(root, "a", ".vale"));
  });

  it("reads StylesPath relative to the file, MinAlertLevel, Vocab, sections and formats; ignores other formats' keys", () => {
    const config = parseValeConfig(
      [
        "StylesPath = ../styles",
        "MinAlertLevel = suggestion",
        "Vocab = Base, Product",
        "[formats]",
        "mdx = md",
        "[*]",
        "BasedOnStyles = Vale",
        "[*.{md,mdx}]",
        "BasedOnStyles = Guide, Extra",
        "Guide.Passive = NO",
        "Guide.Terms = error",
        "TokenIgnores = (\\$[^$]+\\$), (<kbd>.*?</kbd>)",
        "[*.xml]",
        "Transform = docbook.xsl",
        "[docs/*.md]",
        "Extra.Rule = YES",
      ].join("\n"),
      "/repo/config/.vale.ini",
    );
    expect(config.stylesPath).toBe(path.resolve("/repo/styles"));
    expect(config.minAlertLevel).toBe("suggestion");
    expect(config.vocab).toEqual(["Base", "Product"]);
    const mdx = settingsForFile(config, "page.mdx");
    expect([...mdx.baseStyles]).toEqual(["Guide", "Extra"]);
    expect(mdx.rules.get("Guide.Passive")).toBe(false);
    expect(mdx.rules.get("Guide.Terms")).toBe("error");
    expect(mdx.tokenIgnores).toEqual(["(\\$[^$]+\\$)", "(<kbd>.*?</kbd>)"]);
    expect(settingsForFile(config, "docs/page.md").rules.get("Extra.Rule")).toBe(true);
    expect(settingsForFile(config, "page.md").rules.has("Extra.Rule")).toBe(false);
    expect([...settingsForFile(config, "notes.txt").baseStyles]).toEqual(["Vale"]);
  });

  it("a bad level is a configuration error naming the file and line", () => {
    expect(() => parseValeConfig("[*]\nGuide.Rule = loud\n", "/repo/.vale.ini")).toThrow(ConfigError);
    expect(() => parseValeConfig("[*]\nGuide.Rule = loud\n", "/repo/.vale.ini")).toThrow(/\/repo\/\.vale\.ini:2/);
  });

  it("the fixture's [formats] mdx = md lints .mdx files as Markdown with the same sections", () => {
    expect(show(lint("We utilize it.\n", "page.mdx"), "Test.Existence")).toEqual(["1:4:Test.Existence:Avoid 'utilize'."]);
  });

  it("<!-- vale Style = NO --> turns a whole style off", () => {
    const findings = lint("<!-- vale Test = NO -->\n\nWe utilize an e-mail.\n");
    expect(findings.filter((f) => f.ruleId.startsWith("Test."))).toEqual([]);
  });
});

describe("section globs as Vale reads them", () => {
  it("matches a brace set of one item, as Vale's glob library does ([*.{md}])", async () => {
    const { globToRegExp } = await import("../../src/core/style/vale-ini.ts");
    expect(globToRegExp("*.{md}").test("CR.md")).toBe(true);
    expect(globToRegExp("*.{md,mdx}").test("a.mdx")).toBe(true);
    expect(globToRegExp("*.{md}").test("a.txt")).toBe(false);
  });
});
