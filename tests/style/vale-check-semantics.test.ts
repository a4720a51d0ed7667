/** Rule-type details read from Vale's own checks (internal/check/*.go), one case each. */
import { afterEach, describe, expect, it } from "vitest";
import { removeTemps } from "../helpers.ts";
import { lintText, styleProject, valeProject } from "./vale-project.ts";

afterEach(removeTemps);

describe("occurrence", () => {
  it("gives the message the number of matches as a Go int (occurrence.go since Vale 3.15, #1048): %d prints it, %s is Go's error text", () => {
    const project = styleProject({ Commas: "extends: occurrence\nmessage: \"%d commas in one sentence.\"\nscope: sentence\nmax: 2\ntoken: ','\n" });
    expect(lintText(project, "One, two, three, four.\n")).toEqual(["1:4:S.Commas:3 commas in one sentence."]);
    const asText = styleProject({ Commas: "extends: occurrence\nmessage: \"%s commas in one sentence.\"\nscope: sentence\nmax: 2\ntoken: ','\n" });
    expect(lintText(asText, "One, two, three, four.\n")).toEqual(["1:4:S.Commas:%!s(int=3) commas in one sentence."]);
    // Std's SentenceLength (Vale 3.20's standard library) and its children word their messages so.
    const std = styleProject({ Length: "extends: occurrence\nmessage: \"Long sentence: %d words.\"\nscope: sentence\nmax: 3\ntoken: \\b(\\w+)\\b\n" });
    expect(lintText(std, "One two three four five.\n")).toEqual(["1:1:S.Length:Long sentence: 5 words."]);
  });

  it("too few matches: the count is 0 and the alert is at the start of the file", () => {
    const project = styleProject({ Links: "extends: occurrence\nmessage: \"Found %d links; add one.\"\nscope: paragraph\nmin: 1\ntoken: 'https?://'\n" });
    expect(lintText(project, "Some text.\n")).toEqual(["1:1:S.Links:Found 0 links; add one."]);
  });
});

describe("conditional", () => {
  it("ignorecase does not apply to first or second (Vale compiles both as written)", () => {
    const project = styleProject({ Def: "extends: conditional\nmessage: \"'%s' has no definition.\"\nignorecase: true\nfirst: '\\b([A-Z]{3})\\b'\nsecond: '\\(([A-Z]{3})\\)'\n" });
    // With (?i), [A-Z]{3} would match "the" and "was".
    expect(lintText(project, "the CDN was fast.\n")).toEqual(["1:5:S.Def:'CDN' has no definition."]);
  });

  it("a second pattern without a capture group is a presence check (Vale #1048): a block with a match of second has no alert", () => {
    const project = styleProject({ Def: "extends: conditional\nmessage: \"'%s' has no definition.\"\nfirst: '\\b[A-Z]{3}\\b'\nsecond: '\\([A-Z]{3}\\)'\n" });
    expect(lintText(project, "Content Delivery Network (CDN): the CDN is fast.\n\nThe API and the SDK.\n")).toEqual(["3:5:S.Def:'API' has no definition.", "3:17:S.Def:'SDK' has no definition."]);
  });

  it("a rule without second loads and reports every match of first, as NewConditional compiles the missing pattern to an empty one (GOV.UK's DottedAcronyms)", () => {
    const project = styleProject({
      Dotted: "extends: conditional\nmessage: \"Do not use dots in acronyms\"\nlevel: error\nignorecase: false\nfirst: '\\b[A-Z]\\.([A-Z]\\.)+\\b'",
      Auth: "extends: conditional\nmessage: 'Auth is ambiguous.'\nfirst: '\\b[aA]uth\\b'\nsecond: ''\n",
    });
    expect(lintText(project, "See the U.S.A.gov site about auth.\n\nAuth is set.\n")).toEqual([
      "1:9:S.Dotted:Do not use dots in acronyms",
      "1:30:S.Auth:Auth is ambiguous.",
      "3:1:S.Auth:Auth is ambiguous.",
    ]);
  });
});

