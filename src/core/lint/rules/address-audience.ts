/**
 * `address-audience`: an external card's text names the address of a card or page only the wiki has
 * (`https://wiki.example/ops/runbook/`, `/ops/runbook/`, the wiki's host), in prose, link text, a
 * heading, alt text or code. The public render removes links to such pages, but text is the
 * author's and is published as written: on the page, in its search index and Markdown copy, in its
 * structured data and to assistants. So the address is the leak, and the build stops on it
 * (mandatory; unlike `link-audience`, which the render makes harmless).
 */
import path from "node:path";
import type { Root } from "mdast";
import { COLLECTION_FILE, siteDescription, siteTitle, type Collection } from "../../cards/collections.ts";
import type { Finding } from "../findings.ts";
import { lintRule } from "unified-lint-rule";
import type { Card } from "../../cards/load.ts";
import { isOnSite } from "../../site/audience.ts";
import { contentDirOfCard, isOnWikiOnlyHost, isPageOnSite, type CardIndex } from "../../site/links.ts";
import { mayIncludeSnippet, snippetReferences, snippetsOf, type SnippetReference } from "../../cards/snippets.ts";
import { snippetPlace } from "../rule-snippets.ts";
import { hiddenPageAbove, hiddenPagesOf } from "../../site/file-audience.ts";
import { placeIn, shownFields, shownTexts } from "../../site/shown-text.ts";
import { linkTargetOf } from "../link-targets.ts";
import { ruleContext } from "../context.ts";
import { exampleCard, ruleMeta, type CardRule } from "../rule-model.ts";

const id = "address-audience";

/**
 * An absolute URL, a `www.` address, or a site path of two or more segments (`/ops/runbook/`) or of
 * one ending in a slash (`/ops/`, a collection page; `/health/`), as written in text. A scheme has
 * at most 32 characters: unbounded, it was tried at every word boundary of a run of letters and dots
 * and ran to the run's end each time (80 KB of `a.a.a…` took 40 s).
 */
