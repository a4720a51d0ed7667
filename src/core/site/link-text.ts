/**
 * Which links a site's page keeps live, and which lose their text with them. A link to a card or
 * page the site does not have (on the public site, also anything on the wiki's own host) is shown as
 * its text alone; when that text is the address itself (an autolink, a bare URL,
 * `[ops/runbook.md](ops/runbook.md)`) it goes too, since it names the hidden page. The render
 * (build/render-card.ts) applies this to the HTML; what is made from the Markdown instead (the
 * search vocabulary, FAQ structured data) leaves out the same text, asking {@link droppedLinkTexts}.
 */
import type { Nodes, Root } from "mdast";
import { toString } from "mdast-util-to-string";
import type { Card } from "../cards/load.ts";
import { forEachNode } from "../cards/tree-walk.ts";
import { onFirstUse } from "../load-on-use.ts";
import type { SiteName } from "./audience.ts";
import { shownHeadings } from "./anchors.ts";
import { isAddressText, isOnWikiOnlyHost, isPageOnSite, resolveLink, type CardIndex, type LinkTarget } from "./links.ts";
import { markdownLinkHref } from "./page-href.ts";

export interface LinkSite {
  index: CardIndex;
  site: SiteName;
  /** Cards a link may point to on this site. */
  isLinkable: (card: Card) => boolean;
}

/** True when a page of the site keeps `href` (the address the page carries, page-href.ts), written in `from`, as a live link. */
export function isLinkLive(from: Card, href: string, on: LinkSite): boolean {
  return isTargetLive(resolveLink(from, href, on.index), href, on);
}

/**
 * The wall's one decision on a link (or an image's source) of a card's page: whether the site's page keeps it
 * live, given where its address `href` goes. A card the site does not have, a page it does not have, and on the
 * public site anything on the wiki's own host are not kept; nor, on the public site, an address of its own that
 * names nothing it has (what lint calls a broken link: `../escalate-zebra;x`, `../escalate-zebra/index.md`,
 * `../escalate-zebra/%09`): such an address may name a card only the wiki has, and with `link-broken` off the page
 * would otherwise carry it. Files are decided by their audience (file-audience.ts), not here.
 */
export function isTargetLive(target: LinkTarget, href: string, on: LinkSite): boolean {
  if (target.kind === "card") return on.isLinkable(target.card);
  if (target.kind === "page") return isPageOnSite(target, on.site);
  if (on.site !== "public") return true;
  if (target.kind === "broken") return false;
  return !isOnWikiOnlyHost(href, on.index);
}

/**
 * The links (and link references) of the card whose text the site's page leaves out: not live
 * there, and their text is their address. Empty for most cards, found from the links loading took.
 */
export function droppedLinkTexts(from: Card, on: LinkSite): Set<Nodes> {
  const dropped = new Set<Nodes>();
  const addressLinks = from.links.some((link) => (link.kind === "link" && isAddressText(link.text, link.url)) || link.kind === "definition" || link.attribute === "a href");
  if (!addressLinks) return dropped;
  const tree = from.tree as Root;
  const definitions = new Map<string, string>();
  forEachNode(tree, (node) => {
    if (node.type === "definition" && !definitions.has(node.identifier.toLowerCase())) definitions.set(node.identifier.toLowerCase(), markdownLinkHref(node.url));
  });
  forEachNode(tree, (node) => {
    const url = node.type === "link" ? markdownLinkHref(node.url) : node.type === "linkReference" ? definitions.get(node.identifier.toLowerCase()) : undefined;
    if (url !== undefined && isAddressText(toString(node), url) && !isLinkLive(from, url, on)) dropped.add(node);
    if ("children" in node) dropHtmlAnchorTexts(node.children as Nodes[], from, on, dropped);
  });
  return dropped;
}

/**
 * An anchor written in HTML inside Markdown text (`<a href="x.md">x.md</a>`) is, in the tree, an
 * `html` node for the opening tag, the text nodes between, and one for `</a>`: the text between is
 * dropped as a Markdown link's would be. The tag is read by the HTML parser the page's is (entities
 * in `href` decoded).
 */
function dropHtmlAnchorTexts(children: readonly Nodes[], from: Card, on: LinkSite, dropped: Set<Nodes>): void {
  for (let i = 0; i < children.length; i++) {
    const open = children[i]!;
    if (open.type !== "html" || !OPENING_ANCHOR.test(open.value)) continue;
    const anchor = htmlParser().fromHtml(open.value, { fragment: true }).children[0];
    const href = anchor?.type === "element" && anchor.tagName === "a" && anchor.children.length === 0 ? anchor.properties.href : undefined;
    if (typeof href !== "string") continue;
    const close = children.findIndex((node, at) => at > i && node.type === "html" && CLOSING_ANCHOR.test(node.value));
    if (close < 0) continue;
    const between = children.slice(i + 1, close);
    if (isAddressText(between.map((node) => toString(node)).join(""), href) && !isLinkLive(from, href, on)) for (const node of between) dropped.add(node);
    i = close;
  }
}

const OPENING_ANCHOR = /^<a[\s>]/i;
const CLOSING_ANCHOR = /^<\/a\s*>$/i;
const htmlParser = onFirstUse<typeof import("hast-util-from-html")>("hast-util-from-html");

/**
 * The id of a card's heading `anchor` on this site's page: another id where the heading's text loses
 * a link's text there (see anchors.ts `shownHeadings`), since the id lint knows is made from that
 * text and would name the hidden card. Links to the heading (its own card's, another card's, their
 * Markdown copies) follow it.
 */
export function shownAnchor(card: Card, anchor: string, on: LinkSite): string {
  const shown = shownHeadings(card, droppedLinkTexts(card, on));
  if (shown === card.headings) return anchor;
  const at = card.headings.findIndex((heading) => heading.id === anchor);
  return at < 0 ? anchor : shown[at]!.id;
}
