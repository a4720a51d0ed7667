/** `translation-duplicate`: decided once by src/core/site/translations.ts (reported by lint-project.ts). */
import { exampleCard, ruleMeta, type Rule } from "../rule-model.ts";

const id = "translation-duplicate";

export const translationDuplicate: Rule = {
  meta: ruleMeta(id, "Two translations of one source are in the same language (a group has one card per language).", { kind: "project" }),
  examples: {
    valid: [{ name: "one translation per language", files: { "content/a/refunds.md": exampleCard(), "content/a/refunds-ko.md": exampleCard({ lang: "ko", translation_of: "a/refunds" }), "content/a/refunds-ja.md": exampleCard({ lang: "ja", translation_of: "a/refunds" }) } }],
    invalid: [{ name: "two Korean translations", files: { "content/a/refunds.md": exampleCard(), "content/a/refunds-ko.md": exampleCard({ lang: "ko", translation_of: "a/refunds" }), "content/a/refunds-ko2.md": exampleCard({ lang: "ko", translation_of: "a/refunds" }) } }],
  },
};
