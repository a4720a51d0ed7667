import { describe, expect, it } from "vitest";
import { countAtMost, countBelow } from "../../src/core/arrays.ts";

describe("sorted counts", () => {
  it("count the values below, and at most, a value, as a scan of the list would", () => {
    const sorted = [0, 3, 3, 7, 12];
    for (let value = -1; value <= 13; value++) {
      expect(countBelow(sorted, value)).toBe(sorted.filter((v) => v < value).length);
      expect(countAtMost(sorted, value)).toBe(sorted.filter((v) => v <= value).length);
    }
    expect(countBelow([], 5)).toBe(0);
    expect(countAtMost([], 5)).toBe(0);
  });
});
