/**
 * A Chinese question folded to the forms the Chinese cards write, once for the search page and the glossary: each
 * traditional character to its simplified one, then each word Taiwan writes otherwise to the cards' word (`登入` to
 * 登录, `金鑰` to 密钥). The table comes from the build (src/build/search-terms.ts, src/build/chinese-phrases.ts):
 * a key of one character is a character, a longer key a word.
 */

const wordsOf = new WeakMap<Readonly<Record<string, string>>, RegExp | null>();

/** The words of a folding table, longest first, as one pattern; null when it has none. */
function wordPattern(fold: Readonly<Record<string, string>>): RegExp | null {
  if (wordsOf.has(fold)) return wordsOf.get(fold)!;
  const words = Object.keys(fold).filter((key) => [...key].length > 1).sort((a, b) => b.length - a.length);
  const pattern = words.length > 0 ? new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "gu") : null;
  wordsOf.set(fold, pattern);
  return pattern;
}

export function foldChinese(text: string, fold: Readonly<Record<string, string>>): string {
  const chars = [...text].map((ch) => fold[ch] ?? ch).join("");
  const pattern = wordPattern(fold);
  return pattern ? chars.replace(pattern, (word) => fold[word] ?? word) : chars;
}
