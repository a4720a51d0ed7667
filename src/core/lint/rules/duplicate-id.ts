/**
 * `duplicate-id`: two cards share an id, or a URL (their own or an alias), or URLs that differ only
 * in letter case, or an alias takes a collection's page; or two collection folders differ only in
 * letter case or Unicode normalization (`café` written with é, or with e and an accent). Names that
 * differ only in the dots and spaces ending them are one name too: Windows drops those (IIS, an
 * Azure or Windows file share), so a public collection `legal./` is deployed as the internal-only `legal/`.
 */
import type { Finding } from "../findings.ts";
import type { Card } from "../../cards/load.ts";
import { hostFoldedAddress, normaliseSitePath } from "../../site/links.ts";
import { exampleCard, ruleMeta, type Rule } from "../rule-model.ts";

const id = "duplicate-id";

export const duplicateId: Rule & { check(cards: readonly Card[]): Finding[] } = {
  meta: ruleMeta(id, "Two cards share an id, or a URL (including `aliases`, and URLs that differ only in letter case or in the dots and spaces ending a name), or an alias takes a collection's page, or two collection folders differ only in letter case, Unicode normalization or the dots and spaces ending the name: one of them would not be published.", { kind: "project", mandatory: true }),
  check(cards) {
    const findings: Finding[] = [];
    const ids = new Map<string, Card>();
    const urls = new Map<string, Card>();
    // Every collection with a card has a page on some site; the sites drop an alias that takes it,
    // and a site without that collection would serve the redirect at its URL.
    const collectionOf = new Map(cards.map((card) => [`/${card.collection}/`, card]));
    /** Addresses by letter case folded: two that differ only in case are one page on a case-insensitive disk or host. */
    const folded = new Map<string, { url: string; card: Card }>();
    /** Collection folders by their name as an address reads it (NFC, case folded), with the first name seen. */
    const folders = new Map<string, Card>();
    const twinFolders = new Set<string>();
    for (const card of cards) {
      const report = (line: number, message: string) => findings.push({ ruleId: id, severity: "error", file: card.file, line, column: 1, message });
      const folder = hostKey(card.collection);
      const firstInFolder = folders.get(folder);
      if (firstInFolder === undefined) folders.set(folder, card);
      else if (firstInFolder.collection !== card.collection && !twinFolders.has(card.collection)) {
        twinFolders.add(card.collection);
        report(
          1,
          `The collection folder ${collectionFolder(card)}/ differs from ${collectionFolder(firstInFolder)}/ only in letter case or in how its accents are encoded (Unicode normalization) or in the dots and spaces ending its name (which Windows drops): on macOS and Windows they are one folder, and their pages share an address (or do on a case-insensitive web host). Move the cards into one folder.`,
        );
      }
      const first = ids.get(card.id);
      if (first) report(card.fieldLines.id ?? 1, `The id "${card.id}" is already used by ${first.relPath}. Give one of the cards another id.`);
      else ids.set(card.id, card);
      const addresses = [{ url: card.url, line: 1 }, ...(card.data.aliases ?? []).map((url) => ({ url: normaliseSitePath(url), line: card.fieldLines.aliases ?? 1 }))];
      for (const { url, line } of addresses) {
        const collection = url === card.url ? undefined : collectionOf.get(url);
        const owner = urls.get(url);
        const twin = folded.get(hostKey(url));
        if (collection) report(line, `The URL ${url} is the page of the collection ${collectionFolder(collection)}/. Remove the alias, or rename the collection folder.`);
        else if (owner && owner !== card) report(line, `The URL ${url} is also claimed by ${owner.relPath}. Remove the alias or rename one of the cards.`);
        else if (twin && twin.card !== card && twin.url !== url && !twinFolders.has(card.collection)) {
          report(line, `The URL ${url} differs from ${twin.url} (${twin.card.relPath}) only in letter case or in the dots and spaces ending a name: on a case-insensitive disk or web host, or on Windows, they are one page. Rename one of the cards, or remove the alias.`);
        } else {
          urls.set(url, card);
          if (!twin) folded.set(hostKey(url), { url, card });
        }
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

/**
 * An address as a case-insensitive host stores it, and as the leak check reads it: letter case
 * and compatibility forms folded (NFKC: `ſecurity` is `security`, to macOS and the leak check alike),
 * each letter as its one upper-case letter too (Windows compares names so: `ıt/` is `it/`), and
 * each name without the dots and spaces that end it (Windows: `legal./` is `legal/`).
 */
function hostKey(address: string): string {
  return hostFoldedAddress(address)
    .split("/")
    .map((name) => name.replace(/[. ]+$/, "") || name)
    .join("/");
}

/** `content/ops` for the card `content/ops/sub/runbook.md` (slug `sub/runbook`). */
function collectionFolder(card: Card): string {
  return card.relPath.slice(0, card.relPath.lastIndexOf(`/${card.slug}.`));
}
