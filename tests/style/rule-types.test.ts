import { afterEach, describe, expect, it } from "vitest";
import { ConfigError } from "../../src/core/errors.ts";
import { removeTemps } from "../helpers.ts";
import { lint, show } from "./helpers.ts";
import { lintText, styleProject } from "./vale-project.ts";

afterEach(removeTemps);

describe("existence", () => {
  it("reports each token with its column, the %s match and the rule's link", () => {
    const findings = lint("We utilize it and Leverage it.\n");
    expect(show(findings, "Test.Existence")).toEqual(["1:4:Test.Existence:Avoid 'utilize'.", "1:19:Test.Existence:Avoid 'Leverage'."]);
    expect(findings.find((f) => f.ruleId === "Test.Existence")?.url).toBe("https://example.com/guide#plain-words");
    expect(findings.find((f) => f.ruleId === "Test.Existence")?.severity).toBe("error");
  });

  it("keeps word boundaries and honours exceptions", () => {
    expect(show(lint("Nothing to leverageable here. Leverage Labs makes tools.\n"), "Test.Existence")).toEqual([]);
  });

  it("never reads code, URLs or front matter", () => {
    const text = "---\ntitle: utilize\n---\n\nRun `utilize` or see https://example.com/utilize.\n\n```\nutilize\n```\n\n    utilize\n";
    expect(show(lint(text), "Test.Existence")).toEqual([]);
  });
});

describe("substitution", () => {
  it("suggests the swap, expected first and observed second", () => {
    expect(show(lint("Send an E-mail, then log in to the app.\n"), "Test.Substitution")).toEqual([
      "1:9:Test.Substitution:Use 'email' instead of 'E-mail'.",
      "1:22:Test.Substitution:Use 'sign in to' instead of 'log in to'.",
    ]);
  });

  it("quotes every option of an action: replace swap and offers the first as the fix", () => {
    const [finding] = lint("Pick a colour.\n").filter((f) => f.ruleId === "Test.Replace");
    expect(finding?.message).toBe("Use 'color' or 'hue' rather than 'colour'.");
    expect(finding?.fix).toEqual([{ start: 7, end: 13, text: "color" }]);
  });

  it("capitalize: capitalises every suggestion for a match whose first byte Go's ToUpper leaves alone", () => {
    // Vale's test is observed == CapFirst(observed), CapFirst upper-casing the first byte: a digit
    // counts as capitalised, a non-ASCII letter does not.
    expect(show(lint("They are not here. Are not they? A 4 wheel drive. Über cool.\n"), "Test.Capitalize")).toEqual([
      "1:6:Test.Capitalize:Say 'aren't' or 'are n't', not 'are not'.",
      "1:20:Test.Capitalize:Say 'Aren't' or 'Are n't', not 'Are not'.",
      "1:36:Test.Capitalize:Say 'Four-wheel drive', not '4 wheel drive'.",
      "1:51:Test.Capitalize:Say 'very cool', not 'Über cool'.",
    ]);
  });

  it("does not report text that already matches the swap", () => {
    expect(show(lint("Send an email.\n"), "Test.Substitution")).toEqual([]);
  });
});

describe("occurrence, repetition, consistency, conditional", () => {
  it("occurrence: too many tokens in a heading", () => {
    expect(show(lint("## One two three four five six\n\n## One two\n"), "Test.Occurrence")).toEqual(["1:4:Test.Occurrence:Keep headings under 6 words."]);
  });

  it("repetition: the same word twice in a row, not across punctuation", () => {
    expect(show(lint("This is is wrong. A plan plan. But plan, plan is fine.\n"), "Test.Repetition")).toEqual(["1:6:Test.Repetition:'is' is repeated!"]);
  });

  it("consistency: both spellings in one file are reported once the second appears", () => {
    expect(show(lint("Ask an advisor.\n\nThe adviser agrees.\n"), "Test.Consistency")).toEqual(["3:5:Test.Consistency:Inconsistent spelling of 'adviser'."]);
    expect(show(lint("Ask an advisor.\n\nThe advisor agrees.\n"), "Test.Consistency")).toEqual([]);
  });

  it("conditional: an acronym needs a definition somewhere in the file; exceptions pass", () => {
    const text = "Use the Single Sign On (SSO) page. SSO is easy. The CDN and the API are fast.\n";
    expect(show(lint(text), "Test.Conditional")).toEqual(["1:53:Test.Conditional:'CDN' has no definition."]);
  });
});

