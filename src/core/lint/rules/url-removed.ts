/**
 * `url-removed` (with `--changed`): a deleted or renamed card, or a removed alias, leaves a URL
 * that no card keeps. Found by `changed-scope.ts`, which sees the git changes.
 */
import { exampleCard, ruleMeta, type Rule } from "../rule-model.ts";

const id = "url-removed";

export const urlRemoved: Rule = {
  meta: ruleMeta(id, "With `--changed`: a deleted or renamed card (or a removed alias) leaves a URL that no card keeps as an alias.", { kind: "project" }),
  examples: {
    valid: [
      {
        name: "renamed card keeps its old URL as an alias",
        before: { "content/a/old.md": exampleCard() },
        files: { "content/a/new.md": exampleCard({ aliases: "[/a/old/]" }) },
      },
    ],
    invalid: [{ name: "renamed card without an alias", before: { "content/a/old.md": exampleCard() }, files: { "content/a/new.md": exampleCard() } }],
  },
};
