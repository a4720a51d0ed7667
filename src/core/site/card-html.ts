/**
 * What HTML a card may put on a site, decided once for lint and for both sites. A card's body is
 * turned into hast by satteri (with positions), its raw HTML and MDX JSX parsed by hast-util-raw
 * (parse5, the browser's algorithm), then cleaned by hast-util-sanitize with GitHub's schema as the
 * base: what an author sees in a pull request preview is what the sites show. Comments go, script
 * goes, event handlers go, and every URL must use an allowed scheme. A second step applies the
 * site's embed allow-list to everything that makes the browser fetch from another host.
 *
 * Lint reports the difference between the card and the cleaned tree (`html-removed`,
 * `remote-resource`); the build renders the cleaned tree. Neither has its own copy of the rules.
 */
import type { Element, Nodes as HastNodes, Root as HastRoot } from "hast";
import { defaultSchema, sanitize, type Schema } from "hast-util-sanitize";
import type { Nodes as MdastNodes, Root as MdastRoot } from "mdast";
import { markdownLinkHref } from "./page-href.ts";
import { markdownToHast, mdxToHast } from "satteri";
import { VFile } from "vfile";
import type { MarkdownFormat } from "../cards/markdown.ts";
import { applyCallouts } from "./callouts.ts";
import { expandComponents, expandSnippetDirectives, type SnippetResolver } from "./component-markup.ts";
import { COMPONENT_TAG, lowerMdx, type ComponentUse } from "./mdx-components.ts";
import { forEachNode, walkTree } from "../cards/tree-walk.ts";
import { fileReferences, remoteResources, type FileReference, type RemoteResource } from "./embed-policy.ts";
import { onFirstUse } from "../load-on-use.ts";
import { AUTHOR_ID_PREFIX } from "./anchors.ts";
import { snippetDirectiveOf } from "../cards/snippet-directive.ts";
import { attributeMessage, autolinkMessage, elementMessage, urlMessage } from "./html-removal-messages.ts";

/** Parsing raw HTML (parse5) is loaded only when a card has some. */
const htmlRaw = onFirstUse<typeof import("hast-util-raw")>("hast-util-raw");

/** `data:` images that `<img>` may show inline (never SVG, never anything else). */
const DATA_IMAGE = /^data:image\/(?:png|gif|jpeg|webp|avif);/i;
const NOT_DATA = /^(?!data:)/i;

/**
 * URL attributes GitHub's schema keeps that no reader sees or follows (`cite` on quotes and edits,
 * `longdesc` on images): the build neither checks nor rewrites them (only the attributes of
 * embed-policy's FILE_ATTRIBUTES), so a card could carry a wiki address or a file path in them onto
 * the public site. They are dropped.
 */
const UNSEEN_URLS = new Set(["cite", "longDesc"]);

function withoutUnseenUrls(attributes: NonNullable<Schema["attributes"]>): NonNullable<Schema["attributes"]> {
  return Object.fromEntries(
    Object.entries(attributes).map(([tag, list]) => [tag, list.filter((a) => !UNSEEN_URLS.has(typeof a === "string" ? a : a[0]!))]),
  );
}

/**
 * GitHub's schema less `srcset` on `<source>` and the unseen URLs above, plus: `<style>` dropped with its text, `tel:` links, inline raster `data:` images,
 * and the media elements a trusted embed needs (kept only for allow-listed hosts, see
 * {@link applyEmbedPolicy}). Iframes are always sandboxed.
 */
