/** `duplicate-id`: two cards share an id, or a URL (their own or an alias), or an alias takes a collection's page. */
import type { Finding } from "../findings.ts";
import type { Card } from "../../cards/load.ts";
import { normaliseSitePath } from "../../site/links.ts";
import { exampleCard, ruleMeta, type Rule } from "../rule-model.ts";

const id = "duplicate-id";

export const duplicateId: Rule & { check(cards: readonly Card[]): Finding[] } = {
  meta: ruleMeta(id, "Two cards share an id, or a URL (including `aliases`), or an alias takes a collection's page: one of them would not be published.", { kind: "project", mandatory: true }),
  check(cards) {
    const findings: Finding[] = [];
    const ids = new Map<string, Card>();
    const urls = new Map<string, Card>();
    // Every collection with a card has a page on some site; the sites drop an alias that takes it,
    // and a site without that collection would serve the redirect at its URL.
    const collectionOf = new Map(cards.map((card) => [`/${card.collection}/`, card]));
    for (const card of cards) {
      const report = (line: number, message: string) => findings.push({ ruleId: id, severity: "error", file: card.file, line, column: 1, message });
      const first = ids.get(card.id);
      if (first) report(card.fieldLines.id ?? 1, `The id "${card.id}" is already used by ${first.relPath}. Give one of the cards another id.`);
      else ids.set(card.id, card);
      const addresses = [{ url: card.url, line: 1 }, ...(card.data.aliases ?? []).map((url) => ({ url: normaliseSitePath(url), line: card.fieldLines.aliases ?? 1 }))];
      for (const { url, line } of addresses) {
        const collection = url === card.url ? undefined : collectionOf.get(url);
        const owner = urls.get(url);
        if (collection) report(line, `The URL ${url} is the page of the collection ${collectionFolder(collection)}/. Remove the alias, or rename the collection folder.`);
        else if (owner && owner !== card) report(line, `The URL ${url} is also claimed by ${owner.relPath}. Remove the alias or rename one of the cards.`);
        else urls.set(url, card);
      }
    }
    return findings;
  },
  examples: {
    valid: [{ name: "two ids", files: { "content/a/one.md": exampleCard({ id: "one" }), "content/a/two.md": exampleCard({ id: "two" }) } }],
    invalid: [
      { name: "same id", files: { "content/a/one.md": exampleCard({ id: "same" }), "content/a/two.md": exampleCard({ id: "same" }) } },
      { name: "alias claims another card's URL", files: { "content/a/one.md": exampleCard({ aliases: "[/a/two/]" }), "content/a/two.md": exampleCard() } },
    ],
  },
};

/** `content/ops` for the card `content/ops/sub/runbook.md` (slug `sub/runbook`). */
function collectionFolder(card: Card): string {
  return card.relPath.slice(0, card.relPath.lastIndexOf(`/${card.slug}.`));
}
