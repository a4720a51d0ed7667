/** `file-encoding`: reported by the card loader (src/core/cards/load.ts). */
import { exampleCard, ruleMeta, type Rule } from "../rule-model.ts";

export const fileEncoding: Rule = {
  meta: ruleMeta("file-encoding", "A card is not valid UTF-8 (a UTF-8 BOM and CRLF line endings are fine), or holds a NUL or another invisible control character (git shows a file with a NUL as binary, so its changes go unreviewed).", { kind: "project", mandatory: true }),
  examples: {
    valid: [{ name: "a well-formed card", files: { "content/a/card.md": exampleCard() } }],
    invalid: [{ name: "Latin-1 byte", files: { "content/a/card.md": new Uint8Array([...new TextEncoder().encode(exampleCard({}, "Caf")), 0xe9, 0x0a]) } }],
  },
};
