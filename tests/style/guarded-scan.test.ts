import { describe, expect, it } from "vitest";
import { compileGoRegex } from "../../src/core/style/go-regex.ts";
import { guardedScanOf } from "../../src/core/style/guarded-scan.ts";
import { matchAll, wrapTokens } from "../../src/core/style/checks/common.ts";

/** Every match of the whole pattern, as V8 runs it, with no split: the reference. */
function reference(re: RegExp, text: string): { index: number; groups: (string | undefined)[] }[] {
  const whole = new RegExp(re.source, re.flags);
  const out: { index: number; groups: (string | undefined)[] }[] = [];
  for (let m = whole.exec(text); m; m = whole.exec(text)) {
    if (m[0] === "") {
      whole.lastIndex = m.index + (text.codePointAt(m.index)! > 0xffff ? 2 : 1);
      if (whole.lastIndex > text.length) break;
    } else out.push({ index: m.index, groups: [...m] });
  }
  return out;
}

const PATTERNS = [
  wrapTokens("simply|just|of course|note that|e-mail|log in to", { ignorecase: true, nonword: false }),
  wrapTokens("(single-sign on)|(Single sign on)|(sign in)", { ignorecase: false, nonword: false }),
  wrapTokens("café|naïve|日本|ok", { ignorecase: true, nonword: false }),
  String.raw`\bfoo\b`,
  String.raw`\b(?:e\.g\.|i\.e\.)`,
  String.raw`\bA[A-Z]+\b`,
  String.raw`\bo(k)?(?:\s+(ok))?`,
  String.raw`\bf(o)\1`,
];

// Letters, marks, digits, joiners, astral letters and emoji, punctuation and space: every kind the guard tells apart.
const ALPHABET = ["a", "b", "e", "f", "o", "s", "i", "g", ".", " ", "-", "_", "É", "é", "\u0301", "\u200c", "\u200d", "7", "日", "本", "𝒜", "😀", "\n", "just", "simply", "foo", "Sign in", "sign in", "of course", "e.g.", "café", "OK", "ok"];

function randomText(seed: number): string {
  let state = seed;
  const rand = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  let text = "";
  const length = Math.floor(rand() * 40);
  for (let i = 0; i < length; i++) text += ALPHABET[Math.floor(rand() * ALPHABET.length)];
  return text;
}

describe("a pattern led by 'no word character before' runs without its lookbehind, checked where the rest matched", () => {
  it("splits the word template and a leading \\b, and leaves a top-level alternation whole", () => {
    expect(guardedScanOf(compileGoRegex(PATTERNS[0]!, "g"))).toBeDefined();
    expect(guardedScanOf(compileGoRegex(String.raw`\bfoo\b`, "g"))).toBeDefined();
    // `bar` of `\bfoo|bar` needs no guard: splitting would drop its matches after a letter.
    expect(guardedScanOf(compileGoRegex(String.raw`\bfoo|bar`, "g"))).toBeUndefined();
    expect(guardedScanOf(compileGoRegex(String.raw`\b(?:foo|bar)`, "g"))).toBeDefined();
    expect(guardedScanOf(compileGoRegex(String.raw`[|]\bfoo`, "g"))).toBeUndefined();
    // Not global: not a scan of matchAll's.
    expect(guardedScanOf(compileGoRegex(String.raw`\bfoo`, ""))).toBeUndefined();
  });

  it("gives the same matches, at the same places and with the same groups, as the whole pattern", () => {
    const alternation = compileGoRegex(String.raw`\bfoo|bar`, "g");
    expect(matchAll(alternation, "xbar foo xfoo").map((m) => m.index)).toEqual([1, 5]);
    for (const pattern of PATTERNS) {
      const re = compileGoRegex(pattern, "g");
      expect(guardedScanOf(re), pattern).toBeDefined();
      for (let seed = 1; seed <= 600; seed++) {
        const text = randomText(seed);
        const got = matchAll(re, text).map((m) => ({ index: m.index, groups: [...m] }));
        expect(got, `${pattern} on ${JSON.stringify(text)}`).toEqual(reference(re, text));
      }
    }
  });

  it("finds a word after a rejected start inside a longer word, and after an astral letter", () => {
    const re = compileGoRegex(wrapTokens("just", { ignorecase: true, nonword: false }), "g");
    expect(matchAll(re, "adjust just, 𝒜just Just").map((m) => m.index)).toEqual([7, 20]);
  });
});
