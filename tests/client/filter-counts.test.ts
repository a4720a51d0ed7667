import { describe, expect, it } from "vitest";
import { countFilters, countOf, tallyFilters } from "../../src/client/filter-counts.ts";
import type { SearchEngine, SearchOutcome } from "../../src/client/search-engine.ts";

// A tag is an author's word: a public card tagged `constructor` or `toString` showed the count
// "function Object() { [native code] }1" in the help center's search filters, since the counts were
// a plain object, which already "has" those names.
describe("the search page's filter counts", () => {
  it("count a value named like an object property as any other", () => {
    const counts = tallyFilters([{ filters: { tag: ["constructor", "toString"] } }, { filters: { tag: ["constructor", "refunds"] } }, {}]);
    expect(counts).toEqual({ tag: { constructor: 2, toString: 1, refunds: 1 } });
    expect(countOf(counts, "tag", "constructor")).toBe(2);
    expect(countOf(counts, "tag", "valueOf")).toBe(0);
    expect(countOf(counts, "constructor", "x")).toBe(0);
    expect(countOf(undefined, "tag", "refunds")).toBe(0);
  });
});

// Each language's count is a search of its own, run after the results are painted. A reader typing on started a new
// query before those searches ran, and every earlier query's counting still ran to its end, on a phone's one core too.
describe("the search page's language counts", () => {
  const outcome = { lang: "en", mode: "words", hits: [{ id: "a", lang: "en", data: async () => ({ filters: { tag: ["refunds"] } }) }] } as unknown as SearchOutcome;
  function engine() {
    const searched: string[] = [];
    return {
      searched,
      filterCounts: async () => undefined,
      languages: async () => ({ en: 10, ko: 5, ja: 4, zh: 3 }),
      search: async (_query: string, options: { languages?: string[] } = {}) => {
        searched.push(options.languages![0]!);
        return { hits: [1, 2] } as unknown as Awaited<ReturnType<SearchEngine["search"]>>;
      },
    };
  }

  it("counts every other language of the current query", async () => {
    const fake = engine();
    const counts = await countFilters(fake, outcome, "refund", {}, () => true, async () => undefined);
    expect(counts).toEqual({ tag: { refunds: 1 }, language: { en: 1, ko: 2, ja: 2, zh: 2 } });
    expect(fake.searched).toEqual(["ko", "ja", "zh"]);
  });

  it("stops, giving nothing, once another query has started", async () => {
    const fake = engine();
    let current = true;
    const stale = await countFilters(fake, outcome, "refund", {}, () => current, async () => void (current = false));
    expect(stale).toBeUndefined();
    expect(fake.searched).toEqual([]);
    const fake2 = engine();
    let left = 2;
    expect(await countFilters(fake2, outcome, "refund", {}, () => left-- > 0, async () => undefined)).toBeUndefined();
    expect(fake2.searched).toEqual(["ko"]);
  });
});
