/** `markdown-syntax`: reported by the card loader (src/core/cards/load.ts). */
import { exampleCard, ruleDocsUrl, type Rule } from "../rule-model.ts";

export const markdownSyntax: Rule = {
  meta: {
    id: "markdown-syntax",
    description: "An MDX card does not parse.",
    defaultLevel: "error",
    fixable: false,
    mandatory: true,
    docsUrl: ruleDocsUrl("markdown-syntax"),
    kind: "project",
  },
  examples: {
    valid: [{ name: "a well-formed card", files: { "content/a/card.md": exampleCard() } }],
    invalid: [{ name: "unclosed JSX", files: { "content/a/card.mdx": exampleCard({}, "<Note>\n\nText.\n") } }],
  },
};