describe("capitalization", () => {
  const rule = (match: string, extra = "") => `extends: capitalization\nmessage: "'%s' should be '%s'."\nscope: heading\nthreshold: 1\nmatch: ${match}\n${extra}`;

  it("the second %s is what Vale expects: the upper-cased text for $upper, the pattern for a pattern", () => {
    expect(lintText(styleProject({ Up: rule("$upper") }), "# Read me\n")).toEqual(["1:3:S.Up:'Read me' should be 'READ ME'."]);
    expect(lintText(styleProject({ Low: rule("$lower") }), "# Read Me\n")).toEqual(["1:3:S.Low:'Read Me' should be 'read me'."]);
    expect(lintText(styleProject({ Pat: rule("'^[A-Z]'") }), "# read me\n")).toEqual(["1:3:S.Pat:'read me' should be '^[A-Z]'."]);
  });

  it("$sentence: the second %s is the sentence-case conversion", () => {
    expect(lintText(styleProject({ Sent: rule("$sentence") }), "# Read The Manual\n")).toEqual(["1:3:S.Sent:'Read The Manual' should be 'Read the manual'."]);
  });

  it("$title follows twine's title converter: its small-word list, hyphenated parts, the last word capitalised", () => {
    const project = styleProject({ Title: rule("$title") });
    // "off" is not one of twine's small words; "if" is; each part of a hyphenated word is a word.
    expect(lintText(project, "# Turn off the step-by-step guide if needed\n")).toEqual([
      "1:3:S.Title:'Turn off the step-by-step guide if needed' should be 'Turn Off the Step-by-Step Guide if Needed'.",
    ]);
    expect(lintText(project, "# Turn Off the Step-by-Step Guide if Needed\n")).toEqual([]);
  });

  it("$title Chicago style also lowers prepositions; with accepted words, exceptions are written as listed", () => {
    const project = styleProject({ Title: rule("$title", "style: Chicago\nexceptions:\n  - macOS\n") }, "Vocab = V", { "styles/config/vocabularies/V/accept.txt": "Zyxwv\n" });
    expect(lintText(project, "# Install Through the Installer Without macOS\n")).toEqual([
      "1:3:S.Title:'Install Through the Installer Without macOS' should be 'Install through the Installer without macOS'.",
    ]);
  });

  it("a heading without a word ('🎉', '---') fails $sentence and $title: Vale's share of good words is 0/0, NaN, below any threshold", () => {
    for (const match of ["$sentence", "$title"]) {
      const project = styleProject({ Cap: "extends: capitalization\nmessage: \"'%s'\"\nscope: heading\nmatch: " + match + "\n" });
      expect(lintText(project, "# 🎉\n\n## Setup\n")).toEqual(["1:3:S.Cap:'🎉'"]);
    }
  });

  it("$title without accepted words: Vale has made the term case-sensitive ((?-i)macOS), so the converter, which looks up the lower-cased word, capitalises it", () => {
    const project = styleProject({ Title: rule("$title", "style: Chicago\nexceptions:\n  - macOS\n") });
    expect(lintText(project, "# Install Through the Installer Without macOS\n")).toEqual([
      "1:3:S.Title:'Install Through the Installer Without macOS' should be 'Install through the Installer without MacOS'.",
    ]);
  });
});

describe("regex dialect: regexp2's classes (Vale compiles with regexp2.CompileStd)", () => {
  it("\\d is any Unicode decimal digit, as in .NET: fullwidth digits match", () => {
    const project = styleProject({ Num: "extends: existence\nmessage: \"Number '%s'.\"\nnonword: true\ntokens:\n  - '\\d+GB'\n" });
    expect(lintText(project, "容量为１２GB。\n")).toEqual(["1:4:S.Num:Number '１２GB'."]);
  });

  it("\\w and \\b use .NET's word class (letters, Mn marks, Nd digits, connector punctuation): ② is not a word character", () => {
    const project = styleProject({ Step: "extends: existence\nmessage: \"Step '%s'.\"\ntokens:\n  - 'step'\n" });
    // U+2461 (circled two) is No, not a word character for regexp2, so "step②" has a boundary before ②.
    expect(lintText(project, "Do step② now.\n")).toEqual(["1:4:S.Step:Step 'step'."]);
    const word = styleProject({ W: "extends: existence\nmessage: \"Word '%s'.\"\nnonword: true\ntokens:\n  - 'x\\w'\n" });
    expect(lintText(word, "x² and x‿y\n")).toEqual(["1:8:S.W:Word 'x‿'."]);
  });
});

