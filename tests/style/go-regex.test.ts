import { describe, expect, it } from "vitest";
import { captureGroupsOf, compileGoRegex, RegexTranslationError, translateGoRegex } from "../../src/core/style/go-regex.ts";
import { createRandom } from "../../bench/lib/random.ts";

const matches = (pattern: string, text: string) => [...text.matchAll(compileGoRegex(pattern, "g"))].map((m) => m[0]);

describe("Go regular expressions in JavaScript", () => {
  it("leading inline flags become flags; later ones scope to their group", () => {
    expect(translateGoRegex("(?i)foo").flags).toBe("iu");
    expect(translateGoRegex("(?is)a.b").flags).toBe("isu");
    expect(matches("(?i)hello", "HELLO hello")).toEqual(["HELLO", "hello"]);
    // As in regexp2 and Go, a flag holds to the end of its group, past `|`.
    expect(matches("a(?i)b|c", "aB C c")).toEqual(["aB", "C", "c"]);
    expect(matches("(?:x(?i)y|z)|w", "xY Z W w")).toEqual(["xY", "Z", "w"]);
    expect(matches("(?s)a.b", "a\nb")).toEqual(["a\nb"]);
    // Flags set one after another in a group add up: each alternative gets their net effect.
    expect(matches("a(?i)b|c(?-i)d|e(?m)f|g", "aB C cd cD ef G g")).toEqual(["aB", "cd", "ef", "g"]);
    expect(matches("(?:(?i)x|(?-i)y|z)", "X Y y Z z")).toEqual(["X", "y", "z"]);
    // A vocabulary of terms each with its own (?i) or (?-i) (as Vale builds its exceptions) stays a
    // pattern the size of the list: reopening every flag after each bar made 2,000 terms 10 MB.
    const terms = Array.from({ length: 2000 }, (_, i) => `${i % 2 === 0 ? "(?i)" : "(?-i)"}term${i}`).join("|");
    expect(translateGoRegex(`\\b(?:${terms})\\b`).source.length).toBeLessThan(20 * terms.length);
    expect(matches(`\\b(?:${terms})\\b`, "TERM0 TERM1 term1 Term1998 term1999")).toEqual(["TERM0", "term1", "Term1998", "term1999"]);
    // regexp2 (Vale's engine) reads .NET comment groups.
    expect(matches("col(?#British too)ou?r", "color colour")).toEqual(["color", "colour"]);
    expect(matches(String.raw`\b(?P<w>\w+) \k<w>\b`, "the the end")).toEqual(["the the"]);
  });

  it("word boundaries are Unicode-aware", () => {
    expect(matches(String.raw`\b클릭\b`, "클릭 클릭하세요 (클릭)")).toEqual(["클릭", "클릭"]);
    expect(matches(String.raw`\bcafé\b`, "café cafés")).toEqual(["café"]);
    expect(matches(String.raw`\w+`, "naïve 日本")).toEqual(["naïve", "日本"]);
  });

  it("Unicode classes, POSIX classes, anchors and named groups", () => {
    expect(matches(String.raw`\p{Han}+`, "abc 中文 def")).toEqual(["中文"]);
    expect(matches(String.raw`\p{Hangul}+`, "abc 한국어")).toEqual(["한국어"]);
    expect(matches(String.raw`\pL+`, "ab1")).toEqual(["ab"]);
    expect(matches("[[:digit:]]+", "a12b")).toEqual(["12"]);
    expect(matches("[[:upper:][:digit:]]+", "aB2c")).toEqual(["B2"]);
    expect(matches(String.raw`\Aab`, "ab ab")).toEqual(["ab"]);
    expect(matches(String.raw`ab\z`, "ab ab")).toEqual(["ab"]);
    expect(compileGoRegex("(?P<word>x)").exec("x")?.groups?.word).toBe("x");
    expect(matches(String.raw`\x{4e2d}`, "中")).toEqual(["中"]);
  });

  it("escapes and braces that Go accepts but JavaScript's u mode does not", () => {
    expect(matches(String.raw`\#\'\"`, `#'"`)).toEqual([`#'"`]);
    expect(matches("a{b}", "a{b}")).toEqual(["a{b}"]);
    expect(matches("x{2}", "xxx")).toEqual(["xx"]);
    expect(matches(String.raw`\Q.*\E`, "a.*")).toEqual([".*"]);
    expect(matches("[]a]+", "]a]")).toEqual(["]a]"]);
  });

  it("lookarounds of regexp2 work", () => {
    expect(matches(String.raw`(?<=\*\*)TODO`, "**TODO TODO")).toEqual(["TODO"]);
    expect(matches("vs(?! Code)", "vs Code vs Java")).toEqual(["vs"]);
  });

  it("a quantifier after a lookaround, which regexp2 takes and JavaScript refuses, repeats it as a group (Canonical's `1(?! Jan(?!uary)?)`)", () => {
    const numbers = (text: string) => [...text.matchAll(compileGoRegex("1(?! Jan(?!uary)?)", "g"))].map((m) => m.index);
    expect(numbers("I have 1 cat.")).toEqual([7]);
    expect(numbers("On 1 Jan we met, on 1 January too.")).toEqual([]);
    expect(matches("a(?=b)*c", "ac abc")).toEqual(["ac"]);
    expect(matches("x(?<!y){1,2}z", "xz")).toEqual(["xz"]);
    expect(matches("(?:a(?=b))?b", "ab b")).toEqual(["ab", "b"]);
  });

  it("counts capture groups as the compiled expression has them", () => {
    const fragments = ["a", "(b)", "(?:c)", "(?P<n>d)", "(?<m>e)", "(?<=f)", "(?<!g)", "(?=h)", "(?!i)", "(?i)", "(?i:j)", "[()]", "[(]", "\\(", "\\)", "[\\]()]", "[]a]", "[^)(]", "\\[(k)\\]", "(l|(m))", "\\\\(n)", "\\p{L}", "[[:alpha:]]", "x{2}", "(o)?", "|"];
    const random = createRandom(5);
    let checked = 0;
    for (let i = 0; i < 2000; i++) {
      let pattern = "";
      for (let k = random.int(1, 6); k > 0; k--) pattern += random.pick(fragments);
      let re: RegExp;
      try {
        re = compileGoRegex(`(?:${pattern})`, "");
      } catch {
        continue;
      }
      const compiled = new RegExp(`${re.source}|`, re.flags).exec("")!.length - 1;
      expect(captureGroupsOf(re.source), pattern).toBe(compiled);
      checked++;
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it("rejects what cannot be translated", () => {
    expect(() => compileGoRegex("(?U)a+")).toThrow(RegexTranslationError);
    expect(() => compileGoRegex(String.raw`\p{Klingon}`)).toThrow(RegexTranslationError);
    expect(() => compileGoRegex("(a")).toThrow(RegexTranslationError);
  });
});
