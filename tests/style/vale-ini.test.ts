import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError } from "../../src/core/errors.ts";
import { findValeConfig, parseValeConfig, settingsForFile } from "../../src/core/style/vale-ini.ts";
import { makeTempDir, removeTemps } from "../helpers.ts";
import { lint, show } from "./helpers.ts";
import { lintText, valeProject } from "./vale-project.ts";

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

  it("a bad level turns the rule off, as Vale's validateLevel does, with a warning naming the file and line", () => {
    const config = parseValeConfig("[*]\nGuide.Rule = loud\n", "/repo/.vale.ini");
    expect(config.sections[0]!.rules.get("Guide.Rule")).toBe(false);
    expect(config.warnings.join("\n")).toMatch(/\/repo\/\.vale\.ini:2: Guide\.Rule = loud turns the rule off/);
  });

  it("the fixture's [formats] mdx = md lints .mdx files as Markdown with the same sections", () => {
    expect(show(lint("We utilize it.\n", "page.mdx"), "Test.Existence")).toEqual(["1:4:Test.Existence:Avoid 'utilize'."]);
  });

  it("with [formats] mdx = md, an .mdx file also takes the sections written for .md (the conformance kit's Vale 3.7; Vale 3.9.4 dropped it)", () => {
    const config = parseValeConfig(["StylesPath = styles", "[formats]", "mdx = md", "[*.md]", "BasedOnStyles = Guide", "TokenIgnores = (x+)"].join("\n"), "/repo/.vale.ini");
    const mdx = settingsForFile(config, "docs/page.mdx");
    expect([...mdx.baseStyles]).toEqual(["Guide"]);
    expect(mdx.tokenIgnores).toEqual(["(x+)"]);
    expect([...settingsForFile(parseValeConfig("[*.md]\nBasedOnStyles = Guide\n", "/repo/.vale.ini"), "docs/page.mdx").baseStyles]).toEqual([]);
  });

  it("<!-- vale Style = NO --> turns a whole style off", () => {
    const findings = lint("<!-- vale Test = NO -->\n\nWe utilize an e-mail.\n");
    expect(findings.filter((f) => f.ruleId.startsWith("Test."))).toEqual([]);
  });
});

