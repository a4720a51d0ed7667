/** `synonyms`: read from style-guide/synonyms.yml (src/core/site/synonyms.ts). */
import { exampleCard, ruleMeta, type Rule } from "../rule-model.ts";

const id = "synonyms";

export const synonyms: Rule = {
  meta: ruleMeta(id, "style-guide/synonyms.yml is not valid YAML, has an empty group, or puts a word in two groups of one language.", { kind: "project", reads: ["style-guide/synonyms.yml"] }),
  examples: {
    valid: [{ name: "one group", files: { "content/a/card.md": exampleCard(), "style-guide/synonyms.yml": "- en: [SSO, single sign-on]\n" } }],
    invalid: [{ name: "an empty group", files: { "content/a/card.md": exampleCard(), "style-guide/synonyms.yml": "- en: []\n" } }],
  },
};
