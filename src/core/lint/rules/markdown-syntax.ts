/** `markdown-syntax`: reported by the card loader (src/core/cards/load.ts). */
import { exampleCard, ruleMeta, type Rule } from "../rule-model.ts";

export const markdownSyntax: Rule = {
  meta: ruleMeta("markdown-syntax", "An MDX card does not parse, or a card is beyond what the parser reads safely (nesting, size, character references).", { kind: "project", mandatory: true }),
  examples: {
    valid: [{ name: "a well-formed card", files: { "content/a/card.md": exampleCard() } }],
    invalid: [{ name: "unclosed JSX", files: { "content/a/card.mdx": exampleCard({}, "<Note>\n\nText.\n") } }],
  },
};
