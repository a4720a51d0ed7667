/** `markdown-too-deep`: reported by the card loader (src/core/lint/lint-project.ts). */
import { exampleCard, ruleDocsUrl, type Rule } from "../rule-model.ts";

export const markdownTooDeep: Rule = {
  meta: {
    id: "markdown-too-deep",
    description: "A card nests blocks or inline marks so deeply (thousands of `>` or `*`) that it cannot be checked; the other cards are still checked.",
    defaultLevel: "error",
    fixable: false,
    mandatory: true,
    docsUrl: ruleDocsUrl("markdown-too-deep"),
    kind: "project",
  },
  examples: {
    valid: [{ name: "a well-formed card", files: { "content/a/card.md": exampleCard() } }],
    invalid: [{ name: "3,000 nested block quotes", files: { "content/a/card.md": exampleCard({}, ">".repeat(3000) + " deep\n") } }],
  },
};
