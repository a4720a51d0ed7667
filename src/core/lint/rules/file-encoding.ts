/** `file-encoding`: reported by the card loader (src/core/cards/load.ts). */
import { exampleCard, ruleDocsUrl, type Rule } from "../rule-model.ts";

export const fileEncoding: Rule = {
  meta: {
    id: "file-encoding",
    description: "A card is not valid UTF-8 (a UTF-8 BOM and CRLF line endings are fine).",
    defaultLevel: "error",
    fixable: false,
    mandatory: true,
    docsUrl: ruleDocsUrl("file-encoding"),
    kind: "project",
  },
  examples: {
    valid: [{ name: "a well-formed card", files: { "content/a/card.md": exampleCard() } }],
    invalid: [{ name: "Latin-1 byte", files: { "content/a/card.md": new Uint8Array([...new TextEncoder().encode(exampleCard({}, "Caf")), 0xe9, 0x0a]) } }],
  },
};
