/**
 * Korean and Japanese typed in Latin letters. A Korean reader whose input method is off types Hangul keys on a
 * QWERTY layout (`ghksqnf` for 환불: the two-set keyboard's keys), and a Japanese reader who does not convert types
 * romaji (`henkin` for へんきん). Such a word is read as what the reader meant only when it is no English word the
 * cards use, every letter makes a whole syllable, and the result is a word the site knows (search-engine.ts asks).
 */
import type { GlossaryEntry } from "../core/site/glossary.ts";
import type { SearchOutcome } from "./search-engine.ts";
import { composeHangul } from "./search-hangul.ts";
import type { Vocabulary } from "./search-query.ts";

/** The two-set (두벌식) keyboard: a key -> its Hangul letter; Shift gives the doubled consonants and ㅒ, ㅖ. */
const HANGUL_KEYS: Readonly<Record<string, string>> = {
  r: "ㄱ", R: "ㄲ", s: "ㄴ", e: "ㄷ", E: "ㄸ", f: "ㄹ", a: "ㅁ", q: "ㅂ", Q: "ㅃ", t: "ㅅ", T: "ㅆ", d: "ㅇ", w: "ㅈ", W: "ㅉ",
  c: "ㅊ", z: "ㅋ", x: "ㅌ", v: "ㅍ", g: "ㅎ", k: "ㅏ", o: "ㅐ", i: "ㅑ", O: "ㅒ", j: "ㅓ", p: "ㅔ", u: "ㅕ", P: "ㅖ", h: "ㅗ",
  y: "ㅛ", n: "ㅜ", b: "ㅠ", m: "ㅡ", l: "ㅣ",
};
const LOOSE_HANGUL = /[\u3131-\u3163]/u;

/**
 * The Hangul a word typed with the Korean input method off stands for, when every key makes a whole syllable and
 * there are two syllables or more: one syllable is two or three keys, as many abbreviations are (`db`, `vm`, `dms`).
 */
export function hangulFromKeys(word: string): string | undefined {
  if (!/^[A-Za-z]{2,}$/.test(word)) return undefined;
  const letters = [...word].map((key) => HANGUL_KEYS[key] ?? HANGUL_KEYS[key.toLowerCase()]!).join("");
  const hangul = composeHangul(letters);
  return LOOSE_HANGUL.test(hangul) || [...hangul].length < 2 ? undefined : hangul;
}

/** Hepburn romaji (and the usual keyboard spellings: si, ti, tu, hu, zi) -> hiragana, longest first. */
const KANA: Readonly<Record<string, string>> = {
  a: "あ", i: "い", u: "う", e: "え", o: "お",
  ka: "か", ki: "き", ku: "く", ke: "け", ko: "こ", sa: "さ", si: "し", shi: "し", su: "す", se: "せ", so: "そ",
  ta: "た", ti: "ち", chi: "ち", tu: "つ", tsu: "つ", te: "て", to: "と", na: "な", ni: "に", nu: "ぬ", ne: "ね", no: "の",
  ha: "は", hi: "ひ", hu: "ふ", fu: "ふ", he: "へ", ho: "ほ", ma: "ま", mi: "み", mu: "む", me: "め", mo: "も",
  ya: "や", yu: "ゆ", yo: "よ", ra: "ら", ri: "り", ru: "る", re: "れ", ro: "ろ", wa: "わ", wo: "を",
  ga: "が", gi: "ぎ", gu: "ぐ", ge: "げ", go: "ご", za: "ざ", zi: "じ", ji: "じ", zu: "ず", ze: "ぜ", zo: "ぞ",
  da: "だ", di: "ぢ", du: "づ", de: "で", do: "ど", ba: "ば", bi: "び", bu: "ぶ", be: "べ", bo: "ぼ",
  pa: "ぱ", pi: "ぴ", pu: "ぷ", pe: "ぺ", po: "ぽ",
  kya: "きゃ", kyu: "きゅ", kyo: "きょ", sha: "しゃ", shu: "しゅ", sho: "しょ", sya: "しゃ", syu: "しゅ", syo: "しょ",
  cha: "ちゃ", chu: "ちゅ", cho: "ちょ", tya: "ちゃ", tyu: "ちゅ", tyo: "ちょ", nya: "にゃ", nyu: "にゅ", nyo: "にょ",
  hya: "ひゃ", hyu: "ひゅ", hyo: "ひょ", mya: "みゃ", myu: "みゅ", myo: "みょ", rya: "りゃ", ryu: "りゅ", ryo: "りょ",
  gya: "ぎゃ", gyu: "ぎゅ", gyo: "ぎょ", ja: "じゃ", ju: "じゅ", jo: "じょ", zya: "じゃ", zyu: "じゅ", zyo: "じょ",
  bya: "びゃ", byu: "びゅ", byo: "びょ", pya: "ぴゃ", pyu: "ぴゅ", pyo: "ぴょ",
};

