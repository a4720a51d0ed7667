/** `card-location`: reported by the card loader (src/core/cards/load.ts). */
import { exampleCard, ruleMeta, type Rule } from "../rule-model.ts";

export const cardLocation: Rule = {
  meta: ruleMeta("card-location", "A card sits directly in `content/` instead of a collection folder, or its collection folder takes a name the sites use for their own pages and files (`tags`, `feed.xml`, `favicon.ico`, ...).", { kind: "project", mandatory: true }),
  examples: {
    valid: [{ name: "a well-formed card", files: { "content/a/card.md": exampleCard() } }],
    invalid: [{ name: "card at the top", files: { "content/card.md": exampleCard() } }],
  },
};