describe("regex dialect: a - after a class escape in a class is a literal, as regexp2 reads it", () => {
  it("GitLab's OxfordComma pattern [\\w-_` ] loads and matches hyphens", () => {
    const project = styleProject({ Oxford: "extends: existence\nmessage: \"Use a comma before the last 'and' or 'or' in a list of items.\"\nscope: sentence\nraw:\n  - '(?:[\\w-_` ]+, ?){2,}[\\w-_`]+ (and |or )'\n" });
    expect(lintText(project, "Use pre-commit, lint_all, build and test.\n")).toEqual(["1:1:S.Oxford:Use a comma before the last 'and' or 'or' in a list of items."]);
  });

  it("[\\s-] and [\\p{L}-_] keep the hyphen", () => {
    const project = styleProject({ H: "extends: existence\nmessage: \"'%s'\"\nnonword: true\ntokens:\n  - 'x[\\s-]y'\n  - 'z[\\p{L}-_]+'\n" });
    expect(lintText(project, "x-y and za-_b\n")).toEqual(["1:1:S.H:'x-y'", "1:9:S.H:'za-_b'"]);
  });
});

describe("Vale.Terms", () => {
  it("swaps every accepted term, a pattern too, and shows what a pattern spells (Vale 3.x loadVocabRules, #997)", () => {
    const project = valeProject({
      ".vale.ini": "StylesPath = styles\nVocab = V\n[*.md]\nBasedOnStyles = Vale\nVale.Spelling = NO\n",
      "styles/config/vocabularies/V/accept.txt": "Node.js\n[Pp]ython\nGitLab\nWi-Fi 6\nOAuth2?\n",
    });
    // Python and OAuth are right as written; [Pp]ython spells no one text, so it is quoted as written.
    expect(lintText(project, "Use node.js, PYTHON, Python, gitlab, oauth2, OAuth and wi-fi 6.\n")).toEqual([
      "1:5:Vale.Terms:Use 'Node.js' instead of 'node.js'.",
      "1:14:Vale.Terms:Use '[Pp]ython' instead of 'PYTHON'.",
      "1:30:Vale.Terms:Use 'GitLab' instead of 'gitlab'.",
      "1:38:Vale.Terms:Use 'OAuth2' instead of 'oauth2'.",
      "1:56:Vale.Terms:Use 'Wi-Fi 6' instead of 'wi-fi 6'.",
    ]);
  });
});

describe(".vale.ini rule settings, read as Vale's validateLevel reads them", () => {
  const avoid = "extends: existence\nmessage: \"Avoid '%s'.\"\nlevel: suggestion\ntokens: [utilize]\n";
  const project = (value: string) =>
    valeProject({ ".vale.ini": `StylesPath = styles\nMinAlertLevel = suggestion\n[*.md]\nBasedOnStyles = S\nS.Avoid = ${value}\n`, "styles/S/Avoid.yml": avoid });

  it("only YES, NO, suggestion, warning and error are understood, exactly as written", () => {
    expect(lintText(project("YES"), "We utilize it.\n")).toEqual(["1:4:S.Avoid:Avoid 'utilize'."]);
    expect(lintText(project("NO"), "We utilize it.\n")).toEqual([]);
    expect(lintText(project("warning"), "We utilize it.\n")).toEqual(["1:4:S.Avoid:Avoid 'utilize'."]);
  });

  it("any other value (Yes, true, Warning) turns the rule off, with a warning instead of a load error", () => {
    for (const value of ["Yes", "true", "Warning"]) {
      const p = project(value);
      expect(lintText(p, "We utilize it.\n"), value).toEqual([]);
      expect(p.setup.styles.warnings.join("\n"), value).toMatch(new RegExp(`S\\.Avoid = ${value}.*off`));
    }
  });
});

