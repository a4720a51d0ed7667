import { afterEach, describe, expect, it } from "vitest";
import { tokenizeWords } from "../../src/core/style/checks/spelling.ts";
import { removeTemps } from "../helpers.ts";
import { lintText, styleProject, valeProject } from "./vale-project.ts";

afterEach(removeTemps);

const spell = "extends: spelling\nmessage: \"Did you really mean '%s'?\"\nlevel: error\n";

describe("spelling rules", () => {
  it("Vale's word tokenizer peels punctuation and keeps abbreviations whole", () => {
    expect(tokenizeWords('Use (this), "that" and U.S. Dr. e.g. rules.').map((w) => w.word)).toEqual(["Use", "this", "that", "and", "U.S.", "Dr.", "e.g.", "rules"]);
  });

  it("checks words against en_US; default filters skip camel case, all-caps endings and non-letters", () => {
    const project = styleProject({ Spelling: spell });
    expect(lintText(project, "We dissapear, then GitHub and JavaScript and DBA and e-mail and 42 stay.\n")).toEqual(["1:4:S.Spelling:Did you really mean 'dissapear'?"]);
  });

  it("the default en_US accepts the words Vale's own en_US-web list adds, and still knows ordinals", () => {
    const project = styleProject({ Spelling: spell });
    // dictionary-en has none of these; Vale's built-in list has them all.
    expect(lintText(project, "Wrap it in a backtick, then see the aardwolf.\n")).toEqual([]);
    expect(lintText(project, "Not a preceeded one.\n")).toEqual(["1:7:S.Spelling:Did you really mean 'preceeded'?"]);
    // And not the entries dictionary-en has and Vale's list does not: Vale flags these, with their forms.
    expect(lintText(project, "We run ad hoc jobs that interoperate with blockchains and learnable models.\n")).toEqual([
      "1:11:S.Spelling:Did you really mean 'hoc'?",
      "1:25:S.Spelling:Did you really mean 'interoperate'?",
      "1:43:S.Spelling:Did you really mean 'blockchains'?",
      "1:59:S.Spelling:Did you really mean 'learnable'?",
    ]);
    // Words both lists have, written with their flags in another order, stay correct.
    expect(lintText(project, "Americans and Abyssinians agree.\n")).toEqual([]);
    // Ordinals are compound rules, which loading the added entries must not break (with the default
    // filters, words with digits are never looked up: custom: true checks them).
    const all = styleProject({ Spelling: `${spell}custom: true\n` });
    expect(lintText(all, "The 21st and 112th runs, not the 21th.\n")).toEqual(["1:34:S.Spelling:Did you really mean '21th'?"]);
  });

  it("an ignore file that none of Vale's three paths finds is skipped without an error, and a path is case-sensitive (Openly's 'openly/tech-terms/...' for 'Openly/')", () => {
    const project = valeProject({
      ".vale.ini": "StylesPath = styles\n[*.md]\nBasedOnStyles = S\n",
      "styles/S/Own.yml": `${spell}ignore:\n  - s/terms.txt\n  - missing.txt\n`,
      "styles/S/terms.txt": "zorblax\n",
    });
    expect(lintText(project, "The zorblax runs.\n")).toEqual(["1:5:S.Own:Did you really mean 'zorblax'?"]);
  });

  it("custom: true drops the default filters; filters skip matching words", () => {
    const project = styleProject({ Numbers: `${spell}custom: true\nfilters:\n  - '[a-z]+'\n` });
    expect(lintText(project, "MHS has a dissapear program. MHS again.\n")).toEqual(["1:1:S.Numbers:Did you really mean 'MHS'?", "1:30:S.Numbers:Did you really mean 'MHS'?"]);
  });

  it("Vocab accept terms, ignore files and Vale.Spelling's config/ignore files are correct words", () => {
    const project = valeProject({
      ".vale.ini": "StylesPath = styles\nVocab = Base\n[*.md]\nBasedOnStyles = Vale, S\n",
      "styles/config/vocabularies/Base/accept.txt": "Verity\n",
      "styles/config/ignore/words.txt": "frobnicate\n",
      "styles/S/Own.yml": `${spell}ignore: own.txt\n`,
      "styles/own.txt": "zorblax\n",
    });
    const found = lintText(project, "Verity can frobnicate the zorblax and wibble.\n");
    expect(found).toContain("1:39:Vale.Spelling:Did you really mean 'wibble'?");
    expect(found).toContain("1:39:S.Own:Did you really mean 'wibble'?");
    expect(found).toContain("1:12:S.Own:Did you really mean 'frobnicate'?");
    expect(found).toContain("1:27:Vale.Spelling:Did you really mean 'zorblax'?");
    expect(found.some((f) => /zorblax'/.test(f) && f.includes("S.Own"))).toBe(false);
    expect(found.some((f) => /Verity'/.test(f))).toBe(false);
  });

  it("an accepted term accepts whole words only, not words that contain it (Vale 3.9.4's \\b…\\b)", () => {
    const project = valeProject({
      ".vale.ini": "StylesPath = styles\nVocab = Base\n[*.md]\nBasedOnStyles = S\n",
      "styles/config/vocabularies/Base/accept.txt": "(?i)te\nwibble\n",
      "styles/S/Spelling.yml": spell,
    });
    expect(lintText(project, "Words: teh, Gatewaty, blahte, TE, te, Wibble and wibbles.\n")).toEqual([
      "1:8:S.Spelling:Did you really mean 'teh'?",
      "1:13:S.Spelling:Did you really mean 'Gatewaty'?",
      "1:23:S.Spelling:Did you really mean 'blahte'?",
      "1:50:S.Spelling:Did you really mean 'wibbles'?",
    ]);
  });

  it("custom dic and aff paths, and dictionaries by name with append", () => {
    const files = { "styles/config/dictionaries/tiny.dic": "2\nwibble\nwobble\n", "styles/config/dictionaries/tiny.aff": "SET UTF-8\n" };
    const own = styleProject({ Tiny: `${spell}dic: tiny.dic\naff: tiny.aff\n` }, "", files);
    expect(lintText(own, "wibble wobble hello\n")).toEqual(["1:15:S.Tiny:Did you really mean 'hello'?"]);
    const both = styleProject({ Tiny: `${spell}dictionaries: [tiny]\nappend: true\n` }, "", files);
    expect(lintText(both, "wibble wobble hello zzyzx\n")).toEqual(["1:21:S.Tiny:Did you really mean 'zzyzx'?"]);
  });

  it("Vale.Spelling also loads every dictionary in StylesPath/config/dictionaries (Vale 3's default path; Vale's v3.0 Spelling scenario)", () => {
    const files = (extra: Record<string, string>) => ({ ".vale.ini": "StylesPath = styles\nMinAlertLevel = suggestion\n[*.md]\nBasedOnStyles = Vale\n", "styles/.keep": "", ...extra });
    const text = "The abdominocentesis is a word. Zorblax is not.\n";
    expect(lintText(valeProject(files({})), text)).toEqual(["1:5:Vale.Spelling:Did you really mean 'abdominocentesis'?", "1:33:Vale.Spelling:Did you really mean 'Zorblax'?"]);
    const medical = files({ "styles/config/dictionaries/medical.dic": "1\nabdominocentesis\n", "styles/config/dictionaries/medical.aff": "SET UTF-8\n" });
    expect(lintText(valeProject(medical), text)).toEqual(["1:33:Vale.Spelling:Did you really mean 'Zorblax'?"]);
    // A spelling rule of a style does not: it reads only the dictionaries it names.
    const styled = valeProject({ ...medical, ".vale.ini": "StylesPath = styles\nMinAlertLevel = suggestion\n[*.md]\nBasedOnStyles = S\n", "styles/S/Spelling.yml": spell });
    expect(lintText(styled, text)).toEqual(["1:5:S.Spelling:Did you really mean 'abdominocentesis'?", "1:33:S.Spelling:Did you really mean 'Zorblax'?"]);
  });
});