describe("capitalization", () => {
  it("$sentence on h2 headings, with exceptions", () => {
    const text = "## Install the Verity app\n\n## Install The App Now\n\n## Install the app\n";
    expect(show(lint(text), "Test.Sentence")).toEqual(["3:4:Test.Sentence:'Install The App Now' should use sentence case."]);
  });

  it("$title on h3 headings (AP style by default: words of four letters or more are capitalised)", () => {
    expect(show(lint("### Getting started with the app\n\n### Getting Started With the App\n"), "Test.Title")).toEqual([
      "1:5:Test.Title:'Getting started with the app' should use title case.",
    ]);
  });
});

describe("metric", () => {
  it("evaluates the formula over the document's variables", () => {
    const four = "## A\n\nSome text.\n\n## B\n\n## C\n\n## D\n";
    expect(show(lint(four), "Test.Metric")).toEqual(["1:1:Test.Metric:This card has 4.00 second-level headings; split it."]);
    // As in Vale, a file without words in its paragraphs, lists or quotes has no variables.
    expect(show(lint("## A\n\n## B\n\n## C\n\n## D\n"), "Test.Metric")).toEqual([]);
    expect(show(lint("## A\n\n## B\n"), "Test.Metric")).toEqual([]);
  });

  // Vale's Tengo compiles a chain of any length; nesting one closure per operator overflowed the stack.
  it("a formula of 50,000 terms is evaluated, left to right", () => {
    const rule = (formula: string) => `extends: metric\nmessage: "%s"\nformula: ${formula}\ncondition: "> 0"\n`;
    const project = styleProject({ Long: rule(Array(50_000).fill("words").join(" + ")), Order: rule("words * 10 - words - words / 2 * 4 % 3") });
    expect(lintText(project, "Two words.\n")).toEqual(["1:1:S.Long:100000.00", "1:1:S.Order:17.00"]);
  });

  // Vale runs formula and condition as a Tengo script with the file's variables: a name it does not
  // define stops Vale ("unresolved reference"); Verity read it as 0, so a typo made the rule silent.
  it("a variable the file does not define is an error naming the rule; the condition reads the file's variables", () => {
    const rule = (formula: string, condition: string) => `extends: metric\nmessage: "%s"\nformula: ${formula}\ncondition: "${condition}"\n`;
    expect(() => lintText(styleProject({ Typo: rule("paragrahs", "> 0") }), "Some words here.\n")).toThrow(ConfigError);
    expect(() => lintText(styleProject({ Typo: rule("words", "> sentence") }), "Some words here.\n")).toThrow(/Typo\.yml: rule S\.Typo \(metric\): the formula or condition names "sentence"/);
    // pre, list, blockquote and heading.h1-h6 are 0 in a file without them, as in Vale.
    const project = styleProject({ Zero: rule("pre + list + heading.h6", "== 0"), Cond: rule("words", "> sentences * 2") });
    expect(lintText(project, "Some words here.\n")).toEqual(["1:1:S.Cond:3.00", "1:1:S.Zero:0.00"]);
    expect(lintText(project, "Some words. Here.\n")).toEqual(["1:1:S.Zero:0.00"]);
  });
});

describe("vocabularies and the built-in Vale rules", () => {
  it("Vale.Terms wants the accepted spelling, Vale.Avoid rejects words, accepted words are exceptions", () => {
    const findings = lint("Push to github, not to the whitelist. GitHub is fine.\n");
    expect(show(findings, "Vale.Terms")).toEqual(["1:9:Vale.Terms:Use 'GitHub' instead of 'github'."]);
    expect(show(findings, "Vale.Avoid")).toEqual(["1:28:Vale.Avoid:Avoid using 'whitelist'."]);
  });
});

describe("configuration levels", () => {
  it("Style.Rule = NO turns a rule off; Style.Rule = error raises its level", () => {
    const findings = lint("It obviously works, the rule.\n");
    expect(show(findings, "Test.Off")).toEqual([]);
    expect(findings.find((f) => f.ruleId === "Test.Raised")?.severity).toBe("error");
  });

  it("--minAlertLevel drops alerts under the level", () => {
    expect(show(lint("Pick a colour, really now.\n", "card.md", { minAlertLevel: "error" }))).toEqual([]);
  });
});
