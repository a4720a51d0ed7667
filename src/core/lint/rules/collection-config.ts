/** `collection-config`: reported by the card loader (src/core/cards/collections.ts). */
import { exampleCard, ruleDocsUrl, type Rule } from "../rule-model.ts";

export const collectionConfig: Rule = {
  meta: {
    id: "collection-config",
    description: "A `_collection.yml` does not parse or has unknown or invalid fields.",
    defaultLevel: "error",
    fixable: false,
    mandatory: true,
    docsUrl: ruleDocsUrl("collection-config"),
    kind: "project",
  },
  examples: {
    valid: [{ name: "a well-formed card", files: { "content/a/card.md": exampleCard() } }],
    invalid: [{ name: "unknown field", files: { "content/a/_collection.yml": "titel: A\n", "content/a/card.md": exampleCard() } }],
  },
};
