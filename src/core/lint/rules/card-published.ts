/** `card-published`: found by `lint --changed` (src/core/lint/changed-scope.ts), which sees the git changes. */
import { exampleCard, ruleMeta, type Rule } from "../rule-model.ts";

const id = "card-published";

export const cardPublished: Rule = {
  meta: ruleMeta(id, "With --changed: a change puts a card on the public help center (new external card, internal or draft made public, a move that publishes it, a translation its source or a dropped translation_of no longer withholds). A notice for the reviewer.", { kind: "project", defaultLevel: "suggestion" }),
  examples: {
    valid: [{ name: "an internal card stays internal", before: { "content/a/one.md": exampleCard() }, files: { "content/a/one.md": exampleCard({}, "New text.\n") } }],
    invalid: [{ name: "an internal card made external", before: { "content/a/one.md": exampleCard() }, files: { "content/a/one.md": exampleCard({ audience: "external" }) } }],
  },
};
