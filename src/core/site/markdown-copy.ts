/**
 * The Markdown copy of a card for one site: what `llms.txt` readers, the `.md` URLs and the MCP
 * server hand out. It is the card's own source with what a site would not show removed, edited by
 * position so the author's formatting stays as written:
 * - whatever the card's HTML never shows (see hidden-text.ts): frontmatter, raw HTML and MDX code,
 *   text raw HTML hides (`<script>`, `<style>`, `<template>`), definitions nothing shown uses;
 * - component tags (their content stays);
 * - links to cards the site does not have become their plain text (an autolink disappears);
 * - links to cards the site has become absolute URLs on that site;
 * - images and links to files next to the card become their text (a copy has no attachments), by
 *   reference too (`![alt][label]` is its alt, never the label its removed definition had);
 * - a snippet include becomes the snippet's own copy where the page shows the snippet, else nothing.
 */
import type { Nodes, Root } from "mdast";
import type { Card } from "../cards/load.ts";
import { forEachNode } from "../cards/tree-walk.ts";
import { hiddenNodes } from "./hidden-text.ts";
import { toString } from "mdast-util-to-string";
import { isAddressText, resolveLink, type CardIndex } from "./links.ts";
import { markdownLinkHref } from "./page-href.ts";
import { snippetDirectiveOf, type Snippet } from "../cards/snippets.ts";
import { literalProps } from "./mdx-components.ts";
import { applyTextEdits, type TextSpanEdit } from "../text-edits.ts";

export interface MarkdownCopyOptions {
  index: CardIndex;
  /** True when the site being served has this card. */
  isOnSite: (card: Card) => boolean;
  /** Absolute URL of a card on the site being served. */
  urlOf: (card: Card) => string;
  /** The snippet the card's page shows for an include of this name (`shownSnippets`); without it, includes leave nothing. */
  snippet?: ((name: string) => Snippet | undefined) | undefined;
  /** The id a card's heading has on the site's page (link-text.ts `shownAnchor`); without it, the id lint knows. */
  anchorOf?: ((card: Card, anchor: string) => string) | undefined;
}

type Edit = TextSpanEdit;

const UNWRAPPED = new Set(["mdxJsxFlowElement", "mdxJsxTextElement"]);

/** The card body as Markdown for a site, without anything that site may not show. */
export function markdownCopy(card: Card, options: MarkdownCopyOptions): string {
  const edits: Edit[] = [];
  const hidden = hiddenNodes(card.tree as Root);
  // The URL each reference link takes from its definition (the first of its name, as the HTML reads it).
  const definitions = new Map<string, string>();
  forEachNode(card.tree as Root, (node) => {
    if (node.type === "definition" && !definitions.has(node.identifier.toLowerCase())) definitions.set(node.identifier.toLowerCase(), node.url);
  });
  const stack: Nodes[] = [...(card.tree as Root).children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) continue;
    const type = node.type as string;
    const include = includedSnippet(node, hidden);
    if (include !== undefined) {
      const snippet = options.snippet?.(include);
      edits.push({ start, end, text: snippet ? snippetCopy(card, snippet, options) : "" });
      continue;
    }
    if (hidden.has(node)) {
      edits.push({ start, end, text: "" });
      continue;
    }
    const children = "children" in node ? (node.children as Nodes[]) : [];
    if (UNWRAPPED.has(type)) {
      unwrap(edits, start, end, children);
    } else if (node.type === "link" || node.type === "image" || node.type === "definition") {
      if (!editLink(card, node, start, end, children, options, edits)) continue;
    } else if (node.type === "linkReference" || node.type === "imageReference") {
      // A reference is its definition's link or image: `![alt][label]` whose definition goes is its alt, as `![alt](url)` is.
      const url = definitions.get(node.identifier.toLowerCase());
      if (url !== undefined && !editLink(card, { ...node, type: node.type === "linkReference" ? "link" : "image", url } as Nodes & { url: string }, start, end, children, options, edits)) continue;
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return applyTextEdits(card.source, edits).replace(/\n{3,}/g, "\n\n").trim() + "\n";
}

/** The name of the snippet a node includes where the page shows it: a `::snippet{…}` paragraph or an MDX `<Snippet name="…">`. */
function includedSnippet(node: Nodes, hidden: ReadonlySet<Nodes>): string | undefined {
  if (node.type === "paragraph") return hidden.has(node.children[0] as Nodes) ? undefined : snippetDirectiveOf(node);
  const element = node as Nodes & { name?: string | null; attributes?: unknown };
  if ((node.type as string) !== "mdxJsxFlowElement" || element.name !== "Snippet" || hidden.has(node)) return undefined;
  return literalProps(element.attributes as never).name ?? "";
}

/** The snippet's own copy, its links resolved from its own file (where the page's rebased links point too); no snippet inside. */
function snippetCopy(card: Card, snippet: Snippet, options: MarkdownCopyOptions): string {
  return markdownCopy({ ...card, file: snippet.file, source: snippet.source, tree: snippet.tree }, { ...options, snippet: undefined }).trim();
}

/**
 * Adds the edits for one link, image or definition. Returns true when its children are kept (and
 * so must be visited), false when the whole node was replaced.
 */
function editLink(card: Card, node: Nodes & { url: string }, start: number, end: number, children: Nodes[], options: MarkdownCopyOptions, edits: Edit[]): boolean {
  // The address the card's page carries: what the HTML decides on, the copy decides on too.
  const target = resolveLink(card, markdownLinkHref(node.url), options.index);
  if (node.type === "image") {
    if (target.kind === "external") return false;
    edits.push({ start, end, text: (node as { alt?: string | null }).alt ?? "" });
    return false;
  }
  if (node.type === "definition") {
    if (target.kind === "card" && options.isOnSite(target.card)) {
      edits.push({ start, end, text: `[${node.label ?? node.identifier}]: ${cardHref(card, target.card, target.anchor, options)}` });
    } else if (target.kind !== "external") {
      edits.push({ start, end, text: "" });
    }
    return false;
  }
  if (target.kind === "external") return true;
  const first = children[0]?.position?.start.offset;
  const last = children.at(-1)?.position?.end.offset;
  const isAutolink = first !== undefined && last !== undefined && card.source.slice(first, last) === node.url;
  if (target.kind === "card" && options.isOnSite(target.card)) {
    const href = cardHref(card, target.card, target.anchor, options);
    if (isAutolink || first === undefined || last === undefined) edits.push({ start, end, text: `<${href}>` });
    else {
      edits.push({ start, end: first, text: "[" }, { start: last, end, text: `](${href})` });
      return true;
    }
    return false;
  }
  // Text that is the address itself goes with the link, as on the page (in any case, with or without a scheme or trailing slash).
  if (isAutolink || first === undefined || last === undefined || isAddressText(toString(node), node.url)) {
    edits.push({ start, end, text: "" });
    return false;
  }
  unwrap(edits, start, end, children);
  return true;
}

function cardHref(from: Card, to: Card, anchor: string | undefined, options: MarkdownCopyOptions): string {
  const page = to === from && anchor ? "" : options.urlOf(to);
  return anchor ? `${page}#${options.anchorOf?.(to, anchor) ?? anchor}` : page;
}

/** Keeps a node's children and removes the syntax around them. */
function unwrap(edits: Edit[], start: number, end: number, children: Nodes[]): void {
  const first = children[0]?.position?.start.offset;
  const last = children.at(-1)?.position?.end.offset;
  if (first === undefined || last === undefined) {
    edits.push({ start, end, text: "" });
    return;
  }
  edits.push({ start, end: first, text: "" }, { start: last, end, text: "" });
}
