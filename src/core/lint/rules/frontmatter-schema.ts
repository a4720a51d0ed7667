/** `frontmatter-schema`: reported by the card loader (src/core/cards/load.ts). */
import { exampleCard, ruleDocsUrl, type Rule } from "../rule-model.ts";

export const frontmatterSchema: Rule = {
  meta: {
    id: "frontmatter-schema",
    description: "A field is missing, unknown (with the nearest known key) or invalid; names the field, the value and what is allowed.",
    defaultLevel: "error",
    fixable: true,
    mandatory: true,
    docsUrl: ruleDocsUrl("frontmatter-schema"),
    kind: "project",
  },
  examples: {
    valid: [{ name: "a well-formed card", files: { "content/a/card.md": exampleCard() } }],
    invalid: [{ name: "missing owner", files: { "content/a/card.md": exampleCard({ owner: "" }) } }, { name: "misspelt field", files: { "content/a/card.md": exampleCard({ ownr: "x" }) } }],
  },
};
