/**
 * A card the parser cannot be given (a parse-time storm) linted beside an ordinary card: the storm is
 * refused with one markdown-syntax error, and the other card gets its usual findings. A hang is bounded
 * by the test's own timeout, not by a clock read in the test.
 */
import { expect } from "vitest";
import { exampleCard } from "../../src/core/lint/rule-model.ts";
import { flatMessages, lintJson, makeProject } from "../helpers.ts";

/** Lints `content/a/storm.md` (body `body`) beside a card with two known problems; returns the storm card's findings. */
export async function lintStormCard(body: string): Promise<{ ruleId: string; line: number; column: number; message: string }[]> {
  const dir = makeProject({
    "verity.config.yml": "minTrustScore: 0\n",
    "content/a/storm.md": exampleCard({}, body),
    "content/a/other.md": exampleCard({ verify_by: "2020-01-01" }, "See [nothing](missing.md).\n"),
  });
  const { code, results } = await lintJson(dir, ["--today", "2027-01-01", "--no-cache"]);
  expect(code).toBe(1);
  const messages = flatMessages(results, dir);
  expect(messages.filter((m) => m.file === "content/a/other.md").map((m) => m.ruleId).sort()).toEqual(["link-broken", "verify-by-expired"]);
  const storms = messages.filter((m) => m.file === "content/a/storm.md");
  expect(storms.map((m) => m.ruleId)).toEqual(["markdown-syntax"]);
  return storms;
}

/** The line of a card body's first line, after the example card's frontmatter. */
export const BODY_LINE = exampleCard({}, "").split("\n").length;
