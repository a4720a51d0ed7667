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
