/**
 * The test tables of jdkato/twine v0.10.1 (the version Vale v3 builds with), the library behind Vale's
 * `$title`, `$sentence` and syllable counts (tests/fixtures/style/twine/, MIT): strcase's TestAP, TestChicago, TestSentence and TestVocab,
 * summarize's TestSyllables. The converters are reached through a capitalization rule whose message
 * shows Vale's expected text (`%s|%s`) and whose threshold of 1 flags any difference.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { countSyllables } from "../../src/core/style/readability.ts";
import { lintText, styleProject } from "./vale-project.ts";

const TABLES = fileURLToPath(new URL("../fixtures/style/twine/", import.meta.url));
const table = <T>(name: string): T => JSON.parse(readFileSync(`${TABLES}${name}`, "utf8")) as T;

/** What the rule's converter makes of `heading`: the heading itself when the rule passes it. */
function converted(project: ReturnType<typeof styleProject>, heading: string): string {
  // A heading that starts with "1." would be a list item: the dot is escaped in Markdown.
  const alerts = lintText(project, `# ${heading.replace(/^(\d+)\./, "$1\\.")}\n`);
  return alerts.length === 0 ? heading : alerts[0]!.slice(alerts[0]!.indexOf("|") + 1);
}

/** Each `[heading, expected]` pair: the heading, converted as the rule's converter gives it. */
function expectConverted(project: ReturnType<typeof styleProject>, cases: readonly [string, string][]): void {
  expect(cases.map(([input]) => converted(project, input))).toEqual(cases.map(([, expected]) => expected));
}

const capitalization = (match: string, extra = "") => `extends: capitalization\nmessage: "%s|%s"\nscope: heading\nmatch: ${match}\nthreshold: 1\n${extra}`;

describe("strcase TestAP and TestChicago: $title", () => {
  for (const style of ["AP", "Chicago"]) {
    // A heading is one line: the tables' one multi-line title ("this shouldn't\nget mangled") is left out.
    const cases = table<{ input: string; expect: string }[]>(`${style}.json`).filter((c) => !c.input.includes("\n"));
    it(`${style}: ${cases.length} titles converted as twine converts them`, () => {
      const project = styleProject({ T: capitalization("$title", `style: ${style}\n`) });
      const wrong = cases.filter((c) => converted(project, c.input) !== c.expect).map((c) => `${c.input} -> ${converted(project, c.input)} (twine: ${c.expect})`);
      expect(wrong).toEqual([]);
      expect(cases.length).toBeGreaterThan(30);
    });
  }
});

describe("strcase TestTitleVocab (twine v0.10.1, the version Vale v3 builds with): $title with terms", () => {
  const terms = "exceptions:\n  - iOS\n  - JSON\n  - YAML\nprefix: '^[a-z]\\.\\s'\n";
  it("terms are written as the term, in any case (with accepted words, so that Vale hands the terms over as written)", () => {
    const project = styleProject({ T: capitalization("$title", terms) }, "Vocab = V", { "styles/config/vocabularies/V/accept.txt": "Zyxwv\n" });
    const cases: [string, string][] = [
      ["Getting started with iOS 15", "Getting Started With iOS 15"],
      ["Understanding json and yaml", "Understanding JSON and YAML"],
      ["Develop File-Proxy Plugin", "Develop File-Proxy Plugin"],
      ["b. Next title text", "b. Next Title Text"],
    ];
    expectConverted(project, cases);
  });
  it("a term's pattern found in a word gives the word in lower case (v0.10.1 looks the lower-cased word up)", () => {
    const project = styleProject({ T: capitalization("$title", "exceptions:\n  - '[Rr]epo'\n") }, "Vocab = V", { "styles/config/vocabularies/V/accept.txt": "Zyxwv\n" });
    expect(converted(project, "New Repository and Project")).toBe("New repository and Project");
  });
});

describe("strcase TestSentence and TestVocab: $sentence", () => {
  // twine's default converter: a word ending in ':' (or a leading "1.") is followed by a capital.
  const sentence = (extra = "") => capitalization("$sentence", `indicators:\n  - ':'\n${extra}`);
  it("the default converter", () => {
    const project = styleProject({ T: sentence() });
    const cases: [string, string][] = [
      ["1. An important heading", "1. An important heading"],
      ["getting started with Vale server", "Getting started with vale server"],
      ["Lession 1: getting started with vale server", "Lession 1: Getting started with vale server"],
      ["Top-Level ideas", "Top-level ideas"],
      ["Intro to the top-level idEas", "Intro to the top-level ideas"],
      ["build-backend tools", "Build-backend tools"],
      ["README files", "Readme files"],
    ];
    expectConverted(project, cases);
  });
  it("with a vocabulary and a prefix: terms are found in any case once the project accepts words", () => {
    const terms = ["Vale Server", "\\bI\\b", "macOS", "[Cc]onfig", "NASA", "Moon", "Axon", "Axon Server", "\\bale\\b"];
    const extra = `prefix: '^[a-z]\\.\\s'\nexceptions:\n${terms.map((t) => `  - '${t}'`).join("\n")}\n`;
    // With accepted words Vale hands the rule's terms to the converter as written (see keepsExceptionsAsWritten).
    const project = styleProject({ T: sentence(extra) }, "Vocab = V", { "styles/config/vocabularies/V/accept.txt": "Zyxwv\n" });
    const cases: [string, string][] = [
      ["Getting started with vale server", "Getting started with Vale Server"],
      ["Issue triage", "Issue triage"],
      ["macOS 15: What's new", "macOS 15: What's new"],
      ["Configuration", "Configuration"],
      ["Six NASA Instruments Will Fly to Moon on Intuitive Machines Lander", "Six NASA instruments will fly to Moon on intuitive machines lander"],
      ["b. Next title text", "b. Next title text"],
      ["Axon Server connection", "Axon Server connection"],
      ["vale ale", "Vale ale"],
    ];
    expectConverted(project, cases);
  });
  it("without accepted words the rule's own terms are case-sensitive (Vale rewrites them to (?-i)term)", () => {
    const project = styleProject({ T: sentence("exceptions:\n  - Vale Server\n") });
    expect(converted(project, "Getting started with vale server")).toBe("Getting started with vale server");
  });
});

describe("summarize TestSyllables", () => {
  it("every word of syllables.json has twine's count", () => {
    const counts = table<Record<string, number>>("syllables.json");
    const wrong = Object.entries(counts).filter(([word, n]) => countSyllables(word) !== n);
    expect(wrong).toEqual([]);
    expect(Object.keys(counts).length).toBeGreaterThan(4000);
  });
});
