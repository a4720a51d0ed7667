/**
 * Vale 3.x semantics read from its source (internal/check): accepted multi-word phrases in every rule
 * type that takes exceptions (buildPhraseRe, withinPhrase), substitution's literal replace options and
 * re-cased terms, and repetition within one sentence.
 */
import { afterEach, describe, expect, it } from "vitest";
import { wordsBetweenSpaces } from "../../src/core/style/checks/counting.ts";
import { removeTemps } from "../helpers.ts";
import { lintText, styleProject, valeProject } from "./vale-project.ts";

afterEach(removeTemps);

const vocab = (accept: string, rules: Record<string, string>) => {
  const files: Record<string, string> = {
    ".vale.ini": "StylesPath = styles\nMinAlertLevel = suggestion\nVocab = V\n[*.md]\nBasedOnStyles = S\n",
    "styles/config/vocabularies/V/accept.txt": accept,
  };
  for (const [name, text] of Object.entries(rules)) files[`styles/S/${name}.yml`] = text;
  return valeProject(files);
};

describe("accepted phrases (buildPhraseRe)", () => {
  it("a match inside an accepted phrase is not reported, whatever the phrase's case in the text", () => {
    const project = vocab("Mea culpa\n", { Latin: "extends: existence\nmessage: \"Avoid '%s'.\"\ntokens: [mea]\n" });
    expect(lintText(project, "Mea culpa, mea CULPA, but mea alone.\n")).toEqual(["1:12:S.Latin:Avoid 'mea'."]);
  });

  it("a rule's own phrase exception holds only in its case when the rule adds no accepted words (Vale rewrites it to (?-i))", () => {
    const latin = "extends: existence\nmessage: \"Avoid '%s'.\"\nignorecase: true\ntokens: [mea]\nexceptions: [mea culpa]\n";
    expect(lintText(styleProject({ Latin: latin }), "Mea culpa, I said.\n\nIt was my mea culpa.\n")).toEqual(["1:1:S.Latin:Avoid 'Mea'."]);
    expect(lintText(vocab("Bora Bora\n", { Latin: latin }), "Mea culpa, I said.\n\nIt was my mea culpa.\n")).toEqual([]);
  });

  it("a term with \\s is a phrase; a term without a space or tab is not", () => {
    const project = styleProject({ Word: "extends: existence\nmessage: \"'%s'\"\nexceptions: ['data\\sset', 'dataset']\ntokens: [data]\n" });
    expect(lintText(project, "A data set and data.\n")).toEqual(["1:3:S.Word:'data'"]);
  });

  it("holds for substitution, conditional and repetition rules too, and not with vocab: false", () => {
    const swap = "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nignorecase: true\nswap:\n  labs: lab\n";
    expect(lintText(vocab("Leverage Labs\n", { Swap: swap }), "Leverage Labs and the labs.\n")).toEqual(["1:23:S.Swap:Use 'lab' instead of 'labs'."]);
    expect(lintText(vocab("Leverage Labs\n", { Swap: `${swap}vocab: false\n` }), "Leverage Labs.\n")).toEqual(["1:10:S.Swap:Use 'lab' instead of 'Labs'."]);
    const cond = "extends: conditional\nmessage: \"'%s' has no definition.\"\nfirst: '\\b([A-Z]{3})\\b'\nsecond: '\\(([A-Z]{3})\\)'\n";
    expect(lintText(vocab("NBA Finals\n", { Def: cond }), "The NBA Finals, and the NBA.\n")).toEqual(["1:5:S.Def:'NBA' has no definition."]);
    const rep = "extends: repetition\nmessage: \"'%s' is repeated!\"\nalpha: true\ntokens: ['[^\\s]+']\n";
    expect(lintText(vocab("Bora Bora\n", { Rep: rep }), "We flew to Bora Bora, and that that was it.\n")).toEqual(["1:27:S.Rep:'that' is repeated!"]);
  });
});

