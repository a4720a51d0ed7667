/**
 * Card body -> HTML, once per card for both sites. The sanitized tree comes from core
 * (`cardHtml`, the same decision lint reports on), the site's embed allow-list is applied, heading
 * ids are the ones lint computed (`card.headings`, matched by source offset), and links to other
 * cards become relative hrefs (`../refunds/#steps`), so one rendering works under any base path.
 * A link the public site does not keep (link-text.ts `isTargetLive`) is rendered as plain text there, and a remote
 * embed only the wiki allows is removed there: the only cases where a card is rendered twice.
 */
import path from "node:path";
import type { Element, ElementContent, Nodes, Root } from "hast";
import { toHtml } from "hast-util-to-html";
import type { CardIndex } from "../core/site/links.ts";
import { isAddressText, pageLinkHref, resolveLink } from "../core/site/links.ts";
import { toString } from "mdast-util-to-string";
import type { SiteName } from "../core/site/audience.ts";
import type { Card } from "../core/cards/load.ts";
import { checkAttachment } from "../core/site/attachment-safety.ts";
import { cardHtml } from "../core/site/card-html.ts";
import { shownHeadings } from "../core/site/anchors.ts";
import { droppedLinkTexts, isTargetLive, shownAnchor, type LinkSite } from "../core/site/link-text.ts";
import { applyEmbedPolicy, FILE_ATTRIBUTES, isAllowedResource, type EmbedDecision, type EmbedPolicy } from "../core/site/embed-policy.ts";
import type { SnippetResolver } from "../core/site/component-markup.ts";
import { rebaseSnippetUrl, shownSnippets } from "../core/cards/snippets.ts";

export interface RenderedHeading {
  depth: number;
  text: string;
  id: string;
}

export interface RenderedCard {
  html: string;
  headings: RenderedHeading[];
  /** True when the public page does not keep a link live (a card or page it does not have, an address of nothing it has), or a link goes to a heading whose id it changes. */
  linksToHiddenCards: boolean;
  /** Images, media and frames by absolute URL the rendering kept and removed (by its site's embed policy). */
  embeds: EmbedDecision;
  /** Files next to the card (images, attachments) the HTML refers to, and their site paths. */
  assets: CardAsset[];
}

export interface CardAsset {
  /** Absolute path of the file. */
  file: string;
  /** Site path it is published at: `/_files/<path under the content folder>`. */
  sitePath: string;
}

export interface RenderOptions {
  index: CardIndex;
  /** The site the rendering is for: a link to a page it does not have becomes plain text. */
  site: SiteName;
  /** Cards a link may point to on the site being rendered; other card links become plain text. */
  isLinkable: (card: Card) => boolean;
  /** Cards the public site has; used to flag renderings the public site cannot share. */
  isPublic: (card: Card) => boolean;
  /**
   * Files the public site may copy (site/file-audience.ts): the public rendering names no other file,
   * whose path may name a page only the wiki has (`/_files/help/escalation/shot.png`). Without it, every file.
   */
  isPublicFile?: (file: string) => boolean;
  /** The content folder: asset site paths mirror their place under it. */
  contentDir: string;
  /** Remote hosts the site being rendered may load from (`sites.<site>.embeds`) and its URL. */
  embeds: EmbedPolicy;
  /** Test builds only: render the card's HTML unsanitized (to prove the CSP alone holds). */
  unsafeSkipSanitizer?: boolean;
  /**
   * The page the rendering is shown on, when it is another card's (a companion's body on the wiki
   * page of the card it accompanies): links resolve from that page's URL, and every id, the
   * references to it and the card's links to its own anchors get `idPrefix`, so no id is the page's twice.
   */
  shownOn?: { url: string; idPrefix: string };
}

/** The label of each heading's anchor link (`Link to this section: Steps`). */
export const HEADING_ANCHOR_LABEL = "Link to this section";

/** Words the rendering itself adds to a card's HTML (the anchors' label, the footnotes' heading and back links): no card's text. */
export const RENDERER_TEXT = [HEADING_ANCHOR_LABEL, "Footnotes", "Back to reference", "Back to content"];

