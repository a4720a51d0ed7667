/** `file-too-large`: reported by the card loader (src/core/cards/load.ts). */
import { exampleCard, ruleMeta, type Rule } from "../rule-model.ts";

export const fileTooLarge: Rule = {
  meta: ruleMeta("file-too-large", "A card is larger than `maxCardBytes` (default 1 MB).", { kind: "project", mandatory: true }),
  examples: {
    valid: [{ name: "a well-formed card", files: { "content/a/card.md": exampleCard() } }],
    invalid: [{ name: "over a 100-byte limit", files: { "verity.config.yml": "maxCardBytes: 100\n", "content/a/card.md": exampleCard({}, "x".repeat(200)) } }],
  },
};