/** The hiragana a word typed in romaji stands for, when every letter makes a whole kana. */
export function kanaFromRomaji(word: string): string | undefined {
  const text = word.toLowerCase();
  if (!/^[a-z']{2,}$/.test(text)) return undefined;
  let kana = "";
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const next = text[i + 1] ?? "";
    // A doubled consonant is a small tsu (`kekka`, `shippai`); `tch` too (`matcha`).
    if ((ch === next && /[bcdfghjkmprstwyz]/.test(ch)) || (ch === "t" && text.startsWith("ch", i + 1))) {
      kana += "っ";
      i++;
      continue;
    }
    // ん: an n before a consonant or at the end, `nn`, or `n'`.
    if (ch === "n" && (next === "" || next === "'" || next === "n" || !/[aiueoy]/.test(next))) {
      kana += "ん";
      i += next === "'" || (next === "n" && !/[aiueoy]/.test(text[i + 2] ?? "")) ? 2 : 1;
      continue;
    }
    const length = [3, 2, 1].find((n) => Object.hasOwn(KANA, text.slice(i, i + n)));
    if (length === undefined) return undefined;
    kana += KANA[text.slice(i, i + length)]!;
    i += length;
  }
  return kana;
}

/** What retyping needs to know: the index's words of a language and the glossary (both loaded on use). */
export interface Lexicon {
  vocabulary(lang: string): Promise<Vocabulary>;
  glossary(): Promise<readonly GlossaryEntry[]>;
}

/**
 * A Latin-script question on a page of `readerLang` retyped in Hangul or kana, when its words no card of the page's language uses are each a whole keyboard
 * or romaji spelling and one of them is then a word the site knows: a Korean card's word or a word of the glossary in
 * that language (its kana readings: `henkin` is へんきん). Words those cards use stay as typed. Undefined otherwise.
 */
export async function retypedQuery(query: string, readerLang: string, lexicon: Lexicon): Promise<string | undefined> {
  if (!/^[\sA-Za-z'?!.,]+$/.test(query)) return undefined;
  const words = query.split(/[\s?!.,]+/).filter((w) => w.length > 0);
  const asHangul = words.map(hangulFromKeys);
  const asKana = words.map(kanaFromRomaji);
  if (asHangul.every((w) => w === undefined) && asKana.every((w) => w === undefined)) return undefined;
  const pageWords = await lexicon.vocabulary(readerLang);
  const foreign = words.map((w) => !pageWords.knows(w.toLowerCase()));
  if (!foreign.some(Boolean)) return undefined;
  const glossary = await lexicon.glossary();
  const glossaryWords = (lang: string) => new Set(glossary.flatMap((entry) => entry.words[lang] ?? []));
  const korean = await lexicon.vocabulary("ko");
  const koreanWords = glossaryWords("ko");
  const isKorean = (w: string) => korean.has(w) || korean.knows(w) || koreanWords.has(w) || ([...w].length > 2 && korean.has([...w].slice(0, 2).join("")));
  const japaneseWords = glossaryWords("ja");
  for (const [typed, known] of [[asHangul, isKorean], [asKana, (w: string) => japaneseWords.has(w)]] as const) {
    if (!words.every((_, i) => !foreign[i] || typed[i] !== undefined)) continue;
    const retyped = words.map((w, i) => (foreign[i] ? typed[i]! : w));
    const together = words.every((_, i) => foreign[i]) ? retyped.join("") : undefined;
    if (together !== undefined && typed === asKana && known(together)) return together;
    if (retyped.some((w, i) => foreign[i] && known(w))) return retyped.join(" ");
  }
  return undefined;
}

/** The outcome of a retyped question, shown as the reader's own question answered for the retyped words. */
export function asRetyped(query: string, retyped: string, outcome: SearchOutcome): SearchOutcome {
  return { ...outcome, query, analysis: { ...outcome.analysis, corrections: [{ from: query, to: retyped }, ...outcome.analysis.corrections] } };
}
