/**
 * Array helpers for lists whose length a card decides. `target.push(...items)` and `Math.max(...values)`
 * pass every item as an argument of one call, and V8 overflows its stack past about 100,000 of them:
 * a card with 200,000 alerts (one `!` per line under a rule against them) would crash the run.
 */

/** Appends every item of `items` to `target`, one by one; returns `target`. */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest of `values`, or `empty` when there are none. */
export function largest(values: Iterable<number>, empty = -Infinity): number {
  let max = empty;
  let first = true;
  for (const value of values) {
    max = first ? value : Math.max(max, value);
    first = false;
  }
  return max;
}

/** How many values of `sorted` (ascending) are less than `value`: the index of the first that is not. */
export function countBelow(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many values of `sorted` (ascending) are at most `value`: the index of the first greater one. */
export function countAtMost(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
