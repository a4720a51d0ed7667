/**
 * Vale 3.20's nested rule folders, bracket parameters and rule inheritance, as its release notes and
 * the Std package (vale-cli/Std, whose rules Temporal's documentation runs) describe them.
 */
import { afterEach, describe, expect, it } from "vitest";
import { removeTemps } from "../helpers.ts";
import { lintText, valeProject } from "./vale-project.ts";

afterEach(removeTemps);

const WE = "extends: existence\nmessage: \"First-person plural: '%s'.\"\nlevel: suggestion\nignorecase: true\ntokens:\n  - we\n  - us\n";
const LENGTH = "extends: occurrence\nmessage: \"Long sentence.\"\nlevel: suggestion\nscope: sentence\nmax: 25\ntoken: \\b(\\w+)\\b\n";
const TESTS = "tests:\n  - name: fires\n    input: >\n      We restart.\n    want: |\n      1:1:Std.Usage.FirstPersonPlural:First-person plural: 'We'.\n";

function std(ini: string, extra: Record<string, string> = {}) {
  return valeProject({
    ".vale.ini": `StylesPath = styles\nMinAlertLevel = suggestion\n\n[*.md]\n${ini}\n`,
    "styles/Std/Usage/FirstPersonPlural.yml": WE + TESTS,
    "styles/Std/Readability/SentenceLength.yml": LENGTH,
    ...extra,
  });
}

describe("nested rule folders (Vale 3.20: the directory is the name)", () => {
  it("a rule in a style's sub-folder is Style.Sub.Rule, run with the style and set by that name", () => {
    const project = std("BasedOnStyles = Std");
    expect(lintText(project, "We ship it for us.\n")).toEqual([
      "1:1:Std.Usage.FirstPersonPlural:First-person plural: 'We'.",
      "1:16:Std.Usage.FirstPersonPlural:First-person plural: 'us'.",
    ]);
    expect(project.setup.styles.warnings).toEqual([]);
    const off = std("BasedOnStyles = Std\nStd.Usage.FirstPersonPlural = NO");
    expect(lintText(off, "We ship it for us.\n")).toEqual([]);
  });

  it("a folder whose name starts with . or _ is skipped with everything under it", () => {
    const broken = "extends: existence\nmessage: x\ntokens: ['(unclosed']\n";
    const project = std("BasedOnStyles = Std", { "styles/Std/_drafts/Broken.yml": broken, "styles/Std/.old/Gone.yml": broken, "styles/Std/Usage/_retired/Old.yml": broken });
    expect(lintText(project, "We ship.\n")).toEqual(["1:1:Std.Usage.FirstPersonPlural:First-person plural: 'We'."]);
  });

  it("a rule of another style's sub-folder turned on by name is found there", () => {
    const project = valeProject({
      ".vale.ini": "StylesPath = styles\nMinAlertLevel = suggestion\n\n[*.md]\nBasedOnStyles = Vale\nStd.Usage.FirstPersonPlural = YES\n",
      "styles/Std/Usage/FirstPersonPlural.yml": WE,
    });
    expect(lintText(project, "We ship.\n")).toEqual(["1:1:Std.Usage.FirstPersonPlural:First-person plural: 'We'."]);
  });
});

describe("bracket parameters (Vale 3.20: Style.Rule[key] = value)", () => {
  const long = "One two three four five six seven eight nine ten eleven twelve.\n";

  it("sets a scalar of the rule wherever it runs, the last one given winning", () => {
    expect(lintText(std("BasedOnStyles = Std"), long)).toEqual([]);
    expect(lintText(std("BasedOnStyles = Std\nStd.Readability.SentenceLength[max] = 10"), long)).toEqual(["1:1:Std.Readability.SentenceLength:Long sentence."]);
    // A parameter is no level: the rule stays on, and a parameter set in another section still holds.
    expect(lintText(std("BasedOnStyles = Std\n\n[*.txt]\nStd.Readability.SentenceLength[max] = 10"), long)).toEqual(["1:1:Std.Readability.SentenceLength:Long sentence."]);
    expect(lintText(std("BasedOnStyles = Std\nStd.Readability.SentenceLength[max] = 10\n\n[*.txt]\nStd.Readability.SentenceLength[max] = 30"), long)).toEqual([]);
    expect(lintText(std("BasedOnStyles = Std\nStd.Usage.FirstPersonPlural[ignorecase] = false"), "We ship it for us.\n")).toEqual(["1:16:Std.Usage.FirstPersonPlural:First-person plural: 'us'."]);
  });

  it("refuses a level, the rule's prose and what it matches (lists and mappings), naming the way to change them", () => {
    expect(() => std("BasedOnStyles = Std\nStd.Usage.FirstPersonPlural[tokens] = x")).toThrow(/'tokens' is not adjustable from configuration; extend 'Std\.Usage\.FirstPersonPlural' in a style instead/);
    expect(() => std("BasedOnStyles = Std\nStd.Usage.FirstPersonPlural[message] = x")).toThrow(/not adjustable/);
    expect(() => std("BasedOnStyles = Std\nStd.Usage.FirstPersonPlural[level] = error")).toThrow(/Std\.Usage\.FirstPersonPlural = error/);
  });
});

