/** `html-removed`: reported from the sanitizer's own decision (src/core/site/card-html.ts), which the build renders with. */
import { exampleCard, ruleMeta, type Rule } from "../rule-model.ts";

const id = "html-removed";

export const htmlRemoved: Rule = {
  meta: ruleMeta(id, "The card has HTML the sites remove: script, event handlers, javascript:/vbscript:/data: URLs, or elements and attributes GitHub's HTML rules do not allow.", { kind: "project" }),
  examples: {
    valid: [{ name: "details and summary are kept", files: { "content/a/card.md": exampleCard({}, "<details><summary>More</summary>\n\nText.\n\n</details>\n") } }],
    invalid: [{ name: "a script element", files: { "content/a/card.md": exampleCard({}, "<script>alert(1)</script>\n") } }],
  },
};
