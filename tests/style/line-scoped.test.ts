/** An ignore pattern run only on the lines holding its required character finds what a full scan finds. */
import { describe, expect, it } from "vitest";
import { compileGoRegex } from "../../src/core/style/go-regex.ts";
import { ignoredRanges } from "../../src/core/style/ignore-patterns.ts";
import { isLineScoped, matchLinesWith } from "../../src/core/style/line-scoped.ts";
import { requiredChar } from "../../src/core/style/required-char.ts";

const compiled = (goPattern: string) => compileGoRegex(goPattern, "g");
const ranges = (matches: Iterable<RegExpMatchArray>) => [...matches].map((m) => [m.index, m.index! + m[0].length, m[1]]);

describe("isLineScoped", () => {
  it("accepts a pattern whose every atom excludes a line break, with word boundaries and lookarounds of such atoms", () => {
    for (const pattern of [String.raw`([\w.+-]+@[\w-]+(?:\.[\w-]+)+)`, String.raw`\b\w+@\w+\b`, String.raw`(?:ab|c\.d)+@x`, String.raw`\{\{[^}\n]+\}\}`, String.raw`\w+@\w+(?=\.\w)`, String.raw`(?<!\.)\w+@\w+`]) {
      expect([pattern, isLineScoped(compiled(pattern))]).toEqual([pattern, true]);
    }
  });

  it("refuses a pattern that can match a line break or reads outside its match", () => {
    for (const pattern of [
      String.raw`\w+@\s*\w+`, // \s holds \n
      String.raw`[^x]+@y`, // a negated class holds \n
      String.raw`(?s)a.@b`, // . with the s flag
      String.raw`\w+@\w+(?=\s)`, // a lookahead reading the line break
      String.raw`(?<=\s)\w+@\w+`, // a lookbehind reading the line break
      String.raw`^\w+@\w+`, // anchor
      String.raw`(?m)\w+@\w+$`,
      String.raw`(\w)@\1`, // back-reference
      String.raw`\w+@\n\w+`,
    ]) {
      expect([pattern, isLineScoped(compiled(pattern))]).toEqual([pattern, false]);
    }
  });
});

describe("matchLinesWith", () => {
  const texts = [
    "",
    "@",
    "x@y.z",
    "No address here.\nStill none.",
    "Mail support@lumen.example, or a.b+c@d-e.f.g now.\nowner: \"@arjun\"\n\nagain x@y.io at the end",
    "line one\r\nsupport@lumen.example\r\n@\nlast@a.b",
    "a@b.c\na@b.c\n\n\n@@x.y@z.w\n",
    "日本語@例え.テスト と support@example.com",
  ];
  for (const pattern of [String.raw`([\w.+-]+@[\w-]+(?:\.[\w-]+)+)`, String.raw`\b\w+@\w+\b`, String.raw`@\w*\.`, String.raw`\w+@\w+(?=\.\w)`, String.raw`(?<!\.)\w+@\w+(?!\w)`]) {
    it(`finds what a full scan finds: ${pattern}`, () => {
      const re = compiled(pattern);
      const required = requiredChar(re.source)!;
      expect(required).toBe("@");
      expect(isLineScoped(re)).toBe(true);
      for (const text of texts) expect([text, ranges(matchLinesWith(text, re, required))]).toEqual([text, ranges(text.matchAll(re))]);
    });
  }

  it("keeps the ignored ranges of the email TokenIgnores on random text", () => {
    const pattern = String.raw`([\w.+-]+@[\w-]+(?:\.[\w-]+)+)`;
    const re = compiled(pattern);
    const alphabet = ["a", "b", ".", "@", "-", "+", " ", "\n", "é", "x@y.z", "\r"];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 300; n++) {
      const text = Array.from({ length: next() % 60 }, () => alphabet[next() % alphabet.length]).join("");
      const full = [...text.matchAll(re)].map((m) => [m.index, m.index + m[0].length]);
      expect([text, ignoredRanges(text, [pattern])]).toEqual([text, full]);
    }
  });
});
