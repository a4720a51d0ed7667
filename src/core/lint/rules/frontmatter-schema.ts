/** `frontmatter-schema`: reported by the card loader (src/core/cards/load.ts). */
import { exampleCard, ruleMeta, type Rule } from "../rule-model.ts";

export const frontmatterSchema: Rule = {
  meta: ruleMeta("frontmatter-schema", "A field is missing, unknown (with the nearest known key) or invalid; names the field, the value and what is allowed.", { kind: "project", mandatory: true, fixable: true }),
  examples: {
    valid: [{ name: "a well-formed card", files: { "content/a/card.md": exampleCard() } }],
    invalid: [{ name: "missing owner", files: { "content/a/card.md": exampleCard({ owner: "" }) } }, { name: "misspelt field", files: { "content/a/card.md": exampleCard({ ownr: "x" }) } }],
  },
};
