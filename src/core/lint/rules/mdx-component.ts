/** `mdx-component`: see rule-mdx.ts for the check. */
import { mdxComponent as plugin, readsMdxTree } from "../rule-mdx.ts";
import { exampleCard, ruleMeta, type CardRule } from "../rule-model.ts";

const id = "mdx-component";

export const mdxComponent: CardRule = {
  meta: ruleMeta(id, "An MDX card uses a component that is neither built in (Callout, Steps, Tabs, Details, Figure, Video, Badge, Snippet) nor imported from src/components/cards/.", { kind: "card" }),
  checksBody: true,
  readsTree: readsMdxTree,
  plugin: plugin as CardRule["plugin"],
  examples: {
    valid: [{ name: "an MDX card without components", files: { "content/a/card.mdx": exampleCard({}, "Plain text.\n") } }],
    invalid: [{ name: "an unknown component", files: { "content/a/card.mdx": exampleCard({}, "<Widget />\n") } }],
  },
};