/** ARIA attributes whose value is a list of ids in the page. */
const ID_REFERENCES = ["ariaControls", "ariaLabelledBy", "ariaDescribedBy"] as const;

const HEADINGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);

export function renderCard(card: Card, options: RenderOptions): RenderedCard {
  const { tree } = cardHtml(card, { unsafeSkipSanitizer: options.unsafeSkipSanitizer, snippet: snippetResolver(card, options), cardId: card.id });
  const embeds = options.unsafeSkipSanitizer ? { kept: [], removed: [] } : applyEmbedPolicy(tree, options.embeds);
  // Headings as this site's page shows them: without the text of a link it drops (an address of a card it lacks), nor an id made from it.
  const linkSite: LinkSite = { index: options.index, site: options.site, isLinkable: options.isLinkable };
  const publicSite: LinkSite = { index: options.index, site: "public", isLinkable: options.isPublic };
  const headingAt = new Map(shownHeadings(card, droppedLinkTexts(card, linkSite)).map((h) => [h.offset, h]));
  const pageUrl = options.shownOn?.url ?? card.url;
  const idPrefix = options.shownOn?.idPrefix ?? "";
  const headings: RenderedHeading[] = [];
  let linksToHiddenCards = false;
  const assets: CardAsset[] = [];

  // An address the page does not keep goes with its title, which is about what it named (as a dropped link keeps none).
  const dropAddress = (node: Element, key: string): void => {
    delete node.properties[key];
    delete node.properties.title;
  };
  const rewriteUrl = (node: Element, key: string): void => {
    const raw = node.properties[key];
    if (typeof raw !== "string") return;
    const target = resolveLink(card, raw, options.index);
    if (target.kind === "asset") {
      const rel = path.relative(options.contentDir, target.file).split(path.sep).join("/");
      const outside = rel.startsWith("../") || path.isAbsolute(rel);
      // A file the help center does not copy (one outside the content folder neither) is neither shown nor named there.
      if (options.isPublicFile && !options.isPublicFile(target.file)) {
        linksToHiddenCards = true;
        if (options.site === "public") {
          dropAddress(node, key);
          return;
        }
      }
      if (outside) return;
      // A document with script is never published (lint reports it as attachment-unsafe).
      if (!checkAttachment(target.file).safe) {
        delete node.properties[key];
        return;
      }
      const sitePath = `/_files/${rel}`;
      assets.push({ file: target.file, sitePath });
      node.properties[key] = `${relativeSitePath(pageUrl, path.posix.dirname(sitePath) + "/")}${encodeURIComponent(path.posix.basename(sitePath))}`;
      return;
    }
    // Core's one decision (link-text.ts): on this site, and on the public one, whose page must then be its own rendering.
    const live = isTargetLive(target, raw, linkSite);
    // Not live on one of the two sites (a page only the help center has, `/sitemap.xml`, is not live on the wiki): the public page is its own rendering.
    if (!live || !isTargetLive(target, raw, publicSite)) linksToHiddenCards = true;
    if (node.tagName !== "a") {
      // An image or media source that names a card or page shows nothing but that page's path: never rendered; nor one the site does not keep.
      if (target.kind === "card" || target.kind === "page" || !live) dropAddress(node, key);
      return;
    }
    if (!live) {
      // The link text stays, as written, unless it is the hidden page's address itself (an autolink, a bare URL).
      Object.assign(node, { type: "element", tagName: "span", properties: {}, children: isAddressText(toString(node), raw) ? [] : node.children } satisfies Element);
      return;
    }
    // A page the site has: the path the browser lands on, never the way there as written (`../escalate-zebra/../../tags/`).
    if (target.kind === "page") {
      node.properties[key] = pageLinkHref(target, pageUrl);
      return;
    }
    if (target.kind !== "card") return;
    const anchor = target.anchor && shownAnchor(target.card, target.anchor, linkSite);
    // A heading whose id the public page changes (its text names a card it lacks): the public site renders its own.
    if (target.anchor && shownAnchor(target.card, target.anchor, publicSite) !== target.anchor) linksToHiddenCards = true;
    if (target.card === card && anchor) {
      node.properties[key] = `#${idPrefix}${anchor}`;
      return;
    }
    const page = target.card.url === pageUrl ? "" : relativeSitePath(pageUrl, target.card.url);
    node.properties[key] = anchor ? `${page}#${anchor}` : page || "./";
  };

  walkElements(tree, (node) => {
    const keys = FILE_ATTRIBUTES[node.tagName];
    if (keys) for (const key of keys) rewriteUrl(node, key);
    if (idPrefix) {
      if (typeof node.properties.id === "string") node.properties.id = idPrefix + node.properties.id;
      for (const name of ID_REFERENCES) {
        const ids = node.properties[name];
        if (Array.isArray(ids)) node.properties[name] = ids.map((id) => `${idPrefix}${id}`);
      }
    }
    if (!HEADINGS.has(node.tagName)) return;
    const heading = headingAt.get(node.position?.start.offset ?? -2);
    if (!heading) return;
    const id = idPrefix + heading.id;
    headings.push({ depth: heading.depth, text: heading.text, id });
    node.properties.id = id;
    const anchor: ElementContent = {
      type: "element",
      tagName: "a",
      properties: { className: ["heading-anchor"], href: `#${id}`, ariaLabel: `${HEADING_ANCHOR_LABEL}: ${heading.text}`, dataPagefindIgnore: "" },
      children: [{ type: "text", value: "#" }],
    };
    node.children.push(anchor);
  });
  return { html: toHtml(tree), headings, linksToHiddenCards, embeds, assets };
}