export const CARD_SCHEMA: Schema = {
  ...defaultSchema,
  clobberPrefix: AUTHOR_ID_PREFIX,
  strip: [...(defaultSchema.strip ?? []), "style"],
  tagNames: [...(defaultSchema.tagNames ?? []), "iframe", "video", "audio"],
  attributes: {
    ...withoutUnseenUrls(defaultSchema.attributes ?? {}),
    img: [...(defaultSchema.attributes?.img ?? []).filter((a) => a !== "src" && a !== "longDesc"), ["src", NOT_DATA, DATA_IMAGE]],
    // No `srcset`: the files it names are never published (only `src` is), and its URL list is not checked link by link.
    source: [...(defaultSchema.attributes?.source ?? []).filter((a) => a !== "srcSet"), ["src", NOT_DATA], "type"],
    iframe: [["src", NOT_DATA], "width", "height", "title", "allowFullScreen"],
    video: [["src", NOT_DATA], "poster", "controls", "width", "height", "loop", "muted", "playsInline", "preload"],
    audio: [["src", NOT_DATA], "controls", "loop", "muted", "preload"],
  },
  protocols: {
    ...Object.fromEntries(Object.entries(defaultSchema.protocols ?? {}).filter(([name]) => !UNSEEN_URLS.has(name))),
    href: [...(defaultSchema.protocols?.href ?? []), "tel"],
    src: [...(defaultSchema.protocols?.src ?? []), "data"],
    poster: ["http", "https"],
  },
  required: {
    ...defaultSchema.required,
    iframe: { sandbox: "allow-scripts allow-same-origin allow-popups allow-presentation", referrerPolicy: "strict-origin-when-cross-origin", loading: "lazy" },
  },
};

/** The prefix GitHub's schema gives ids and names written in a card (`user-content-`). */
export const CLOBBER_PREFIX = CARD_SCHEMA.clobberPrefix ?? "";

export interface HtmlRemoval {
  kind: "element" | "attribute" | "url";
  /** Element name, e.g. `script`. */
  tag: string;
  attribute?: string;
  /** The removed value (URLs), shortened. */
  value?: string;
  /** True when the element's content went with it (`<script>`, `<style>`). */
  withContent?: boolean;
  line: number;
  column: number;
  message: string;
}

export interface CardHtmlInput {
  source: string;
  format: MarkdownFormat;
  /** The card's mdast (needed for MDX cards, whose code is blanked out before rendering). */
  tree: MdastRoot;
}

export interface CardHtmlOptions {
  /** Also list what the sanitizer removed (lint); the build does not need it. */
  report?: boolean;
  /** Test builds only: skip the sanitizer to prove the Content-Security-Policy alone holds. */
  unsafeSkipSanitizer?: boolean;
  /** What `<Snippet name>` and `::snippet{name}` become (their rendered, sanitized body). */
  snippet?: SnippetResolver;
  /** The card's id, which keeps the ids of its tabs its own on a page that shows two cards (see expandComponents). */
  cardId?: string;
}

export interface CardHtml {
  /** The sanitized tree; the caller may change it. */
  tree: HastRoot;
  removed: HtmlRemoval[];
}

/** The schema for MDX cards: the card schema plus the component placeholder no author can write. */
const MDX_SCHEMA: Schema = {
  ...CARD_SCHEMA,
  tagNames: [...(CARD_SCHEMA.tagNames ?? []), COMPONENT_TAG],
  attributes: { ...CARD_SCHEMA.attributes, [COMPONENT_TAG]: ["dataComponent"] },
};

/** The card's body as sanitized hast (remote resources not yet filtered: see {@link applyEmbedPolicy}). */
export function cardHtml(card: CardHtmlInput, options: CardHtmlOptions = {}): CardHtml {
  // Footnote ids get no prefix here: the sanitizer adds GitHub's `user-content-` to every id.
  const features = { gfm: { footnotes: { clobberPrefix: "" } } };
  let tree: HastRoot;
  let uses: ComponentUse[] = [];
  if (card.format === "mdx") {
    // MDX runs through the built-in components as data, never as code (see mdx-components.ts).
    tree = mdxToHast(card.source, { position: true, features }) as unknown as HastRoot;
    uses = lowerMdx(tree);
  } else {
    tree = markdownToHast(card.source, { position: true, features }) as unknown as HastRoot;
    if (hasRaw(tree)) tree = htmlRaw().raw(tree, { file: new VFile(card.source) }) as HastRoot;
  }
  alignCellsAsGitHub(tree);
  if (options.unsafeSkipSanitizer) {
    expandComponents(tree, uses, options.snippet, options.cardId);
    if (options.snippet && card.format === "md") expandSnippetDirectives(tree, options.snippet, snippetIncludes(card.tree));
    applyCallouts(tree);
    return { tree, removed: [] };
  }
  const clean = sanitize(tree, card.format === "mdx" ? MDX_SCHEMA : CARD_SCHEMA) as HastRoot;
  fixFragmentLinks(clean);
  const removed = options.report ? diffRemovals(tree, clean, card.source) : [];
  // Project markup, made from the sanitized tree, after the sanitizer and its report.
  expandComponents(clean, uses, options.snippet, options.cardId);
  if (options.snippet && card.format === "md") expandSnippetDirectives(clean, options.snippet, snippetIncludes(card.tree));
  applyCallouts(clean);
  emptyRawTextElements(clean);
  return { tree: clean, removed };
}

