import { describe, expect, it } from "vitest";
import { fitGrowthExponent, summarise } from "../../bench/lib/stats.ts";

describe("bench statistics", () => {
  it("summarises runs as median, min and max", () => {
    expect(summarise([3, 1, 2])).toMatchObject({ median: 2, min: 1, max: 3 });
    expect(summarise([4, 1, 3, 2]).median).toBe(2.5);
  });

  it("fits the exponent of a power law on log-log axes", () => {
    const points = [1000, 5000, 20_000].map((count) => ({ count, value: 0.002 * count ** 1.5 }));
    const fit = fitGrowthExponent(points)!;
    expect(fit.exponent).toBeCloseTo(1.5, 6);
    expect(fit.r2).toBeCloseTo(1, 6);
    expect(fitGrowthExponent([{ count: 1000, value: 1 }])).toBeUndefined();
  });
});
