/**
 * Questions across languages: the glossary holds the synonym groups written in several languages
 * (style-guide/synonyms.yml) that cards of a site use, with the languages whose cards use them. A
 * question that names such a thing in a language none of whose cards use it ("2단계 인증" on a site
 * with a 2FA card in English only) is also asked, in those words, of the languages whose cards do.
 * The same for the sites' search (published as `search-data/glossary.json`) and `verity mcp`.
 */
import type { SynonymGroup } from "./synonyms.ts";
import { foldCase, normaliseWord, usesNormalisedWord } from "./word-case.ts";
import { foldChinese } from "./chinese-fold.ts";

const LATIN = /\p{Script=Latin}/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;

export interface GlossaryEntry {
  /** Lower case words by language, the preferred word first. */
  words: Record<string, string[]>;
  /** Languages with a card of the site that uses the entry. */
  langs: string[];
}

/** The entries in several languages that a card uses, in the file's order, with the languages of those cards. */
export function glossaryOf(groups: readonly SynonymGroup[], cards: readonly { lang: string; concepts: readonly number[] }[]): GlossaryEntry[] {
  const langsOf = new Map<number, Set<string>>();
  for (const card of cards) for (const concept of card.concepts) langsOf.set(concept, (langsOf.get(concept) ?? new Set()).add(card.lang));
  const entries = new Map<number, GlossaryEntry>();
  for (const group of groups) {
    const langs = langsOf.get(group.concept);
    if (!langs) continue;
    const entry = entries.get(group.concept) ?? { words: {}, langs: [...langs].sort() };
    entry.words[group.lang] = group.words.map(normaliseWord);
    entries.set(group.concept, entry);
  }
  return [...entries.values()].filter((entry) => Object.keys(entry.words).length > 1);
}

/**
 * The questions to ask in other languages, by language (the preferred words of each entry the
 * query names, joined), for entries no card of the query's language uses. `fold` maps traditional
 * Chinese characters to the simplified ones the glossary is written in. English words count in a
 * question in another language, and Japanese words in one read as Chinese (Han without kana).
 * With `covered`, also the entries a card of the query's language uses (in passing, when few of its cards answer).
 */
export function crossLanguageQueries(query: string, lang: string, glossary: readonly GlossaryEntry[], fold?: Readonly<Record<string, string>>, covered = false): Map<string, string> {
  const kept = namedEntries(query, lang, glossary, fold);
  const byLang = new Map<string, string[]>();
  for (const { entry, asJapanese } of kept) {
    if (!covered && !asJapanese && entry.langs.includes(lang)) continue;
    for (const other of entry.langs) {
      const preferred = entry.words[other]?.[0];
      if (other !== lang && preferred) byLang.set(other, [...(byLang.get(other) ?? []), preferred]);
    }
  }
  return new Map([...byLang].map(([other, words]) => [other, words.join(" ")]));
}

/**
 * The English words of the things a question names, whichever languages' cards cover them (`웹훅 오류`: "webhook"):
 * the site's tags are English, so a question in another script names its topic's tag through them.
 */
export function englishNames(query: string, lang: string, glossary: readonly GlossaryEntry[], fold?: Readonly<Record<string, string>>): string[] {
  if (lang === "en") return [];
  return namedEntries(query, lang, glossary, fold).flatMap(({ entry }) => entry.words["en"]?.slice(0, 1) ?? []);
}