/** Where the card's Markdown paragraphs that include a snippet start (source offsets): the includes lint reads. */
function snippetIncludes(tree: MdastRoot): Set<number> {
  const offsets = new Set<number>();
  forEachNode(tree, (node: MdastNodes) => {
    if (node.type === "paragraph" && node.position?.start.offset !== undefined && snippetDirectiveOf(node) !== undefined) offsets.add(node.position.start.offset);
  });
  return offsets;
}

/**
 * Elements whose text the HTML serializer writes as it is, unescaped (hast-util-to-html's `raw`
 * set, after the HTML standard's serialization rules). Of these the schema allows only `<iframe>`.
 */
const RAW_TEXT_ELEMENTS = new Set(["iframe", "noembed", "noframes", "plaintext", "script", "style", "xmp"]);

/**
 * Drops what is inside such an element. Text in an allowed `<iframe>` (one written inline in a
 * paragraph, or a JSX iframe in MDX, gets the text after it as its content) would be written
 * unescaped, so a `</iframe>` in it would close the frame and turn the rest into live markup that
 * the sanitizer never saw. A frame shows its page, never its content.
 */
function emptyRawTextElements(tree: HastRoot): void {
  walkTree<HastNodes>(tree, (node) => {
    if (node.type === "element" && RAW_TEXT_ELEMENTS.has(node.tagName)) {
      node.children = [];
      return false;
    }
    return true;
  });
}

/** Table alignment as GitHub writes it (`align="right"`), not satteri's `style="text-align: right"`. */
function alignCellsAsGitHub(tree: HastRoot): void {
  walkTree<HastNodes>(tree, (node) => {
    if (node.type === "element" && (node.tagName === "td" || node.tagName === "th") && typeof node.properties.style === "string") {
      const match = /^\s*text-align:\s*(left|right|center)\s*;?\s*$/i.exec(node.properties.style);
      if (match) {
        delete node.properties.style;
        node.properties.align = match[1]!.toLowerCase();
      }
    }
    return true;
  });
}

function hasRaw(tree: HastRoot): boolean {
  let found = false;
  walkTree<HastNodes>(tree, (node) => {
    if (node.type === "raw") found = true;
    return !found;
  });
  return found;
}

/**
 * In-page links to ids the sanitizer prefixed (`#fn-1` -> `#user-content-fn-1`), as GitHub's page
 * script does, so footnotes and `<a name>` targets work without script.
 */
function fixFragmentLinks(tree: HastRoot): void {
  const ids = new Set<string>();
  const links: Element[] = [];
  walkTree<HastNodes>(tree, (node) => {
    if (node.type !== "element") return true;
    if (typeof node.properties.id === "string") ids.add(node.properties.id);
    if (typeof node.properties.name === "string") ids.add(node.properties.name);
    if (node.tagName === "a" && typeof node.properties.href === "string" && node.properties.href.startsWith("#")) links.push(node);
    return true;
  });
  for (const link of links) {
    const target = decodeFragment((link.properties.href as string).slice(1));
    if (!ids.has(target) && ids.has(CLOBBER_PREFIX + target)) link.properties.href = `#${CLOBBER_PREFIX}${target}`;
  }
}

