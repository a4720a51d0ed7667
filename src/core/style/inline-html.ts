/**
 * An HTML tag written inside a paragraph, heading or table cell (an inline `html` node: `<b>`,
 * `</p>`, `<li>`), as Vale's walker reads its token (lint/ast.go lintHTMLTokens over goldmark's HTML):
 *
 * - the end tag of an element that is not inline (`</p>`, `</li>`, `</div>`, `</Foo>`) lints the text
 *   gathered so far as one block, and empties the tag history: the text after it is a new block;
 * - a block takes the scope of the first scoped element in the history (`<td>`, `<li>`, `<h2>`…), so
 *   the first block keeps its cell's, item's or heading's scope, and a later one is a paragraph
 *   unless a scoped element opens in it ({@link pieceScope});
 * - a start tag sets Vale's skip flag for the next text only (clean() clears it): a skipped tag
 *   (`code`, `tt`, `kbd`, or an `em` or `b` right after a `code`) or an inline element with a skipped
 *   class stars the first text after it, not the text of an element inside it;
 * - `script`, `style`, `pre` and the like (Vale's skipTags and SkippedScopes) and elements with a
 *   skipped class that are not inline leave their text out, up to their end tag;
 * - a self-closing tag (`<Badge />`) is no start tag to x/net/html: it changes nothing but ends the text.
 */
import { decodeHTML } from "entities";
import { attribute, INLINE_TAGS, SKIP_TAGS, tagScope, VOID_TAGS, type HtmlRun } from "./html-prose.ts";
import type { Builder } from "./prose-block.ts";

export interface InlineHtmlOptions {
  /** Classes whose elements are not prose (Vale's skipClasses and IgnoredClasses). */
  skipClasses: ReadonlySet<string>;
  /** Tags whose text is left out (Vale's SkippedScopes). */
  skippedTags: ReadonlySet<string>;
  /** Inline tags whose first text is starred (Vale's IgnoredScopes, by default `tt`, `code`, `kbd`). */
  maskedTags: ReadonlySet<string>;
}

const TAG = /^<(\/?)([A-Za-z][\w-]*)/;

/**
 * goldmark v1.5.6, the reader Vale 3.7 builds with, reads `<!` as an inline declaration only before an
 * upper-case letter (parser/raw_html.go, CommonMark 0.29): `<!channel>` and `<!here>` are text to Vale,
 * where CommonMark's later parsers read any letter.
 */
export function isTextDeclaration(html: string): boolean {
  return /^<![a-z]/.test(html);
}
const SELF_CLOSING = /\/\s*>\s*$/;

/**
 * Reads the tag of an inline HTML node into the block's state; true when it ends the block there.
 * A comment or declaration changes nothing (directives are read apart).
 */
export function readInlineTag(html: string, builder: Builder, options: InlineHtmlOptions): boolean {
  const match = TAG.exec(html);
  if (!match) {
    // A comment, processing instruction or declaration is a token of its own to x/net/html: the text
    // before it and the text after it are trimmed apart, and clean() alone spaces them ("A <!-- c --> here" reads "Ahere").
    if (/^<[!?]/.test(html)) builder.boundary = true;
    return false;
  }
  builder.boundary = true; // a tag ends Vale's text token
  const isEnd = match[1] === "/";
  let tag = match[2]!.toLowerCase();
  const isSelfClosing = !isEnd && SELF_CLOSING.test(html);
  const skip = builder.skip;
  if (skip) {
    if (tag === skip.tag && !isSelfClosing) skip.depth += isEnd ? -1 : 1;
    if (skip.depth === 0) builder.skip = undefined;
    return isEnd && !INLINE_TAGS.has(tag);
  }
  if (isEnd) return !INLINE_TAGS.has(tag);
  if (isSelfClosing) return false;
  const isInline = INLINE_TAGS.has(tag);
  const classes = attribute(html.slice(match[0].length), "class")?.value.split(/\s+/) ?? [];
  const hasSkipClass = classes.some((c) => options.skipClasses.has(c));
  if (SKIP_TAGS.has(tag) || options.skippedTags.has(tag) || (hasSkipClass && !isInline)) {
    if (!VOID_TAGS.has(tag)) builder.skip = { tag, depth: 1 };
    return false;
  }
  // Vale's walker reads an <em> or <b> started right after a <code> as code (errata-ai/vale#421).
  if ((tag === "em" || tag === "b") && builder.lastTag === "code") tag = "code";
  builder.lastTag = tag;
  builder.pendingSkip = options.maskedTags.has(tag) || hasSkipClass;
  builder.scoped ??= tagScope(tag);
  return false;
}

const PARAGRAPH: readonly string[] = ["text", "paragraph"];

/** The scope of the first container in Vale's tag history (`opened`: `list`, `blockquote`, `table.cell`…). */
export function openedScope(opened: readonly string[]): string[] {
  return ["text", ...opened[0]!.split(".")];
}

/**
 * The scope of the block an end tag (or the block's own end) lints: before any inline end tag, the
 * first Markdown container around it (`opened`), else the block's own scope when it has one (a cell,
 * a heading), else the first scoped element opened inline; after one, that element's, else paragraph.
 */
export function pieceScope(builder: Builder, own: readonly string[], opened: readonly string[]): string[] {
  if (builder.isCut) return [...(builder.scoped ?? PARAGRAPH)];
  if (opened.length > 0) return openedScope(opened);
  return [...(own[1] !== "paragraph" ? own : (builder.scoped ?? own))];
}

/** The alt text of an `<img>` start or self-closing tag, with where its value is in `html` (undecoded). */
export function imageAlt(html: string): HtmlRun | undefined {
  const match = TAG.exec(html);
  if (!match || match[1] === "/" || match[2]!.toLowerCase() !== "img") return undefined;
  const alt = attribute(html.slice(match[0].length), "alt");
  if (!alt || alt.value.trim() === "") return undefined;
  return { text: decodeHTML(alt.value), start: match[0].length + alt.at, length: alt.value.length };
}

