import { afterEach, describe, expect, it } from "vitest";
import { removeTemps } from "../helpers.ts";
import { lintText, styleProject, valeProject } from "./vale-project.ts";
import { parseValeConfig, settingsForFile } from "../../src/core/style/vale-ini.ts";

afterEach(removeTemps);

describe("real-world rule files and configurations", () => {
  it("reads a double-quoted description continued on lines at column 0, as Go's YAML reader does (PureLegalTech/LegalRules)", () => {
    const rule = [
      "extends: substitution",
      'message: "Avoid legal couplets"',
      "description: \"The terms are near synonyms. ",
      "",
      "<br><br>'Action or proceeding' is the legal couplet.\"",
      "level: warning",
      "ignorecase: true",
      "swap:",
      "  actions? or proceedings?: actions|proceedings",
      "",
    ].join("\n");
    expect(lintText(styleProject({ Couplets: rule }), "Any action or proceeding.\n")).toEqual(["1:5:S.Couplets:Avoid legal couplets"]);
  });

  it("swap written as a list of one-pair maps is merged into one map", () => {
    const project = styleProject({ Terms: "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nlevel: error\nswap:\n  - utilize: use\n  - leverage: use\n" });
    expect(lintText(project, "We utilize and leverage it.\n")).toEqual(["1:4:S.Terms:Use 'use' instead of 'utilize'.", "1:16:S.Terms:Use 'use' instead of 'leverage'."]);
  });

  it("a consistency rule reports the spelling its group matched, not the white space a WordTemplate adds around it (Linode's \\s(?:%s)\\s)", () => {
    const either = "extends: consistency\nmessage: \"Inconsistent spelling of '%s'\"\nlevel: error\nignorecase: true\neither:\n  behaviour: behavior\n";
    const spaced = styleProject({ British: either }, "WordTemplate = \\s(?:%s)\\s");
    expect(lintText(spaced, "A behaviour and a behavior here.\n")).toEqual(["1:19:S.British:Inconsistent spelling of 'behavior'"]);
    // A group inside a spelling is a group too: Vale's loc is the last group that took part in the match.
    const grouped = styleProject({ British: "extends: consistency\nmessage: \"Inconsistent spelling of '%s'\"\neither:\n  'organi(s)e': organize\n" });
    expect(lintText(grouped, "To organize and to organise.\n")).toEqual(["1:26:S.British:Inconsistent spelling of 's'"]);
  });

  it("a vocabulary term with a regexp2 conditional group loads, as Vale compiles it (JuMP's [Bb]ugfix(?(es)) and (e(?d)))", () => {
    const project = valeProject({
      ".vale.ini": "StylesPath = styles\nVocab = JuMP\n[*.md]\nBasedOnStyles = Vale\n",
      "styles/config/vocabularies/JuMP/accept.txt": "[Bb]ugfix(?(es))\n[Pp]recompil(ation|(e(?d)))\n",
    });
    expect(lintText(project, "A bugfix needs no precompilation.\n")).toEqual([]);
    expect(lintText(project, "A BUGFIX.\n")).toEqual(["1:3:Vale.Terms:Use '[Bb]ugfix(?(es))' instead of 'BUGFIX'."]);
  });

  it("a setting for a rule that does not exist is ignored with a warning", () => {
    const project = styleProject({ Avoid: "extends: existence\nmessage: \"Avoid '%s'.\"\ntokens: [utilize]\n" }, "", {});
    const again = valeProject({
      ".vale.ini": "StylesPath = styles\n[*.md]\nBasedOnStyles = S\nS.ComplexWords = YES\nS.Gone = error\n",
      "styles/S/Avoid.yml": "extends: existence\nmessage: \"Avoid '%s'.\"\ntokens: [utilize]\n",
    });
    expect(again.setup.styles.warnings.join("\n")).toMatch(/S\.ComplexWords.*not found.*ignored/);
    expect(lintText(again, "We utilize it.\n")).toEqual(["1:4:S.Avoid:Avoid 'utilize'."]);
    expect(lintText(project, "We utilize it.\n")).toEqual(["1:4:S.Avoid:Avoid 'utilize'."]);
  });

  it("a rule set to NO is not compiled, so a broken rule that is off does not stop loading", () => {
    const broken = "extends: existence\nmessage: x\ntokens: ['(unclosed']\n";
    
    const off = valeProject({
      ".vale.ini": "StylesPath = styles\n[*.md]\nBasedOnStyles = S\nS.Broken = NO\n",
      "styles/S/Broken.yml": broken,
      "styles/S/Avoid.yml": "extends: existence\nmessage: \"Avoid '%s'.\"\ntokens: [utilize]\n",
    });
    expect(lintText(off, "We utilize it.\n")).toEqual(["1:4:S.Avoid:Avoid 'utilize'."]);
  });

  it("a broken rule that is on is still a configuration error naming its file", () => {
    expect(() => styleProject({ Broken: "extends: existence\nmessage: x\ntokens: ['(unclosed']\n" })).toThrow(/Broken\.yml/);
  });

  it("a skipped rule that the .vale.ini also turns on is reported once", () => {
    const project = valeProject({
      ".vale.ini": "StylesPath = styles\n[*.md]\nBasedOnStyles = S\nS.Script = YES\n",
      "styles/S/Script.yml": "extends: script\nmessage: x\nscript: x\n",
      "styles/S/Avoid.yml": "extends: existence\nmessage: \"Avoid '%s'.\"\ntokens: [utilize]\n",
    });
    expect(project.setup.styles.warnings.filter((w) => w.includes("S.Script"))).toHaveLength(1);
    expect(lintText(project, "We utilize it.\n")).toEqual(["1:4:S.Avoid:Avoid 'utilize'."]);
  });

  it("a sub-scope Vale does not check loads (Elastic's ~text.frontmatter.navigation_title): Vale reads only the scope before the first dot", () => {
    const rule = (scope: string) => `extends: substitution\nmessage: "Use '%s' instead of '%s'."\nignorecase: true\nlevel: error\nscope:\n  - ${scope}\nswap:\n  in order to: to\n`;
    const text = "# In order to\n\nYou do this in order to win.\n";
    // Negated: no Markdown block has the sub-scope, so the rule runs everywhere.
    expect(lintText(styleProject({ Wordiness: rule("~text.frontmatter.navigation_title") }), text)).toEqual([
      "1:3:S.Wordiness:Use 'to' instead of 'In order to'.",
      "3:13:S.Wordiness:Use 'to' instead of 'in order to'.",
    ]);
    // Not negated: no block has it, so the rule never runs.
    expect(lintText(styleProject({ Wordiness: rule("list.foo") }), text)).toEqual([]);
    expect(lintText(styleProject({ Wordiness: rule("text.frontmatter.title") }), text)).toEqual([]);
    // As Vale 3.x, an unknown scope before the first dot loads too (with a warning) and never matches.
    const typo = styleProject({ Wordiness: rule("paragrahp") });
    expect(lintText(typo, text)).toEqual([]);
    expect(typo.setup.styles.warnings.join("\n")).toContain("has a scope no Markdown text has (paragrahp)");
  });

  it("octal escapes, as regexp2 reads them: \\055 is '-', in a rule and in TokenIgnores (Kong's docs)", () => {
    const project = styleProject({ Click: "extends: existence\nmessage: \"Avoid '%s'.\"\ntokens: [click, 'foo\\055bar']\n" }, "", {});
    expect(lintText(project, "A foo-bar.\n")).toEqual(["1:3:S.Click:Avoid 'foo-bar'."]);
    const ignoring = valeProject({
      ".vale.ini": "StylesPath = styles\n[*.md]\nBasedOnStyles = S\nTokenIgnores = (/[A-Za-z0-9\\055/_]*/)\n",
      "styles/S/Click.yml": "extends: existence\nmessage: \"Avoid '%s'.\"\ntokens: [click]\n",
    });
    expect(lintText(ignoring, "Open /api/click-now/ or click.\n")).toEqual(["1:11:S.Click:Avoid 'click'."]);
  });

  it("a TokenIgnores match over a link's destination leaves no link: its brackets are text, as in Vale's rewritten file (PostHog's \\]\\((?:\\\\\\)|[^\\)])+\\))", () => {
    const project = valeProject({
      ".vale.ini": "StylesPath = styles\n[*.md]\nBasedOnStyles = S\nTokenIgnores = \\]\\((?:\\\\\\)|[^\\)])+\\)\n",
      "styles/S/Here.yml": "extends: existence\nmessage: \"Bracket '%s'.\"\nlevel: error\nnonword: true\ntokens:\n  - '\\[here'\n",
      "styles/S/Repeat.yml": "extends: repetition\nmessage: \"'%s' is repeated.\"\nlevel: error\ntokens:\n  - '[^\\s]+'\n",
    });
    expect(lintText(project, "Click [here](https://x.io) now.\n\nRead the [the](https://x.io) page.\n")).toEqual(["1:7:S.Here:Bracket '[here'."]);
    // A match inside the destination only (100ms' ([A-Z])[a-z]* on a GitHub URL) leaves the link whole.
    const inside = valeProject({
      ".vale.ini": "StylesPath = styles\n[*.md]\nBasedOnStyles = S\nTokenIgnores = [A-Z][a-z]*\n",
      "styles/S/Repeat.yml": "extends: repetition\nmessage: \"'%s' is repeated.\"\nlevel: error\ntokens:\n  - '[^\\s]+'\n",
    });
    expect(lintText(inside, "read the [the](https://x.io/Meeting/View) page\n")).toEqual(["1:1:S.Repeat:'the' is repeated."]);
  });

  it("TokenIgnores text reads as code to every rule, as Vale rewrites it as code before parsing: a phrase across it is no match", () => {
    const project = valeProject({
      ".vale.ini": "StylesPath = styles\n[*.md]\nBasedOnStyles = S\nTokenIgnores = (\\bworld\\b)\n",
      "styles/S/Phrase.yml": "extends: existence\nmessage: \"Avoid '%s'.\"\ntokens: ['hello world', 'hello']\n",
    });
    expect(lintText(project, "Say hello world to everyone.\n")).toEqual(["1:5:S.Phrase:Avoid 'hello'."]);
  });

  it("inline code, an autolink and an ignored strong read as one star per character of their text, not of their markup (Vale's clean())", () => {
    const project = styleProject({ Stars: "extends: existence\nmessage: \"Stars: '%s'\"\nnonword: true\ntokens: ['\\*+']\n" }, "IgnoredScopes = code, strong\n");
    expect(lintText(project, "Run `abc` now.\n\nSee <https://a.io> now.\n\nSee **bold** now.\n\nSee ``a`b`` now.\n")).toEqual([
      // The stars are not in the file as written: as Vale (guessLocation), the alert goes to column 1.
      "1:1:S.Stars:Stars: '***'",
      "3:1:S.Stars:Stars: '************'",
      "5:1:S.Stars:Stars: '****'",
      "7:1:S.Stars:Stars: '***'",
    ]);
    // On one line they all go to column 1, and Vale keeps one alert of a check per line and column (AddAlert's history).
    expect(lintText(project, "See <https://a.io> and **bold** and ``a`b``.\n")).toEqual(["1:1:S.Stars:Stars: '************'"]);
  });

  // Vale's lintHTMLTokens reads each text token trimmed and clean() puts a space before inline content
  // and the text after it, unless that text starts with . ? ! , : ; ) ] } — – (and is not starred), or
  // the text so far ends in ( [ { — –: `guide`](`` reads "guide **", not "guide**".
  it("inline markup written against a word is a word apart, as Vale's clean() spaces it; not after ( [ { or before , . : ) ]", () => {
    const project = styleProject({ Glued: "extends: existence\nmessage: \"Glued: '%s'\"\nnonword: true\ntokens: ['[a-z]\\*', '\\*[a-z]', '\\( \\*', '\\* \\)', 'Note :', 'bold \\.']\n" });
    expect(lintText(project, "Run foo`abc` now, and the `config`s file.\n\nSee **Note**: and (`abc`) and **bold**.\n")).toEqual([]);
    // Where the source has no space, one is read: a phrase across the markup matches, and as that text is
    // not in the file as written, it is reported at column 1, as Vale's guessLocation places it.
    const phrase = styleProject({ Phrase: "extends: existence\nmessage: \"Phrase: '%s'\"\ntokens: ['very bold']\n" });
    expect(lintText(phrase, "It is very**bold** indeed.\n")).toEqual(["1:1:S.Phrase:Phrase: 'very bold'"]);
  });

  it("Crossplane's custom spelling rule does not read a link's last word glued to the stars of its ignored ']('", () => {
    // crossplane/docs utils/vale/.vale.ini (TokenIgnores, BlockIgnores) and styles/Crossplane/Spelling.yml (custom: true)
    const project = valeProject({
      ".vale.ini": "StylesPath = styles\n[*.md]\nBasedOnStyles = Crossplane\nTokenIgnores = (\\]\\()\nBlockIgnores = (\\{\\{<\\s*\\/?.*>\\}\\})\n",
      "styles/Crossplane/Spelling.yml": "extends: spelling\nmessage: 'Spelling check: \"%s\"?'\nlevel: error\ncustom: true\nfilters:\n  - v\\d\n",
    });
    // Vale's rewrite of `](` as code leaves no link (Crossplane's .vale.ini: "Ignore the markdown link to
    // check the last word of the link"), so the relative destination `/api)` is text to the rule too.
    expect(lintText(project, "- See the\n  [unused resources guide]({{<ref \"../guides/x\">}})\n  for more help\n- Check the [API reference](/api) for the schema\n")).toEqual([
      '4:29:Crossplane.Spelling:Spelling check: "/api"?',
    ]);
  });

  it("an HTML block in a list item is read where it is written, past the item's indentation (timescale/docs)", () => {
    // timescale/docs .vale.ini TokenIgnores and _partials/_add-data-twelvedata-stocks.md (abridged)
    const project = valeProject({
      ".vale.ini": "StylesPath = styles\n[*.md]\nBasedOnStyles = S\nTokenIgnores = (\\[[^\\]\\[]+\\])\n",
      "styles/S/Names.yml": "extends: existence\nmessage: \"Name '%s'\"\nlevel: error\ntokens: [timescale, real_data, Download]\n",
    });
    const text = "1.  Get it.\n\n    <Tag type=\"download\">\n      [real_data.zip](https://assets.timescale.com/docs/real_data.zip)\n      Download it\n    </Tag>\n";
    // [real_data.zip] is TokenIgnores code; the real_data of the URL is text, as in Vale's raw HTML.
    expect(lintText(project, text)).toEqual(["4:38:S.Names:Name 'timescale'", "4:57:S.Names:Name 'real_data'", "5:7:S.Names:Name 'Download'"]);
  });

  it("a vale on comment at the end of an HTML block in a list item holds from where it is written (aiven-docs)", () => {
    // aiven/aiven-docs docs/products/clickhouse/get-started.md (abridged): vale off, then a <details>
    // block whose last line is <!-- vale on -->, all indented under a list item.
    const project = styleProject({ Parens: "extends: existence\nmessage: \"Parens\"\nnonword: true\ntokens: ['\\(.+\\)']\n" });
    const rows = Array.from({ length: 12 }, (_, i) => `      Column${i} UInt32,`).join("\n");
    const text = `1. Create the tables.\n\n   <!-- vale off -->\n   <details><summary>\n   Expand it\n   </summary>\n    \`\`\`sql\n    CREATE TABLE t (\n${rows}\n    ) ENGINE = MergeTree(Sign)\n    ORDER BY (CounterID, StartDate)\n    \`\`\`\n   </details>\n   <!-- vale on -->\n\n   Then load (the data).\n`;
    expect(lintText(project, text)).toEqual(["27:14:S.Parens:Parens"]);
  });

  it("a rule that matches the stars of TokenIgnores text reports them at column 1, as Vale does for text not in the file as written", () => {
    const project = valeProject({
      ".vale.ini": "StylesPath = styles\n[*.md]\nBasedOnStyles = S\nTokenIgnores = (FOO\\w+)\n",
      "styles/S/Stars.yml": "extends: existence\nmessage: \"Stars: '%s'\"\nnonword: true\ntokens: ['\\*+']\n",
    });
    expect(lintText(project, "Use FOOBAR value here.\n")).toEqual(["1:1:S.Stars:Stars: '******'"]);
  });

  it("a StylesPath that does not exist is a configuration error, as in Vale (E201)", () => {
    expect(() => valeProject({ ".vale.ini": "StylesPath = nowhere\n[*.md]\nBasedOnStyles = Vale\n" })).toThrow(/StylesPath .*nowhere does not exist/);
  });

  it("a style that Packages lists but is not on StylesPath says to fetch the package, which Verity does not download", () => {
    const hint = (ini: string) => {
      try {
        valeProject({ ".vale.ini": ini, "styles/.keep": "" });
      } catch (error) {
        return `${(error as Error).message} | ${(error as { hint?: string }).hint}`;
      }
      return "no error";
    };
    const packaged = hint("StylesPath = styles\nPackages = Google, https://example.com/releases/proselint.zip\n[*.md]\nBasedOnStyles = proselint\n");
    expect(packaged).toMatch(/the style "proselint" \(BasedOnStyles\) was not found/);
    expect(packaged).toMatch(/listed in Packages.*vale sync/);
    expect(hint("StylesPath = styles\n[*.md]\nBasedOnStyles = Google\n")).toMatch(/Put the style's folder under StylesPath/);
  });

  it("an ignore pattern that does not compile is a configuration error naming it, as in Vale (E201)", () => {
    const files = { "styles/S/Click.yml": "extends: existence\nmessage: x\ntokens: [click]\n" };
    expect(() => valeProject({ ".vale.ini": "StylesPath = styles\n[*.md]\nBasedOnStyles = S\nTokenIgnores = (abc\n", ...files })).toThrow(/TokenIgnores has a pattern that cannot be used/);
    expect(() => valeProject({ ".vale.ini": "StylesPath = styles\n[*.md]\nBasedOnStyles = S\nBlockIgnores = [z-a]\n", ...files })).toThrow(/BlockIgnores has a pattern that cannot be used/);
  });

  it("a substitution rule with an empty swap loads as Vale loads it (it never reports), with a warning; a .yaml file is no rule", () => {
    const project = valeProject({
      ".vale.ini": "StylesPath = styles\n[*.md]\nBasedOnStyles = S\n",
      "styles/S/Contractions.yml": "extends: substitution\nmessage: \"Use '%s'.\"\nswap:\n",
      "styles/S/Ui.yaml": "extends: existence\nmessage: \"Avoid '%s'.\"\nlevel: error\ntokens: [click]\n",
      "styles/S/Avoid.yml": "extends: existence\nmessage: \"Avoid '%s'.\"\ntokens: [utilize]\n",
    });
    expect(lintText(project, "We utilize it; click here.\n")).toEqual(["1:4:S.Avoid:Avoid 'utilize'."]);
    const warnings = project.setup.styles.warnings.join("\n");
    expect(warnings).toMatch(/Contractions\.yml: rule S\.Contractions is skipped: its "swap" mapping is empty/);
    expect(warnings).toMatch(/Ui\.yaml: not read: Vale reads rule files ending in \.yml only/);
  });

  it("spelling checks the words of an accepted multi-word term only outside it (Vale #1035)", () => {
    const project = valeProject({
      ".vale.ini": "StylesPath = styles\nVocab = V\n[*.md]\nBasedOnStyles = Vale\n",
      "styles/config/vocabularies/V/accept.txt": "qwzxy plorb\n",
    });
    expect(lintText(project, "We met qwzxy plorb, not qwzxy alone.\n")).toEqual(["1:8:Vale.Spelling:Did you really mean 'qwzxy'?"]);
  });

  it("GitLab-style rules: \\u escapes in tokens and exceptions", () => {
    const project = styleProject({ Quotes: "extends: existence\nmessage: \"Use straight quotes: '%s'.\"\nlevel: warning\nnonword: true\ntokens:\n  - '[\\u201c\\u201d]'\n" });
    expect(lintText(project, "Say “hi”.\n")).toEqual(["1:5:S.Quotes:Use straight quotes: '“'.", "1:8:S.Quotes:Use straight quotes: '”'."]);
  });

  it("PingCAP's docs configuration: a Vale 2 Vocab folder, \\' in a double-quoted swap key, a (?i) inside one swap alternative, code and quotes left out", () => {
    const project = valeProject({
      ".vale.ini": "StylesPath = styles\nVocab = PingCAP\nMinAlertLevel = error\n\nIgnoredScopes = code, tt\nSkippedScopes = pre, figure, blockquote, script, style\n\n[*.md]\nBasedOnStyles = PingCAP, Vale\nVale.Avoid = YES\nVale.Spelling = NO\nVale.Terms = NO\n",
      "styles/PingCAP/Contractions.yml": "extends: substitution\nmessage: Use '%s' instead of '%s'\nignorecase: false\nlevel: error\nswap:\n  \"(?:can\\'t)\": cannot\n  \"(?:won\\'t)\": will not\n",
      "styles/PingCAP/console.yml": "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nignorecase: false\nlevel: error\nnonword: true\naction:\n  name: replace\nswap:\n  'TiDB Cloud Console': TiDB Cloud console\n  '(?i)on(?:\\s*)(?:the)?(?:\\s*)TiDB Cloud console': in the TiDB Cloud console\n",
      "styles/Vocab/PingCAP/reject.txt": "TiBD\n(?i)a lot\n",
    });
    const text = "You can't log on the TiDB Cloud console or the TiDB Cloud Console with TiBD.\n\nIt uses A lot of `can't`.\n\n> You can't quote this.\n";
    expect(lintText(project, text)).toEqual([
      "1:5:PingCAP.Contractions:Use 'cannot' instead of 'can't'",
      "1:15:PingCAP.console:Use 'in the TiDB Cloud console' instead of 'on the TiDB Cloud console'.",
      "1:48:PingCAP.console:Use 'TiDB Cloud console' instead of 'TiDB Cloud Console'.",
      "1:72:Vale.Avoid:Avoid using 'TiBD'.",
      "3:9:Vale.Avoid:Avoid using 'A lot'.",
    ]);
  });

  it("Azure Arc Jumpstart's vocabulary accepts both Jumpstart and jumpstart: Vale.Terms keeps the last (loadVocabRules keys its swap by lower case) and reports the other", () => {
    const project = valeProject({
      ".vale.ini": "StylesPath = .github/styles\nMinAlertLevel = warning\n\nPackages = Microsoft\nVocab = Jumpstart\n\n[*.md]\nBasedOnStyles = Vale\nVale.Spelling = NO\n",
      ".github/styles/Vocab/Jumpstart/accept.txt": "Contoso\nJumpstart\nArc\njumpstart\nonboarding",
    });
    expect(lintText(project, "Arc Jumpstart helps jumpstart onboarding at contoso.\n")).toEqual([
      "1:5:Vale.Terms:Use 'jumpstart' instead of 'Jumpstart'.",
      "1:45:Vale.Terms:Use 'Contoso' instead of 'contoso'.",
    ]);
  });

  it("a [[!.]*.adoc] section gives every AsciiDoc page its styles but not its TokenIgnores, whose glob Vale matches against the extension `.adoc` (theforeman/foreman-documentation)", () => {
    const ini = "StylesPath = .vale/styles\n[[!.]*.adoc]\nBasedOnStyles = RedHat\nTokenIgnores = (\\{[0-9A-Za-z_][0-9A-Za-z_-]*URL\\}[^\\[\\s]*)\n";
    const settings = settingsForFile(parseValeConfig(ini, "/repo/.vale.ini"), "guides/common/modules/con_a.adoc");
    expect([...settings.baseStyles]).toEqual(["RedHat"]);
    expect(settings.tokenIgnores).toEqual([]);
  });

  it("Vale.Terms takes the last of two accepted spellings that differ in case only, as Vale's swap map keyed by the lower-cased term does (knope-dev/knope's changeset and Changeset)", () => {
    const project = valeProject({
      ".vale.ini": "StylesPath = styles\nVocab = Custom\n[*.md]\nBasedOnStyles = Vale\nVale.Spelling = NO\n",
      "styles/config/vocabularies/Custom/accept.txt": "changeset\nChangeset\n",
    });
    expect(lintText(project, "Add a changeset, then a Changeset.\n")).toEqual(["1:7:Vale.Terms:Use 'Changeset' instead of 'changeset'."]);
  });

  it("section headers with a comment after them, a level of `false` with an inline comment, and brace alternatives written with spaces, which gobwas keeps (JuliaManifolds/Manopt.jl)", () => {
    const ini = [
      "StylesPath = docs/styles",
      "[docs/src/*.md]",
      "BasedOnStyles = Vale",
      "[{docs/src/contributing.md, Changelog.md, CONTRIBUTING.md}]",
      "BasedOnStyles = Vale",
      "Vale.Spelling = false ; given format",
      "[src/*.md] ; actually .jl",
      "BasedOnStyles = Vale",
      "[test/plans/test_debug.md] #repeat previous",
      "Vale.Repetition = false #wto ignore",
    ].join("\n");
    const config = parseValeConfig(ini, "/repo/.vale.ini");
    expect([...settingsForFile(config, "src/a.md").baseStyles]).toEqual(["Vale"]);
    expect(settingsForFile(config, "test/plans/test_debug.md").rules.get("Vale.Repetition")).toBe(false);
    // `{a, b}`: the second alternative is " Changelog.md", with its space, so Changelog.md takes no section.
    expect([...settingsForFile(config, "Changelog.md").baseStyles]).toEqual([]);
    expect(settingsForFile(config, "docs/src/contributing.md").rules.get("Vale.Spelling")).toBe(false);
  });

  it("a rule named with a level and no BasedOnStyles is the only rule that runs (evergreen-library-system/Evergreen's AsciiDoc.ImageContainsAltText = error)", () => {
    const project = valeProject({
      ".vale.ini": "StylesPath = vale-styles\nMinAlertLevel = suggestion\n[*.md]\nS.Alt = error\n",
      "vale-styles/S/Alt.yml": "extends: existence\nscope: raw\nlevel: warning\nmessage: \"Image is missing accessibility alt tags.\"\nraw:\n  - '!\\[\\]'\n",
      "vale-styles/S/Other.yml": "extends: existence\nmessage: \"Other '%s'.\"\ntokens: [image]\n",
    });
    expect(lintText(project, "An image:\n\n![](a.png)\n")).toEqual(["3:1:S.Alt:Image is missing accessibility alt tags."]);
  });

  it("a `**/` section matches a locale folder at the top, so its setting holds there (InsForge's [**/{zh,zh-Hant,es}/**] Vale.Spelling = NO)", () => {
    const config = parseValeConfig("StylesPath = styles\n[*.{md,mdx}]\nVale.Spelling = YES\n[**/{zh,zh-Hant,es}/**]\nVale.Spelling = NO\n", "/repo/.vale.ini");
    expect(settingsForFile(config, "zh-Hant/faq.mdx").rules.get("Vale.Spelling")).toBe(false);
    expect(settingsForFile(config, "guides/es/faq.mdx").rules.get("Vale.Spelling")).toBe(false);
    expect(settingsForFile(config, "faq.mdx").rules.get("Vale.Spelling")).toBe(true);
  });
});
