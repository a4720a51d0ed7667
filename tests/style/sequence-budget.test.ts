/**
 * The part-of-speech tagger and the time budget (a file of its own, so the tagger is not loaded yet).
 * V8 stops a rule past its budget without running any `finally`, so a stop while en-pos was loading
 * left its half-run modules in Node's cache, and every later sequence rule failed with "Tag is not a
 * constructor" (an internal error) instead of being tagged.
 */
import { expect, it } from "vitest";
import { BudgetExceeded, withBudget } from "../../src/core/style/budget.ts";
import { tagWords } from "../../src/core/style/pos-tagging.ts";

it("a budget that stops the tagger while it loads leaves it loadable", () => {
  expect(() => withBudget(() => tagWords(["The", "dog", "runs"]), 1)).toThrow(BudgetExceeded);
  expect(tagWords(["The", "dog", "runs"]).map((w) => w.tag)).toEqual(["DT", "NN", "VBZ"]);
});
