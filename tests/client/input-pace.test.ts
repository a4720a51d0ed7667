import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { paceInput } from "../../src/client/input-pace.ts";

describe("when a search box searches for what is typed", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function pace() {
    const runs: number[] = [];
    const paced = paceInput(() => runs.push(Date.now()), 50, () => Date.now());
    return { runs, paced };
  }

  it("searches at once for a keystroke or a paste into a quiet box, with no wait", () => {
    const { runs, paced } = pace();
    const start = Date.now();
    paced.input();
    expect(runs).toEqual([start]);
    vi.advanceTimersByTime(200);
    paced.input();
    expect(runs).toEqual([start, start + 200]);
    vi.advanceTimersByTime(1000);
    expect(runs).toHaveLength(2);
  });

  it("runs a burst of fast input as one search at its start and one when it pauses", () => {
    const { runs, paced } = pace();
    const start = Date.now();
    for (let i = 0; i < 10; i++) {
      paced.input();
      vi.advanceTimersByTime(10);
    }
    expect(runs).toEqual([start]);
    vi.advanceTimersByTime(39);
    expect(runs).toHaveLength(1);
    vi.advanceTimersByTime(1);
    // 50 ms after the last keystroke (at start + 90).
    expect(runs).toEqual([start, start + 140]);
  });

  it("waits out a pause shorter than the quiet time after a burst, and drops a cancelled search", () => {
    const { runs, paced } = pace();
    const start = Date.now();
    paced.input();
    vi.advanceTimersByTime(20);
    paced.input();
    vi.advanceTimersByTime(49);
    // 69 ms after the first search, but a search is still waiting: this keystroke joins it.
    paced.input();
    paced.cancel();
    vi.advanceTimersByTime(500);
    expect(runs).toEqual([start]);
  });
});
