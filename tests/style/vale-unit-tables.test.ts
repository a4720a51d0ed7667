/**
 * The tables of Vale's own Go unit tests (v3, internal/check/variables_test.go TestSentence,
 * internal/glob/glob_test.go TestGlob, internal/check/substitution_test.go, internal/core/ini_test.go
 * CommentDelimiters, internal/core/util_test.go TestPrepText), run through Verity: the same inputs
 * give the same answers.
 */
import { describe, expect, it } from "vitest";
import { tokenizeWords } from "../../src/core/style/checks/spelling.ts";
import { valeGlobMatcher } from "../../src/core/style/vale-glob.ts";
import { lintText, styleProject, valeProject } from "./vale-project.ts";

// The test converts with twine's default converter, whose indicator is a word ending in ':' (or a
// leading "1."): a rule gets the same with `indicators: [':']` (a rule's indicators replace the default).
const sentenceRule = (exceptions: readonly string[]) =>
  "extends: capitalization\nmessage: \"'%s' should use sentence-style capitalization.\"\nlevel: warning\nscope: heading\nmatch: $sentence\nindicators:\n  - ':'\n" +
  (exceptions.length > 0 ? `exceptions:\n${exceptions.map((e) => `  - '${e}'`).join("\n")}\n` : "");

describe("TestSentence (variables_test.go): $sentence on Vale's headings", () => {
  const headings: { heading: string; match: boolean; exceptions?: string[] }[] = [
    { heading: "Top-level entities", match: true },
    { heading: "Non-member Predicates", match: false },
    { heading: "Non-member predicates", match: true },
    { heading: "Client's key share and finish", match: true },
    { heading: "Client’s key share and finish", match: true },
    { heading: "Find the thief: Introduction", match: true },
    { heading: "Creating a connection to Event Store", match: true, exceptions: ["Event Store"] },
    { heading: "Using errata-ai/vale", match: true, exceptions: ["errata-ai/vale"] },
    { heading: "Use the Package Builder to install", match: false },
    { heading: "Use the Package Builder to install", match: true, exceptions: ["Package Builder"] },
    { heading: "Use the High-Def Render Pipeline to install", match: false },
    { heading: "1. An important heading", match: true },
    { heading: "An important heading", match: true },
    { heading: "An important Heading", match: false },
    { heading: "this isn't in sentence case", match: false },
    { heading: "Community Leader responsibilities", match: false },
    { heading: "Community Leader responsibilities", match: true, exceptions: ["Community Leader"] },
  ];
  for (const { heading, match, exceptions = [] } of headings) {
    it(`${JSON.stringify(heading)}${exceptions.length > 0 ? ` with ${exceptions.join(", ")} excepted` : ""} ${match ? "passes" : "is flagged"}`, () => {
      const project = styleProject({ Headings: sentenceRule(exceptions) });
      // A heading that starts with "1." would be a list item in Markdown: Vale's test reads the heading text itself.
      const alerts = lintText(project, `# ${heading.replace(/^(\d+)\./, "$1\\.")}\n`);
      expect(alerts.length === 0).toBe(match);
    });
  }
});

describe("TestGlob (glob_test.go)", () => {
  const table: [string, [string, boolean][]][] = [
    ["docs/**", [["docs/a.md", true], ["docs/info/b.py", true], ["info/c.cc", false]]],
    ["!docs/**", [["docs/a.md", false], ["docs/info/b.py", false], ["info/c.cc", true]]],
    ["!**/*.min.js", [["a/b/c/foo.py", true], ["a/b/c/foo.min.js", false]]],
    ["docs/**/*.md", [["docs/a.md", true], ["docs/info/b.md", true], ["docs/c.cc", false]]],
    ["{documentation,website}/content/{ja,zh-tw}/**/*.adoc", [["website/content/zh-tw/where.adoc", true], ["documentation/content/ja/articles/test.adoc", true]]],
  ];
  for (const [pattern, cases] of table) {
    for (const [query, expected] of cases) {
      it(`${pattern} ${expected ? "matches" : "does not match"} ${query}`, () => {
        expect(valeGlobMatcher(pattern)(query)).toBe(expected);
      });
    }
  }
});

