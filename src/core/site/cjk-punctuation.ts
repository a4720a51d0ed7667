/**
 * Chinese and Japanese text takes full-width punctuation: a half-width ". " or ", " written after a
 * Han or kana character (a habit of typing on an English keyboard) becomes 。 or ，/、 in the
 * descriptions the sites show and index. Punctuation after Latin letters or digits ("v2.1",
 * "Lumen API.") is left alone, and Korean keeps its half-width punctuation, as Korean writes it.
 */
const AFTER_CJK = /(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3001\u3002\uff09」』])[ \t]*([.,!?:;])(?![\p{L}\p{N}])[ \t]*/gu;

const FULL_WIDTH: Record<"zh" | "ja", Record<string, string>> = {
  zh: { ".": "。", ",": "，", "!": "！", "?": "？", ":": "：", ";": "；" },
  ja: { ".": "。", ",": "、", "!": "！", "?": "？", ":": "：", ";": "；" },
};

/** `text` with Chinese or Japanese punctuation made full-width; other languages unchanged. */
export function cjkPunctuation(text: string, lang: string): string {
  const primary = lang.toLowerCase().split("-")[0];
  if (primary !== "zh" && primary !== "ja") return text;
  const table = FULL_WIDTH[primary];
  return text.replace(AFTER_CJK, (_whole, mark: string) => table[mark] ?? mark).trimEnd();
}