describe("Vale.Avoid", () => {
  it("accepted words are exceptions for it too, as for any existence rule (Vale's Avoid does not turn vocab off)", () => {
    const project = valeProject({
      ".vale.ini": "StylesPath = styles\nVocab = Docs\n[*.md]\nBasedOnStyles = Vale\n",
      "styles/config/vocabularies/Docs/accept.txt": "JavaScript\n",
      "styles/config/vocabularies/Docs/reject.txt": "(?i)javascript\n",
    });
    expect(lintText(project, "Use JavaScript, not javascript.\n").filter((l) => l.includes("Vale.Avoid"))).toEqual(["1:21:Vale.Avoid:Avoid using 'javascript'."]);
  });
});

describe("a rule's level set in a section", () => {
  const avoid = "extends: existence\nmessage: \"Avoid '%s'.\"\ntokens: [utilize]\n";
  const project = (sections: string) => valeProject({ ".vale.ini": `StylesPath = styles\nMinAlertLevel = error\n${sections}`, "styles/S/Avoid.yml": avoid });

  it("holds for every file, not only the section's (Vale keeps one RuleToLevel for the whole config)", () => {
    const p = project("[*.md]\nBasedOnStyles = S\n[docs/*.md]\nS.Avoid = error\n");
    expect(lintText(p, "We utilize it.\n", "a.md")).toEqual(["1:4:S.Avoid:Avoid 'utilize'."]);
    expect(lintText(p, "We utilize it.\n", "docs/b.md")).toEqual(["1:4:S.Avoid:Avoid 'utilize'."]);
  });

  it("[*] is read before the other sections, so a later section's level wins over it wherever [*] is written", () => {
    const p = project("[*.md]\nBasedOnStyles = S\nS.Avoid = warning\n[*]\nS.Avoid = error\n");
    expect(lintText(p, "We utilize it.\n", "a.md")).toEqual([]);
  });
});

describe("scopes Vale does not validate", () => {
  it("a scope joined with & is not checked by Vale: an unknown part loads and never matches", () => {
    const rule = "extends: existence\nmessage: \"Avoid '%s'.\"\nscope:\n  - sentence - ~blockquote & ~heading\ntokens: [utilize]\n";
    const project = styleProject({ Odd: rule, Avoid: "extends: existence\nmessage: \"Avoid '%s'.\"\ntokens: [leverage]\n" });
    expect(lintText(project, "We utilize and leverage it.\n")).toEqual(["1:16:S.Avoid:Avoid 'leverage'."]);
  });
});

describe("scope: raw reads the file as written", () => {
  it("TokenIgnores and BlockIgnores do not hide raw alerts (Vale lints raw rules on the file's lines, not the transformed text)", () => {
    const project = valeProject({
      ".vale.ini": "StylesPath = styles\nMinAlertLevel = suggestion\n[*.md]\nBasedOnStyles = S\nTokenIgnores = (\\*\\*\\{\\w*\\}\\*\\*)\n",
      "styles/S/Icon.yml": "extends: existence\nmessage: \"Icon '%s'.\"\nscope: raw\nnonword: true\ntokens:\n  - '\\{tanuki\\}'\n",
      "styles/S/Word.yml": "extends: existence\nmessage: \"Word '%s'.\"\ntokens: [tanuki]\n",
    });
    expect(lintText(project, "Select **{tanuki}** here.\n")).toEqual(["1:10:S.Icon:Icon '{tanuki}'."]);
  });
});

describe("messages are filled as Vale's makeAlert and CondSprintf fill them", () => {
  it("existence: %s is the match; a second %s is empty without an action (Go's Sprintf with Vale's extra empty value)", () => {
    const project = styleProject({ Two: "extends: existence\nmessage: \"'%s' is not '%s'.\"\ntokens:\n  - 'util(ize)'\n" });
    expect(lintText(project, "We utilize it.\n")).toEqual(["1:4:S.Two:'utilize' is not ''."]);
  });

  it("existence with action replace: the second %s is the replacement (one as is, several as a sentence)", () => {
    const one = styleProject({ One: "extends: existence\nmessage: \"Replace '%s' with '%s'.\"\naction:\n  name: replace\n  params: [use]\ntokens: [utilize]\n" });
    expect(lintText(one, "We utilize it.\n")).toEqual(["1:4:S.One:Replace 'utilize' with 'use'."]);
    const two = styleProject({ Two: "extends: existence\nmessage: \"Replace '%s' with %s.\"\naction:\n  name: replace\n  params: [use, apply]\ntokens: [utilize]\n" });
    expect(lintText(two, "We utilize it.\n")).toEqual(["1:4:S.Two:Replace 'utilize' with 'use' or 'apply'."]);
  });

  it("a %s past the values and Vale's extra empty one is Go's %!s(MISSING)", () => {
    const project = styleProject({ Three: "extends: existence\nmessage: \"%s %s %s %s\"\naction:\n  name: remove\ntokens: [utilize]\n" });
    expect(lintText(project, "We utilize it.\n")).toEqual(["1:4:S.Three:utilize %!s(MISSING)"]);
  });
});

