/** `file-symlink`: reported by the card loader (src/core/cards/discover.ts). */
import { exampleCard, ruleMeta, type Rule } from "../rule-model.ts";

export const fileSymlink: Rule = {
  meta: ruleMeta("file-symlink", "A card (or folder) in `content/` is a symbolic link or not a regular file (a named pipe, a socket, a device), or any link in `content/` points outside it or nowhere; links are never followed.", { kind: "project", mandatory: true }),
  examples: {
    valid: [{ name: "a well-formed card", files: { "content/a/card.md": exampleCard() } }],
    invalid: [{ name: "link out of content/", files: { "secret.md": exampleCard(), "content/a/card.md": { symlink: "../../secret.md" } } }],
  },
};
