import { describe, expect, it } from "vitest";
import { compileGoRegex, RegexTranslationError } from "../../src/core/style/go-regex.ts";

const matches = (pattern: string, text: string) => [...text.matchAll(compileGoRegex(pattern, "g"))].map((m) => m[0]);

describe("the regular expressions real Vale rules use", () => {
  it("reads \\uXXXX escapes (regexp2) and \\x{…} and \\xHH (Go)", () => {
    expect(matches(String.raw`\u201c[^\u201d]+\u201d`, "say “hi” now")).toEqual(["“hi”"]);
    expect(matches(String.raw`[\u2018\u2019]`, "it’s")).toEqual(["’"]);
    expect(matches(String.raw`\x{41}\x42`, "zABz")).toEqual(["AB"]);
  });

  it("an unterminated or malformed escape is an error, never a hang", () => {
    for (const bad of [String.raw`\x{41`, String.raw`a\x{`, String.raw`\x{zz}`, String.raw`\u12`, String.raw`\xg1`, String.raw`\p{Han`]) {
      expect(() => compileGoRegex(bad), bad).toThrow(RegexTranslationError);
    }
  });

  it("a conditional group (?(expression)yes|no) takes yes where the expression matches and no elsewhere, as regexp2 does (JuMP's [Bb]ugfix(?(es)))", () => {
    // Each expectation is what errata-ai/regexp2 v1.7.0 (CompileStd, Vale's) finds in the same text.
    expect(matches("[Bb]ugfix(?(es))", "a bugfix and bugfixes")).toEqual(["bugfix", "bugfix"]);
    expect(matches(String.raw`\b(?:[Bb]ugfix(?(es)))\b`, "a bugfix and bugfixes")).toEqual(["bugfix"]);
    // Where the expression matches, only yes is tried: "abd" is no match, though "ad" would be.
    expect(matches("a(?(b)bc|d)", "abc ad ab abd")).toEqual(["abc", "ad"]);
    expect(matches("x(?(?=y)y+|z)!", "xyy! xz! xy xzz!")).toEqual(["xyy!", "xz!"]);
    expect(matches("(a)(?(b)b|c)(d)", "abd acd").length).toBe(2);
    expect(compileGoRegex("(a)(?(b)b|c)(d)").exec("acd")?.[2]).toBe("d");
  });

  it("a conditional group with more than one | is an error, as in regexp2; one on whether a group matched is refused by name", () => {
    expect(() => compileGoRegex("(?(x)a|b|c)")).toThrow(/too many \| in \(\?\(\)\|\)/);
    expect(() => compileGoRegex("(x)?(?(1)y|z)")).toThrow(/whether group 1 matched/);
    expect(() => compileGoRegex("(?P<n>x)?(?(n)y|z)")).toThrow(/whether group n matched/);
  });

  it("possessive quantifiers and atomic groups are accepted", () => {
    expect(matches("a++b", "aaab")).toEqual(["aaab"]);
    expect(matches("x*+y", "xxy y")).toEqual(["xxy", "y"]);
    expect(matches("ab?+c", "abc ac")).toEqual(["abc", "ac"]);
    expect(matches("a{2}+", "aaaa")).toEqual(["aa", "aa"]);
    expect(matches("(?>ab|a)c", "abc")).toEqual(["abc"]);
    expect(matches("a+?", "aa")).toEqual(["a", "a"]);
    expect(matches(String.raw`\++`, "a+++b")).toEqual(["+++"]);
  });

  it(". stops only at a newline, as regexp2's . (Notone '\\n'), not at CR, U+2028 or U+2029; with (?s) it takes the newline too", () => {
    expect(matches("a.b", "a\rb a\u2028b a\u2029b a\nb")).toEqual(["a\rb", "a\u2028b", "a\u2029b"]);
    expect(matches("(?s)a.b", "a\nb")).toEqual(["a\nb"]);
    expect(matches("x(?s:a.b)y|a.b", "xa\nby a\nb")).toEqual(["xa\nby"]);
    expect(matches("(?s)(?-s:a.b)|c.d", "a\nb c\nd")).toEqual(["c\nd"]);
    expect(matches("(?:(?s)a.b)|a.c", "a\nb a\nc")).toEqual(["a\nb"]);
    expect(matches("[.]", "a.b")).toEqual(["."]);
  });

  it("\\W inside a class is regexp2's Unicode non-word class: é and 한 are word characters, ' ' and ',' are not", () => {
    expect(matches(String.raw`[\W]+`, "é한 ,x")).toEqual([" ,"]);
    expect(matches(String.raw`[\W\d]+`, "é 1,x")).toEqual([" 1,"]);
    expect(matches(String.raw`[^\W]+`, "é한 ,x")).toEqual(["é한", "x"]);
    expect(matches(String.raw`[^\W\d]+`, "é1한 x")).toEqual(["é", "한", "x"]);
  });

  it("(?x) drops white space and # comments outside classes, to the end of its group, as regexp2's IgnorePatternWhitespace", () => {
    expect(matches("(?x) colou?r  # British or American\n | gray", "color colour gray")).toEqual(["color", "colour", "gray"]);
    expect(matches("(?x)a[ #]b", "a b a#b ab")).toEqual(["a b", "a#b"]);
    // A class holding a POSIX class or a subtraction is one class: the space in it stays.
    expect(matches("(?x)[[:alpha:] ]+", "ab c")).toEqual(["ab c"]);
    expect(matches("(?x)[a-z -[b]]+", "ab c")).toEqual(["a", " c"]);
    expect(matches("(?x)a\\ b", "a b ab")).toEqual(["a b"]);
    expect(matches("(?x: a b ) c", "ab c abc")).toEqual(["ab c"]);
    expect(matches("(?x)a b(?-x) c", "ab c abc")).toEqual(["ab c"]);
    expect(matches("(?x)(?#a # comment) x y", "xy")).toEqual(["xy"]);
    // A word boundary next to dropped white space reads the character after it.
    expect(matches("(?x)\\b foo \\b", "foo food")).toEqual(["foo"]);
  });

  it("(?n) makes plain groups non-capturing; option letters are read in either case; (?d) changes nothing", () => {
    expect([..."ab".matchAll(compileGoRegex("(?n)(a)(?<x>b)", "g"))].map((m) => [...m])).toEqual([["ab", "b"]]);
    expect(matches("(?I)abc", "ABC abc")).toEqual(["ABC", "abc"]);
    expect(matches("(?X)a b", "ab")).toEqual(["ab"]);
    expect(matches("(?d)a", "a")).toEqual(["a"]);
  });

  it("an inline option regexp2 does not have, or one Verity does not run, is an error naming it", () => {
    expect(() => compileGoRegex("(?r)a")).toThrow(/right to left/);
    expect(() => compileGoRegex("(?e)a")).toThrow(/ECMAScript/);
    expect(() => compileGoRegex("(?u)a")).toThrow(/unknown inline option \(\?u\)/);
    expect(() => compileGoRegex("(?U)a")).toThrow(/ungreedy/);
  });

  it("regexp2's class subtraction, negated POSIX classes, control escapes and quoted group names", () => {
    expect(matches("[a-z-[aeiou]]+", "hello world")).toEqual(["h", "ll", "w", "rld"]);
    expect(matches(String.raw`[\w-[\d]]+`, "ab12cd")).toEqual(["ab", "cd"]);
    expect(matches("[^a-z-[0-9]]+", "ab12 CD")).toEqual([" CD"]);
    expect(() => compileGoRegex("[a-z-[aeiou]x]")).toThrow(/subtraction must be the last/);
    expect(matches("[[:^alpha:]]+", "ab1-2é c")).toEqual(["1-2é "]);
    expect(matches("[[:^digit:]x]+", "12ab3")).toEqual(["ab"]);
    expect(matches(String.raw`\cA[\cb]`, "\u0001\u0002")).toEqual(["\u0001\u0002"]);
    expect(() => compileGoRegex(String.raw`\c1`)).toThrow(/control escape/);
    expect(matches(String.raw`(?'w'ab)\k'w'`, "abab ab")).toEqual(["abab"]);
  });
});
