import { describe, expect, it } from "vitest";
import { countOf, tallyFilters } from "../../src/client/filter-counts.ts";

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
