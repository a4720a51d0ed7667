/**
 * `file-audience`: a card links to a file its site may not publish (decided by
 * site/file-audience.ts, which the build uses too): a symbolic link, a file outside `content/` or in
 * a `.` folder, and from an external card also a file in an internal-only collection or `_` folder.
 * Files linked from a snippet the card includes are checked as the card's own (the site renders
 * them into the card), reported at the include line with the snippet's file and line.
 */
import type { Root } from "mdast";
import { lintRule } from "unified-lint-rule";
import { isOnSite } from "../../site/audience.ts";
import { collectLinks, describeLink, type CardLink } from "../../site/link-extract.ts";
import { contentDirOfCard, type CardIndex } from "../../site/links.ts";
import { linkTargetOf } from "../link-targets.ts";
import { readsSnippetTree, snippetPlace } from "../rule-snippets.ts";
import { rebaseSnippetUrl, snippetReferences, snippetsOf } from "../../cards/snippets.ts";
import { createFileAudience, hiddenPagesOf, type FileAudience } from "../../site/file-audience.ts";
import { ruleContext } from "../context.ts";
import { exampleCard, ruleMeta, type CardRule } from "../rule-model.ts";

const id = "file-audience";
const deciders = new WeakMap<CardIndex, Map<string, FileAudience>>();

/** The file-audience decider of a content folder, one per lint run (per index): each `_collection.yml` is read once. */
export function fileAudienceOf(index: CardIndex, contentDir: string): FileAudience {
  let byDir = deciders.get(index);
  if (!byDir) deciders.set(index, (byDir = new Map()));
  let decider = byDir.get(contentDir);
  if (!decider) byDir.set(contentDir, (decider = createFileAudience(contentDir, hiddenPagesOf(index))));
  return decider;
}

export const fileAudience: CardRule = {
  meta: ruleMeta(id, "A card links to a file its site may not publish: a symbolic link, a file outside content/, or (from an external card) a file in an internal-only collection or _ folder.", { kind: "card", mandatory: true }),
  readsTree: readsSnippetTree,
  plugin: lintRule<Root>(`verity:${id}`, (tree, file) => {
    const { card, index } = ruleContext(file.data);
    const contentDir = contentDirOfCard(card);
    if (!contentDir) return;
    const decider = fileAudienceOf(index, contentDir);
    const site = isOnSite(card, "public") ? "public" : "internal";
    const who = site === "public" ? "external card" : "card";
    /** Reports `link` (its URL as the card reads it) when the file it names may not be on this card's site. */
    const check = (link: CardLink, url: string, linker: string, place: { line: number; column: number }) => {
      const target = linkTargetOf(card, url, index);
      if (target.kind !== "asset") return;
      const verdict = decider.verdict(target.file, site);
      if (verdict.ok) return;
      const refusal = site === "public" ? "which the public help center must not publish" : "which no site publishes";
      file.message(`${linker} links to the file ${describeLink(link)}, ${refusal}: ${verdict.reason}. ${verdict.fix}.`, place);
    };
    for (const link of card.links) check(link, link.url, `This ${who}`, { line: link.line, column: link.column });
    if (!readsSnippetTree(card)) return;
    const snippets = snippetsOf(contentDir, index);
    for (const reference of snippetReferences(tree)) {
      const snippet = snippets.get(reference.name);
      if (!snippet) continue; // snippet-missing reports it
      for (const link of collectLinks(snippet.tree)) {
        const linker = `The snippet ${snippetPlace(contentDir, snippet.file, link.line)} included by this ${who}`;
        check(link, rebaseSnippetUrl(link.url, snippet.file, card.file), linker, { line: reference.line, column: reference.column });
      }
    }
  }) as CardRule["plugin"],
  examples: {
    valid: [
      {
        name: "external card links a file next to it",
        files: { "content/a/one.md": exampleCard({ audience: "external" }, "See [the form](form.txt).\n"), "content/a/form.txt": "Form\n" },
      },
    ],
    invalid: [
      {
        name: "external card links a file in an internal-only collection",
        files: {
          "content/a/one.md": exampleCard({ audience: "external" }, "See [the runbook](../b/runbook.txt).\n"),
          "content/b/_collection.yml": "defaults:\n  audience: internal\n",
          "content/b/card.md": exampleCard(),
          "content/b/runbook.txt": "PIN 4711\n",
        },
      },
    ],
  },
};
