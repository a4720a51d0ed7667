/** `snippet-missing`: see rule-snippets.ts for the check. */
import { snippetMissing as plugin, readsSnippetTree } from "../rule-snippets.ts";
import { exampleCard, ruleMeta, type CardRule } from "../rule-model.ts";

const id = "snippet-missing";

export const snippetMissing: CardRule = {
  meta: ruleMeta(id, "A card includes a snippet (::snippet{name=\"...\"} or <Snippet name=\"...\" />) that content/_snippets/ does not have, or whose file is no regular file (a named pipe, a socket, a folder, a symbolic link) or is over 8,000,000 bytes (more than any page can include), an included snippet has a broken link, or its includes add up to more than 2,000,000 characters of snippet text (past that, they show nothing).", { kind: "card" }),
  checksBody: true,
  readsTree: readsSnippetTree,
  plugin: plugin as CardRule["plugin"],
  examples: {
    valid: [{ name: "a card without snippets", files: { "content/a/card.md": exampleCard() } }],
    invalid: [{ name: "a snippet that does not exist", files: { "content/a/card.md": exampleCard({}, "::snippet{name=\"nope\"}\n") } }],
  },
};
