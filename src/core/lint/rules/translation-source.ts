/** `translation-source`: decided once by src/core/site/translations.ts (reported by lint-project.ts). */
import { exampleCard, ruleMeta, type Rule } from "../rule-model.ts";

const id = "translation-source";

export const translationSource: Rule = {
  meta: ruleMeta(id, "translation_of names no card, the card itself, a card that is itself a translation, or a card in the same language.", { kind: "project" }),
  examples: {
    valid: [{ name: "a Korean translation of an English card", files: { "content/a/refunds.md": exampleCard(), "content/a/refunds-ko.md": exampleCard({ lang: "ko", translation_of: "a/refunds" }) } }],
    invalid: [{ name: "the source does not exist", files: { "content/a/refunds-ko.md": exampleCard({ lang: "ko", translation_of: "a/missing" }) } }],
  },
};
