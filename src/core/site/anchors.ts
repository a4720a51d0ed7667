/**
 * Heading ids, computed once: lint checks `#anchor` links against these, and the sites render
 * exactly these ids (matched to their headings by source offset), so a link's anchor resolves in
 * lint exactly when it resolves in the browser.
 *
 * The text of a heading is what a reader sees in it, as the browser's `textContent` and GitHub's
 * anchors have it: the text of its inline code, emphasis and HTML elements, without image alt
 * text, the tags themselves or MDX `{expressions}` (never shown). `## Click ![the gear icon](gear.png)
 * settings` is `click--settings`.
 */
import GithubSlugger from "github-slugger";
import type { Nodes, Root } from "mdast";
import { walkTree } from "../cards/tree-walk.ts";
import { hiddenNodes } from "./hidden-text.ts";

export interface CardHeading {
  depth: number;
  text: string;
  id: string;
  line: number;
  column: number;
  /** UTF-16 offset of the heading in the file: how the rendered heading finds its id. */
  offset: number;
}

/**
 * The ids the card page itself writes around the card (layout, header search, its own sections):
 * the templates take them from here, and a heading never takes one (`## Main` is `#main-1`), so a
 * skip link, a label or a script never finds a heading instead.
 */
export const PAGE_IDS = {
  main: "main",
  headerSearch: "header-search",
  headerSearchResults: "header-search-results",
  related: "related-title",
  companion: "companion-title",
} as const;

/**
 * The prefix the sanitizer gives ids and names an author writes in HTML (GitHub's `user-content-`,
 * set as the schema's `clobberPrefix` in card-html.ts). A heading whose id would start with it, or
 * with {@link GENERATED_ID_PREFIX}, gets `section-` in front, so it never takes an author's, a
 * footnote's or a tab's id.
 */
export const AUTHOR_ID_PREFIX = "user-content-";

/**
 * What the ids of a companion's body start with on the wiki page of the card it accompanies (and
 * the links to them): the page has the card's ids already, and no heading takes an id starting
 * with {@link GENERATED_ID_PREFIX}.
 */
export const COMPANION_ID_PREFIX = "verity-companion-";

/** The prefix of ids Verity generates inside a card (tabs and their panels, `verity-tabs-help.pay-1-tab-0`). */
export const GENERATED_ID_PREFIX = "verity-";

/** Returns a function that gives each heading text of one page its unique id (`steps`, `steps-1`). */
export function createHeadingSlugger(): (text: string) => string {
  const slugger = new GithubSlugger();
  for (const id of Object.values(PAGE_IDS)) slugger.slug(id);
  return (text) => {
    const id = slugger.slug(text);
    return id.startsWith(AUTHOR_ID_PREFIX) || id.startsWith(GENERATED_ID_PREFIX) ? slugger.slug(`section-${id}`) : id;
  };
}

/** The headings the card's page shows (never one its HTML hides, see hidden-text.ts), with their ids. */
export function collectHeadings(tree: Root): CardHeading[] {
  const slug = createHeadingSlugger();
  const headings: CardHeading[] = [];
  const hidden = hiddenNodes(tree);
  walkTree(tree, (node) => {
    if (hidden.has(node)) return false;
    if (node.type !== "heading") return true;
    const text = visibleText(node, hidden).trim();
    headings.push({
      depth: node.depth,
      text,
      id: slug(text),
      line: node.position?.start.line ?? 1,
      column: node.position?.start.column ?? 1,
      offset: node.position?.start.offset ?? -1,
    });
    return true;
  });
  return headings;
}

/**
 * The card's headings as one site's page shows them: without the link text that site drops (an
 * address of a card it lacks, see link-text.ts `droppedLinkTexts`), which the headings loading took
 * still hold, and with ids made from that text, so neither the table of contents, an anchor's label
 * nor an id names the hidden card. Empty `dropped` (most cards): the loaded headings.
 */
export function shownHeadings(card: { tree: Root; headings: readonly CardHeading[] }, dropped: ReadonlySet<Nodes>): readonly CardHeading[] {
  if (dropped.size === 0) return card.headings;
  const hidden = new Set<Nodes>([...hiddenNodes(card.tree), ...dropped]);
  const shown = new Map<number, string>();
  walkTree(card.tree, (node) => {
    if (hidden.has(node)) return false;
    if (node.type === "heading") shown.set(node.position?.start.offset ?? -1, visibleText(node, hidden).trim());
    return true;
  });
  const slug = createHeadingSlugger();
  return card.headings.map((heading) => {
    const text = shown.get(heading.offset) ?? heading.text;
    return { ...heading, text, id: slug(text) };
  });
}

/** Node types whose text a reader never sees in a heading. */
const HIDDEN = new Set(["image", "imageReference", "html", "mdxTextExpression", "mdxFlowExpression", "footnoteReference"]);

/** The text a heading shows: text and inline code, inside emphasis, links and HTML or JSX elements, never `hidden` text (`<script>` content). */
function visibleText(heading: Nodes, hidden: ReadonlySet<Nodes>): string {
  let text = "";
  const stack: Nodes[] = [heading];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (HIDDEN.has(node.type) || hidden.has(node)) continue;
    if (node.type === "text" || node.type === "inlineCode") text += node.value;
    const children = "children" in node ? (node.children as Nodes[]) : [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return text;
}
