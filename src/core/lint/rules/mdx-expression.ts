/** `mdx-expression`: see rule-mdx.ts for the check. */
import { mdxExpression as plugin, readsMdxTree } from "../rule-mdx.ts";
import { exampleCard, ruleMeta, type CardRule } from "../rule-model.ts";

const id = "mdx-expression";

export const mdxExpression: CardRule = {
  meta: ruleMeta(id, "An MDX card has a {expression} in its text or an attribute value that is not a plain literal; cards never run code.", { kind: "card" }),
  checksBody: true,
  readsTree: readsMdxTree,
  plugin: plugin as CardRule["plugin"],
  examples: {
    valid: [{ name: "an MDX card without expressions", files: { "content/a/card.mdx": exampleCard({}, "Plain text.\n") } }],
    invalid: [{ name: "an expression", files: { "content/a/card.mdx": exampleCard({}, "Total: {1 + 1}\n") } }],
  },
};