describe("accepted vocabulary in nonword rules", () => {
  it("accepted terms are not exceptions for nonword existence rules (Vale 3.15, NewExistence: rule.Vocab && !rule.Nonword)", () => {
    // Vale's own scenario (testdata/fixtures/vocab/Nonword): the accepted "plugh" must not silence a
    // rule about punctuation around quotes.
    const project = valeProject({
      ".vale.ini": "StylesPath = styles\nVocab = Nonword\n[*.md]\nBasedOnStyles = Bug\n",
      "styles/config/vocabularies/Nonword/accept.txt": "plugh\n",
      "styles/Bug/Quotes.yml": "extends: existence\nmessage: \"Commas and periods go inside quotation marks.\"\nlevel: warning\nnonword: true\ntokens:\n  - '\"[^\"]+\"[.,]'\n",
    });
    expect(lintText(project, 'A normal word in "quotes", is flagged.\n\nThe extra word in quotes: "plugh", is flagged too.\n')).toEqual([
      "1:18:Bug.Quotes:Commas and periods go inside quotation marks.",
      "3:27:Bug.Quotes:Commas and periods go inside quotation marks.",
    ]);
  });

  it("a word existence rule still takes accepted terms as exceptions", () => {
    const project = valeProject({
      ".vale.ini": "StylesPath = styles\nVocab = V\n[*.md]\nBasedOnStyles = S\n",
      "styles/config/vocabularies/V/accept.txt": "e-mail\n",
      "styles/S/Hyphen.yml": "extends: existence\nmessage: \"Hyphenated '%s'.\"\ntokens:\n  - '\\w+-\\w+'\n",
    });
    expect(lintText(project, "Send an e-mail to the co-owner.\n")).toEqual(["1:23:S.Hyphen:Hyphenated 'co-owner'."]);
  });
});

describe("capitalization and vocab: false", () => {
  it("vocab: false keeps accepted terms out of the exceptions, as Vale's updateExceptions(…, rule.Vocab)", () => {
    const files = (vocab: string) => ({
      ".vale.ini": "StylesPath = styles\nVocab = V\n[*.md]\nBasedOnStyles = S\n",
      "styles/config/vocabularies/V/accept.txt": "Lumen\n",
      "styles/S/Lower.yml": `extends: capitalization\nmessage: "'%s' should be lower case."\nscope: heading\nmatch: $lower\n${vocab}`,
    });
    expect(lintText(valeProject(files("")), "# Lumen\n")).toEqual([]);
    expect(lintText(valeProject(files("vocab: false\n")), "# Lumen\n")).toEqual(["1:3:S.Lower:'Lumen' should be lower case."]);
  });
});

describe("IgnoredScopes = a (Red Hat's and many configs')", () => {
  it("link text is not linted when a is an ignored scope, inline or reference links alike", () => {
    const project = valeProject({
      ".vale.ini": "StylesPath = styles\nIgnoredScopes = code, tt, img, url, a\n[*.md]\nBasedOnStyles = S\n",
      "styles/S/Avoid.yml": "extends: existence\nmessage: \"Avoid '%s'.\"\ntokens: [utilize]\n",
    });
    const text = "Read [utilize docs](https://example.com) or [utilize this][ref], then utilize it.\n\n[ref]: https://example.com\n";
    expect(lintText(project, text)).toEqual(["1:7:S.Avoid:Avoid 'utilize'."]);
  });
});

