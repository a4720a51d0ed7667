/**
 * Rule files as Vale loads them (check/manager.go addStyle, addRuleFromSource; core/config.go), and
 * what a broken one gets: an error naming the file, never an internal error.
 */
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError } from "../../src/core/errors.ts";
import { removeTemps } from "../helpers.ts";
import { lintText, styleProject } from "./vale-project.ts";

afterEach(removeTemps);

describe("YAML aliases in a rule file", () => {
  // Vale reads rules with gopkg.in/yaml.v2, which refuses only documents made almost wholly of
  // aliases (decode.go allowedAliasRatio): a list repeating one anchored word 120 times loads.
  it("a token list that repeats an anchor a hundred times loads and runs", () => {
    const rule = `extends: existence\nmessage: "Avoid '%s'."\ntokens:\n  - &w foo\n${"  - *w\n".repeat(120)}  - bar\n`;
    expect(lintText(styleProject({ Many: rule }), "No foo or bar here.\n")).toEqual(["1:4:S.Many:Avoid 'foo'.", "1:11:S.Many:Avoid 'bar'."]);
  });

  it("an alias bomb is an error naming the file, not an internal error", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(", ")}]`);
    const rule = `extends: existence\nmessage: "x %s"\n${levels.join("\n")}\ntokens: *i\n`;
    expect(() => styleProject({ Bomb: rule })).toThrow(ConfigError);
    expect(() => styleProject({ Bomb: rule })).toThrow(/Bomb\.yml: the rule file repeats its aliases/);
  });
});
