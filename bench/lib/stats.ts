/** Medians, ranges, ratios and the growth exponent of the benchmark figures. */

export interface Figure {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

export function summarise(values: readonly number[]): Figure {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: [...values] };
}

/**
 * Least-squares slope of log(time) against log(count): time grows like count^k. k = 1 is linear.
 * Needs at least two points with positive values.
 */
export function fitGrowthExponent(points: readonly { count: number; value: number }[]): { exponent: number; r2: number } | undefined {
  const usable = points.filter((p) => p.count > 0 && p.value > 0);
  if (usable.length < 2) return undefined;
  const xs = usable.map((p) => Math.log(p.count));
  const ys = usable.map((p) => Math.log(p.value));
  const meanX = xs.reduce((a, b) => a + b, 0) / xs.length;
  const meanY = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i]! - meanX) * (ys[i]! - meanY);
    sxx += (xs[i]! - meanX) ** 2;
    syy += (ys[i]! - meanY) ** 2;
  }
  const exponent = sxy / sxx;
  const r2 = syy === 0 ? 1 : (sxy * sxy) / (sxx * syy);
  return { exponent, r2 };
}
