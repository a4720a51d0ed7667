/**
 * Query understanding, the same on both sites and free of the DOM: which language index to search
 * first, and the words to send it. Question words, particles and verb endings are stripped per
 * language, traditional Chinese is folded to simplified, Korean compounds are joined or split to
 * the spelling the cards use, and a word no card uses is corrected to the closest indexed word or
 * left out, so Pagefind never answers from a short prefix of it. The vocabulary comes from the
 * build (`search-data/vocabulary-<lang>.json`).
 */
import { distance } from "fastest-levenshtein";
import { foldChinese } from "../core/site/chinese-fold.ts";
import { composeHangul } from "./search-hangul.ts";
import { joinCodes, joinHyphenated, joinParticles, joinSplitWords, splitJoined } from "./search-joined.ts";
import { readLetter } from "./search-letter.ts";
import { readNumberWords } from "./search-numbers.ts";
import { dropChineseCounts } from "./search-zh-count.ts";
import { EN_AFTER_HOW, EN_COUNT_OF, EN_DATE_NAMES, EN_DURATION_VERBS, EN_LONG_TIME, EN_NEGATIONS, EN_SEEN, EN_STOP, EN_TIME_AFTER, EN_TIME_BEFORE, EN_TIME_UNITS, JA_QUESTION, KO_ENDINGS, KO_STOP, ZH_JOINERS, ZH_QUESTION } from "./search-words.ts";

export type Script = "ko" | "ja" | "zh" | "latin";

const HANGUL = /\p{Script=Hangul}/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HAN = /\p{Script=Han}/u;
/** Scripts written without spaces between words: Pagefind segments them itself. */
const NO_SPACE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** The language a query's script says it is in; `latin` when it has no CJK letter. */
export function queryScript(query: string): Script {
  if (HANGUL.test(query)) return "ko";
  if (KANA.test(query)) return "ja";
  if (HAN.test(query)) return "zh";
  return "latin";
}

/**
 * Languages to search, the reader's first: the query's script decides for Korean, Japanese and
 * Chinese (Han without kana is Chinese unless the page is Japanese); a Latin query goes to the page
 * language. The other indexes follow, largest first, for widening when the first finds nothing.
 */
export function languageOrder(query: string, pageLang: string, available: Readonly<Record<string, number>>): string[] {
  const has = (lang: string) => Object.hasOwn(available, lang);
  const page = pageLang.toLowerCase().split("-")[0]!;
  const script = queryScript(query);
  const first: string[] = [];
  if (script === "latin") first.push(page);
  else if (script === "zh") first.push(...(page === "ja" ? ["ja", "zh"] : ["zh", "ja"]));
  else first.push(script);
  const ordered = [...first.filter(has)];
  const rest = Object.keys(available)
    .filter((lang) => !ordered.includes(lang))
    .sort((a, b) => Number(b === page) - Number(a === page) || available[b]! - available[a]! || a.localeCompare(b));
  return [...ordered, ...rest];
}

/** The indexed words of one language, sorted, for prefix look-ups and "did you mean". */
export class Vocabulary {
  private readonly words: readonly string[];
  private readonly aliases: Readonly<Record<string, string>>;
  /** `aliases`: a synonym no card uses -> the indexed words of one the cards use (build/search-terms.ts). */
  constructor(words: readonly string[], aliases: Readonly<Record<string, string>> = {}) {
    this.words = words;
    this.aliases = aliases;
  }
  /** The indexed words to search for a synonym no card uses (`amex` -> `american`, `express`), if the synonyms file has it. */
  alias(term: string): string[] | undefined {
    return Object.hasOwn(this.aliases, term) ? this.aliases[term]!.split(" ") : undefined;
  }
  get size(): number {
    return this.words.length;
  }
  private longestLength: number | undefined;
  /** Characters in the longest indexed word: no longer start of a query word can be one. */
  get longest(): number {
    return (this.longestLength ??= this.words.reduce((most, word) => Math.max(most, word.length), 0));
  }
  /** Index of the first word >= `term`. */
  private lowerBound(term: string): number {
    let lo = 0;
    let hi = this.words.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.words[mid]! < term) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  has(term: string): boolean {
    return this.words[this.lowerBound(term)] === term;
  }
  /** The shortest indexed word of letters only that starts with `prefix`, if any. */
  shortestWithPrefix(prefix: string): string | undefined {
    let best: string | undefined;
    for (let i = this.lowerBound(prefix); i < this.words.length && this.words[i]!.startsWith(prefix); i++) {
      const word = this.words[i]!;
      if (/^[a-z]+$/.test(word) && (best === undefined || word.length < best.length)) best = word;
    }
    return best;
  }
  /** True when some word starts with `term` (Pagefind matches the start of words). */
  hasPrefix(term: string): boolean {
    return this.words[this.lowerBound(term)]?.startsWith(term) ?? false;
  }
  /** A word the index would match: a prefix of an indexed word, or an indexed word plus an ending ("refunding"). */
  knows(term: string): boolean {
    if (this.hasPrefix(term)) return true;
    for (let cut = 1; cut <= 3 && term.length - cut >= 4; cut++) if (this.has(term.slice(0, term.length - cut))) return true;
    return false;
  }
  /** The indexed words closest to `term` by edit distance (a swap of two letters counts as one). */
  closest(term: string, maxDistance: number, limit = 3): string[] {
    const found: { word: string; d: number }[] = [];
    for (const word of this.words) {
      if (Math.abs(word.length - term.length) > maxDistance) continue;
      const d = editDistance(term, word);
      if (d <= maxDistance) found.push({ word, d });
    }
    return found
      .sort((a, b) => a.d - b.d || Number(b.word[0] === term[0]) - Number(a.word[0] === term[0]) || a.word.length - b.word.length || (a.word < b.word ? -1 : 1))
      .slice(0, limit)
      .map((f) => f.word);
  }
}

