/**
 * What a public card's author wrote that its pages may show: the leak check's excuse for a text found on them.
 * It is read from the card's source and frontmatter (and the external snippets it includes), never from the page
 * as the build renders it: the check runs behind that rendering, and an excuse made from it would carry an internal
 * card's words exactly when the rendering wrongly showed them (a heading's table-of-contents entry that kept a
 * dropped link's text once did).
 *
 * Left out, since the public page must not show them: the frontmatter's other fields (owner, companion), what the
 * page hides (comments, script, MDX code; core/site/hidden-text.ts), and every link, image or reference whose target
 * the help center lacks (a card it does not have, a page only the wiki has, a file it does not copy, the wiki's
 * host, an address of nothing it has), with its text: the check judges what the page makes of such a link, it does not take the author's word.
 * Of the addresses a card links, only those of what the help center has, and absolute ones off the wiki's host, excuse.
 */
import path from "node:path";
import type { Nodes, Root } from "mdast";
import { decodeHTML } from "entities";
import { toString } from "mdast-util-to-string";
import type { Card } from "../core/cards/load.ts";
import { snippetReferences, type Snippet } from "../core/cards/snippets.ts";
import { createHeadingSlugger } from "../core/site/anchors.ts";
import { hiddenNodes } from "../core/site/hidden-text.ts";
import { collectLinks, isUrlAttribute, type CardLink } from "../core/site/link-extract.ts";
import { isOnWikiOnlyHost, isPageOnSite, pageLinkAddress, resolveLink, type CardIndex } from "../core/site/links.ts";
import { applyTextEdits } from "../core/text-edits.ts";

/** Shorter addresses are not cut wherever they occur (`a.md` would cut `data.md`): the link's own cut took them. */
const MIN_CUT_URL = 6;

export interface AuthoredContext {
  index: CardIndex;
  /** The content folder: a copied file's address on the help center is `/_files/<its path under it>`. */
  contentDir: string;
  /** The help center has this card. */
  isPublic: (card: Card) => boolean;
  /** The help center may copy this file (core/site/file-audience.ts). */
  isPublicFile: (file: string) => boolean;
  /** The external snippet of this name, as a public card's include shows it; undefined for any other. */
  snippet: (name: string) => Snippet | undefined;
}

/** The text of a public card's own page (and Markdown copy, search entry) that its author wrote. */
export function authoredPageText(card: Card, ctx: AuthoredContext): string {
  const parts = [shownSource(card, card.source, card.tree as Root, card.links, ctx)];
  for (const ref of snippetReferences(card.tree as Root)) {
    const snippet = ctx.snippet(ref.name);
    // Rebased onto the snippet's file, its relative links resolve as the page's (rebased) links do.
    if (snippet && snippet.audience === "external") parts.push(shownSource({ ...card, file: snippet.file }, snippet.source, snippet.tree, collectLinks(snippet.tree), ctx));
  }
  return parts.join("\n");
}

/** How the check reads one card's (or snippet's) links: which targets the help center has, and what addresses a page may show for them. */
interface Reading {
  hidden: ReadonlySet<Nodes>;
  urlOf: (node: Nodes) => string | undefined;
  isShownTarget: (url: string) => boolean;
  /**
   * The addresses the page may show for a link: a public card's own address (and its heading's id as the check reads
   * it), a public page's or file's, an absolute one elsewhere than the wiki's host. None for an address of nothing on
   * the help center (`/help/escalate-zebra;x`, a typo that still names an internal card): the page shows it live, the
   * check judges it.
   */
  shownAddresses: (url: string) => string[];
}

const ABSOLUTE = /^([a-z][a-z0-9+.-]*:|\/\/)/i;

