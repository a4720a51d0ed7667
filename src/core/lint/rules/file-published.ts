/** `file-published`: found by `lint --changed` (src/core/lint/changed-scope.ts), which sees the git changes. */
import { exampleCard, ruleMeta, type Rule } from "../rule-model.ts";

const id = "file-published";

export const filePublished: Rule = {
  meta: ruleMeta(id, "With --changed: a change puts a file on the public help center (an external card now links a file no public card linked before: a new link, a new file, or a card made public; or a snippet made external that public cards include, or a file an external snippet included by public cards links since the change). A notice for the reviewer.", { kind: "project", defaultLevel: "suggestion" }),
  examples: {
    valid: [
      {
        name: "an external card keeps linking the same file",
        before: { "content/a/one.md": exampleCard({ audience: "external" }, "See [the form](form.txt).\n"), "content/a/form.txt": "Form\n" },
        files: { "content/a/one.md": exampleCard({ audience: "external" }, "Edited. See [the form](form.txt).\n"), "content/a/form.txt": "Form\n" },
      },
    ],
    invalid: [
      {
        name: "an external card starts linking a file",
        before: { "content/a/one.md": exampleCard({ audience: "external" }), "content/a/form.txt": "Form\n" },
        files: { "content/a/one.md": exampleCard({ audience: "external" }, "See [the form](form.txt).\n"), "content/a/form.txt": "Form\n" },
      },
    ],
  },
};
