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
 * host), with its text: the check judges what the page makes of such a link, it does not take the author's word.
 */
import type { Nodes, Root } from "mdast";
import { decodeHTML } from "entities";
import { toString } from "mdast-util-to-string";
import type { Card } from "../core/cards/load.ts";
import { snippetReferences, type Snippet } from "../core/cards/snippets.ts";
import { createHeadingSlugger } from "../core/site/anchors.ts";
import { hiddenNodes } from "../core/site/hidden-text.ts";
import { collectLinks, isUrlAttribute, type CardLink } from "../core/site/link-extract.ts";
import { isOnWikiOnlyHost, isPageOnSite, resolveLink, type CardIndex } from "../core/site/links.ts";

/** Shorter addresses are not cut wherever they occur (`a.md` would cut `data.md`): the link's own cut took them. */
const MIN_CUT_URL = 6;

export interface AuthoredContext {
  index: CardIndex;
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

/** The source with what the page never shows, or may show only as the check decides, cut out; then the addresses it may show, and its headings' ids. */
function shownSource(from: Card, source: string, tree: Root, links: readonly CardLink[], ctx: AuthoredContext): string {
  const isShownTarget = (url: string): boolean => {
    const target = resolveLink(from, url, ctx.index);
    if (target.kind === "card") return ctx.isPublic(target.card);
    if (target.kind === "page") return isPageOnSite(target, "public");
    if (target.kind === "asset") return ctx.isPublicFile(target.file);
    return !isOnWikiOnlyHost(url, ctx.index);
  };
  const hidden = hiddenNodes(tree);
  const definitions = new Map<string, string>();
  const walk = (node: Nodes, visit: (node: Nodes) => boolean) => {
    const stack: Nodes[] = [node];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (visit(next) && "children" in next) for (let i = next.children.length - 1; i >= 0; i--) stack.push(next.children[i] as Nodes);
    }
  };
  walk(tree, (node) => {
    if (node.type === "definition" && !definitions.has(node.identifier.toLowerCase())) definitions.set(node.identifier.toLowerCase(), node.url);
    return true;
  });
  const urlOf = (node: Nodes): string | undefined =>
    node.type === "link" || node.type === "image" ? node.url : node.type === "linkReference" || node.type === "imageReference" ? definitions.get(node.identifier.toLowerCase()) : undefined;

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
    if (node.type === "heading") headings.push(headingText(node, hidden, urlOf, isShownTarget));
    if ("children" in node) cutHtmlAnchorTexts(node.children as Nodes[], isShownTarget, edits);
    const url = urlOf(node);
    if (url !== undefined || node.type === "linkReference" || node.type === "imageReference") {
      const shown = url !== undefined && isShownTarget(url);
      // A link keeps its words as one phrase with the text around it; its address is listed below.
      // A shown link or image keeps its title (the page's `title` attribute); a reference takes it from its definition.
      const title = "title" in node && typeof node.title === "string" ? ` ${node.title}` : "";
      edits.push({ start, end, text: !shown ? " " : (node.type === "image" || node.type === "imageReference" ? (node.alt ?? "") : toString(node)) + title });
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
  let text = applyEdits(source, edits);
  const urls: string[] = [];
  for (const link of links) {
    if (isShownTarget(link.url)) urls.push(link.url);
    // Whatever spelling of a hidden target's address survived the cuts (an attribute the cuts missed) is not the author's excuse.
    else if (link.url.length >= MIN_CUT_URL) text = text.split(link.url).join(" ");
  }
  const slug = createHeadingSlugger();
  return [text, ...urls, ...headings.map((heading) => slug(heading))].join("\n");
}

/** A heading's words as the public page should show them: without hidden text, images, or a link to a target it lacks. */
function headingText(heading: Nodes, hidden: ReadonlySet<Nodes>, urlOf: (node: Nodes) => string | undefined, isShownTarget: (url: string) => boolean): string {
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

function applyEdits(source: string, edits: readonly { start: number; end: number; text: string }[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = "";
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at) continue;
    out += source.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + source.slice(at);
}