describe("section globs as Vale reads them", () => {
  it("matches a brace set of one item, as Vale's glob library does ([*.{md}])", async () => {
    const { valeGlobMatcher } = await import("../../src/core/style/vale-glob.ts");
    expect(valeGlobMatcher("*.{md}")("CR.md")).toBe(true);
    expect(valeGlobMatcher("*.{md,mdx}")("a.mdx")).toBe(true);
    expect(valeGlobMatcher("*.{md}")("a.txt")).toBe(false);
    expect(valeGlobMatcher("**/*.{md}")("a/CR.md")).toBe(true);
  });

  // Vale's internal/glob: a pattern with `**` goes to doublestar (`*` stays within a folder), any other
  // to gobwas/glob compiled without separators, matched against the whole path: `*` and `?` reach
  // across folders, and a name alone names the file at the top only.
  it("a glob without ** matches the whole path as gobwas does: * and ? cross folders, [README.md] is the top README only", async () => {
    const { valeGlobMatcher } = await import("../../src/core/style/vale-glob.ts");
    const cases: [string, string, boolean][] = [
      ["*.md", "docs/guide/a.md", true],
      ["*.{md,mdx}", "docs/a.mdx", true],
      ["*", "docs/a.md", true],
      // Kong/docs.konghq.com and Kong/developer.konghq.com: [README.md] turns kong.We off in the top README.
      ["README.md", "README.md", true],
      ["README.md", "docs/README.md", false],
      ["docs/*.md", "docs/a.md", true],
      ["docs/*.md", "docs/guide/deep/a.md", true],
      ["docs/*.md", "other/docs/a.md", false],
      ["d?cs/a.md", "docs/a.md", true],
      ["docs?a.md", "docs/a.md", true],
      ["[!x]*.md", "docs/a.md", true],
      ["[!d]*.md", "docs/a.md", false],
      ["[a-c]*.md", "b/a.md", true],
      ["\\*.md", "*.md", true],
      ["\\*.md", "a.md", false],
      // AndreaCovelli/llm-prose-rules: [{COMMIT_EDITMSG,.git/COMMIT_EDITMSG}] and [tests/prose/fail/*.md].
      ["{COMMIT_EDITMSG,.git/COMMIT_EDITMSG}", "COMMIT_EDITMSG", true],
      ["{COMMIT_EDITMSG,.git/COMMIT_EDITMSG}", ".git/COMMIT_EDITMSG", true],
      ["{COMMIT_EDITMSG,.git/COMMIT_EDITMSG}", "sub/COMMIT_EDITMSG", false],
      ["{docs,guides/{a,b}}/*.md", "guides/b/x/y.md", true],
      ["tests/prose/fail/*.md", "tests/prose/fail/llm-style.md", true],
      // doublestar: ActianCorp [home/**], loft-sh/vcluster-docs [**/quick-start/**].
      ["home/**", "home/a/b.md", true],
      ["**/quick-start/**", "vcluster/quick-start/x.md", true],
      ["docs/**/*.md", "docs/a.md", true],
      ["docs/**/a*.md", "docs/x/b/c.md", false],
      // doublestar v4.6.0 (Vale's): [!…] is a negated class, as [^…] is, and a ** inside a segment is a *.
      // Qiskit's qiskit-ibm-runtime docs: [[!_]**.{md,rst}].
      ["[!_]**.{md,rst}", "a.md", true],
      ["[!_]**.{md,rst}", "x.rst", true],
      ["[!_]**.{md,rst}", "!.md", true],
      ["[!_]**.{md,rst}", "_c.md", false],
      ["[!_]**.{md,rst}", "stubs/b.md", false],
      ["docs/[!.]*/**/*.md", "docs/a/b.md", true],
      ["docs/[!.]*/**/*.md", "docs/.x/b.md", false],
      ["**.md", "a.md", true],
      ["**.md", "docs/a.md", false],
      ["docs/**.md", "docs/a.md", true],
      ["docs/**.md", "docs/x/b.md", false],
      ["a**/b.md", "ax/b.md", true],
      ["a**/b.md", "a/x/b.md", false],
      // doublestar knows *, **, ?, [...], {...} and \ only: parentheses, | + @ ! are the path's own
      // characters (a Next.js route group `app/(docs)/`), not picomatch's groups and extglobs.
      ["app/(docs)/**/*.mdx", "app/(docs)/x/a.mdx", true],
      ["app/(docs)/**/*.mdx", "app/docs/x/a.mdx", false],
      ["docs/**/+(a)/*.md", "docs/x/+(a)/b.md", true],
      ["docs/**/@(a)/*.md", "docs/x/@(a)/b.md", true],
      ["docs/**/@(a)/*.md", "docs/x/a/b.md", false],
      ["docs/**/!(a)/*.md", "docs/x/b/c.md", false],
      ["docs/**/a|b/*.md", "docs/x/a|b/c.md", true],
      ["docs/**/a|b/*.md", "docs/x/a/c.md", false],
      ["**/?(x)*.md", "q/a(x)b.md", true],
      ["**/*.{md,mdx}", "q/a.mdx", true],
      // Neither gobwas/glob v0.2.3 nor doublestar v4.6.0 knows POSIX classes: `[[:alpha:]]` is the class
      // `[`, `:`, `a`, `l`, `p`, `h` followed by a `]`, and `[:digit:]` the class of `:`, `d`, `i`, `g`, `t`.
      ["[[:alpha:]]*.md", "a.md", false],
      ["[[:alpha:]]*.md", "a]x.md", true],
      ["[[:alpha:]]*.md", ":].md", true],
      ["docs/**/[[:alpha:]]*.md", "docs/x/a.md", false],
      ["docs/**/[[:alpha:]]*.md", "docs/x/a]b.md", true],
      ["docs/**/[[:alpha:]]*.md", "docs/x/:]b.md", true],
      ["docs/**/[[:alpha:]]*.md", "docs/x/[]b.md", true],
      ["**/[[:digit:]]*.md", "x/1.md", false],
      ["**/[[:digit:]]*.md", "x/d]1.md", true],
      ["**/[:digit:]*.md", "x/1.md", false],
      ["**/[:digit:]*.md", "x/g1.md", true],
      ["**/[!:digit:]*.md", "x/1.md", true],
      ["**/[!:digit:]*.md", "x/t.md", false],
    ];
    for (const [glob, file, expected] of cases) expect([glob, file, valeGlobMatcher(glob)(file)]).toEqual([glob, file, expected]);
  });

  it("sections follow those globs: Kong's [README.md] settings hold for the top README only, [docs/*.md] for nested pages too", () => {
    // Kong/developer.konghq.com .vale.ini (abridged)
    const config = parseValeConfig(
      ["StylesPath = .github/styles", "[*.md]", "BasedOnStyles = base,docs", "[README.md]", "BasedOnStyles = base,docs", "base.We = NO", "[guides/*.md]", "base.Relativeurls = NO"].join("\n"),
      "/repo/.vale.ini",
    );
    expect(settingsForFile(config, "README.md").rules.get("base.We")).toBe(false);
    expect(settingsForFile(config, "app/README.md").rules.has("base.We")).toBe(false);
    expect(settingsForFile(config, "guides/deep/page.md").rules.get("base.Relativeurls")).toBe(false);
  });
});

