import { afterEach, describe, expect, it } from "vitest";
import { ConfigError } from "../../src/core/errors.ts";
import { removeTemps } from "../helpers.ts";
import { lintText, styleProject } from "./vale-project.ts";

afterEach(removeTemps);

const headings = "extends: capitalization\nmessage: \"'%s' should use sentence-style capitalization.\"\nlevel: warning\nscope: heading\nmatch: $sentence\nindicators:\n  - ':'\nexceptions:\n  - Verity\n";

describe("$sentence as Vale converts it", () => {
  it("capitalises the word after an indicator, so a lower-case word there counts against the heading", () => {
    const project = styleProject({ Headings: headings });
    expect(lintText(project, "# Test: modern documentation management\n")).toEqual(["1:3:S.Headings:'Test: modern documentation management' should use sentence-style capitalization."]);
    expect(lintText(project, "# Test: Modern documentation management\n")).toEqual([]);
  });

  it("gives all-caps words no allowance, but exceptions pass", () => {
    const project = styleProject({ Headings: headings });
    expect(lintText(project, "# Install the API\n")).toEqual(["1:3:S.Headings:'Install the API' should use sentence-style capitalization."]);
    expect(lintText(project, "# Install Verity now\n")).toEqual([]);
    expect(lintText(project, "# install it now\n")).toEqual(["1:3:S.Headings:'install it now' should use sentence-style capitalization."]);
  });

  it("an exception keeps only text in its own case when the rule adds no accepted words; with a vocabulary it gives its case", () => {
    const rule = "extends: capitalization\nmessage: \"'%s' needs sentence case.\"\nscope: heading\nmatch: $sentence\nexceptions:\n  - System\n";
    const alone = styleProject({ Headings: rule });
    expect(lintText(alone, "# Configure the system\n")).toEqual([]);
    expect(lintText(alone, "# Configure the System\n")).toEqual([]);
    const withVocab = styleProject({ Headings: rule }, "Vocab = V", { "styles/config/vocabularies/V/accept.txt": "Verity\n" });
    expect(lintText(withVocab, "# Configure the system\n")).toEqual(["1:3:S.Headings:'Configure the system' needs sentence case."]);
    expect(lintText(styleProject({ Headings: `${rule}vocab: false\n` }, "Vocab = V", { "styles/config/vocabularies/V/accept.txt": "Verity\n" }), "# Configure the system\n")).toEqual([]);
  });

  it("an all-caps first word fails the heading at once (variables.go sentence(): i == 0 and not Title(lower(w)); Vale v2 let all-caps words pass, 18F's and Openly's feature files expect that)", () => {
    const project = styleProject({ Headings: headings });
    expect(lintText(project, "# WELCOME!\n")).toEqual(["1:3:S.Headings:'WELCOME!' should use sentence-style capitalization."]);
    expect(lintText(project, "# Welcome!\n")).toEqual([]);
  });

  it("a numbered heading capitalises the word after the number", () => {
    const project = styleProject({ Headings: headings });
    expect(lintText(project, "# 1. Install it now\n")).toEqual([]);
  });
});

describe("prefix, as twine's converters take it", () => {
  const rule = (match: string, prefix: string) => `extends: capitalization\nmessage: "'%s' -> '%s'"\nscope: heading\nmatch: ${match}\nprefix: '${prefix}'\n`;

  it("the prefix's words count among the heading's words, as Vale compares the whole heading with prefix + converted rest", () => {
    // 4 of 5 words match ("a." included): 0.8 reaches the threshold; without the prefix's word it would be 3 of 4.
    expect(lintText(styleProject({ Cap: rule("$sentence", "^[a-z]\\.\\s") }), "# a. Install the new Tool\n")).toEqual([]);
  });

  it("a prefix found later in the heading is still put in front of the expected text (twine does not anchor it)", () => {
    expect(lintText(styleProject({ Cap: rule("$sentence", "v\\d\\.") }), "# Install v2. tools\n")).toEqual(["1:3:S.Cap:'Install v2. tools' -> 'v2.Install v2. tools'"]);
  });

  it("is for $sentence and $title only: $upper and patterns check the whole heading", () => {
    expect(lintText(styleProject({ Cap: rule("$upper", "^[a-z]\\.\\s") }), "# a. HELLO\n")).toEqual(["1:3:S.Cap:'a. HELLO' -> 'A. HELLO'"]);
  });
});

describe("messages as Vale prints them", () => {
  it("runs of spaces and newlines in the quoted match become one space (Microsoft.Spacing)", () => {
    const project = styleProject({ Spacing: "extends: existence\nmessage: \"'%s' should have one space.\"\nlevel: error\nnonword: true\ntokens:\n  - '[a-z][.?!] {2,}[A-Z]'\n  - '[a-z][.?!][A-Z]'\n" });
    expect(lintText(project, "# Sentences\n\nthis is a sentence. so is this one.\n\nThis sentence is okay.  This one is not.\n")).toEqual(["5:21:S.Spacing:'y. T' should have one space."]);
  });
});

describe("where Vale puts an alert whose text spans inline markup", () => {
  const title = "extends: capitalization\nmessage: \"'%s' should be in title case\"\nlevel: warning\nscope: heading.h2\nmatch: $title\n";

  it("at the start of its line when the text is written nowhere as is (Vale's demo test.md)", () => {
    expect(lintText(styleProject({ Title: title }), "## this is _another_ heading!\n")).toEqual(["1:1:S.Title:'this is another heading!' should be in title case"]);
  });

  it("in a plain copy of the same text elsewhere in the file, once (Vale's demo test.mdx)", () => {
    const text = "## this is _another_ heading!\n\n## this is another heading!\n";
    expect(lintText(styleProject({ Title: title }), text)).toEqual(["3:4:S.Title:'this is another heading!' should be in title case"]);
  });
});

describe("an exception that is no pattern", () => {
  it("is an error naming the rule file, the key and the entry as written, not the translated pattern", () => {
    const rule = "extends: capitalization\nmessage: \"'%s' needs sentence case.\"\nscope: heading\nmatch: $sentence\nexceptions:\n  - Verity\n  - \"(unclosed\"\n";
    const load = () => styleProject({ Headings: rule });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/Headings\.yml: rule S\.Headings: the exceptions entry "\(unclosed" cannot be used as a pattern/);
    let message = "";
    try {
      load();
    } catch (error) {
      message = `${(error as ConfigError).message} ${(error as ConfigError).hint ?? ""}`;
    }
    expect(message).not.toContain("\\b");
    expect(message).not.toContain("Verity");
  });
});