describe("substitution (Vale 3.x)", () => {
  it("a replace action's options are literal text: '...' is not a pattern that accepts ',,,' (#1038)", () => {
    const project = styleProject({ Dots: "extends: substitution\nmessage: \"Use %s instead of '%s'.\"\nnonword: true\naction:\n  name: replace\nswap:\n  ',,,': '...'\n  '…': '...'\n" });
    expect(lintText(project, "Wait,,, and then… go.\n")).toEqual(["1:5:S.Dots:Use '...' instead of ',,,'.", "1:17:S.Dots:Use '...' instead of '…'."]);
  });

  it("splits options at | but not at an escaped \\|", () => {
    const project = styleProject({ Or: "extends: substitution\nmessage: \"Use %s instead of '%s'.\"\naction:\n  name: replace\nswap:\n  either: 'a\\|b|c'\n" });
    expect(lintText(project, "Pick either.\n")).toEqual(["1:6:S.Or:Use 'a|b' or 'c' instead of 'either'."]);
  });

  it("quotes the observed text trimmed", () => {
    const project = styleProject({ Sp: "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nnonword: true\nswap:\n  ' ;': ','\n" });
    expect(lintText(project, "One ; two.\n")).toEqual(["1:4:S.Sp:Use ',' instead of ';'."]);
  });
});

describe("repetition (Vale 3.x)", () => {
  it("a repeat across two sentences is not reported", () => {
    const project = styleProject({ Rep: "extends: repetition\nmessage: \"'%s' is repeated!\"\nignorecase: true\nalpha: true\ntokens: ['[^\\s.!?]+']\n" });
    expect(lintText(project, "I almost forgot about that. That is important, and the the rest.\n")).toEqual(["1:52:S.Rep:'the' is repeated!"]);
  });

  it("Vale.Repetition is case-sensitive and a word with a full stop is another word", () => {
    const project = valeProject({ ".vale.ini": "StylesPath = styles\n[*.md]\nBasedOnStyles = Vale\nVale.Spelling = NO\n", "styles/.keep": "" });
    expect(lintText(project, "This is The the end, on a plan plan. And and the the end.\n")).toEqual(["1:46:Vale.Repetition:'the' is repeated!"]);
  });

  it("tokens of `[^\\s]+` are runs between any white space a JavaScript pattern reads as such (no-break, ideographic, line separators)", () => {
    const project = styleProject({ Rep: "extends: repetition\nmessage: \"'%s' is repeated!\"\nignorecase: true\ntokens: ['[^\\s]+']\n" });
    expect(lintText(project, "Keep the\u00a0The plan, the\u3000end end\u2009end.\n")).toEqual(["1:6:S.Rep:'The' is repeated!", "1:24:S.Rep:'end' is repeated!"]);
    // Every UTF-16 code unit: the same tokens as the pattern finds.
    for (let code = 0; code < 0x10000; code++) {
      const text = `a${String.fromCharCode(code)}b`;
      const expected = [...text.matchAll(/[^\s]+/gu)].flatMap((m) => [m.index, m.index + m[0].length]);
      if (JSON.stringify(wordsBetweenSpaces(text)) !== JSON.stringify(expected)) expect({ code, tokens: wordsBetweenSpaces(text) }).toEqual({ code, tokens: expected });
    }
  });
});

describe("scope: summary", () => {
  it("a rule scoped to the summary runs once on paragraphs, list items and quotes (Vale's lintSizedScopes), not on headings; rule directives do not reach it", () => {
    const project = styleProject({
      Parens: "extends: existence\nmessage: \"Use parentheses judiciously.\"\nscope: summary\nnonword: true\ntokens:\n  - '(?<!\\])\\(.+\\)'\n",
      Sum: "extends: existence\nmessage: \"Found '%s'.\"\nscope: summary\ntokens: [comparison]\n",
    });
    const text = "Passing in a value (a string) performs a comparison.\n\n- A list item (with parens) here.\n\n# A heading (no) comparison\n\n<!-- vale S.Sum = NO -->\n\n> A quoted comparison.\n";
    expect(lintText(project, text)).toEqual([
      "1:20:S.Parens:Use parentheses judiciously.",
      "1:42:S.Sum:Found 'comparison'.",
      "3:15:S.Parens:Use parentheses judiciously.",
      "9:12:S.Sum:Found 'comparison'.",
    ]);
  });
});
