/** `frontmatter-yaml`: reported by the card loader (src/core/cards/load.ts). */
import { exampleCard, ruleMeta, type Rule } from "../rule-model.ts";

export const frontmatterYaml: Rule = {
  meta: ruleMeta("frontmatter-yaml", "The frontmatter is missing, not closed, not valid YAML (duplicate keys, an unclosed quote, an alias bomb), or a list or a single value instead of a mapping; points at the line inside the file.", { kind: "project", mandatory: true }),
  examples: {
    valid: [{ name: "a well-formed card", files: { "content/a/card.md": exampleCard() } }],
    invalid: [
      { name: "unclosed quote", files: { "content/a/card.md": '---\ntitle: "Open\nowner: x\n---\n\nText.\n' } },
      { name: "no frontmatter", files: { "content/a/card.md": "Just text.\n" } },
    ],
  },
};
