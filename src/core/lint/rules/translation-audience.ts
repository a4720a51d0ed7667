/** `translation-audience`: decided once by src/core/site/translations.ts (reported by lint-project.ts). */
import { exampleCard, ruleMeta, type Rule } from "../rule-model.ts";

const id = "translation-audience";

export const translationAudience: Rule = {
  meta: ruleMeta(id, "A translation's audience differs from its source's, or a public translation's source is a draft (a translation of an internal card or a draft is never public: the sites leave it out); a warning when `expiredPublicCards: withhold` withholds its expired source, and so the translation.", { kind: "project" }),
  examples: {
    valid: [{ name: "same audience", files: { "content/a/refunds.md": exampleCard(), "content/a/refunds-ko.md": exampleCard({ lang: "ko", translation_of: "a/refunds" }) } }],
    invalid: [{ name: "a public translation of an internal card", files: { "content/a/refunds.md": exampleCard(), "content/a/refunds-ko.md": exampleCard({ lang: "ko", audience: "external", translation_of: "a/refunds" }) } }],
  },
};
