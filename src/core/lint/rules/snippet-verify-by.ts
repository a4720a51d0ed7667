/** `snippet-verify-by`: checked by rule-snippets.ts (`checkSnippets`), reported by lint-project.ts. */
import { exampleCard, ruleMeta, type Rule } from "../rule-model.ts";

const id = "snippet-verify-by";

export const snippetVerifyBy: Rule = {
  meta: ruleMeta(id, "A snippet in content/_snippets/ has no owner, no valid verify_by, or its verify_by has passed, or its file is not clean UTF-8, nests too deeply or cannot be parsed (no page shows it then); lists the cards that use it.", { kind: "project" }),
  examples: {
    valid: [{ name: "a verified snippet", files: { "content/_snippets/contact.md": "---\nowner: \"@acme/team\"\nverify_by: 2099-01-01\naudience: external\n---\n\nWrite to us.\n", "content/a/card.md": exampleCard({}, "::snippet{name=\"contact\"}\n") } }],
    invalid: [{ name: "a snippet past its verify_by", files: { "content/_snippets/contact.md": "---\nowner: \"@acme/team\"\nverify_by: 2020-01-01\naudience: external\n---\n\nWrite to us.\n", "content/a/card.md": exampleCard({}, "::snippet{name=\"contact\"}\n") } }],
  },
};
