/**
 * The search page's filter counts: how many results have each value of each filter (a tag, a
 * collection). Values are the authors' words, so they are read as own keys only: a plain object
 * already "has" `constructor` and `toString`, and a tag of that name counted from there
 * ("function Object() { [native code] }1").
 */
import type { SearchEngine, SearchOutcome } from "./search-engine.ts";

export type FilterCounts = Record<string, Record<string, number>>;

/** Results whose data is read to count filter values when Pagefind's counts do not apply. */
const COUNT_LIMIT = 50;
/** Other languages are counted this long after the results are painted, so the first query loads one index. */
const LANGUAGES_AFTER_MS = 250;

/**
 * Filter counts for a query: Pagefind's when every word matched in one language, else counted from the results'
 * data; per language, the number of results each language index gives. Each language is a search of its own, so the
 * counting stops, giving undefined, once `isCurrent` says another query has started.
 */
export async function countFilters(
  engine: Pick<SearchEngine, "filterCounts" | "languages" | "search">,
  outcome: SearchOutcome,
  query: string,
  filters: Record<string, string[]>,
  isCurrent: () => boolean,
  wait: (ms: number) => Promise<unknown> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<FilterCounts | undefined> {
  let counts: FilterCounts;
  const exact = outcome.hits.every((h) => h.lang === outcome.lang) ? await engine.filterCounts(outcome, filters) : undefined;
  if (exact) counts = structuredClone(exact);
  else counts = tallyFilters(await Promise.all(outcome.hits.slice(0, COUNT_LIMIT).map((hit) => hit.data())));
  const languages = await engine.languages();
  const perLanguage: Record<string, number> = {};
  await wait(LANGUAGES_AFTER_MS);
  for (const lang of Object.keys(languages)) {
    if (!isCurrent()) return undefined;
    if (lang === outcome.lang && outcome.hits.every((h) => h.lang === lang)) perLanguage[lang] = outcome.hits.length;
    else perLanguage[lang] = (await engine.search(query, { filters, languages: [lang] })).hits.length;
  }
  counts.language = perLanguage;
  return counts;
}

/** Counts each filter value of the given results' data. */
export function tallyFilters(results: readonly { filters?: Readonly<Record<string, readonly string[]>> }[]): FilterCounts {
  const counts = new Map<string, Map<string, number>>();
  for (const result of results) {
    for (const [name, values] of Object.entries(result.filters ?? {})) {
      const byValue = counts.get(name) ?? counts.set(name, new Map()).get(name)!;
      for (const value of values) byValue.set(value, (byValue.get(value) ?? 0) + 1);
    }
  }
  return Object.fromEntries([...counts].map(([name, byValue]) => [name, Object.fromEntries(byValue)]));
}

/** The count of one value of one filter (0 when no result has it). */
export function countOf(counts: FilterCounts | undefined, name: string, value: string): number {
  const byValue = counts && Object.hasOwn(counts, name) ? counts[name]! : undefined;
  return byValue && Object.hasOwn(byValue, value) ? byValue[value]! : 0;
}
