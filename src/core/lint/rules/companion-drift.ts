/** `companion-drift`: found from git history by src/core/companion-drift.ts (verity lint, status, report, audit). */
import { exampleCard, ruleDocsUrl, type Rule } from "../rule-model.ts";

const id = "companion-drift";

export const companionDrift: Rule = {
  meta: {
    id,
    description: "The card's companion changed (git history) after this card was last verified or changed: review it.",
    defaultLevel: "warning",
    fixable: false,
    mandatory: false,
    docsUrl: ruleDocsUrl(id),
    kind: "project",
  },
  examples: {
    valid: [{ name: "a card without a companion", files: { "content/a/card.md": exampleCard() } }],
    invalid: [],
  },
};
