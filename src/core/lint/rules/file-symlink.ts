/** `file-symlink`: reported by the card loader (src/core/cards/discover.ts). */
import { exampleCard, ruleDocsUrl, type Rule } from "../rule-model.ts";

export const fileSymlink: Rule = {
  meta: {
    id: "file-symlink",
    description: "A card (or folder) in `content/` is a symbolic link, or any link in `content/` points outside it or nowhere; links are never followed.",
    defaultLevel: "error",
    fixable: false,
    mandatory: true,
    docsUrl: ruleDocsUrl("file-symlink"),
    kind: "project",
  },
  examples: {
    valid: [{ name: "a well-formed card", files: { "content/a/card.md": exampleCard() } }],
    invalid: [{ name: "link out of content/", files: { "secret.md": exampleCard(), "content/a/card.md": { symlink: "../../secret.md" } } }],
  },
};
