/** `companion-drift`: found from git history by src/core/verification/companion-drift.ts (verity lint, status, report, audit). */
import { exampleCard, ruleMeta, type Rule } from "../rule-model.ts";

const id = "companion-drift";

export const companionDrift: Rule = {
  meta: ruleMeta(id, "The card's companion changed (git history) after this card was last verified or changed: review it.", { kind: "project", defaultLevel: "warning" }),
  examples: {
    valid: [{ name: "a card without a companion", files: { "content/a/card.md": exampleCard() } }],
    invalid: [
      {
        name: "the internal notes changed after their external answer",
        before: {
          "content/a/answer.md": exampleCard({ audience: "external", companion: "a/notes" }, "Refund within 30 days.\n"),
          "content/a/notes.md": exampleCard({ companion: "a/answer" }, "Approve refunds up to 30 days.\n"),
        },
        files: { "content/a/answer.md": exampleCard({ audience: "external", companion: "a/notes" }, "Refund within 30 days of the charge.\n") },
        later: { "content/a/notes.md": exampleCard({ companion: "a/answer" }, "Approve refunds up to 60 days.\n") },
      },
    ],
  },
};