describe("inline HTML tags Vale skips", () => {
  const rule = { "styles/S/Avoid.yml": "extends: existence\nmessage: \"Avoid '%s'.\"\ntokens: [utilize]\n" };
  it("without IgnoredScopes, <kbd> and <tt> text is not linted (Vale's default skipped tags: tt, code, kbd)", () => {
    const project = valeProject({ ".vale.ini": "StylesPath = styles\n[*.md]\nBasedOnStyles = S\n", ...rule });
    expect(lintText(project, "Press <kbd>utilize</kbd>, then utilize it.\n")).toEqual(["1:12:S.Avoid:Avoid 'utilize'."]);
  });

  it("IgnoredScopes replaces that list: a tag it names is skipped, kbd is read when it is not named", () => {
    const project = valeProject({ ".vale.ini": "StylesPath = styles\nIgnoredScopes = code, span\n[*.md]\nBasedOnStyles = S\n", ...rule });
    expect(lintText(project, "Press <kbd>utilize</kbd> or <span>utilize</span>.\n")).toEqual(["1:12:S.Avoid:Avoid 'utilize'."]);
  });
});

describe("code spans and IgnoredScopes", () => {
  it("an IgnoredScopes list without code lets rules read inline code, as in Vale (the list replaces tt, code, kbd)", () => {
    const files = (ignored: string) => ({
      ".vale.ini": `StylesPath = styles\n${ignored}[*.md]\nBasedOnStyles = S\n`,
      "styles/S/Avoid.yml": "extends: existence\nmessage: \"Avoid '%s'.\"\ntokens: [utilize]\n",
    });
    expect(lintText(valeProject(files("")), "Run `utilize` now.\n")).toEqual([]);
    expect(lintText(valeProject(files("IgnoredScopes = code, strong\n")), "Run `utilize` now.\n")).toEqual([]);
    expect(lintText(valeProject(files("IgnoredScopes = strong\n")), "Run `utilize` now.\n")).toEqual(["1:6:S.Avoid:Avoid 'utilize'."]);
  });
});

describe("exceptions keep their own case", () => {
  it("a (?i) exception does not make the next ones case-insensitive (Vale prefixes each other term with (?-i))", () => {
    const project = styleProject({ Avoid: "extends: existence\nmessage: \"Avoid '%s'.\"\nignorecase: true\ntokens: [bar, baz]\nexceptions:\n  - '(?i)bazz'\n  - bar\n" });
    expect(lintText(project, "A bar, a BAR and a BAZ.\n")).toEqual(["1:10:S.Avoid:Avoid 'BAR'.", "1:20:S.Avoid:Avoid 'BAZ'."]);
  });
});

describe("TokenIgnores and BlockIgnores follow the section's match on the file's extension", () => {
  it("Vale applies a section's ignore patterns when its glob matches the extension (.md), so [docs/*.md] ignores nothing", () => {
    const files = (section: string) => ({
      ".vale.ini": `StylesPath = styles\n[*.md]\nBasedOnStyles = S\n[${section}]\nTokenIgnores = (utilize)\n`,
      "styles/S/Avoid.yml": "extends: existence\nmessage: \"Avoid '%s'.\"\ntokens: [utilize]\n",
    });
    expect(lintText(valeProject(files("*.{md,mdx}")), "We utilize it.\n", "docs/a.md")).toEqual([]);
    expect(lintText(valeProject(files("docs/*.md")), "We utilize it.\n", "docs/a.md")).toEqual(["1:4:S.Avoid:Avoid 'utilize'."]);
  });
});

describe("TokenIgnores run after BlockIgnores, on the text those have made code", () => {
  it("a token pattern neither matches inside a block-ignored range nor runs across it, so the prose after an ignored link is checked (Vale's applyPatterns)", () => {
    const project = valeProject({
      ".vale.ini": "StylesPath = styles\n[*.md]\nBasedOnStyles = S\nBlockIgnores = \\[.+?\\]\\(https?://.+?\\)\nTokenIgnores = (http.*)\n",
      "styles/S/Via.yml": "extends: existence\nmessage: \"Avoid '%s'.\"\nlevel: error\ntokens:\n  - via\n",
    });
    expect(lintText(project, "See [the docs](https://example.com) via the way.\n\nSee the docs via the way.\n\nGo to http://example.com via the web.\n")).toEqual([
      "1:37:S.Via:Avoid 'via'.",
      "3:14:S.Via:Avoid 'via'.",
    ]);
  });
});

