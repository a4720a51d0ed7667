/** `translation-outdated`: found from git history by src/core/verification/translation-drift.ts. */
import { exampleCard, ruleMeta, type Rule } from "../rule-model.ts";

const id = "translation-outdated";

export const translationOutdated: Rule = {
  meta: ruleMeta(id, "The source card's content changed in git after the translation was last verified against it.", { kind: "project", defaultLevel: "warning" }),
  examples: {
    valid: [{ name: "a translation without later source changes", files: { "content/a/refunds.md": exampleCard(), "content/a/refunds-ko.md": exampleCard({ lang: "ko", translation_of: "a/refunds" }) } }],
    invalid: [
      {
        name: "the source changed after the translation",
        before: { "content/a/refunds.md": exampleCard({}, "Refund within 30 days.\n"), "content/a/refunds-ko.md": exampleCard({ lang: "ko", translation_of: "a/refunds" }, "30일 이내에 환불합니다.\n") },
        files: { "content/a/refunds-ko.md": exampleCard({ lang: "ko", translation_of: "a/refunds" }, "30일 이내에 환불할 수 있습니다.\n") },
        later: { "content/a/refunds.md": exampleCard({}, "Refund within 60 days.\n") },
      },
    ],
  },
};
