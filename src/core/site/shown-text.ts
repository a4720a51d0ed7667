/**
 * The text a card's page shows, as the rules that guard what customers read see it
 * (`address-audience`, `internal-wording`): one decision of what is published as text, so that a
 * place one rule reads is never a place the other misses.
 *
 * From the tree: text (link text included), inline code, code blocks and their info strings, alt text, link, image and
 * definition titles (tooltips), raw HTML's text and attribute values (character references decoded;
 * comments and URL attributes left out), and MDX elements' and components' literal props (a
 * callout's title, a tab's label). Not link targets (href, src, ...: the link rules decide those,
 * and the render unlinks a hidden one), HTML comments or the frontmatter block. From the
 * frontmatter: the fields the sites and assistants show (page title, meta description, tag pages,
 * search, feed, llms.txt).
 */
import { decodeHTML } from "entities";
import type { Nodes, Root } from "mdast";
import type { Card } from "../cards/load.ts";
import { countBelow } from "../arrays.ts";
import { walkTree } from "../cards/tree-walk.ts";
import { isUrlAttribute } from "./link-extract.ts";
import { literalProps } from "./mdx-components.ts";

export type ShownKind = "text" | "inline code" | "code" | "alt" | "title" | "html" | "prop";

/** A piece of shown text and where it starts in the file. */
export interface ShownText {
  text: string;
  kind: ShownKind;
  line: number;
  column: number;
  /**
   * True when an offset in `text` does not map to a place in the file (a title, a prop, decoded
   * HTML): a finding in it is reported at `line`:`column`.
   */
  atStart: boolean;
}

/** The pieces of each tree, read once for both rules (kept only as long as the tree is). */
const read = new WeakMap<Root, readonly ShownText[]>();

/** Every piece of text a tree's page shows, in document order. */
export function shownTexts(tree: Root): readonly ShownText[] {
  let shown = read.get(tree);
  if (!shown) read.set(tree, (shown = collect(tree)));
  return shown;
}

function collect(tree: Root): ShownText[] {
  const shown: ShownText[] = [];
  walkTree(tree as Nodes, (node) => {
    if (node.type === "yaml") return false;
    if (!node.position) return;
    const { line, column } = node.position.start;
    const at = (text: string, kind: ShownKind) => shown.push({ text, kind, line, column, atStart: true });
    if ((node.type === "link" || node.type === "image" || node.type === "definition") && node.title) at(node.title, "title");
    const type = node.type as string;
    if (type === "html") {
      // The page shows character references decoded (`&#47;` is a slash): then a finding is reported at the node.
      const html = shownHtml((node as { value: string }).value);
      const decoded = decodeHTML(html);
      shown.push({ text: decoded, kind: "html", line, column, atStart: decoded !== html });
    }
    if (type === "mdxJsxFlowElement" || type === "mdxJsxTextElement") {
      const props = literalProps((node as unknown as { attributes: Parameters<typeof literalProps>[0] }).attributes);
      for (const [name, value] of Object.entries(props)) if (!isUrlAttribute(name)) at(value, "prop");
    }
    // Where the text starts: a code block's on the line after its fence, alt text after `![`, inline code after its backtick.
    if (node.type === "text") shown.push({ text: node.value, kind: "text", line, column, atStart: false });
    else if (node.type === "inlineCode") shown.push({ text: node.value, kind: "inline code", line, column: column + 1, atStart: false });
    else if (node.type === "code") {
      // Its info string (```sh title): the language is the code element's class on the page, and the Markdown copy keeps it all.
      const info = [node.lang, node.meta].filter(Boolean).join(" ");
      if (info) at(info, "code");
      shown.push({ text: node.value, kind: "code", line: line + 1, column: 1, atStart: false });
    }
    else if (node.type === "image" && node.alt) shown.push({ text: node.alt, kind: "alt", line, column: column + 2, atStart: false });
  });
  return shown;
}

/** The frontmatter fields a card's pages show, by key: title, description, tags and keywords. */
export function shownFields(card: Pick<Card, "data">): [key: "title" | "description" | "tags" | "keywords", values: readonly string[]][] {
  return [
    ["title", [card.data.title]],
    ["description", card.data.description === undefined ? [] : [card.data.description]],
    ["tags", card.data.tags ?? []],
    ["keywords", card.data.keywords ?? []],
  ];
}

/** The line breaks of each shown text placed in: a text with many matches is read once, not once per match. */
const lineBreaksOf = new WeakMap<object, number[]>();

/** Where a match at `index` of a shown text is in the file. */
export function placeIn(shown: Pick<ShownText, "text" | "line" | "column" | "atStart">, index: number): { line: number; column: number } {
  if (shown.atStart) return { line: shown.line, column: shown.column };
  let breaks = lineBreaksOf.get(shown);
  if (!breaks) {
    breaks = [];
    for (let i = shown.text.indexOf("\n"); i >= 0; i = shown.text.indexOf("\n", i + 1)) breaks.push(i);
    lineBreaksOf.set(shown, breaks);
  }
  // The line breaks before the match: how many, and where the last one is.
  const lo = countBelow(breaks, index);
  return { line: shown.line + lo, column: lo === 0 ? shown.column + index : index - breaks[lo - 1]! };
}

/** A URL attribute with its value, as raw HTML writes it (`href="..."`, `src=x`). */
const HTML_URL_ATTRIBUTE = /(\s)([\w:-]+)(\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))/g;

/** Raw HTML with comments and URL attribute values blanked out (same length, lines kept): what it shows as text or tooltips. */
function shownHtml(html: string): string {
  const blank = (text: string) => text.replace(/[^\n]/g, " ");
  return html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, blank)
    .replace(HTML_URL_ATTRIBUTE, (whole, space: string, name: string, value: string) => (isUrlAttribute(name) ? `${space}${name}${blank(value)}` : whole));
}