describe("a TokenIgnores match reads as the inline code Vale writes in its place", () => {
  // The match spans the code, which the line as written does not hold, so Vale's search for it puts the alert at column 1.
  it("a run of * as long as group 1's text, or two for a pattern without a group (Vale writes `$1` literally)", () => {
    const rule = "extends: existence\nmessage: \"Found '%s'.\"\nnonword: true\ntokens:\n  - 'to \\*+ now'\n";
    const withoutGroup = valeProject({ ".vale.ini": "StylesPath = styles\n[*.md]\nBasedOnStyles = S\nTokenIgnores = \\d+px\n", "styles/S/Run.yml": rule });
    expect(lintText(withoutGroup, "Set it to 300px now.\n")).toEqual(["1:1:S.Run:Found 'to ** now'."]);
    const withGroup = valeProject({ ".vale.ini": "StylesPath = styles\n[*.md]\nBasedOnStyles = S\nTokenIgnores = (\\d+)px\n", "styles/S/Run.yml": rule });
    expect(lintText(withGroup, "Set it to 300px now.\n")).toEqual(["1:1:S.Run:Found 'to *** now'."]);
  });
});

describe("a BlockIgnores match inside a block splits it, as Vale's fenced rewrite does", () => {
  const files = {
    ".vale.ini": "StylesPath = styles\n[*.md]\nBasedOnStyles = S\nBlockIgnores = \\[.+?\\]\\(https?://.+?\\)\n",
    "styles/S/Start.yml": "extends: existence\nmessage: \"Starts with '%s'.\"\nscope: paragraph\nraw:\n  - '\\Avia'\n",
    "styles/S/Head.yml": "extends: existence\nmessage: \"Heading has '%s'.\"\nscope: heading\ntokens:\n  - via\n",
    "styles/S/Repeat.yml": "extends: repetition\nmessage: \"'%s' is repeated!\"\ntokens:\n  - '[^\\s]+'\n",
  };

  it("the text after the match is a paragraph of its own: it starts there, a heading ends at the match, and no repeat runs across it", () => {
    const project = valeProject(files);
    expect(lintText(project, "See [the docs](https://example.com)\nvia the way.\n\n# Go [home](https://example.com) via here\n\nThe [x](https://example.com) the end.\n")).toEqual([
      "2:1:S.Start:Starts with 'via'.",
      "4:34:S.Start:Starts with 'via'.",
    ]);
  });

  it("a paragraph the match covers entirely has no prose left, and one it does not touch is unchanged", () => {
    const project = valeProject(files);
    expect(lintText(project, "[via](https://example.com)\n\nvia the way.\n")).toEqual(["3:1:S.Start:Starts with 'via'."]);
  });
});

describe("line endings", () => {
  it("raw rules see CRLF and CR line ends as \\n, as Vale's Sanitize makes them, and alerts keep their lines", () => {
    const project = styleProject({ Nest: "extends: existence\nmessage: \"Nested '%s'.\"\nnonword: true\nscope: raw\ntokens:\n  - '^- .*\\n\\n? (  )?[`\\w-]'\n" });
    expect(lintText(project, "Intro.\r\n\r\n- item\r\n\r\n   text\r\n")).toEqual(["3:1:S.Nest:Nested '- item t'."]);
  });
});

describe("substitution's pos", () => {
  it("is read and ignored: Vale keeps the field as deprecated and has not filtered on it since v2.11 (OpenStack's Backend and Setup expect the old filter)", () => {
    const rule = "extends: substitution\nmessage: Use %s instead of '%s'\npos: 'setup/VB|set/NN up/\\w+'\nignorecase: true\nswap:\n  setup: \"'set up'\"\n  set up: \"'setup'\"\n";
    expect(lintText(styleProject({ Setup: rule }), "Finish the setup. You can set up the form.\n")).toEqual(["1:12:S.Setup:Use 'set up' instead of 'setup'", "1:27:S.Setup:Use 'setup' instead of 'set up'"]);
  });
});