/** Edit distance in which a swap of two neighbouring letters counts as one edit ("refnud" is 1 from "refund"). */
export function editDistance(a: string, b: string): number {
  const d = distance(a, b);
  return d === 2 && a.length === b.length && isSwap(a, b) ? 1 : d;
}

function isSwap(a: string, b: string): boolean {
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}

/**
 * Largest edit distance a correction may have: none for short words, 1 up to 5 letters, then 2.
 * Korean is not corrected: one syllable is a large part of a word, so the nearest word is rarely meant.
 */
export function typoBudget(term: string): number {
  if (HANGUL.test(term)) return 0;
  return term.length < 4 ? 0 : term.length <= 5 ? 1 : 2;
}

export interface QueryOptions {
  vocabulary?: Vocabulary | undefined;
  /** Traditional -> simplified characters (Chinese). */
  fold?: Readonly<Record<string, string>> | undefined;
  /** Replace unknown words by the closest indexed word (default); off when widening to another language. */
  correct?: boolean;
}

export interface AnalysedQuery {
  /** Words to search, all required. */
  terms: string[];
  /** Words replaced by the closest indexed word. */
  corrections: { from: string; to: string }[];
  /** Words no card uses and nothing close to: left out. */
  unknown: string[];
  /** Spelling suggestions for the unknown words (looser than corrections), for "did you mean". */
  suggestions: string[];
}

/** Loose Hangul letters composed, Unicode-normalised, lower case, traditional Chinese folded to simplified. */
export function normaliseQuery(query: string, fold?: Readonly<Record<string, string>>): string {
  let text = composeHangul(query).normalize("NFKC").toLowerCase();
  if (fold && HAN.test(text)) text = foldChinese(text, fold);
  return text.replace(/\s+/g, " ").trim();
}

/**
 * Words of a query read: each unknown one is compared with every indexed word of its length range for a
 * correction, so a pasted page of text (1,400 words) held the reader's browser for seconds on every keystroke.
 * This many words after the stop words are read (a rambling question names its topic late); the rest is left out.
 */
export const MAX_QUERY_WORDS = 16;

