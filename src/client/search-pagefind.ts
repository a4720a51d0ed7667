/**
 * What the search reads of Pagefind: its result, search and instance shapes, and the retry with fewer words
 * (each word alone, pages ranked by how many and how rare the words they match) used when every word together
 * finds nothing or too little (search-engine.ts).
 */
import { relaxedTerms } from "./search-query.ts";

export interface ResultData {
  url: string;
  excerpt: string;
  /** The page's text as indexed. */
  content: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
}
export interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<ResultData>;
}
/** A page of a retry with fewer words: its rarity-weighted score and how many of the words it matched. */
export interface Ranked {
  id: string;
  result: PagefindResult;
  score: number;
  matched: number;
}
export interface PagefindSearch {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
}
export interface PagefindInstance {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: { filters?: Record<string, unknown> }): Promise<PagefindSearch | null>;
  preload(term: string, options?: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
}
export interface PagefindModule {
  createInstance(options: Record<string, unknown>): PagefindInstance;
}

/** Searches an instance keeps answered: a page of questions asks many of the same ones (a word alone, a filter). */
const REMEMBERED_SEARCHES = 200;

/** An instance that answers a search asked before from what it gave then (`rememberSearches`). */
export interface RememberingInstance extends PagefindInstance {
  /**
   * A search asked of Pagefind whatever was asked before. A search's filter counts are those of the filters Pagefind
   * had loaded when it ran (`filters()` loads them all), so a remembered answer may lack them: read counts from this.
   */
  searchAgain: PagefindInstance["search"];
}

/**
 * The instance, answering a search it has answered before (the same term and options) with the same results: they
 * do not change while the page is open, and a question is many searches (every word, each word alone, exact words,
 * other languages), a good part of them asked for an earlier question too. The last `size` searches are kept, and a
 * failed one is not.
 */
export function rememberSearches(instance: PagefindInstance, size = REMEMBERED_SEARCHES): RememberingInstance {
  const answers = new Map<string, Promise<PagefindSearch | null>>();
  const remember = (key: string, answer: Promise<PagefindSearch | null>) => {
    answers.delete(key);
    if (answers.size >= size) answers.delete(answers.keys().next().value!);
    // Most recently asked last: the first key is the one to forget.
    answers.set(key, answer);
    answer.catch(() => answers.get(key) === answer && answers.delete(key));
    return answer;
  };
  const keyOf = (term: string | null, options: object | undefined) => JSON.stringify([term, options ?? null]);
  return {
    options: (options) => instance.options(options),
    init: () => instance.init(),
    search: (term, options) => {
      const key = keyOf(term, options);
      return remember(key, answers.get(key) ?? instance.search(term, options));
    },
    searchAgain: (term, options) => remember(keyOf(term, options), instance.search(term, options)),
    preload: (term, options) => instance.preload(term, options),
    filters: () => instance.filters(),
  };
}

/** A retry with fewer words: each word alone, pages ranked by the rarity-weighted words they match. */
export async function fewerWords(instance: PagefindInstance, words: string[], lang: string, pagefindFilters: Record<string, unknown>, available: Record<string, number>): Promise<Ranked[]> {
  const terms = relaxedTerms(words, lang);
  if (terms.length < 2) return [];
  const pages = available[lang] ?? 1;
  const scored = new Map<string, Ranked>();
  const searches = await Promise.all(terms.map((term) => instance.search(term, { filters: pagefindFilters })));
  for (const search of searches) {
    const results = search?.results ?? [];
    if (results.length === 0) continue;
    const weight = Math.log(1 + pages / results.length);
    const top = results[0]!.score || 1;
    for (const result of results) {
      const entry = scored.get(result.id) ?? { id: result.id, result, score: 0, matched: 0 };
      entry.score += (weight * result.score) / top;
      entry.matched++;
      scored.set(result.id, entry);
    }
  }
  // A page must match at least half of the words: one word of three is too weak an answer.
  // When no page has half of four words or more, the pages with two of them ("the key was shown only once and i closed the window":
  // the API key card has "key" and "once") are a better answer than another language's pages with one.
  const needed = Math.ceil(terms.length / 2);
  const ranked = [...scored.values()].sort((a, b) => b.score * b.matched - a.score * a.matched);
  const half = ranked.filter((e) => e.matched >= needed);
  return half.length > 0 || terms.length < 4 ? half : ranked.filter((e) => e.matched >= 2);
}