// Vale's internal/glob NewGlob strips leading `!` and negates; core/ini.go processConfig keeps `[*]`
// apart (GBaseStyles, GChecks), file.go NewFile lets a matching section's BasedOnStyles replace it and
// lint.go shouldRun reads a section's rule setting before `[*]`'s, wherever `[*]` stands in the file.
describe("negated sections and [*] as Vale ranks them", () => {
  it("a leading ! negates a section's glob: [!*.txt] is every file but text files", async () => {
    const { valeGlobMatcher } = await import("../../src/core/style/vale-glob.ts");
    expect(valeGlobMatcher("!*.txt")("docs/a.md")).toBe(true);
    expect(valeGlobMatcher("!*.txt")("notes.txt")).toBe(false);
    expect(valeGlobMatcher("!!docs/**")("docs/a/b.md")).toBe(false);
    const config = parseValeConfig("[*]\nBasedOnStyles = A\n[!*.txt]\nA.R = NO\n", "/repo/.vale.ini");
    expect(settingsForFile(config, "a.md").rules.get("A.R")).toBe(false);
    expect(settingsForFile(config, "a.txt").rules.has("A.R")).toBe(false);
  });

  it("[*] is overridden by any other matching section, even when it comes after it", () => {
    const config = parseValeConfig("[*.md]\nBasedOnStyles = A, B\nB.R = YES\n[*]\nBasedOnStyles = B\nB.R = NO\nB.Other = NO\n", "/repo/.vale.ini");
    const md = settingsForFile(config, "a.md");
    expect([...md.baseStyles]).toEqual(["A", "B"]);
    expect(md.rules.get("B.R")).toBe(true);
    expect(md.rules.get("B.Other")).toBe(false);
    expect([...settingsForFile(config, "a.txt").baseStyles]).toEqual(["B"]);
  });

  it("runs the rules of that ranking on a file", () => {
    const project = valeProject({
      ".vale.ini": "StylesPath = styles\n[*.md]\nBasedOnStyles = A\n[*]\nBasedOnStyles = B\n[!*.txt]\nA.Other = NO\n",
      "styles/A/R.yml": 'extends: existence\nmessage: "A %s"\ntokens: [foo]\n',
      "styles/A/Other.yml": 'extends: existence\nmessage: "A other %s"\ntokens: [foo]\n',
      "styles/B/R.yml": 'extends: existence\nmessage: "B %s"\ntokens: [foo]\n',
    });
    expect(lintText(project, "This is foo.\n", "a.md")).toEqual(["1:9:A.R:A foo"]);
  });
});

