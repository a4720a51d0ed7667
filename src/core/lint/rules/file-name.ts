/** `file-name`: reported by the card loader (src/core/cards/load.ts) with the checks of src/core/cards/codeowners.ts and src/core/site/reserved-paths.ts. */
import { exampleCard, ruleMeta, type Rule } from "../rule-model.ts";

const id = "file-name";

export const fileName: Rule = {
  meta: ruleMeta(id, "A card's path holds a character CODEOWNERS cannot hold safely (new line, tab, #, !, [, ], *, ?, \\), a % (an ambiguous URL) or a name ending in .md or .mdx before its own extension (its page would take a Markdown copy's address), or the name index.html (the folder's own page), or an extension a web server runs or processes (.php, .jsp, .shtml...: its Markdown copy would be run); the card is not loaded.", { kind: "project", mandatory: true }),
  examples: {
    valid: [{ name: "a plain file name", files: { "content/a/card.md": exampleCard() } }],
    invalid: [{ name: "a star in the file name", files: { "content/a/star*.md": exampleCard() } }],
  },
};