describe("substitution_test.go", () => {
  it("TestIsDeterministic: the longest swap key wins, every time", () => {
    const rule = "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nlevel: error\nignorecase: true\nswap:\n  emnify iot supernetwork: emnify IoT SuperNetwork\n  emnify: emnify\n";
    for (let i = 0; i < 5; i++) {
      expect(lintText(styleProject({ Terms: rule }), "EMnify IoT SuperNetwork\n")).toEqual(["1:1:S.Terms:Use 'emnify IoT SuperNetwork' instead of 'EMnify IoT SuperNetwork'."]);
    }
  });
  it("TestRegex: a pattern key reports the text it matched", () => {
    const rule = "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nlevel: error\nignorecase: true\nswap:\n  '(?:foo|bar)': sub\n";
    expect(lintText(styleProject({ Terms: rule }), "foo\n")).toEqual(["1:1:S.Terms:Use 'sub' instead of 'foo'."]);
  });
  it("TestRegexEscapedParens: lookarounds around escaped parentheses", () => {
    const rule = "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nlevel: error\nignorecase: true\nswap:\n  '(?!\\()(?:foo|bar)(?!\\))?': sub\n";
    expect(lintText(styleProject({ Terms: rule }), "(foo)\n")).toEqual(["1:2:S.Terms:Use 'sub' instead of 'foo'."]);
  });
});

describe("ini_test.go: CommentDelimiters", () => {
  const load = (ini: string) => () => valeProject({ ".vale.ini": `StylesPath = styles\n${ini}`, "styles/.keep": "" });
  it("custom delimiters for Markdown load", () => {
    expect(load('[*.md]\nCommentDelimiters = "{/*,*/}"\n')).not.toThrow();
  });
  it("[*] does not take them", () => {
    expect(load('[*]\nCommentDelimiters = "{/*,*/}"\n')).toThrow(/syntax-specific option/);
  });
  it("more than two delimiters", () => {
    expect(load('[*.md]\nCommentDelimiters = "{/*,*/},<<,>>"\n')).toThrow(/CommentDelimiters must be a comma-separated list of two delimiters, but got 4 items/);
  });
  it("more than two delimiters over two sections of the same glob (shadows)", () => {
    expect(load('[*.md]\nCommentDelimiters = "{/*,*/}"\n\n[*.md]\nCommentDelimiters = "<<,>>"\n')).toThrow(/but got 4 items/);
  });
  it("one delimiter", () => {
    expect(load('[*.md]\nCommentDelimiters = "{/*"\n')).toThrow(/but got 1 items/);
  });
});

describe("TestToks (nlp/tokenize_test.go): the word tokenizer of spelling", () => {
  const cases: [string, string[]][] = [
    ["Don't copy this sentence.", ["Don't", "copy", "this", "sentence"]],
    ["no 'automatic' before it.", ["no", "automatic", "before", "it"]],
    ["I matter-of-factly said no.", ["I", "matter-of-factly", "said", "no"]],
    ["* `foof` - A string slice", ["`foof`", "A", "string", "slice"]],
    // Not in TestToks, from Vale's emoticon list (nlp/var.go): an emoticon with a letter is one word.
    ["a (o: b and O_o, (ಠ_ಠ) or ¯\\(ツ)/¯ :-)", ["a", "(o:", "b", "and", "O_o", "(ಠ_ಠ)", "or", "¯\\(ツ)/¯"]],
  ];
  for (const [input, words] of cases) {
    it(JSON.stringify(input), () => {
      expect(tokenizeWords(input).map((t) => t.word)).toEqual(words);
    });
  }
});
