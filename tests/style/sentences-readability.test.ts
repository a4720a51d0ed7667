import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { countSyllables, GRADE_FORMULAS, textStatistics } from "../../src/core/style/readability.ts";
import { lookupSorted, sentenceTexts } from "../../src/core/style/sentences.ts";
import { removeTemps } from "../helpers.ts";
import { lintText, styleProject } from "./vale-project.ts";

afterEach(removeTemps);

describe("Vale's sentence splitter", () => {
  it("splits on . ! ? followed by space, keeping abbreviations, initials and decimals inside", () => {
    expect(sentenceTexts("This is one. This is two! Is this three? Yes.")).toEqual(["This is one.", "This is two!", "Is this three?", "Yes."]);
    expect(sentenceTexts("Ask Dr. Smith about it. Use e.g. this one.")).toEqual(["Ask Dr. Smith about it.", "Use e.g. this one."]);
    expect(sentenceTexts("It costs 3.14 dollars in the U.S. market. Then stop.")).toEqual(["It costs 3.14 dollars in the U.S. market.", "Then stop."]);
    expect(sentenceTexts("J. R. R. Tolkien wrote it. Read it.")).toEqual(["J. R. R. Tolkien wrote it.", "Read it."]);
    expect(sentenceTexts('He said "stop." Then he left.')).toEqual(['He said "stop."', "Then he left."]);
    expect(sentenceTexts("Visit example.com today.Next")).toEqual(["Visit example.com today.Next"]);
  });

  it("CJK full stops end a sentence, as in neurosnap/sentences v1.0.7 (its CJK support), which Vale uses", () => {
    expect(sentenceTexts("这是第一句。这是第二句。")).toEqual(["这是第一句。", "这是第二句。"]);
  });

  it("a word with inner periods is an abbreviation unless the next word starts a sentence (twine's pass); an initial keeps its break before a word seen lowercase (gitlab-runner's docs)", () => {
    expect(sentenceTexts("Upgrade to GitLab 17.5. For more information, see the notes.")).toEqual(["Upgrade to GitLab 17.5. For more information, see the notes."]);
    expect(sentenceTexts("We track metrics for GitLab.com. As a provider, we need views.")).toEqual(["We track metrics for GitLab.com. As a provider, we need views."]);
    expect(sentenceTexts("We track metrics for GitLab.com. The provider needs views.")).toEqual(["We track metrics for GitLab.com.", "The provider needs views."]);
    expect(sentenceTexts("Pick option B. Then restart the runner now.")).toEqual(["Pick option B.", "Then restart the runner now."]);
    expect(sentenceTexts("Ask J. Bach about it.")).toEqual(["Ask J. Bach about it."]);
    // Go's byte-level quirks: a word of non-ASCII letters is cut by bytes before the abbreviation lookup
    // (`Müller-Jr.` looks up `j`), one ASCII character after a final CJK stop stays in its word.
    expect(sentenceTexts("We met Müller-Jr. and left.")).toEqual(["We met Müller-Jr.", "and left."]);
    expect(sentenceTexts("你好。a")).toEqual(["你好。a"]);
  });

  it("reads the words around each stop only, and splits as if it read every word (runs of plain words, ；, no-break spaces)", () => {
    expect(sentenceTexts("one two three four Dr. Smith five six. seven eight nine")).toEqual(["one two three four Dr. Smith five six.", "seven eight nine"]);
    expect(sentenceTexts("前文；后文 and words here. Next one")).toEqual(["前文；后文 and words here.", "Next one"]);
    expect(sentenceTexts("a b c\u00a0d e. f")).toEqual(["a b c\u00a0d e. f"]);
    expect(sentenceTexts("x y z...  The end")).toEqual(["x y z...", "The end"]);
    expect(sentenceTexts("no stop at all but a long line\nand a second line")).toEqual(["no stop at all but a long line\nand a second line"]);
    expect(sentenceTexts("lead words (see e.g. this). And more words here!")).toEqual(["lead words (see e.g. this).", "And more words here!"]);
  });
});

describe("the orthographic context, searched by halves in its sorted lines", () => {
  const LINES = "a\t126\nb.c\t4\nmarket\t110\nzy\t8\n";

  it("finds the first, a middle and the last word, and 0 for a word before, between or after them", () => {
    expect([lookupSorted(LINES, "a"), lookupSorted(LINES, "b.c"), lookupSorted(LINES, "market"), lookupSorted(LINES, "zy")]).toEqual([126, 4, 110, 8]);
    expect([lookupSorted(LINES, ""), lookupSorted(LINES, "b"), lookupSorted(LINES, "mark"), lookupSorted(LINES, "zz"), lookupSorted(LINES, "Market")]).toEqual([0, 0, 0, 0, 0]);
    expect(lookupSorted("", "a")).toBe(0);
  });

  it("the model's own lines are sorted as the search needs, one word and one number each", () => {
    const lines = readFileSync(new URL("../../src/core/style/data/punkt-english-ortho.tsv", import.meta.url), "utf8").split("\n").slice(0, -1);
    const words = lines.map((line) => line.split("\t")[0]!);
    expect(lines.length).toBeGreaterThan(20_000);
    expect(lines.every((line) => /^[^\t\n]+\t\d+$/.test(line))).toBe(true);
    expect(words.every((word, i) => i === 0 || words[i - 1]! < word)).toBe(true);
  });
});

