/**
 * An in-memory full-text index of the cards one site serves, for the MCP server: BM25 over
 * weighted fields, Latin words with a light stemmer, Hangul/Han/Kana as character bigrams (so
 * Korean particles and Chinese without spaces still match), typo-tolerant Latin words (a swap of two
 * letters is one edit, as in the sites' search), and the reader's language first.
 */
import { editDistance } from "../../client/search-query.ts";
import { appendAll } from "../../core/arrays.ts";

export interface IndexedDocument {
  id: string;
  lang: string;
  fields: { text: string; weight: number }[];
}

export interface SearchHit {
  id: string;
  score: number;
  /** The query terms (after understanding) that matched. */
  matched: string[];
  /** Every term of the query matched. */
  complete: boolean;
}

const K1 = 1.2;
const B = 0.75;

const LATIN_WORD = /[\p{L}\p{N}]+/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー]+/gu;

/** Words that carry no meaning in a question ("how do I ..."). */
const STOP_WORDS = new Set(
  "a an the and or of to in on for with by at from is are was were be been do does did how what when where why who which can could should would will i me my we our you your it its this that these those there here about into as if not no yes please".split(" "),
);

/** Korean particles and question endings stripped from the end of a word before bigrams. */
const KOREAN_ENDINGS = ["하려면", "하나요", "해야", "합니까", "인가요", "나요", "는", "은", "이", "가", "을", "를", "에서", "에게", "으로", "로", "와", "과", "의", "도", "에", "요"].sort((a, b) => b.length - a.length);
const KOREAN_STOP = new Set(["어떻게", "무엇", "뭔가요", "어디", "왜", "언제", "방법", "해야", "하나요", "수", "있나요", "있어요"]);
const CJK_STOP = new Set(["如何", "怎么", "怎样", "什么", "为什么", "吗", "呢", "的", "了", "どう", "どうやって", "ですか", "ますか", "方法", "には", "する"]);

export function tokenize(text: string): string[] {
  const normal = text.normalize("NFKC").toLowerCase();
  const tokens: string[] = [];
  for (const match of normal.matchAll(LATIN_WORD)) {
    const word = match[0];
    if (CJK.test(word)) continue;
    tokens.push(stem(word));
  }
  for (const match of normal.matchAll(CJK_RUN)) appendAll(tokens, cjkTokens(match[0]));
  return tokens;
}

/** Query terms: the tokens of the words that carry meaning. */
export function queryTerms(query: string): string[] {
  const normal = query.normalize("NFKC").toLowerCase();
  const words = normal.split(/[\s?？!！.,。、，;:]+/u).filter(Boolean);
  const terms: string[] = [];
  for (const raw of words) {
    if (STOP_WORDS.has(raw) || KOREAN_STOP.has(raw) || CJK_STOP.has(raw)) continue;
    let word = raw;
    if (/\p{Script=Hangul}/u.test(word)) {
      for (const ending of KOREAN_ENDINGS) {
        if (word.length > ending.length + 1 && word.endsWith(ending)) {
          word = word.slice(0, -ending.length);
          break;
        }
      }
    }
    for (const stop of CJK_STOP) if (stop.length > 1 && word.length > stop.length) word = word.split(stop).join(" ");
    appendAll(terms, tokenize(word));
  }
  return [...new Set(terms)];
}

function cjkTokens(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  for (const [suffix, min] of [["ies", 5], ["ing", 6], ["ed", 5], ["es", 5], ["s", 4]] as const) {
    if (word.length >= min && word.endsWith(suffix) && !word.endsWith("ss")) {
      return suffix === "ies" ? `${word.slice(0, -3)}y` : word.slice(0, -suffix.length);
    }
  }
  return word;
}

interface Posting {
  doc: number;
  tf: number;
}

export class SearchIndex {
  private readonly docs: IndexedDocument[];
  private readonly lengths: number[];
  private readonly postings = new Map<string, Posting[]>();
  private readonly latinVocabulary: string[];
  private readonly averageLength: number;

  constructor(documents: readonly IndexedDocument[]) {
    this.docs = [...documents];
    this.lengths = [];
    for (const [doc, document] of this.docs.entries()) {
      const weights = new Map<string, number>();
      let length = 0;
      for (const field of document.fields) {
        for (const token of tokenize(field.text)) {
          weights.set(token, (weights.get(token) ?? 0) + field.weight);
          length += field.weight;
        }
      }
      this.lengths.push(length);
      for (const [token, tf] of weights) {
        const list = this.postings.get(token) ?? [];
        list.push({ doc, tf });
        this.postings.set(token, list);
      }
    }
    this.averageLength = this.lengths.reduce((a, b) => a + b, 0) / Math.max(1, this.lengths.length);
    this.latinVocabulary = [...this.postings.keys()].filter((t) => t.length >= 4 && !CJK.test(t));
  }

  get size(): number {
    return this.docs.length;
  }

  /** Cards matching `query`, best first; `lang` (when given) restricts to one language. */
  search(query: string, options: { lang?: string; limit?: number } = {}): SearchHit[] {
    const terms = queryTerms(query).map((term) => (this.postings.has(term) ? term : this.correct(term)));
    const known = [...new Set(terms.filter((t): t is string => t !== undefined))];
    if (known.length === 0) return [];
    const n = this.docs.length;
    const scores = new Map<number, { score: number; matched: Set<string> }>();
    for (const term of known) {
      const list = this.postings.get(term)!;
      const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
      for (const { doc, tf } of list) {
        if (options.lang && this.docs[doc]!.lang !== options.lang) continue;
        const norm = tf + K1 * (1 - B + (B * this.lengths[doc]!) / this.averageLength);
        const entry = scores.get(doc) ?? { score: 0, matched: new Set<string>() };
        entry.score += (idf * tf * (K1 + 1)) / norm;
        entry.matched.add(term);
        scores.set(doc, entry);
      }
    }
    // Cards that match more of the query's terms come first; BM25 orders within that.
    const minimum = known.length >= 3 ? Math.ceil(known.length / 2) : 1;
    return [...scores.entries()]
      .filter(([, entry]) => entry.matched.size >= minimum)
      .map(([doc, entry]) => ({ id: this.docs[doc]!.id, score: entry.score * (entry.matched.size / known.length), matched: [...entry.matched], complete: entry.matched.size === known.length }))
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
      .slice(0, options.limit ?? 10);
  }

  /** The closest indexed Latin word to a misspelt one (1 edit from 4 letters, 2 from 8), if any. */
  private correct(term: string): string | undefined {
    if (CJK.test(term) || term.length < 4) return undefined;
    const allowed = term.length >= 8 ? 2 : 1;
    let best: string | undefined;
    let bestDistance = allowed + 1;
    for (const word of this.latinVocabulary) {
      if (Math.abs(word.length - term.length) > allowed) continue;
      const d = editDistance(term, word);
      if (d < bestDistance || (d === bestDistance && best !== undefined && this.postings.get(word)!.length > this.postings.get(best)!.length)) {
        best = word;
        bestDistance = d;
      }
    }
    return best;
  }
}

/** The language a query is written in, from its script; undefined for Latin text. */
export function languageOfQuery(query: string): string | undefined {
  if (/\p{Script=Hangul}/u.test(query)) return "ko";
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(query)) return "ja";
  if (/\p{Script=Han}/u.test(query)) return "zh";
  return undefined;
}
