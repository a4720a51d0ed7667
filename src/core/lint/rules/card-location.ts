/** `card-location`: reported by the card loader (src/core/cards/load.ts). */
import { exampleCard, ruleDocsUrl, type Rule } from "../rule-model.ts";

export const cardLocation: Rule = {
  meta: {
    id: "card-location",
    description: "A card sits directly in `content/` instead of a collection folder.",
    defaultLevel: "error",
    fixable: false,
    mandatory: true,
    docsUrl: ruleDocsUrl("card-location"),
    kind: "project",
  },
  examples: {
    valid: [{ name: "a well-formed card", files: { "content/a/card.md": exampleCard() } }],
    invalid: [{ name: "card at the top", files: { "content/card.md": exampleCard() } }],
  },
};