// Vale reads its config with go-ini (errata-ai/ini v1.63, LoadOptions{AllowShadows, SpaceBeforeInlineComment}):
// parser.go readKeyName/readValue/readContinuationLines/readMultilines, key.go String/StringsWithShadows.
describe(".vale.ini syntax as Vale's INI reader takes it", () => {
  it("drops an inline comment that follows a space (' #' or ' ;'), but not a # inside a value", () => {
    const config = parseValeConfig(
      ["MinAlertLevel = warning # suggestion, warning or error", "[*.md] # Markdown", "BasedOnStyles = Guide ; the house style", "TokenIgnores = (#\\w+)"].join("\n"),
      "/repo/.vale.ini",
    );
    expect(config.minAlertLevel).toBe("warning");
    const md = settingsForFile(config, "a.md");
    expect([...md.baseStyles]).toEqual(["Guide"]);
    expect(md.tokenIgnores).toEqual(["(#\\w+)"]);
  });

  it("joins a value whose line ends in a backslash with the next lines (the Hugo package's TokenIgnores)", () => {
    const config = parseValeConfig(
      ["[*.md]", "TokenIgnores = ({{[%<] .* [%>]}}.*?{{[%<] ?/.* [%>]}}), \\", "(\\[.+\\]\\({{< .+ >}}\\)), \\", "   [^\\S\\r\\n]({{[%<] \\w+ .+ [%>]}})\\s", "BasedOnStyles = Vale"].join("\n"),
      "/repo/.vale.ini",
    );
    const md = settingsForFile(config, "a.md");
    expect(md.tokenIgnores).toEqual(["({{[%<] .* [%>]}}.*?{{[%<] ?/.* [%>]}})", "(\\[.+\\]\\({{< .+ >}}\\))", "[^\\S\\r\\n]({{[%<] \\w+ .+ [%>]}})\\s"]);
    expect([...md.baseStyles]).toEqual(["Vale"]);
  });

  it("takes a value in quotes without them, and a value in backquotes over several lines as written", () => {
    const config = parseValeConfig(
      ['WordTemplate = "\\b(?:%s)\\b"', "[*.md]", "TokenIgnores = `(a), # not a comment", "(b)`", "BasedOnStyles = 'Guide'"].join("\n"),
      "/repo/.vale.ini",
    );
    expect(config.wordTemplate).toBe("\\b(?:%s)\\b");
    const md = settingsForFile(config, "a.md");
    expect(md.tokenIgnores).toEqual(["(a)", "# not a comment\n(b)"]);
    expect([...md.baseStyles]).toEqual(["Guide"]);
  });

  it("accepts ':' as the key delimiter, as '='", () => {
    const config = parseValeConfig(["MinAlertLevel: error", "[*.md]", "Guide.Rule: NO"].join("\n"), "/repo/.vale.ini");
    expect(config.minAlertLevel).toBe("error");
    expect(settingsForFile(config, "a.md").rules.get("Guide.Rule")).toBe(false);
  });

  it("a key given twice keeps its first value, except list keys, which gather every value; a section given twice is one section", () => {
    const config = parseValeConfig(
      ["MinAlertLevel = error", "MinAlertLevel = suggestion", "[*.md]", "BasedOnStyles = Guide", "Guide.Rule = NO", "[docs/*.md]", "Guide.Other = NO", "[*.md]", "BasedOnStyles = Extra, Guide", "Guide.Rule = YES"].join("\n"),
      "/repo/.vale.ini",
    );
    expect(config.minAlertLevel).toBe("error");
    expect(config.sections.map((s) => s.glob)).toEqual(["*.md", "docs/*.md"]);
    const md = settingsForFile(config, "a.md");
    expect([...md.baseStyles]).toEqual(["Guide", "Extra"]);
    expect(md.rules.get("Guide.Rule")).toBe(false);
  });

  it("a section's View (Vale's views lint YAML, JSON, TOML and code) is a warning: Verity lints Markdown only", () => {
    // AndreaCovelli/llm-prose-rules .vale-messages.ini lints the message of each rule file through a dasel view.
    const config = parseValeConfig("StylesPath = styles\n[styles/*/*.yml]\nBasedOnStyles = llm-prose-rules\nView = RuleMessage\n", "/repo/.vale-messages.ini");
    expect(config.warnings.join("\n")).toMatch(/\/repo\/\.vale-messages\.ini:4: View = RuleMessage .*Verity lints Markdown only/);
  });

  // Vale reads TokenIgnores and BlockIgnores with go-ini's StringsWithShadows(","): strings.Split at every
  // comma, parentheses or not; IgnorePatterns with Strings(","), where only `\,` keeps a comma.
  it("TokenIgnores and BlockIgnores are split at every comma, as go-ini's StringsWithShadows splits them", () => {
    const config = parseValeConfig(
      [
        "[*.md]",
        // crossplane/docs utils/vale/.vale.ini: `\[` must not hide the comma after it.
        "TokenIgnores = (\\(#.*\\)),(\\]\\(),(\\!\\[),(\\{\\{<[^>]+>\\}\\})",
        // Amplitude-Developer-Docs: a {1,6} quantifier is cut in two, so Vale never ignores the URL.
        "BlockIgnores = x[a-z]{1,6}y, (\\\".*?\")",
        "IgnorePatterns = (a\\,b), (c)",
      ].join("\n"),
      "/repo/.vale.ini",
    );
    const md = settingsForFile(config, "a.md");
    expect(md.tokenIgnores).toEqual(["(\\(#.*\\))", "(\\]\\()", "(\\!\\[)", "(\\{\\{<[^>]+>\\}\\})"]);
    expect(md.blockIgnores).toEqual(["x[a-z]{1", "6}y", "(\\\".*?\")", "(a,b)", "(c)"]);
  });

  it("a line that is neither a section, a comment nor key = value is an error naming the file and line, as in Vale", () => {
    expect(() => parseValeConfig("[*.md]\nBasedOnStyles = Guide\nGuide.Rule\n", "/repo/.vale.ini")).toThrow(/\/repo\/\.vale\.ini:3/);
    expect(() => parseValeConfig("[*.md\n", "/repo/.vale.ini")).toThrow(/\/repo\/\.vale\.ini:1/);
  });
});