export function analyseQuery(query: string, lang: string, options: QueryOptions = {}): AnalysedQuery {
  const vocabulary = options.vocabulary;
  const text = normaliseQuery(readLetter(query), lang === "zh" ? options.fold : undefined);
  const result: AnalysedQuery = { terms: [], corrections: [], unknown: [], suggestions: [] };
  let tokens = text
    .split(/[\s,.;:!?()[\]{}"“”‘’「」『』、。，？！：；（）/=&]+/u)
    .flatMap((t) => t.split(/'(?=s\b)/))
    .map((t) => t.replace(/^['\-]+|['\-]+$/g, ""))
    .filter((t) => t.length > 0 && t !== "s")
    .flatMap(splitScripts)
    .slice(0, MAX_QUERY_WORDS * 4);
  // Numbers in words are read as digits (`four oh one`); words the cards write joined by `_` (an error code such as do_not_honor) are read as that code, stop words and all; two typed apart that the cards write as one (`in voice`), as that word.
  if (vocabulary) tokens = joinParticles(joinCodes(joinSplitWords(readNumberWords(tokens, vocabulary), vocabulary), vocabulary), vocabulary);
  // Question words go first; keep them when they are the whole query ("how", "방법"). A duration verb only says something lasts in `how long does it take` and before a duration (`taking ages`, `took a week`).
  const howLong = tokens.some((t, i) => t === "long" && tokens[i - 1] === "how");
  const lasts = (i: number) => howLong || tokens.slice(i + 1, i + 4).some((t) => EN_TIME_UNITS.has(t) || EN_LONG_TIME.has(t));
  const appears = (i: number) => APPEAR_VERBS.has(`${tokens[i]} ${tokens[i + 1]}`) || APPEAR_VERBS.has(`${tokens[i - 1]} ${tokens[i]}`) || (EN_SEEN.has(tokens[i]!) && EN_NEGATIONS.has(tokens[i - 1] ?? ""));
  // "a week later", "3 days ago", "last year": the unit, and the number or `last` before it, say when.
  const unitSaysWhen = (i: number): boolean => EN_TIME_UNITS.has(tokens[i] ?? "") && (EN_TIME_AFTER.has(tokens[i + 1] ?? "") || EN_TIME_BEFORE.has(tokens[i - 1] ?? "") || [tokens[i - 1], tokens[i - 2]].some((t) => EN_DURATION_VERBS.has(t ?? "")));
  const when = (i: number): boolean => unitSaysWhen(i) || ((/^\d+$/.test(tokens[i]!) || EN_TIME_BEFORE.has(tokens[i]!)) && unitSaysWhen(i + 1));
  const withoutStops = tokens.filter((t, i) => !EN_STOP.has(t) && !KO_STOP.has(t) && !(EN_AFTER_HOW.has(t) && tokens[i - 1] === "how") && !(EN_COUNT_OF.has(t) && tokens[i + 1] === "of") && !(EN_DURATION_VERBS.has(t) && lasts(i)) && !appears(i) && !when(i));
  tokens = (withoutStops.length > 0 ? withoutStops : tokens).slice(0, MAX_QUERY_WORDS);
  tokens = tokens.map((t) => (NO_SPACE.test(t) ? stripCjkQuestion(t, lang) : t)).filter((t) => t.length > 0);
  if (lang === "ko" && vocabulary) {
    tokens = joinKoreanCompounds(tokens.map((t) => (HANGUL.test(t) ? stripKoreanEnding(t, vocabulary) : t)), vocabulary);
    // A stop word under its particle (`차이가`, `번까지`) is left out as one written bare is.
    const named = tokens.filter((t) => !KO_STOP.has(t));
    if (named.length > 0) tokens = named;
  }
  for (const token of tokens) {
    if (NO_SPACE.test(token) || !vocabulary || vocabulary.size === 0) {
      result.terms.push(token);
      continue;
    }
    const hyphenated = joinHyphenated(token, vocabulary);
    if (hyphenated) {
      result.terms.push(hyphenated);
      continue;
    }
    const parts = token.split(/[-_]/).filter((p) => p.length > 0);
    if (vocabulary.knows(token) || (parts.length > 1 && parts.every((p) => vocabulary.knows(p)))) {
      result.terms.push(token);
      continue;
    }
    const alias = vocabulary.alias(token);
    if (alias) {
      result.terms.push(...alias);
      continue;
    }
    const split = HANGUL.test(token) ? splitKorean(token, vocabulary) : options.correct === false ? undefined : splitJoined(token, vocabulary);
    if (split) {
      // Only the parts that name something: `anymore` is `any` and `more`, both stop words, and searches nothing.
      result.terms.push(...split.words.filter((word) => !(HANGUL.test(word) ? KO_STOP : EN_STOP).has(word)));
      if (split.rest) result.unknown.push(split.rest);
      continue;
    }
    // A month or weekday no card names says when (`paid in March`): left out, not corrected (`march` to "match").
    if (EN_DATE_NAMES.has(token)) continue;
    const stem = options.correct === false ? undefined : sameStemWord(token, vocabulary);
    if (stem) {
      result.terms.push(stem);
      continue;
    }
    const near = options.correct === false ? [] : vocabulary.closest(token, typoBudget(token), 3);
    const [best] = near.filter((word) => !EN_STOP.has(word) && !KO_STOP.has(word));
    // A typo of a stop word (`somone`) names nothing: left out, not corrected to a word farther from it ("soon").
    if (near[0] !== undefined && near[0] !== best && editDistance(token, near[0]) < editDistance(token, best ?? "")) continue;
    if (best) {
      result.terms.push(best);
      result.corrections.push({ from: token, to: best });
      continue;
    }
    result.unknown.push(token);
    if (options.correct === false) continue;
    for (const s of vocabulary.closest(token, Math.max(2, typoBudget(token) + 1), 3)) if (!result.suggestions.includes(s)) result.suggestions.push(s);
  }
  return result;
}

/** Hiragana particles that tie a word to the next; left at the start of a run cut from a Latin word ("webhookの署名"). */
const JA_LEADING_PARTICLE = /^[のをがはにでともへや]+/u;

/**
 * A token mixing Latin letters or digits with Han or kana is cut where the script changes: Pagefind
 * segments a Chinese or Japanese run on its own, and `连接xero` as one word matched nothing.
 * Hangul stays attached: its particles (`sso로`) are stripped as Korean endings.
 */
export function splitScripts(token: string): string[] {
  if (!NO_SPACE.test(token) || !/[a-z0-9]/.test(token)) return [token];
  const runs = token.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]+|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]+/gu) ?? [token];
  return runs.map((run, i) => (i > 0 ? run.replace(JA_LEADING_PARTICLE, "") : run)).filter((run) => run.length > 0 && !ZH_JOINERS.has(run));
}

/**
 * An English word no card uses, but whose start (all of it but its last three letters at most, and
 * five letters at least) begins a word the cards use: that word, the shortest such. `notified` searches
 * `notification` and `arriving` `arrive`, whose stems Pagefind would not match; a typo (`refnud`) has no
 * such start and goes to the correction by edit distance.
 */
export function sameStemWord(token: string, vocabulary: Vocabulary): string | undefined {
  if (!/^[a-z]+$/.test(token) || token.length < 6) return undefined;
  // A verb that drops its `e` before `-ing` (`leaving`, "the founder leaves"): its start is not the cards' word, and the nearest word by spelling is another ("meaning").
  if (token.endsWith("ing") && vocabulary.knows(`${token.slice(0, -3)}e`)) return vocabulary.shortestWithPrefix(`${token.slice(0, -3)}e`) ?? `${token.slice(0, -3)}e`;
  // Or the verb itself, when the cards use it (`paying`: "pay"), before a start of it is taken for another word or `paying` corrected to "making".
  if (token.endsWith("ing") && vocabulary.has(token.slice(0, -3)) && !EN_STOP.has(token.slice(0, -3))) return token.slice(0, -3);
  for (let length = token.length - 1; length >= Math.max(5, token.length - 3); length--) {
    const found = vocabulary.shortestWithPrefix(token.slice(0, length));
    if (found) return found;
  }
  return undefined;
}

/**
 * Verbs with a particle that only say something appears (`show up`, "how long until the refund shows up"): they name no
 * topic, and as words they match any card that "shows" something "up to" a limit. Left out, as stop words are (and kept,
 * as they are, when nothing else is left).
 */
const APPEAR_VERBS = new Set(["show up", "shows up", "showed up", "showing up", "turn up", "turns up", "turned up"]);

function stripCjkQuestion(token: string, lang: string): string {
  let t = lang === "ja" || KANA.test(token) ? token : dropChineseCounts(token);
  for (const word of lang === "ja" || KANA.test(t) ? JA_QUESTION : ZH_QUESTION) {
    if (t.length > word.length) t = t.split(word).join(" ").trim();
  }
  return t.replace(/\s+/g, "");
}

/**
 * `환불하려면` -> `환불`: the longest stem the cards use, trying each ending. The index keeps a Korean
 * word with its particle (`권한을`) and Pagefind matches the start of words, so a stem the cards use
 * as a word of two syllables or more is searched even when some card also writes the token itself:
 * `권한` finds `권한`, `권한을` and `권한이`, the token only the cards that happen to use that particle.
 * A one-syllable stem must be a word itself (`주려면` is not `주`, the start of `주소`).
 */
export function stripKoreanEnding(token: string, vocabulary: Vocabulary): string {
  const known = vocabulary.has(token);
  for (const ending of KO_ENDINGS) {
    if (token.length > ending.length && token.endsWith(ending)) {
      const stem = token.slice(0, -ending.length);
      if (vocabulary.has(stem) && (stem.length >= 2 || !known)) return stem;
      if (known || stem.length < 2 || !vocabulary.hasPrefix(stem)) continue;
      return vocabulary.hasPrefix(token) ? token : stem;
    }
  }
  return token;
}

/** `사업자 등록 번호` -> `사업자등록번호` when the cards write it as one word. */
function joinKoreanCompounds(tokens: string[], vocabulary: Vocabulary): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let word = tokens[i]!;
    let j = i;
    while (j + 1 < tokens.length && HANGUL.test(word) && HANGUL.test(tokens[j + 1]!)) {
      const joined = word + tokens[j + 1]!;
      if (!vocabulary.hasPrefix(joined)) break;
      word = joined;
      j++;
    }
    out.push(word);
    i = j;
  }
  return out;
}