/**
 * What a card's snippet includes become: the snippet rendered and sanitized like a card, its
 * relative URLs rebased to the card's folder (then rewritten below like the card's own), without
 * source positions (they are the snippet file's). Never an internal snippet in a card the public
 * site has, whatever lint said; never a snippet inside a snippet.
 */
function snippetResolver(card: Card, options: RenderOptions): SnippetResolver {
  const shown = shownSnippets(options.contentDir, options.index, options.isPublic(card));
  return (name) => {
    const snippet = shown(name);
    if (!snippet) return [];
    const { tree } = cardHtml(
      { source: snippet.source, format: "md", tree: snippet.tree },
      { unsafeSkipSanitizer: options.unsafeSkipSanitizer, snippet: () => [] },
    );
    walkElements(tree, (node) => {
      delete node.position;
      for (const key of FILE_ATTRIBUTES[node.tagName] ?? []) {
        const value = node.properties[key];
        if (typeof value === "string") node.properties[key] = rebaseSnippetUrl(value, snippet.file, card.file);
      }
    });
    return tree.children as ElementContent[];
  };
}

/** True when the public site must render the card itself instead of sharing the wiki's rendering. */
export function needsOwnPublicRendering(rendered: RenderedCard, publicPolicy: EmbedPolicy): boolean {
  const { kept, removed } = rendered.embeds;
  return rendered.linksToHiddenCards || kept.some((r) => !isAllowedResource(r, publicPolicy)) || removed.some((r) => isAllowedResource(r, publicPolicy));
}

/** Visits every element (document order, no recursion); children added by `visit` are not visited. */
function walkElements(root: Root, visit: (node: Element) => void): void {
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const children = "children" in node ? [...node.children] : [];
    if (node.type === "element") visit(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

/** `/billing/refunds/` -> `/account/seats/` = `../../account/seats/`. Both are directory URLs. */
export function relativeSitePath(from: string, to: string): string {
  const fromParts = from.split("/").filter(Boolean);
  const toParts = to.split("/").filter(Boolean);
  let common = 0;
  while (common < fromParts.length && common < toParts.length && fromParts[common] === toParts[common]) common++;
  const up = fromParts.length - common;
  const rest = toParts.slice(common).map(encodeURIComponent);
  const prefix = up === 0 ? "./" : "../".repeat(up);
  return rest.length === 0 ? prefix : `${prefix}${rest.join("/")}/`;
}