function readingOf(from: Card, tree: Root, ctx: AuthoredContext): Reading {
  const isShownTarget = (url: string): boolean => {
    const target = resolveLink(from, url, ctx.index);
    if (target.kind === "card") return ctx.isPublic(target.card);
    if (target.kind === "page") return isPageOnSite(target, "public");
    if (target.kind === "asset") return ctx.isPublicFile(target.file);
    // An address of nothing the help center has (`../escalate-zebra;x`) is a target it lacks too: its text is judged, not excused.
    if (target.kind === "broken") return false;
    return !isOnWikiOnlyHost(url, ctx.index);
  };
  const shownAddresses = (url: string): string[] => {
    const target = resolveLink(from, url, ctx.index);
    if (target.kind === "card") {
      if (!ctx.isPublic(target.card)) return [];
      const anchor = target.anchor === undefined ? "" : `#${headingIdsOf(target.card, ctx).get(target.anchor) ?? target.anchor}`;
      return [`${target.card.url}${anchor}`, `${target.card.url.replace(/\/$/, "")}.md${anchor}`];
    }
    // The page's path as the wall writes it (links.ts pageLinkHref), not the way there as written: `../escalate-zebra/../../tags/` is `/tags/`.
    if (target.kind === "page") return isPageOnSite(target, "public") ? [pageLinkAddress(target)] : [];
    if (target.kind === "asset") return ctx.isPublicFile(target.file) ? [url, `/_files/${path.relative(ctx.contentDir, target.file).split(path.sep).join("/")}`] : [];
    return target.kind === "external" && ABSOLUTE.test(url.trim()) && !isOnWikiOnlyHost(url, ctx.index) ? [url] : [];
  };
  const definitions = new Map<string, string>();
  walk(tree, (node) => {
    if (node.type === "definition" && !definitions.has(node.identifier.toLowerCase())) definitions.set(node.identifier.toLowerCase(), node.url);
    return true;
  });
  const urlOf = (node: Nodes): string | undefined =>
    node.type === "link" || node.type === "image" ? node.url : node.type === "linkReference" || node.type === "imageReference" ? definitions.get(node.identifier.toLowerCase()) : undefined;
  return { hidden: hiddenNodes(tree), urlOf, isShownTarget, shownAddresses };
}

function walk(node: Nodes, visit: (node: Nodes) => boolean): void {
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (visit(next) && "children" in next) for (let i = next.children.length - 1; i >= 0; i--) stack.push(next.children[i] as Nodes);
  }
}

const headingIds = new WeakMap<AuthoredContext, WeakMap<Card, Map<string, string>>>();

/** A public card's heading ids as the check reads them (from its headings' authored text), by the id lint gave each. */
function headingIdsOf(card: Card, ctx: AuthoredContext): Map<string, string> {
  let byCard = headingIds.get(ctx);
  if (!byCard) headingIds.set(ctx, (byCard = new WeakMap()));
  let ids = byCard.get(card);
  if (ids) return ids;
  byCard.set(card, (ids = new Map()));
  const reading = readingOf(card, card.tree as Root, ctx);
  const slug = createHeadingSlugger();
  const texts = new Map<number, string>();
  walk(card.tree as Root, (node) => {
    if (reading.hidden.has(node)) return false;
    if (node.type === "heading") texts.set(node.position?.start.offset ?? -1, headingText(node, reading));
    return true;
  });
  for (const heading of card.headings) ids.set(heading.id, slug(texts.get(heading.offset) ?? heading.text));
  return ids;
}

