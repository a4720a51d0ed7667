/** `mdx-expression`: see rule-mdx.ts for the check. */
import { mdxExpression as plugin } from "../rule-mdx.ts";
import { exampleCard, ruleDocsUrl, type CardRule } from "../rule-model.ts";

const id = "mdx-expression";

export const mdxExpression: CardRule = {
  meta: {
    id,
    description: "An MDX card has a {expression} in its text or an attribute value that is not a plain literal; cards never run code.",
    defaultLevel: "error",
    fixable: false,
    mandatory: false,
    docsUrl: ruleDocsUrl(id),
    kind: "card",
  },
  checksBody: true,
  plugin: plugin as CardRule["plugin"],
  examples: {
    valid: [{ name: "an MDX card without expressions", files: { "content/a/card.mdx": exampleCard({}, "Plain text.\n") } }],
    invalid: [{ name: "an expression", files: { "content/a/card.mdx": exampleCard({}, "Total: {1 + 1}\n") } }],
  },
};