// `vale sync` leaves the .vale.ini of each package that has one in StylesPath/.vale-config as
// "<n>-<Package>.ini" (cmd/vale/sync.go installPkg); Vale then loads those files, in name order,
// before the project's config, as one INI (internal/core/config.go pipeConfig, source.go ReadPipeline).
describe("packages' configs in StylesPath/.vale-config", () => {
  const rule = (token: string) => `extends: existence\nmessage: "Avoid '%s'."\nlevel: warning\ntokens:\n  - ${token}\n`;

  it("are read before the project's .vale.ini: the Hugo package's TokenIgnores apply, and BasedOnStyles gather both", () => {
    const project = valeProject({
      ".vale.ini": "StylesPath = styles\nMinAlertLevel = suggestion\n\n[*.md]\nBasedOnStyles = S\n",
      "styles/S/Avoid.yml": rule("shortcode"),
      "styles/P/Utilize.yml": rule("utilize"),
      "styles/.vale-config/0-Hugo.ini": "[*.md]\n# Exclude `{{< ... >}}`\nTokenIgnores = (\\[.+\\]\\({{< .+ >}}\\)), \\\n[^\\S\\r\\n]({{[%<] \\w+ .+ [%>]}})\\s\n",
      "styles/.vale-config/1-P.ini": "[*.md]\nBasedOnStyles = P\n",
      "styles/.vale-config/notes/ignored.ini": "this folder is not read\n",
    });
    expect(lintText(project, "A shortcode: {{< shortcode name >}} here; we utilize it.\n")).toEqual(["1:3:S.Avoid:Avoid 'shortcode'.", "1:46:P.Utilize:Avoid 'utilize'."]);
  });

  it("a package's config that does not parse is an error naming its file and line", () => {
    expect(() =>
      valeProject({ ".vale.ini": "StylesPath = styles\n[*.md]\nBasedOnStyles = S\n", "styles/S/Avoid.yml": rule("x"), "styles/.vale-config/0-Bad.ini": "[*.md]\nno delimiter\n" }),
    ).toThrow(/0-Bad\.ini:2/);
  });
});