describe("rule inheritance (Vale 3.20: extends: Style.Rule)", () => {
  const child = (body: string) => std("BasedOnStyles = House", { "styles/House/We.yml": `extends: Std.Usage.FirstPersonPlural\n${body}` });

  it("a child starts from its parent's definition, lays its own keys on top and reports under its own name", () => {
    expect(lintText(child("message: \"House: '%s'.\"\nlevel: error\n"), "We ship it for us.\n")).toEqual(["1:1:House.We:House: 'We'.", "1:16:House.We:House: 'us'."]);
    // The parent need only be on StylesPath, not enabled.
    expect(lintText(std("BasedOnStyles = House", { "styles/House/Long.yml": "extends: Std.Readability.SentenceLength\nmax: 3\n" }), "One two three four.\n")).toEqual(["1:1:House.Long:Long sentence."]);
  });

  it("a parent may sit in a folder that does not load (GenZ._shared.Slang in the Voices package)", () => {
    const slang = "extends: occurrence\nmessage: \"Slang.\"\nlevel: suggestion\nignorecase: true\ntoken: '\\b(?:no cap|goated|fr)\\b'\nmax: 100\n";
    const project = std("BasedOnStyles = GenZ", { "styles/GenZ/_shared/Slang.yml": slang, "styles/GenZ/Density.yml": "extends: GenZ._shared.Slang\nmessage: \"%d slang terms in one sentence. Budget is one.\"\nlevel: error\nscope: sentence\nmax: 1\n" });
    expect(lintText(project, "no cap this is goated.\n")).toEqual(["1:1:GenZ.Density:2 slang terms in one sentence. Budget is one."]);
  });

  it("key+ appends to a list or merges into a mapping; key- removes entries by their text", () => {
    expect(lintText(child("tokens+:\n  - ours\ntokens-:\n  - us\n"), "We ship it for us; it is ours.\n")).toEqual([
      "1:1:House.We:First-person plural: 'We'.",
      "1:26:House.We:First-person plural: 'ours'.",
    ]);
    const swap = "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nlevel: error\nswap:\n  utilize: use\n  leverage: use\n";
    const project = std("BasedOnStyles = House", { "styles/Base/Terms.yml": swap, "styles/House/Terms.yml": "extends: Base.Terms\nswap+:\n  facilitate: help\nswap-:\n  - leverage\n" });
    expect(lintText(project, "We utilize, leverage and facilitate.\n")).toEqual(["1:4:House.Terms:Use 'use' instead of 'utilize'.", "1:26:House.Terms:Use 'help' instead of 'facilitate'."]);
  });

  it("a missing parent, a Vale built-in, removing what the parent lacks, or replacing and editing one key stop loading", () => {
    expect(() => std("BasedOnStyles = House", { "styles/House/X.yml": "extends: Std.Usage.Gone\n" })).toThrow(/Std\.Usage\.Gone.*not on StylesPath/);
    expect(() => std("BasedOnStyles = House", { "styles/House/X.yml": "extends: Vale.Terms\n" })).toThrow(/built-in/);
    expect(() => child("tokens-:\n  - they\n")).toThrow(/removes 'they'/);
    expect(() => child("tokens: [x]\ntokens+: [y]\n")).toThrow(/both given/);
    expect(() => std("BasedOnStyles = House", { "styles/House/A.yml": "extends: House.B\n", "styles/House/B.yml": "extends: House.A\n" })).toThrow(/ten|loop/);
  });

  it("the in-source tests key loads without a warning", () => {
    expect(std("BasedOnStyles = Std").setup.styles.warnings).toEqual([]);
  });
});
