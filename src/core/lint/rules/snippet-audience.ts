/** `snippet-audience`: see rule-snippets.ts for the check. */
import { snippetAudience as plugin, readsSnippetTree } from "../rule-snippets.ts";
import { exampleCard, ruleMeta, type CardRule } from "../rule-model.ts";

const id = "snippet-audience";

export const snippetAudience: CardRule = {
  meta: ruleMeta(id, "An external card includes an internal snippet (no audience means internal), or a snippet that links to a card or page the public site does not have.", { kind: "card" }),
  checksBody: true,
  readsTree: readsSnippetTree,
  plugin: plugin as CardRule["plugin"],
  examples: {
    valid: [{ name: "an internal card with an internal snippet", files: { "content/_snippets/secret.md": "---\nowner: \"@acme/team\"\nverify_by: 2099-01-01\n---\n\nCall the duty lead.\n", "content/a/card.md": exampleCard({}, "::snippet{name=\"secret\"}\n") } }],
    invalid: [{ name: "an external card with an internal snippet", files: { "content/_snippets/secret.md": "---\nowner: \"@acme/team\"\nverify_by: 2099-01-01\n---\n\nCall the duty lead.\n", "content/a/card.md": exampleCard({ audience: "external" }, "::snippet{name=\"secret\"}\n") } }],
  },
};