const ADDRESS = /(?:\b[a-z][a-z0-9+.-]{0,31}:\/\/|\bwww\.|(?<![\w.~%/-])\/(?=[\w%-]+\/))[^\s<>"'`()[\]{}|\\^]{1,2000}/gi;

const WWW = /www\./i;

/**
 * A host name as prose writes it, without a scheme (`wiki.acme.example`, `wiki.acme.example/ops/runbook/`),
 * and what follows it; not inside a URL, a path or an e-mail address. Read as an https URL, so only
 * the sites' own hosts count (`Node.js` and `report.pdf` name no site).
 */
const HOST = /(?<![\w.@/:%~-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z](?:[a-z0-9-]*[a-z0-9])?(?![\w@-])(?:[:/][^\s<>"'`()[\]{}|\\^]{0,2000})?/gi;

/** What every host name {@link HOST} finds holds: a label's last character, a dot and a letter. Most text has none. */
const HOST_HINT = /[a-z0-9]\.[a-z]/i;

/** The addresses written in `text`, by offset: URLs, www. forms and site paths, and host names without a scheme. */
function addressesIn(text: string): { text: string; index: number }[] {
  const found: { text: string; index: number }[] = [];
  // Every address holds a slash (`://`, a site path) or starts with www., or is a host name with a dot: most text holds neither.
  if (text.includes("/") || WWW.test(text)) for (const match of text.matchAll(ADDRESS)) found.push({ text: trimmed(match[0]), index: match.index });
  if (HOST_HINT.test(text)) {
    for (const match of text.matchAll(HOST)) if (!WWW.test(match[0].slice(0, 4))) found.push({ text: trimmed(match[0]), index: match.index });
  }
  return found;
}

interface Address {
  text: string;
  line: number;
  column: number;
}

/** What the rule takes from a card's tree: the addresses in its text and the snippets it includes (whose text its page shows too). */
interface Facts {
  addresses: Address[];
  includes: SnippetReference[];
}

/** Found while the card's tree was at hand (`takeFacts`, as a cold lint loads the card). */
const found = new WeakMap<Card, Facts>();

function factsOf(card: Card, tree: Root): Facts {
  return { addresses: findAddresses(tree), includes: mayIncludeSnippet(card.source) ? snippetReferences(tree) : [] };
}

/** Every address written in what a tree's page shows as text (site/shown-text.ts). */
function findAddresses(tree: Root): Address[] {
  const addresses: Address[] = [];
  for (const shown of shownTexts(tree)) {
    for (const found of addressesIn(shown.text)) addresses.push({ text: found.text, ...placeIn(shown, found.index) });
  }
  return addresses;
}

/** An address without the punctuation that ends the sentence around it. */
function trimmed(address: string): string {
  return address.replace(/[.,;:!?*_~]+$/, "");
}

/** Addresses in the frontmatter fields the sites and assistants show (page title, meta description, search, feed, llms.txt), at each field's line. */
function frontmatterAddresses(card: Card): Address[] {
  const addresses: Address[] = [];
  for (const [key, values] of shownFields(card)) {
    for (const value of values) {
      for (const found of addressesIn(String(value))) addresses.push({ text: found.text, line: card.fieldLines[key] ?? 1, column: 1 });
    }
  }
  return addresses;
}

/** Whether a card's URL lies under a page only the wiki has (only a URL of three or more segments can). */
function isUnderHiddenPage(url: string, index: CardIndex): string | undefined {
  return url.split("/").length > 4 ? hiddenPageAbove(url, hiddenPagesOf(index)) : undefined;
}

/** Whether `address`, written in `card`, names a page the public site does not have. */
function isHidden(card: Card, address: string, index: CardIndex): boolean {
  // A www. form or a host name without a scheme is read as a browser's address bar reads it; a port
  // after a host name (wiki.acme.example:8443/x) is no scheme, though a URL parser would read one.
  const url = /^(?:[a-z][a-z0-9+.-]*:(?!\d+(?:[/?#]|$))|[\\/])/i.test(address) ? address : `https://${address}`;
  const target = linkTargetOf(card, url, index);
  // The wiki's address of any card, a public one too, names the wiki's host (and base).
  // A public card filed under a page only the wiki has is not on the help center either: its address names that page.
  if (target.kind === "card") return !isOnSite(target.card, "public") || target.via === "internal" || isUnderHiddenPage(target.card.url, index) !== undefined;
  if (target.kind === "page") return !isPageOnSite(target, "public");
  // A path the help center does not have, under the wiki's own base (/wiki/ops/runbook/, copied without the host): the wiki's address.
  const wiki = index.sites.find((site) => site.site === "internal");
  if (target.kind === "broken" && url.startsWith("/") && wiki && wiki.base !== "/" && url.toLowerCase().startsWith(wiki.base.toLowerCase().replace(/\/?$/, "/"))) {
    let onWiki: string | undefined;
    try {
      onWiki = new URL(url, wiki.url).href;
    } catch {
      onWiki = undefined;
    }
    if (onWiki) return isHidden(card, onWiki, index);
  }
  return isOnWikiOnlyHost(url, index);
}

/** Where an external card's page would name an address only the wiki has: a place in the card, and what to say there. */
export interface HiddenAddress {
  line: number;
  column: number;
  message: string;
}

/**
 * Every address only the wiki has that an external card's page would show: in its text, its
 * frontmatter, and the external snippets it includes. What the rule reports, and what the public
 * MCP server (which does not lint) withholds a card for.
 */
export function hiddenAddressesIn(card: Card, tree: Root, index: CardIndex): HiddenAddress[] {
  if (!isOnSite(card, "public")) return [];
  const hidden: HiddenAddress[] = [];
  // Its own URL is an address its page shows too, and a folder of the help center.
  const above = isUnderHiddenPage(card.url, index);
  if (above) {
    hidden.push({
      line: 1,
      column: 1,
      message:
        `This external card's URL ${card.url} lies under ${above}, a page only the internal wiki has: the address would publish that page's name, so the help center leaves this card out. ` +
        `Move the file out of that folder (and keep ${card.url} as an alias for the wiki), or make the card internal.`,
    });
  }
  const facts = found.get(card) ?? factsOf(card, tree);
  for (const address of [...frontmatterAddresses(card), ...facts.addresses]) {
    if (!isHidden(card, address.text, index)) continue;
    hidden.push({
      line: address.line,
      column: address.column,
      message:
        `This external card's text names ${address.text}, an address only the internal wiki has: text is published as written (on the page, in search and in its Markdown copy), though links to such pages are removed. ` +
        `Remove the address, or name a public card instead.`,
    });
  }
  // An external snippet's text is shown on the page at the include (an internal one never is: snippet-audience).
  const contentDir = contentDirOfCard(card);
  if (!contentDir || facts.includes.length === 0) return hidden;
  const snippets = snippetsOf(contentDir, index);
  for (const include of facts.includes) {
    const snippet = snippets.get(include.name);
    if (!snippet || snippet.audience !== "external") continue;
    for (const address of findAddresses(snippet.tree)) {
      if (!isHidden(card, address.text, index)) continue;
      hidden.push({
        line: include.line,
        column: include.column,
        message:
          `The snippet ${snippetPlace(contentDir, snippet.file, address.line)} included here names ${address.text}, an address only the internal wiki has: its text is published on this external card's page as written. ` +
          `Remove the address from the snippet, or name a public card instead.`,
      });
    }
  }
  return hidden;
}

/**
 * The title and description each collection with public cards shows on the help center (its
 * `publicTitle` and `publicDescription`, else its `title` and `description`: on the home page, the
 * collection page, breadcrumbs, structured data and llms.txt): an address only the wiki has there is
 * published as written. The project-wide part of the rule, at the line of `_collection.yml`.
 */
export function collectionAddresses(scope: { cards: readonly Card[]; collections: readonly Collection[]; contentDir: string; index: CardIndex }): Finding[] {
  const publicCard = new Map<string, Card>();
  for (const card of scope.cards) if (!publicCard.has(card.collection) && isOnSite(card, "public")) publicCard.set(card.collection, card);
  const findings: Finding[] = [];
  for (const collection of scope.collections) {
    const card = publicCard.get(collection.name);
    if (!card) continue;
    const file = path.join(scope.contentDir, collection.name, COLLECTION_FILE);
    const shown: [key: string, value: string | undefined][] = [
      [collection.publicTitle === undefined ? "title" : "publicTitle", siteTitle(collection, "public")],
      [collection.publicDescription === undefined ? "description" : "publicDescription", siteDescription(collection, "public")],
    ];
    for (const [key, value] of shown) {
      for (const found of value === undefined ? [] : addressesIn(value)) {
        if (!isHidden(card, found.text, scope.index)) continue;
        const fix = key === "title" || key === "description" ? `Keep ${key} for the wiki and add a public${key[0]!.toUpperCase()}${key.slice(1)} for customers without it` : `Remove the address from the ${key}`;
        findings.push({
          ruleId: id,
          severity: "error",
          file,
          line: collection.fieldLines[key] ?? 1,
          column: 1,
          message: `The help center shows this collection's ${key}, which names ${found.text}, an address only the internal wiki has: it is published as written. ${fix}.`,
        });
      }
    }
  }
  return findings;
}

export const addressAudience: CardRule = {
  meta: ruleMeta(id, "An external card's text (prose, link text, a heading, alt text, code, a title, raw HTML, a component's prop, an included snippet, or its title, description, tags or keywords), or the title or description a collection shows on the help center, names the address of an internal or draft card, a wiki-only page, or the wiki's host; or an external card's own URL lies under such a card's (a file in its folder).", { kind: "card", mandatory: true }),
  plugin: lintRule<Root>(`verity:${id}`, (tree, file) => {
    const { card, index } = ruleContext(file.data);
    for (const { line, column, message } of hiddenAddressesIn(card, tree, index)) file.message(message, { line, column });
  }) as CardRule["plugin"],
  readsTree: (card) => isOnSite(card, "public") && !found.has(card),
  takeFacts: (card) => {
    if (isOnSite(card, "public") && !found.has(card)) found.set(card, factsOf(card, card.tree));
  },
  examples: {
    valid: [
      { name: "an external card naming a public card's address", files: { "content/help/a.md": exampleCard({ audience: "external" }, "See /help/b/ for more.\n"), "content/help/b.md": exampleCard({ audience: "external" }) } },
      { name: "an internal card naming an internal card's address", files: { "content/ops/a.md": exampleCard({}, "See /ops/b/.\n"), "content/ops/b.md": exampleCard() } },
    ],
    invalid: [
      {
        name: "an external card naming an internal card's address in its text",
        files: { "content/help/a.md": exampleCard({ audience: "external" }, "Agents follow /ops/runbook/ here.\n"), "content/ops/runbook.md": exampleCard() },
      },
    ],
  },
};
