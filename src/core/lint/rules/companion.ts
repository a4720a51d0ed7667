/** `companion`: a card's `companion:` names an existing card of the other audience that names it back. */
import { exampleCard, ruleMeta, type CardRule } from "../rule-model.ts";
import { companion as plugin } from "./companion-plugin.ts";

const id = "companion";

export const companion: CardRule = {
  meta: ruleMeta(id, "A card's companion does not exist, has the same audience, or does not name the card back.", { kind: "card" }),
  plugin: plugin as CardRule["plugin"],
  examples: {
    valid: [
      {
        name: "an external answer and its internal notes name each other",
        files: {
          "content/a/answer.md": exampleCard({ audience: "external", companion: "a/notes" }),
          "content/a/notes.md": exampleCard({ companion: "a/answer" }),
        },
      },
    ],
    invalid: [
      {
        name: "the companion does not name the card back",
        files: { "content/a/answer.md": exampleCard({ audience: "external", companion: "a/notes" }), "content/a/notes.md": exampleCard() },
      },
    ],
  },
};