/** Characters in the longest Korean ending stripKoreanEnding takes off. */
const KO_LONGEST_ENDING = Math.max(...KO_ENDINGS.map((ending) => ending.length));

/** Words a run written without spaces was cut into, and the end of it that no card uses (left out), if any. */
export interface SplitWord {
  words: string[];
  rest?: string;
}

/**
 * `웹훅설정` -> `웹훅`, `설정` when the cards write the words apart, into as many words as it takes
 * (`웹훅이벤트테스트` -> `웹훅`, `이벤트`, `테스트`). When no cut gives words the cards all use, the longest
 * start that such a cut gives (or a word of the cards of two syllables or more) is searched and the rest
 * left out, as an unknown word is (`환불신청`, "refund request", searches `환불`). A Korean stop word a cut
 * gives is left out as one written apart is (`웹훅설정방법`: `방법`).
 */
export function splitKorean(token: string, vocabulary: Vocabulary): SplitWord | undefined {
  const whole = splitKoreanWords(token, vocabulary, 3);
  if (whole) return { words: whole };
  // Else the longest start that is words of the cards: a question typed without spaces ends in its verb (`팀원초대어떻게해요`: `팀원`, `초대`).
  // No such start is longer than three of the cards' words and an ending (a pasted run of 10,000 syllables took 10-27 s).
  for (let at = Math.min(token.length - 1, 3 * vocabulary.longest + KO_LONGEST_ENDING); at >= 2; at--) {
    const head = token.slice(0, at);
    const words = vocabulary.has(head) ? [head] : splitKoreanWords(head, vocabulary, 3);
    if (words?.every((word) => word.length >= 2)) return { words, rest: token.slice(at) };
  }
  return undefined;
}

