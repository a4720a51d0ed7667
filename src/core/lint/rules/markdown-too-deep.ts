/**
 * `markdown-too-deep`: a card whose tree overflows the stack of a parser or rule (thousands of
 * nested `>`). Reported by the loader and by lint-project, for that card only.
 */
import type { Finding } from "../findings.ts";
import { exampleCard, ruleMeta, type Rule } from "../rule-model.ts";

export function tooDeepFinding(file: string): Finding {
  return {
    ruleId: "markdown-too-deep",
    severity: "error",
    file,
    line: 1,
    column: 1,
    message: "The card nests blocks or inline marks too deeply to be checked (thousands of > or * in a row). Flatten the nesting; the other cards were checked.",
  };
}

export const markdownTooDeep: Rule = {
  meta: ruleMeta("markdown-too-deep", "A card nests blocks, inline marks or HTML elements so deeply (thousands of `>`, `*` or `<span>`) that it cannot be checked or rendered; the other cards are still checked.", { kind: "project", mandatory: true }),
  examples: {
    valid: [{ name: "a well-formed card", files: { "content/a/card.md": exampleCard() } }],
    invalid: [{ name: "3,000 nested block quotes", files: { "content/a/card.md": exampleCard({}, ">".repeat(3000) + " deep\n") } }],
  },
};