function decodeFragment(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export interface CardHtmlReport {
  removed: HtmlRemoval[];
  /** Images, media and frames by absolute URL (any host, the site's own included). */
  resources: RemoteResource[];
  /** URLs that may name a file next to the card. */
  files: FileReference[];
}

/**
 * What lint reports on a card: removals, remote resources and file references of its sanitized
 * HTML. A card without raw HTML or JSX (most cards) only has the elements Markdown makes, and among
 * them only links and images carry anything the sanitizer judges: those are built as the hast they
 * become (same element, URL and position) and go through the same sanitizer, so the decision is
 * the one the sites render with, without building the whole page.
 */
export function reportCardHtml(card: CardHtmlInput): CardHtmlReport {
  const hasHtml = (node: MdastNodes): boolean => node.type === "html" || (node.type as string).startsWith("mdxJsx");
  // Raw HTML and JSX both start with "<": a card without one has neither, and its tree is not walked for them.
  let raw = false;
  if (card.source.includes("<")) {
    forEachNode(card.tree, (node) => {
      if (!raw && hasHtml(node)) raw = true;
    });
  }
  if (raw) {
    const full = cardHtml(card, { report: true });
    const removed = [...full.removed, ...cutOffComments(card.tree)].sort((a, b) => a.line - b.line || a.column - b.column);
    return { removed, resources: remoteResources(full.tree), files: fileReferences(full.tree) };
  }
  const before = linkElements(card.tree);
  const after = sanitize(before, CARD_SCHEMA) as HastRoot;
  return { removed: diffRemovals(before, after, card.source), resources: remoteResources(after), files: fileReferences(after) };
}

/**
 * HTML comments a blank line cuts off: an HTML block that does not start with the comment (`<div>`
 * then `<!--` on the next line) ends at the next blank line, so the comment closes there and the
 * text after it, up to `-->`, is Markdown the sites publish, while a browser reading the same HTML
 * (and GitHub's preview) would hide it. A comment that starts its own block runs to its `-->`.
 */
function cutOffComments(tree: MdastRoot): HtmlRemoval[] {
  const found: HtmlRemoval[] = [];
  forEachNode(tree, (node) => {
    if (node.type !== "html" || !node.position) return;
    const value = node.value;
    const close = /--!?>/g;
    for (let at = value.indexOf("<!--"); at >= 0; at = value.indexOf("<!--", at + 4)) {
      if (value.startsWith(">", at + 4) || value.startsWith("->", at + 4)) continue; // <!--> and <!---> are whole (empty) comments
      close.lastIndex = at + 4;
      const end = close.exec(value);
      if (end) {
        at = end.index;
        continue;
      }
      const before = value.slice(0, at);
      const newlines = before.split("\n").length - 1;
      const line = node.position.start.line + newlines;
      const column = newlines === 0 ? node.position.start.column + at : at - before.lastIndexOf("\n");
      found.push({
        kind: "element",
        tag: "!--",
        line,
        column,
        message:
          "This HTML comment is not closed before the blank line that ends its HTML block, so the text after that line is published (a browser reading the same HTML would hide it). " +
          "Start the comment on a line of its own, or keep it free of blank lines, or delete it.",
      });
      break;
    }
  });
  return found;
}

/** The `<a>` and `<img>` elements Markdown links and images (references resolved) turn into. */
function linkElements(tree: MdastRoot): HastRoot {
  const definitions = new Map<string, string>();
  const linkNodes: MdastNodes[] = [];
  forEachNode(tree, (node) => {
    if (node.type === "definition" && !definitions.has(node.identifier.toLowerCase())) definitions.set(node.identifier.toLowerCase(), node.url);
    else if (node.type === "link" || node.type === "image" || node.type === "linkReference" || node.type === "imageReference") linkNodes.push(node);
  });
  const children: Element[] = [];
  for (const node of linkNodes) {
    let url: string | undefined;
    if (node.type === "link" || node.type === "image") url = node.url;
    else if (node.type === "linkReference" || node.type === "imageReference") url = definitions.get(node.identifier.toLowerCase());
    if (url === undefined || !node.position) continue;
    url = markdownLinkHref(url); // as Markdown renders it (`java\tscript:` -> `java%09script:`)
    const isImage = node.type === "image" || node.type === "imageReference";
    children.push({
      type: "element",
      tagName: isImage ? "img" : "a",
      properties: isImage ? { src: url, alt: (node as { alt?: string | null }).alt ?? "" } : { href: url },
      children: [],
      position: node.position,
    });
  }
  return { type: "root", children };
}

/**
 * What the sanitizer took away, found by comparing the parsed tree with the clean one: elements are
 * matched by name and start offset (both trees keep positions), so the decision itself stays in
 * hast-util-sanitize. Only the outermost removal is reported; comments are not (they are meant to be
 * invisible, and removing them is the point).
 */
function diffRemovals(before: HastRoot, after: HastRoot, source: string): HtmlRemoval[] {
  const kept = new Map<string, Element[]>();
  walkTree<HastNodes>(after, (node) => {
    if (node.type === "element" && node.position?.start.offset !== undefined) {
      const key = `${node.tagName}@${node.position.start.offset}`;
      const list = kept.get(key) ?? [];
      list.push(node);
      kept.set(key, list);
    }
    return true;
  });
  const removals: HtmlRemoval[] = [];
  const protocolAttributes = new Set(Object.keys(CARD_SCHEMA.protocols ?? {}));
  walkTree<HastNodes>(before, (node) => {
    if (node.type !== "element") return true;
    const offset = node.position?.start.offset;
    if (offset === undefined) return true;
    const place = { line: node.position!.start.line, column: node.position!.start.column };
    const match = kept.get(`${node.tagName}@${offset}`)?.shift();
    if (!match) {
      const withContent = (CARD_SCHEMA.strip ?? []).includes(node.tagName) || !hasKeptDescendant(node, kept);
      removals.push({ kind: "element", tag: node.tagName, withContent, ...place, message: elementMessage(node.tagName, withContent) });
      return !withContent;
    }
    for (const [key, value] of Object.entries(node.properties)) {
      if (value === undefined || value === null || value === false) continue;
      if (Object.hasOwn(match.properties, key)) continue;
      const attribute = attributeName(key);
      if (protocolAttributes.has(key) && typeof value === "string" && /^[^/?#]*:/.test(value.trim())) {
        const shown = shorten(value);
        // An autolink (`<scheme:rest>`) is often another tool's tag pasted in, such as Confluence's `<ac:link>`.
        const autolink = node.tagName === "a" && source.startsWith(`<${value}>`, offset);
        const message = autolink ? autolinkMessage(value, shown) : urlMessage(node.tagName, attribute, shown);
        removals.push({ kind: "url", tag: node.tagName, attribute, value: shown, ...place, message });
      } else {
        removals.push({ kind: "attribute", tag: node.tagName, attribute, ...place, message: attributeMessage(node.tagName, attribute) });
      }
    }
    return true;
  });
  return removals;
}

function hasKeptDescendant(element: Element, kept: Map<string, Element[]>): boolean {
  let found = false;
  walkTree<HastNodes>(element, (node) => {
    if (node === element) return true;
    if (node.type === "text" && node.value.trim() !== "") found = true;
    if (node.type === "element" && kept.has(`${node.tagName}@${node.position?.start.offset}`)) found = true;
    return !found;
  });
  return found;
}

/** hast property name -> the HTML attribute an author wrote (`onClick` -> `onclick`, `className` -> `class`). */
function attributeName(property: string): string {
  if (property === "className") return "class";
  if (property === "htmlFor") return "for";
  if (property.startsWith("aria") || property.startsWith("data")) return property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return property.toLowerCase();
}

function shorten(value: string): string {
  const flat = value.replace(/\s+/g, " ").trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}