describe("keys in the wrong part of .vale.ini, which Vale refuses (core/ini.go processConfig, E201)", () => {
  const parse = (text: string) => () => parseValeConfig(text, "/repo/.vale.ini");

  it("a section setting (BasedOnStyles, BlockIgnores, …) above the first section is an error", () => {
    expect(parse("StylesPath = styles\nBasedOnStyles = Vale\n[*.md]\nBasedOnStyles = Vale\n")).toThrow(/'BasedOnStyles' is a syntax-specific option/);
    expect(parse("TokenIgnores = (x+)\n[*.md]\nBasedOnStyles = Vale\n")).toThrow(ConfigError);
  });

  it("a core setting (StylesPath, MinAlertLevel, Vocab, …) inside a section is an error", () => {
    expect(parse("[*.md]\nBasedOnStyles = Vale\nMinAlertLevel = error\n")).toThrow(/'MinAlertLevel' is a core option/);
    expect(parse("[*]\nStylesPath = styles\n")).toThrow(ConfigError);
  });

  it("[*] takes BasedOnStyles, the ignore patterns and Lang, but not Transform or CommentDelimiters", () => {
    expect(parse("[*]\nCommentDelimiters = {/*, */}\n")).toThrow(/'CommentDelimiters' is a syntax-specific option/);
    expect(parse("[*]\nBasedOnStyles = Vale\nBlockIgnores = (x+)\nTokenIgnores = (y+)\nLang = en\nVale.Spelling = NO\n")).not.toThrow();
  });

  it("leaves a key Vale does not know where it is (Packages at the top, a rule level in a section)", () => {
    expect(parse("Packages = Google\nNLPEndpoint = x\n[*.md]\nBasedOnStyles = Vale\nVale.Spelling = warning\n")).not.toThrow();
  });
});

describe("messages for values .vale.ini cannot take", () => {
  it("MinAlertLevel = info names the levels MinAlertLevel takes, not YES or NO", () => {
    const parse = () => parseValeConfig("MinAlertLevel = info\n[*.md]\nBasedOnStyles = Vale\n", "/repo/.vale.ini");
    expect(parse).toThrow(ConfigError);
    expect(parse).toThrow(/MinAlertLevel = info is not valid; use suggestion, warning or error\./);
    expect(parse).not.toThrow(/YES/);
  });
});

describe("a NUL character in a name", () => {
  // Go's os.Stat fails on a name with a NUL, so Vale finds no such style or rule; Node's statSync threw.
  it("names no style and no rule, as in Vale, instead of an internal error", () => {
    const rule = "extends: existence\nmessage: x\ntokens: [foo]\n";
    expect(() => valeProject({ ".vale.ini": "StylesPath = styles\n[*.md]\nBasedOnStyles = S\0\n", "styles/S/R.yml": rule })).toThrow(/the style "S\0" \(BasedOnStyles\) was not found/);
    const project = valeProject({ ".vale.ini": "StylesPath = styles\n[*.md]\nS\0.R = YES\n", "styles/S/R.yml": rule });
    expect(project.setup.styles.warnings.join("\n")).toMatch(/the rule "S\0\.R" was not found/);
  });
});
