import { afterEach, describe, expect, it, vi } from "vitest";
import { SearchEngine } from "../../src/client/search-engine.ts";
import { languageOrder } from "../../src/client/search-query.ts";

// The reader's language comes from the search page's address (?lang=, ?language=), which anyone can
// write in a link: a name an object already has (constructor, toString, __proto__) is no index of the
// site's, and the search must go on in the languages the site has.
const AVAILABLE = { en: 28, ko: 8 };

afterEach(() => vi.unstubAllGlobals());

describe("a language named like an object property", () => {
  it("is not taken for one of the site's indexes by the language order", () => {
    for (const name of ["constructor", "toString", "__proto__", "hasOwnProperty"]) {
      expect(languageOrder("refund", name, AVAILABLE)).toEqual(["en", "ko"]);
    }
  });

  it("is left out of the languages a reader asked for, so the search answers instead of loading no index", async () => {
    vi.stubGlobal("fetch", async () => new Response(JSON.stringify({ languages: { en: { page_count: 28 }, ko: { page_count: 8 } } })));
    const engine = new SearchEngine("http://help.test/pagefind/", "/", "constructor");
    const outcome = await engine.search("refund", { languages: ["constructor", "toString"] });
    expect(outcome.hits).toEqual([]);
    expect(outcome.readerLang).toBe("en");
  });
});