/** The entries a question names, with the word it names each by. */
function namedEntries(query: string, lang: string, glossary: readonly GlossaryEntry[], fold?: Readonly<Record<string, string>>): { entry: GlossaryEntry; word: string; asJapanese?: boolean }[] {
  const unfolded = foldCase(query).replace(/\s+/g, " ").trim();
  const folded = fold ? foldChinese(unfolded, fold) : unfolded;
  // 没有 before a word is the glossary's 没 (`没有收到发票` for 没收到发票): the same negation, written in full.
  const text = lang === "zh" ? folded.replace(/没有(?=\p{Script=Han})/gu, "没") : folded;
  // Han without kana is read as Chinese, but may be Japanese: "二段階認証" is no Chinese word.
  const mayBeJapanese = lang === "zh" && !KANA.test(text);
  // A Japanese phrase of the glossary names the thing whatever particle joins its words (`メールで届かない`, `メール届かない`).
  const particles = lang === "ja" && KANA.test(text) ? withoutParticles(text) : undefined;
  const named: { entry: GlossaryEntry; word: string; asJapanese?: boolean }[] = [];
  for (const entry of glossary) {
    // A question in Korean, Chinese or Japanese often names a thing by its English word ("webhook设置").
    const words = lang === "en" || !LATIN.test(text) ? entry.words[lang] : [...(entry.words[lang] ?? []), ...(entry.words["en"] ?? []).filter((w) => LATIN.test(w))];
    const word = words?.find((w) => usesNormalisedWord(text, w) || (particles !== undefined && KANA.test(w) && usesNormalisedWord(particles, withoutParticles(w))) || usesWithGap(text, w, lang));
    if (word) {
      named.push({ entry, word });
      continue;
    }
    // A Japanese word only when no Japanese card covers the thing either: then the Japanese index, asked when the Chinese finds nothing, answers.
    // Read as Japanese, it is asked of the other languages even when a Chinese card covers the thing (`返金` is no Chinese word for a refund).
    const japanese = mayBeJapanese && !entry.langs.includes("ja") ? entry.words["ja"]?.find((w) => usesNormalisedWord(unfolded, w)) : undefined;
    if (japanese) named.push({ entry, word: japanese, asJapanese: true });
  }
  // A word inside a longer word the query also names belongs to that one ("키" in "API 키").
  return named.filter((n) => !named.some((o) => o !== n && o.word.length > n.word.length && o.word.includes(n.word)));
}

/**
 * The order in which the other languages' answers to a question follow the reader's: the search order, except that a
 * question that names something in a Chinese word the Japanese cards do not write (`信用卡付款被拒绝`: 拒绝, where they
 * write 拒否) hears English before Japanese. Han without kana goes to the Japanese index second in case it is Japanese;
 * said in Chinese words, it is not, and its reader reads the English card the Japanese one translates sooner.
 */
export function crossingOrder(order: readonly string[], lang: string, query: string, glossary: readonly GlossaryEntry[], fold?: Readonly<Record<string, string>>): string[] {
  if (lang !== "zh" || !order.includes("en") || !order.includes("ja")) return [...order];
  const chinese = namedEntries(query, lang, glossary, fold).some(({ entry, word, asJapanese }) => !asJapanese && (entry.words["zh"] ?? []).includes(word) && !(entry.words["ja"] ?? []).includes(word));
  return chinese ? [...order.filter((l) => l !== "ja"), "ja"] : [...order];
}

const HANGUL = /\p{Script=Hangul}/u;
const HAN_ONLY = /^\p{Script=Han}+$/u;
const gapTests = new Map<string, RegExp | null>();

/**
 * Whether a Korean or Chinese question uses a phrase of the glossary with a word of its own inside it: one Korean word between
 * two of the phrase's (`메일이 고객한테 안 가요` for 메일이 안 가), one or two Han characters inside a Chinese phrase of four or
 * more (`发票客户没收到` for 发票没收到). A reader names who or what between the words of a symptom.
 */
function usesWithGap(text: string, word: string, lang: string): boolean {
  const key = `${lang}\u0000${word}`;
  let test = gapTests.get(key);
  if (test === undefined) {
    const escape = (part: string) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const parts = word.split(" ");
    const chars = [...word];
    if (lang === "ko" && parts.length > 1 && parts.every((part) => HANGUL.test(part))) test = new RegExp(parts.map(escape).join("\\s+(?:\\S+\\s+)?"), "u");
    else if (lang === "zh" && HAN_ONLY.test(word) && chars.length >= 4)
      test = new RegExp(chars.slice(0, -3).map((_, i) => `${chars.slice(0, i + 2).join("")}\\p{Script=Han}{1,2}${chars.slice(i + 2).join("")}`).join("|"), "u");
    else test = null;
    gapTests.set(key, test);
  }
  return test !== null && test.test(text);
}

/** Japanese text without the hiragana particles that join words (`メールが届かない` -> `メール届かない`). */
function withoutParticles(text: string): string {
  return text.replace(/[がでをはにのもへと]/gu, "");
}
