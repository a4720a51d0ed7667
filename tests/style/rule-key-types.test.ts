/**
 * Boolean and number keys of a rule, as Vale reads them: YAML 1.1 (yaml.v2) then mapstructure's
 * weakly typed decoding (internal/check/definition.go decodeRule): `ignorecase: yes`, `"true"`,
 * `limit: "1"` all work; a value Vale refuses is an error naming the file, the key and the value.
 */
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError } from "../../src/core/errors.ts";
import { lintProse } from "../../src/core/style/style-engine.ts";
import { removeTemps } from "../helpers.ts";
import { lintText, styleProject, valeProject } from "./vale-project.ts";

afterEach(removeTemps);

const avoid = (extra: string) => `extends: existence\nmessage: "Avoid '%s'."\ntokens: [foo]\n${extra}\n`;
const run = (extra: string, text = "Foo, FOO and foo.\n") => lintText(styleProject({ Ex: avoid(extra) }), text);

describe("boolean keys", () => {
  it("unquoted YAML 1.1 booleans (yes, On, Y, no, off, n) and Go's ParseBool strings are booleans", () => {
    const all = ["1:1:S.Ex:Avoid 'Foo'.", "1:6:S.Ex:Avoid 'FOO'.", "1:14:S.Ex:Avoid 'foo'."];
    const lower = ["1:14:S.Ex:Avoid 'foo'."];
    for (const value of ["yes", "Yes", "YES", "on", "On", "ON", "y", "Y", "true", '"true"', "'1'", '"t"', '"T"', '"TRUE"', '"True"', "1", "2", "0.5"]) expect(run(`ignorecase: ${value}`), value).toEqual(all);
    for (const value of ["no", "No", "NO", "off", "Off", "OFF", "n", "N", "false", '"false"', "'0'", '"f"', '"F"', '"FALSE"', '"False"', '""', "0", ""]) expect(run(`ignorecase: ${value}`), value).toEqual(lower);
  });

  it("vocab: no turns the vocabulary off for the rule", () => {
    const files = (extra: string) => ({
      ".vale.ini": "StylesPath = styles\nMinAlertLevel = suggestion\nVocab = V\n[*.md]\nBasedOnStyles = S\n",
      "styles/config/vocabularies/V/accept.txt": "foo\n",
      "styles/S/Ex.yml": avoid(extra),
    });
    expect(lintText(valeProject(files("")), "A foo.\n")).toEqual([]);
    expect(lintText(valeProject(files("vocab: no")), "A foo.\n")).toEqual(["1:3:S.Ex:Avoid 'foo'."]);
  });

  it("a value Vale cannot read as a boolean is an error naming the file, the key and the value", () => {
    for (const value of ['"yes"', "'no'", "maybe", '"on"', "[true]"]) {
      const load = () => styleProject({ Ex: avoid(`ignorecase: ${value}`) });
      expect(load, value).toThrow(ConfigError);
      expect(load, value).toThrow(/Ex\.yml: "ignorecase/);
    }
    expect(() => styleProject({ Ex: avoid("nonword: maybe") })).toThrow(/Ex\.yml: "nonword: maybe" cannot be read as true or false/);
  });
});

describe("number keys", () => {
  it('limit: "1" and other numeric strings are integers (strconv.ParseInt with base 0); a float is cut', () => {
    for (const value of ['"1"', "'0x1'", "1.9", "true", '"+1"', "yes"]) expect(run(`limit: ${value}`, "foo, foo and foo.\n"), value).toEqual(["1:1:S.Ex:Avoid 'foo'."]);
    for (const value of ['"0"', '""', "0.5", "no"]) expect(run(`limit: ${value}`, "foo, foo and foo.\n"), value).toHaveLength(3);
    const occurrence = (max: string) => `extends: occurrence\nmessage: "Too many."\nscope: sentence\ntoken: a\nmax: ${max}\n`;
    expect(lintText(styleProject({ Occ: occurrence('"2"') }), "a a a.\n")).toEqual(["1:1:S.Occ:Too many."]);
    expect(lintText(styleProject({ Occ: occurrence('"0b11"') }), "a a a.\n")).toEqual([]);
  });

  it("a value Vale cannot read as an integer is an error naming the file, the key and the value", () => {
    for (const value of ['"1.5"', "many", '"1_"', "[1]"]) {
      const load = () => styleProject({ Ex: avoid(`limit: ${value}`) });
      expect(load, value).toThrow(ConfigError);
      expect(load, value).toThrow(/Ex\.yml: "limit/);
    }
    expect(() => styleProject({ Ex: avoid("limit: many") })).toThrow(/"limit: many" cannot be read as a whole number/);
  });
});

describe("keys Vale 3.7 does not know", () => {
  // definition.go decodeRule decodes with ErrorUnused (E201 "has invalid keys"); Verity warns instead.
  it("a key no field of the rule type's struct has gets a warning naming the file and the key; the rule still loads", () => {
    const project = styleProject({ Ex: avoid("noword: true\nIgnoreCase: true\ndescription: x") });
    expect(project.setup.styles.warnings.join("\n")).toMatch(/Ex\.yml: rule S\.Ex has a key Vale 3\.7 does not know for an existence rule \(noword\)/);
    expect(lintText(project, "FOO.\n")).toEqual(["1:1:S.Ex:Avoid 'FOO'."]);
    // consistency and spelling rules are decoded without that check: any key loads silently.
    const either = styleProject({ Either: "extends: consistency\nmessage: x\neither:\n  a: b\nextra: 1\n" });
    expect(either.setup.styles.warnings.join("\n")).not.toMatch(/does not know/);
  });

  it("code: true is an error, as Vale refuses it", () => {
    expect(() => styleProject({ Ex: avoid("code: true") })).toThrow(/Ex\.yml: "code: true" is refused by Vale/);
  });
});

describe("text and list keys", () => {
  // mapstructure's weak decoding (definition.go decodeRule): a scalar is lifted into a one-item list,
  // a number or boolean is its text (true is "1"), a null keeps the default, and a list or mapping
  // where text is expected, or a mapping where a list is, is refused (E201).
  it("a null scope is the default scope, text (manager.go: scope == nil)", () => {
    expect(lintText(styleProject({ Ex: avoid("scope: ~") }), "# A foo\n\nThe foo.\n")).toEqual(["1:5:S.Ex:Avoid 'foo'.", "3:5:S.Ex:Avoid 'foo'."]);
  });

  it("scope items that are numbers are scope names, one that never matches", () => {
    expect(lintText(styleProject({ Ex: avoid("scope: [5, heading]") }), "# A foo\n\nThe foo.\n")).toEqual(["1:5:S.Ex:Avoid 'foo'."]);
    expect(lintText(styleProject({ Ex: avoid("scope: 5") }), "# A foo\n\nThe foo.\n")).toEqual([]);
  });

  it("a single value is a one-item list: metrics: Flesch-Kincaid", () => {
    const rule = 'extends: readability\nmessage: "Grade %s."\nmetrics: Flesch-Kincaid\ngrade: 1\n';
    expect(lintText(styleProject({ R: rule }), "The extraordinarily complicated administration deliberated interminably.\n")).toHaveLength(1);
  });

  it("true in a token list is the text 1, as Vale decodes it", () => {
    const rule = 'extends: existence\nmessage: "Avoid \'%s\'."\ntokens: [true]\n';
    expect(lintText(styleProject({ Ex: rule }), "It is true, 1 of them.\n")).toEqual(["1:13:S.Ex:Avoid '1'."]);
  });

  it("a mapping where a list or text is expected, or a list where text is, is an error naming the file and the key", () => {
    const cases: [string, string, RegExp][] = [
      ["Ex", avoid("scope: {a: b}"), /Ex\.yml: "scope"/],
      ["Ex", 'extends: existence\nmessage: x\ntokens:\n  foo: bar\n', /Ex\.yml: "tokens"/],
      ["Ex", "extends: existence\nmessage: [x]\ntokens: [foo]\n", /Ex\.yml: "message"/],
      ["Oc", "extends: occurrence\nmessage: x\ntoken: [a, b]\nmax: 1\n", /Oc\.yml: "token"/],
      ["Co", "extends: conditional\nmessage: x\nfirst: [foo]\nsecond: bar\n", /Co\.yml: "first"/],
      ["Ex", avoid("exceptions: [[a]]"), /Ex\.yml: "exceptions\[0\]"/],
    ];
    for (const [name, rule, error] of cases) {
      const load = () => styleProject({ [name]: rule });
      expect(load, rule).toThrow(ConfigError);
      expect(load, rule).toThrow(error);
    }
  });
});

describe("the action key", () => {
  // mapstructure decodes `action` into Vale's core.Action { Name string; Params []string }: anything
  // but a mapping is refused ("'action' expected a map"); a single param is a list of one.
  it("action written as text, a list or a number is an error naming the file, not an action silently dropped", () => {
    for (const value of ["remove", "[replace, bar]", "5", "{name: replace, params: {a: b}}"]) {
      expect(() => styleProject({ Ex: avoid(`action: ${value}`) }), value).toThrow(ConfigError);
      expect(() => styleProject({ Ex: avoid(`action: ${value}`) }), value).toThrow(/Ex\.yml: "action(\.params)?" is /);
    }
  });

  it("params: one value is a list of one; keys in any case; an unknown key in the action gets a warning", () => {
    const fixOf = (action: string) => {
      const project = styleProject({ Ex: avoid(action) });
      const [finding] = lintProse({ file: path.join(project.dir, "doc.md"), source: "A foo.\n", format: "md", matchPath: "doc.md" }, { vale: project.setup });
      return finding?.fix;
    };
    expect(fixOf("action:\n  name: replace\n  params: bar")).toEqual([{ start: 2, end: 5, text: "bar" }]);
    expect(fixOf("action:\n  Name: replace\n  PARAMS: [bar]")).toEqual([{ start: 2, end: 5, text: "bar" }]);
    expect(styleProject({ Ex: avoid("action:\n  nme: replace") }).setup.styles.warnings.join("\n")).toMatch(/Ex\.yml: rule S\.Ex has a key .* \(action\.nme\)/);
  });
});
