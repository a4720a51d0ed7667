/** `mdx-import`: see rule-mdx.ts for the check. */
import { mdxImport as plugin, readsMdxTree } from "../rule-mdx.ts";
import { exampleCard, ruleMeta, type CardRule } from "../rule-model.ts";

const id = "mdx-import";

export const mdxImport: CardRule = {
  meta: ruleMeta(id, "An MDX card imports from anywhere but the built-in components (verity:components) or src/components/cards/, or has an export.", { kind: "card" }),
  checksBody: true,
  readsTree: readsMdxTree,
  plugin: plugin as CardRule["plugin"],
  examples: {
    valid: [{ name: "an MDX card without imports", files: { "content/a/card.mdx": exampleCard({}, "Plain text.\n") } }],
    invalid: [{ name: "an import from a file", files: { "content/a/card.mdx": exampleCard({}, "import X from \"./x.js\"\n\nText.\n") } }],
  },
};
