import { describe, expect, it } from "vitest";
import { rememberSearches, type PagefindInstance, type PagefindSearch } from "../../src/client/search-pagefind.ts";

/** An instance that answers each search with a new object, counting the searches it ran. */
function counting(fail?: string) {
  const asked: string[] = [];
  const instance: PagefindInstance = {
    options: async () => undefined,
    init: async () => undefined,
    preload: async () => undefined,
    filters: async () => ({}),
    search: async (term, options) => {
      asked.push(JSON.stringify([term, options ?? null]));
      if (term === fail) throw new Error("index chunk failed to load");
      return { results: [], filters: {} } satisfies PagefindSearch;
    },
  };
  return { asked, instance };
}

// A question is many Pagefind searches (every word, each word alone, exact words, filters, other languages), and a page
// of questions asks a good part of them again: on a blind query set, 587 different searches of 829.
describe("searches the page has answered", () => {
  it("are answered again from what Pagefind gave, for the same term and options only", async () => {
    const { asked, instance } = counting();
    const remembered = rememberSearches(instance);
    const first = await remembered.search("refund", { filters: { tag: { any: ["billing"] } } });
    expect(await remembered.search("refund", { filters: { tag: { any: ["billing"] } } })).toBe(first);
    await remembered.search("refund");
    await remembered.search("refund", { filters: { tag: { any: ["api"] } } });
    await remembered.search(null, { filters: { tag: { any: ["billing"] } } });
    expect(asked).toHaveLength(4);
  });

  it("are the last ones asked, not every one, and never a failed one", async () => {
    const { asked, instance } = counting("broken");
    const remembered = rememberSearches(instance, 2);
    await remembered.search("a");
    await remembered.search("b");
    await remembered.search("a");
    await remembered.search("c");
    await remembered.search("a");
    expect(asked.map((k) => JSON.parse(k)[0])).toEqual(["a", "b", "c"]);
    await remembered.search("b");
    expect(asked.map((k) => JSON.parse(k)[0])).toEqual(["a", "b", "c", "b"]);
    await expect(remembered.search("broken")).rejects.toThrow(/failed to load/);
    await expect(remembered.search("broken")).rejects.toThrow(/failed to load/);
    expect(asked.filter((k) => k.includes("broken"))).toHaveLength(2);
  });
});

// Pagefind counts a search's filters only once their index is loaded: the search page's first answer, remembered,
// had none, and the filter panel showed no collection or tag when it read its counts from it.
describe("filter counts of a remembered search", () => {
  it("come from a search asked again, which is then the one remembered", async () => {
    let loaded = false;
    const { instance } = counting();
    const withCounts: PagefindInstance = {
      ...instance,
      filters: async () => {
        loaded = true;
        return {};
      },
      search: async (term, options): Promise<PagefindSearch> => {
        const filters: PagefindSearch["filters"] = loaded ? { collection: { Billing: 3 } } : {};
        return { ...(await instance.search(term, options))!, filters };
      },
    };
    const remembered = rememberSearches(withCounts);
    expect((await remembered.search("lumen"))!.filters).toEqual({});
    await remembered.filters();
    expect((await remembered.search("lumen"))!.filters).toEqual({});
    expect((await remembered.searchAgain("lumen"))!.filters).toEqual({ collection: { Billing: 3 } });
    expect((await remembered.search("lumen"))!.filters).toEqual({ collection: { Billing: 3 } });
  });
});
