/**
 * The search page's filter counts: how many results have each value of each filter (a tag, a
 * collection). Values are the authors' words, so they are read as own keys only: a plain object
 * already "has" `constructor` and `toString`, and a tag of that name counted from there
 * ("function Object() { [native code] }1").
 */
export type FilterCounts = Record<string, Record<string, number>>;

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
