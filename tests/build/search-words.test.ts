/** The search vocabulary's word splitter, against the regular expression it stands for, on random text of many scripts. */
import { describe, expect, it } from "vitest";
import { createRandom } from "../../bench/lib/random.ts";
import type { Card } from "../../src/core/cards/load.ts";
import { cardWords, searchWords } from "../../src/build/search-terms.ts";
import { normaliseWord } from "../../src/core/site/synonyms.ts";
import { parseMarkdown } from "../../src/core/cards/markdown.ts";

// Latin with accents and ligatures, Turkish dotted I, digits (ASCII, Arabic-Indic, fullwidth),
// Hangul, Han (BMP and astral), Kana, Devanagari with combining marks, emoji, mathematical bold
// letters (NFKC folds them), spaces of every kind, punctuation, and lone surrogates.
const PIECES = [
  "Refund", "a", "İ", "ß", "ﬁle", "É", "e\u0301", "_", "9", "٣", "７", "x2",
  "환불", "한", "退款", "𠀀", "𩸽", "カタカナ", "ひらがな", "々", "〇",
  "हिन्दी", "😀", "𝐀𝐁", "Ａｂｃ", " ", "\u00a0", "\u3000", "\t", "\n", "-", "/", ".", "、", "。",
  "\ud800", "\udc00", "'",
];

function randomText(next: () => number): string {
  return Array.from({ length: 1 + Math.floor(next() * 30) }, () => PIECES[Math.floor(next() * PIECES.length)]!).join("");
}

describe("search words", () => {
  it("split as /[^\\p{L}\\p{N}_]+/u splits the normalised text, on 3,000 random texts", () => {
    const { next } = createRandom(7);
    for (let i = 0; i < 3000; i++) {
      const text = randomText(next);
      expect(searchWords(text), JSON.stringify(text)).toEqual(normaliseWord(text).split(/[^\p{L}\p{N}_]+/u).filter((w) => w.length > 0));
    }
  });

  it("leave out words of scripts written without spaces, and one-letter words without a digit; collect a Chinese card's Han characters", () => {
    const { next } = createRandom(11);
    for (let i = 0; i < 1000; i++) {
      const title = randomText(next);
      const lang = next() < 0.5 ? "zh-CN" : "en";
      const card = { lang, data: { title, tags: [] }, tree: { type: "root", children: [] } } as unknown as Card;
      const expected = normaliseWord(`${title}\n\n`)
        .split(/[^\p{L}\p{N}_]+/u)
        .filter((w) => w.length > 0);
      const got = cardWords(card, { strong: [], weak: [], concepts: [] });
      const noSpace = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
      // Then the hyphenated words joined, as Pagefind indexes them too ("3-d" as "3d").
      const joined = [...normaliseWord(`${title}\n\n`).matchAll(/[\p{L}\p{N}_]+(?:-[\p{L}\p{N}_]+)+/gu)].map(([m]) => m).filter((m) => !noSpace.test(m)).map((m) => m.replace(/-/g, ""));
      expect(got.words, JSON.stringify(title)).toEqual([...expected.filter((w) => !noSpace.test(w) && (w.length >= 2 || /\d/.test(w))), ...joined]);
      const han = lang === "zh-CN" ? [...new Set(expected.filter((w) => noSpace.test(w)).flatMap((w) => [...w].filter((ch) => /\p{Script=Han}/u.test(ch))))] : [];
      expect(got.han.sort()).toEqual(han.sort());
    }
  });

  it("have a hyphenated word joined too, as Pagefind indexes it", () => {
    const card = { lang: "en", data: { title: "3-D Secure and sign-in", tags: [] }, tree: { type: "root", children: [] } } as unknown as Card;
    expect(cardWords(card, { strong: [], weak: [], concepts: [] }).words).toEqual(["3", "secure", "and", "sign", "in", "3d", "signin"]);
  });

  // One call took every joined word as an argument (words.push(...joined)): a 800 KB card of 200,000
  // hyphenated words overflowed the stack, and `verity build` stopped with an internal error after lint passed.
  it("have every hyphenated word of a card of 200,000 joined", () => {
    const card = { lang: "en", data: { title: "Codes", tags: [] }, tree: parseMarkdown(`${"a-b ".repeat(200_000)}\n`, "md") } as unknown as Card;
    const { words } = cardWords(card, { strong: [], weak: [], concepts: [] });
    expect(words.filter((w) => w === "ab")).toHaveLength(200_000);
  });

  // The hyphenated words were found with /[\p{L}\p{N}_]+(?:-[\p{L}\p{N}_]+)+/gu, which at every letter of a
  // word with no hyphen after it read the rest of the word again: a card of one 300,000-character word
  // (900 KB of Chinese, which lint passes) kept `verity build` busy for over ten minutes.
  it("are found in linear time in a card of one 60,000-letter word", () => {
    const card = { lang: "en", data: { title: "Long", tags: [] }, tree: parseMarkdown(`${"中".repeat(60_000)} ${"a".repeat(60_000)}-b\n`, "md") } as unknown as Card;
    const started = performance.now();
    const { words } = cardWords(card, { strong: [], weak: [], concepts: [] });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(words.at(-1)).toBe(`${"a".repeat(60_000)}b`);
  }, 120_000);

  it("leave out text the card's HTML never shows: comments, MDX code, script text, unused footnotes", () => {
    const words = (source: string, format: "md" | "mdx") => {
      const card = { lang: "en", data: { title: "Guide", tags: [] }, tree: parseMarkdown(source, format) } as unknown as Card;
      return cardWords(card, { strong: [], weak: [], concepts: [] }).words;
    };
    const md = words("---\ntitle: Guide\n---\nShown <!-- hiddencomment --> text <script>hiddenscript</script> end.[^1]\n\n[^1]: shownnote\n\n[^ops]: hiddenfootnote\n", "md");
    expect(md).toEqual(expect.arrayContaining(["shown", "text", "end", "shownnote"]));
    expect(md.filter((w) => w.startsWith("hidden"))).toEqual([]);
    const mdx = words("---\ntitle: Guide\n---\nShown {/* hiddenmdxcomment */} text.\n\n<style>{'hiddenstyle'}</style>\n\n<Snippet name=\"x\">hiddenchild</Snippet>\n", "mdx");
    expect(mdx).toEqual(expect.arrayContaining(["shown", "text"]));
    expect(mdx.filter((w) => w.startsWith("hidden"))).toEqual([]);
  });
});