describe("empty sentences, as Go's Tokenize keeps them (checked against twine's segmenter built from source)", () => {
  it("white space after the last sentence end is an empty sentence when it is two bytes or more", () => {
    expect(sentenceTexts("Done. ")).toEqual(["Done."]);
    expect(sentenceTexts("Done.  ")).toEqual(["Done.", ""]);
    expect(sentenceTexts("Done. \n")).toEqual(["Done.", ""]);
    // U+00A0 and U+3000 are two and three bytes in UTF-8: one of them is enough.
    expect(sentenceTexts("Done.\u00a0")).toEqual(["Done.", ""]);
    expect(sentenceTexts("Done.\u3000")).toEqual(["Done.", ""]);
    expect(sentenceTexts("No stop  ")).toEqual(["No stop"]);
  });

  it("white space alone is one empty sentence, and nothing is none", () => {
    expect(sentenceTexts("   ")).toEqual([""]);
    expect(sentenceTexts("")).toEqual([]);
  });

  it("an empty sentence counts in the readability variables, as twine's NewDocument counts it", () => {
    expect(textStatistics("One.\n\n  \n\nTwo.")).toMatchObject({ sentences: 3, words: 2, paragraphs: 3 });
    expect(textStatistics("One.\n\nTwo.")).toMatchObject({ sentences: 2, words: 2, paragraphs: 2 });
  });
});

describe("readability variables as Vale computes them", () => {
  it("counts syllables with twine's rules", () => {
    expect(["the", "cat", "readable", "documentation", "people", "simple", "management", "beautiful"].map(countSyllables)).toEqual([1, 1, 3, 5, 2, 2, 3, 3]);
  });

  it("counts words, sentences, characters, long, complex and polysyllabic words, paragraphs", () => {
    const stats = textStatistics("The cat sat on the mat. Documentation is helpful.\n\nAnother paragraph here.\n\n");
    expect(stats).toEqual({ words: 12, sentences: 3, syllables: 21, characters: 59, complexWords: 3, longWords: 4, polysyllabicWords: 3, paragraphs: 3 });
    expect(GRADE_FORMULAS["Flesch-Kincaid"]!(stats)).toBeCloseTo(0.39 * (12 / 3) + 11.8 * (21 / 12) - 15.59, 10);
  });
});

describe("sentence scope, scope lists, metric and readability rules", () => {
  const length = 'extends: occurrence\nmessage: "Sentences should be less than 5 words"\nscope: sentence\nlevel: warning\nmax: 5\ntoken: \'\\b(\\w+)\\b\'\n';
  it("scope: sentence runs on each sentence of a paragraph, not on headings or list items", () => {
    const project = styleProject({ Length: length });
    const text = "# One two three four five six seven\n\nShort one here. This sentence has far too many words in it.\n\n- one two three four five six seven\n";
    expect(lintText(project, text)).toEqual(["3:17:S.Length:Sentences should be less than 5 words"]);
  });

  it("a scope list with sentence runs on list items and on sentences", () => {
    const project = styleProject({ Starts: "extends: existence\nmessage: \"Don't start with '%s'.\"\nscope: [list, sentence]\nlevel: warning\nraw: ['^So\\b']\n" });
    expect(lintText(project, "It rains. So we stay.\n\n- So this item\n\n# So heading\n")).toEqual(["1:11:S.Starts:Don't start with 'So'.", "3:3:S.Starts:Don't start with 'So'."]);
  });

  it("readability rules give Vale's grade; metric rules read syllables, complex words and paragraphs", () => {
    const project = styleProject({
      Grade: "extends: readability\nmessage: \"Grade level (%s) too high!\"\nlevel: warning\ngrade: 1\nmetrics:\n  - Flesch-Kincaid\n",
      Fog: "extends: metric\nmessage: \"Fog %s\"\nlevel: warning\nformula: 0.4 * ((words / sentences) + 100 * (complex_words / words)) + polysyllabic_words + paragraphs + syllables * 0\ncondition: \"> 1\"\n",
    });
    const stats = textStatistics("The cat sat on the mat. Documentation is helpful.\n\nAnother paragraph here.\n\n");
    const grade = GRADE_FORMULAS["Flesch-Kincaid"]!(stats).toFixed(2);
    const fog = (GRADE_FORMULAS["Gunning Fog"]!(stats) + 3 + 2).toFixed(2);
    expect(lintText(project, "# Title words\n\nThe cat sat on the mat. Documentation is helpful.\n\nAnother paragraph here.\n")).toEqual([`1:1:S.Fog:Fog ${fog}`, `1:1:S.Grade:Grade level (${grade}) too high!`]);
  });
});