function splitKoreanWords(token: string, vocabulary: Vocabulary, parts: number): string[] | undefined {
  // The first word is one of the cards' words, so no longer than the longest of them.
  for (let at = Math.min(token.length - 1, vocabulary.longest); at >= 1; at--) {
    const head = token.slice(0, at);
    if (!vocabulary.has(head)) continue;
    const tail = stripKoreanEnding(token.slice(at), vocabulary);
    if (vocabulary.hasPrefix(tail)) return [head, tail];
    const rest = parts > 2 ? splitKoreanWords(token.slice(at), vocabulary, parts - 1) : undefined;
    if (rest) return [head, ...rest];
  }
  return undefined;
}

export { splitJoined };
/** Words of a query when every word is not found together: CJK runs split at particles too. */
export function relaxedTerms(terms: readonly string[], lang: string): string[] {
  const out: string[] = [];
  for (const term of terms) {
    if (!NO_SPACE.test(term)) out.push(term);
    else if (lang === "ja" || KANA.test(term)) out.push(...term.split(/\p{Script=Hiragana}+/u).filter((t) => t.length > 0));
    else out.push(...term.split(/[的了和与在是]/u).flatMap(chineseWords));
  }
  return [...new Set(out)];
}

const zhSegmenter = typeof Intl.Segmenter === "function" ? new Intl.Segmenter("zh", { granularity: "word" }) : undefined;

/**
 * A Chinese run cut into its words (`验证码过期` -> `验证码`, `过期`), so a retry with fewer words finds the card
 * with some of them; one-character words are left out unless the run has no longer one. Characters the segmenter
 * leaves one by one side by side are read as one word: it knows no word for them, and the cards may
 * (`接口限流` -> `接口`, `限流`, not `限`, `流`).
 */
export function chineseWords(run: string): string[] {
  if (run.length === 0) return [];
  if (!zhSegmenter || run.length <= 2) return [run];
  const words: string[] = [];
  let single = "";
  for (const s of zhSegmenter.segment(run)) {
    if (!s.isWordLike) continue;
    if ([...s.segment].length === 1) {
      single += s.segment;
      continue;
    }
    if (single) words.push(single);
    single = "";
    words.push(s.segment);
  }
  if (single) words.push(single);
  const long = words.filter((w) => w.length >= 2);
  return long.length > 0 ? long : [run];
}
