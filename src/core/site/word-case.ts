/** How search compares words, the same in the build and in the browser (no Node module here). */

/** How words are compared: Unicode-normalised, lower case, single spaces. */
export function normaliseWord(word: string): string {
  return foldCase(word).replace(/\s+/g, " ").trim();
}

/** The letters of `normaliseWord` (Unicode-normalised, lower case), spaces left as they are. */
export function foldCase(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** A word's test, compiled once: whole word (plural -s allowed), or for CJK a substring ignoring spaces. */
const wordTests = new Map<string, (haystack: string) => boolean>();

/**
 * Whether normalised text (`normaliseWord`) uses a word or phrase: as a whole word, a plural
 * ending allowed and a space matching spaces or hyphens (a CJK letter next to it counts as a space),
 * or for CJK anywhere, spaces ignored. How the build decides that a card uses a synonym group, and
 * the search that a question names one.
 */
export function usesNormalisedWord(haystack: string, word: string): boolean {
  let test = wordTests.get(word);
  if (!test) {
    const target = normaliseWord(word);
    if (CJK.test(target)) {
      const compact = target.replace(/\s+/g, "");
      test = (hay) => hay.replace(/\s+/g, "").includes(compact);
    } else {
      const escaped = target.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "[\\s-]+");
      // A word of another script next to it ends a word too: "webhook设置" and "Webhookの設定" name "webhook".
      const pattern = new RegExp(`(?<![\\p{L}\\p{N}_](?<!${CJK.source}))${escaped}(?:s|es)?(?=$|[^\\p{L}\\p{N}_]|${CJK.source})`, "u");
      test = (hay) => pattern.test(hay);
    }
    wordTests.set(word, test);
  }
  return test(haystack);
}