/** The source with what the page never shows, or may show only as the check decides, cut out; then the addresses it may show, and its headings' ids. */
function shownSource(from: Card, source: string, tree: Root, links: readonly CardLink[], ctx: AuthoredContext): string {
  const reading = readingOf(from, tree, ctx);
  const { hidden, urlOf, isShownTarget } = reading;
  const edits: { start: number; end: number; text: string }[] = [];
  const headings: string[] = [];
  walk(tree, (node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return true;
    if (node.type === "html") {
      edits.push({ start, end, text: shownHtml(node.value) });
      return false;
    }
    if (hidden.has(node) || node.type === "definition") {
      edits.push({ start, end, text: " " });
      return false;
    }
    if (node.type === "heading") headings.push(headingText(node, reading));
    if ("children" in node) cutHtmlAnchorTexts(node.children as Nodes[], isShownTarget, edits);
    const url = urlOf(node);
    if (url !== undefined || node.type === "linkReference" || node.type === "imageReference") {
      // A link keeps its words as one phrase with the text around it; its address is listed below. Words that are
      // the address itself (an autolink, a bare URL) are read as the address.
      const words = node.type === "image" || node.type === "imageReference" ? (node.alt ?? "") : toString(node);
      const shown = url !== undefined && isShownTarget(url) && (!isAddressWords(words, url) || reading.shownAddresses(url).length > 0);
      // A shown link or image keeps its title (the page's `title` attribute).
      const title = "title" in node && typeof node.title === "string" ? ` ${node.title}` : "";
      edits.push({ start, end, text: shown ? words + title : " " });
      return false;
    }
    if ((node.type as string) === "mdxJsxFlowElement" || (node.type as string) === "mdxJsxTextElement") {
      // An element's attributes are in its source; one holding an address is cut (listed below when shown).
      for (const attribute of (node as unknown as { attributes: { name?: string; position?: { start: { offset?: number }; end: { offset?: number } } }[] }).attributes) {
        const a = attribute.position;
        if (attribute.name && isUrlAttribute(attribute.name) && a?.start.offset !== undefined && a.end.offset !== undefined) edits.push({ start: a.start.offset, end: a.end.offset, text: " " });
      }
    }
    return true;
  });
  let text = applyTextEdits(source, edits);
  const urls: string[] = [];
  for (const link of links) {
    const shown = reading.shownAddresses(link.url);
    urls.push(...shown);
    // Whatever spelling of an address no excuse may name survived the cuts (an attribute the cuts missed) is not the author's excuse.
    for (const url of new Set([link.url, link.written ?? link.url])) if (shown.length === 0 && url.length >= MIN_CUT_URL) text = text.split(url).join(" ");
  }
  const slug = createHeadingSlugger();
  return [text, ...urls, ...headings.map((heading) => slug(heading))].join("\n");
}

/** A heading's words as the public page should show them: without hidden text, images, or a link to a target it lacks. */
function headingText(heading: Nodes, { hidden, urlOf, isShownTarget }: Reading): string {
  const out: string[] = [];
  const visit = (node: Nodes): void => {
    if (hidden.has(node) || node.type === "image" || node.type === "imageReference" || node.type === "html" || node.type === "footnoteReference") return;
    const url = urlOf(node);
    if ((url !== undefined || node.type === "linkReference") && (url === undefined || !isShownTarget(url))) return;
    if (node.type === "text" || node.type === "inlineCode") out.push(node.value);
    else if ("children" in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(heading);
  return out.join("").trim();
}

/** Link words that are its address (`https://x.test/a/`, `x.test/a`, `<mailto:a@x.test>`): what the page shows is then the address. */
function isAddressWords(words: string, url: string): boolean {
  const bare = (value: string) => value.trim().toLowerCase().replace(/^[a-z][a-z0-9+.-]*:(\/\/)?/, "").replace(/^\/\//, "").replace(/\/+$/, "");
  return words.trim() !== "" && bare(words) === bare(url);
}

const OPENING_ANCHOR = /^<a\s[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i;
const CLOSING_ANCHOR = /^<\/a\s*>$/i;

/** The words between `<a href>` written as raw HTML and its `</a>`, when the address is a target the help center lacks: cut as a Markdown link's are. */
function cutHtmlAnchorTexts(children: readonly Nodes[], isShownTarget: (url: string) => boolean, edits: { start: number; end: number; text: string }[]): void {
  for (let i = 0; i < children.length; i++) {
    const open = children[i]!;
    const href = open.type === "html" ? OPENING_ANCHOR.exec(open.value) : null;
    if (!href || isShownTarget(decodeHTML(href[1] ?? href[2] ?? href[3] ?? ""))) continue;
    const close = children.findIndex((node, at) => at > i && node.type === "html" && CLOSING_ANCHOR.test(node.value));
    const last = close < 0 ? children.length : close;
    for (const node of children.slice(i + 1, last)) {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start !== undefined && end !== undefined) edits.push({ start, end, text: " " });
    }
    i = last;
  }
}

const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const HIDING_ELEMENT = /<(script|style|template)\b[\s\S]*?(?:<\/\1\s*>|$)/gi;
const ATTRIBUTE = /([^\s"'<>/=]+)\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+)/g;

/** Raw HTML's words and attributes without comments, hidden elements' content, or addresses (listed apart when shown). */
function shownHtml(html: string): string {
  return html.replace(COMMENT, " ").replace(HIDING_ELEMENT, " ").replace(ATTRIBUTE, (whole, name: string) => (isUrlAttribute(name) ? " " : whole));
}
