/** `collection-config`: reported by the card loader (src/core/cards/collections.ts). */
import { exampleCard, ruleMeta, type Rule } from "../rule-model.ts";

export const collectionConfig: Rule = {
  meta: ruleMeta("collection-config", "A `_collection.yml` does not parse or has unknown or invalid fields.", { kind: "project", mandatory: true }),
  examples: {
    valid: [{ name: "a well-formed card", files: { "content/a/card.md": exampleCard() } }],
    invalid: [{ name: "unknown field", files: { "content/a/_collection.yml": "titel: A\n", "content/a/card.md": exampleCard() } }],
  },
};
