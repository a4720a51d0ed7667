/**
 * The prose of a raw HTML block in a Markdown file, as Vale's HTML walker reads it (lint/ast.go):
 * the text of an element is one block up to the end tag of a block-level element, inline elements
 * (`a`, `code`, `em`, `strong`, `span`…) staying inside it, so `<dd>The <a>YAML</a>-based rules</dd>`
 * is the one block "The YAML -based rules". Its scope is that of the first scoped element opened
 * since the last block ended: `<td>` `table.cell`, `<th>` `table.header`, `<caption>`
 * `table.caption`, `<li>` `list`, `<blockquote>` `blockquote`, `<figcaption>` `figure.caption`,
 * `<h1>`… `heading`, else the scope given (the Markdown container the block sits in) or
 * `paragraph`. Text is read trimmed and with its character references decoded; the text of a
 * skipped inline tag (`code`, `tt`, `kbd`) and a link's text equal to its `href` are `*` runs;
 * `script`, `style`, `pre` and elements with an ignored class are left out. An `<img>`'s `alt`
 * is a block of its own (`attr.alt`). Unlike Vale 3.7, and like later Vale (#791), a block-level
 * start tag ends the block before it, so an element's own text does not run into its first child's.
 */
import { decodeHTML } from "entities";
import { STARTERS, TIGHT } from "./prose-block.ts";

/** Markdown blocks that write no start tag before text (or nothing at all): Vale's skip flag is left as it was. */
export const KEEPS_SKIP: ReadonlySet<string> = new Set(["yaml", "toml", "code", "math", "html", "definition", "footnoteDefinition", "mdxjsEsm", "mdxFlowExpression"]);

/** A run of a block's text: `start` is its offset in the HTML string, `-1` for a space put between runs. */
export interface HtmlRun {
  text: string;
  start: number;
  /** Length of the HTML the run was read from (character references make it differ from `text`). */
  length: number;
  /** A `*` run standing for code (or a link's URL text). */
  masked?: boolean;
}

export interface HtmlBlock {
  scope: string[];
  runs: HtmlRun[];
  /** An item's or a quote's first text got clean()'s space, which lintScope trims off (Vale's summary keeps it). */
  trimmedLead?: boolean;
}

export interface HtmlOptions {
  /** Classes whose elements are not prose (Vale's skipClasses and IgnoredClasses). */
  skipClasses: ReadonlySet<string>;
  /** Tags whose text is left out (Vale's SkippedScopes). */
  skippedTags: ReadonlySet<string>;
  /** Inline tags whose text is masked (Vale's IgnoredScopes, by default `tt`, `code`, `kbd`). */
  maskedTags: ReadonlySet<string>;
  /** Scope of text that no scoped element encloses (the Markdown list item or quote around the HTML). */
  outerScope?: string[];
  /** Vale's skip flag is set as the HTML starts (a code block before it left it: its text is never read): the first text is starred unless a start tag comes first. */
  maskFirst?: boolean;
  /** The HTML is docutils' (a reStructuredText file): text after a `<span>` in a `<tt>` is code (see {@link isRstCode}). */
  rst?: boolean;
  /** An element left out (`<figure>`, `<pre>`) that an earlier block opened and did not close: its text goes on being left out. */
  skipping?: { tag: string; depth: number } | undefined;
}

/** Vale's skipClasses (lint/ast.go): rst2html's processing errors and code spans. */
const SKIP_CLASSES = ["problematic", "pre", "code"];

/**
 * The walker's settings from .vale.ini (lint/ast.go): the classes left out (skipClasses and
 * IgnoredClasses), the tags left out (SkippedScopes) and the inline tags starred (IgnoredScopes
 * when it is set, else `tt`, `code` and `kbd`).
 */
export function walkerSettings(config: { ignoredScopes?: readonly string[] | undefined; ignoredClasses?: readonly string[] | undefined; skippedScopes?: readonly string[] | undefined }): Pick<HtmlOptions, "skipClasses" | "skippedTags" | "maskedTags"> {
  const ignored = config.ignoredScopes ?? [];
  return {
    skipClasses: new Set([...SKIP_CLASSES, ...(config.ignoredClasses ?? [])]),
    skippedTags: new Set(config.skippedScopes ?? []),
    maskedTags: new Set(ignored.length > 0 ? ignored : ["tt", "code", "kbd"]),
  };
}

/** Vale's inlineTags (lint/ast.go): an HTML tag of these starts or ends inline text, which clean() spaces. */
export const INLINE_TAGS = new Set(["b", "big", "i", "small", "abbr", "acronym", "cite", "dfn", "em", "kbd", "strong", "a", "br", "img", "span", "sub", "sup", "code", "tt", "del"]);

/**
 * Vale's second unescape of a text token (lint/walk.go walk: html.UnescapeString of the token x/net/html
 * has already unescaped, trimmed): text whose first reading holds an entity (`&amp;lt;` written, `\&copy;`,
 * `&nbsp` with no semicolon, `?a=1&region=us`) is that entity's character. `entities`' decodeHTML reads
 * them as Go's html.UnescapeString does, legacy names without `;` included.
 */
export function unescapeAgain(text: string): string {
  return text.includes("&") ? decodeHTML(text) : text;
}

/** {@link unescapeAgain} of a text and where it starts in the source. */
export function unescapedAt(at: { value: string; start: number }): { value: string; start: number } {
  return at.value.includes("&") ? { value: decodeHTML(at.value), start: at.start } : at;
}

/** A raw HTML block that closes a block-level element (any but Vale's inline tags) ends Vale's tag history. */
export function closesBlock(html: string): boolean {
  for (const match of html.matchAll(/<\/([A-Za-z][\w-]*)/g)) if (!INLINE_TAGS.has(match[1]!.toLowerCase())) return true;
  return false;
}

/** Left out with everything inside them (Vale's skipTags, and SVG and MathML, which hold no prose). */
export const SKIP_TAGS: ReadonlySet<string> = new Set(["script", "style", "pre", "figure", "noscript", "iframe", "svg", "math"]);
/** Elements with no content: never open, so never closed. */
export const VOID_TAGS: ReadonlySet<string> = new Set(["br", "img", "hr", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr"]);
const TAG_NAME = /[A-Za-z][\w-]*/y;

interface HtmlToken {
  /** The token as written, and its offset. */
  text: string;
  at: number;
  /** For a tag: its name as written, whether it is an end tag, and its attribute text. */
  name?: string;
  isEnd?: boolean;
  attrs?: string;
}

/**
 * The comments, tags and text of `html`, in one pass: a tag ends at the first `>` outside quotes, and a
 * comment or tag left open at the end (an unclosed quote) takes the rest of the string, as the HTML
 * tokenizer reads it, so no `<` is scanned to the end twice.
 */
function* tokenize(html: string): Generator<HtmlToken> {
  let at = 0;
  while (at < html.length) {
    const lt = nextMarkup(html, at);
    if (lt !== at) {
      const end = lt < 0 ? html.length : lt;
      yield { text: html.slice(at, end), at };
      at = end;
      continue;
    }
    if (html.startsWith("<!--", at)) {
      const close = html.indexOf("-->", at + 4);
      if (close < 0) return;
      yield { text: html.slice(at, close + 3), at };
      at = close + 3;
      continue;
    }
    if (html[at + 1] === "!" || html[at + 1] === "?") {
      // `<!DOCTYPE html>`, `<![CDATA[…]]>`, `<?xml …?>`: a doctype or a bogus comment to the tokenizer, never text.
      const close = html.indexOf(">", at + 2);
      if (close < 0) return;
      yield { text: html.slice(at, close + 1), at };
      at = close + 1;
      continue;
    }
    const isEnd = html[at + 1] === "/";
    TAG_NAME.lastIndex = at + (isEnd ? 2 : 1);
    const name = TAG_NAME.exec(html)?.[0];
    if (name === undefined) {
      yield { text: "<", at };
      at++;
      continue;
    }
    let i = TAG_NAME.lastIndex;
    for (let quote = ""; i < html.length; i++) {
      const ch = html[i]!;
      if (quote !== "") {
        if (ch === quote) quote = "";
      } else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === ">") break;
    }
    if (i >= html.length) return;
    yield { text: html.slice(at, i + 1), at, name, isEnd, attrs: html.slice(TAG_NAME.lastIndex, i) };
    at = i + 1;
    const raw = name.toLowerCase();
    if (!isEnd && RAW_TEXT.has(raw)) {
      // Text to its end tag, whatever it holds (`<textarea><b>x</b></textarea>`, `if (a<b)` in a script), as x/net/html reads it.
      const end = raw === "plaintext" ? html.length : endTagOf(html, raw, at);
      if (end > at) yield { text: html.slice(at, end), at };
      at = end;
    }
  }
}

/** The elements whose content x/net/html's tokenizer reads as one text (its raw and RCDATA tags). */
const RAW_TEXT = new Set(["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"]);

/** Where the end tag of the raw-text element `name` starts, from `from` on (the end of `html` when there is none). */
function endTagOf(html: string, name: string, from: number): number {
  for (let lt = html.indexOf("</", from); lt >= 0; lt = html.indexOf("</", lt + 2)) {
    if (html.slice(lt + 2, lt + 2 + name.length).toLowerCase() === name && /^[\s/>]/.test(html[lt + 2 + name.length] ?? ">")) return lt;
  }
  return html.length;
}

/** True for HTML that is comments and white space only: Vale's walker ends no block at a comment (lint/ast.go lintHTMLTokens). */
export function isCommentsOnly(html: string): boolean {
  let at = 0;
  for (;;) {
    const open = html.indexOf("<!--", at);
    if (html.slice(at, open < 0 ? undefined : open).trim() !== "") return false;
    if (open < 0) return true;
    const close = html.indexOf("-->", open + 4);
    if (close < 0) return false;
    at = close + 3;
  }
}

/** The next `<` that starts a tag, a comment or a declaration; x/net/html reads any other (`a < b`, `{{< x >}}`) as text. */
function nextMarkup(html: string, from: number): number {
  let lt = html.indexOf("<", from);
  while (lt >= 0 && !/[A-Za-z/!?]/.test(html[lt + 1] ?? "")) lt = html.indexOf("<", lt + 1);
  return lt;
}

/** The scope Vale gives a block from an element opened since the last block ended (lint/ast.go tagToScope, headings). */
export function tagScope(tag: string): string[] | undefined {
  if (tag === "td") return ["text", "table", "cell"];
  if (tag === "th") return ["text", "table", "header"];
  if (tag === "caption") return ["text", "table", "caption"];
  if (tag === "li") return ["text", "list"];
  if (tag === "blockquote") return ["text", "blockquote"];
  if (tag === "figcaption") return ["text", "figure", "caption"];
  if (/^h[1-6]$/.test(tag)) return ["text", "heading", tag];
  return undefined;
}

/** The value of attribute `name` in a start tag's attribute text, with its offset in that text (undecoded). */
const ATTRIBUTES = new Map(["class", "href", "alt"].map((name) => [name, new RegExp(String.raw`(?:^|\s)${name}\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>\x60]+))`, "i")]));

export function attribute(attrs: string, name: "class" | "href" | "alt"): { value: string; at: number } | undefined {
  const match = ATTRIBUTES.get(name)!.exec(attrs);
  if (!match) return undefined;
  const value = match[1] ?? match[2] ?? match[3] ?? "";
  return { value, at: match.index + match[0].length - value.length - (match[3] === undefined ? 1 : 0) };
}

/**
 * `isOpenEnd`: the last block's text comes after the last end tag of a block element (`<!-- x --> Text`,
 * `</section>\n{{< /x >}}`), so Vale's walker, which lints at such an end tag only, goes on gathering it
 * into the next block (lint/ast.go lintHTMLTokens). `openScope`: the scope of the first scoped element
 * (`<td>`, `<li>`…) started after the last end tag of a block element, which Vale's tag history carries
 * into the blocks after the HTML until such an end tag (Markdown inside an HTML table's `<td>` is a cell).
 */
export function extractHtmlBlocks(
  html: string,
  options: HtmlOptions,
): { blocks: HtmlBlock[]; alts: HtmlRun[]; isOpenEnd: boolean; maskLeft: boolean; skipping: { tag: string; depth: number } | undefined; openScope: string[] | undefined } {
  const blocks: HtmlBlock[] = [];
  const alts: HtmlRun[] = [];
  let runs: HtmlRun[] = [];
  /** Tags started since the last block ended (Vale's tagHistory). */
  let history: string[] = [];
  let isFirst = true;
  /** Inside a left-out element: its tag and how deep in it we are. */
  let skipping = options.skipping ? { ...options.skipping } : undefined;
  /** The next text is masked: it follows a masked inline tag or an inline tag with an ignored class. */
  let maskNext = options.maskFirst === true;
  let href = "";
  /**
   * Vale's `inline`: the last start tag was an inline one (end tags and `<x/>` leave it), so the next
   * text gets clean()'s space; the source's white space between tokens is trimmed off them, so it is
   * this flag alone that puts a space between two texts (`chunk <br/> module` reads `chunkmodule`).
   */
  let isInlineText = false;
  /** The block's first text got clean()'s space, which a block Vale lints as plain `text` keeps. */
  let lead = false;

  /** Ends a block; Vale's walker empties its tag history at an end tag only (a start tag keeps `<td><p>` a cell). */
  const flush = (atEnd = true) => {
    if (runs.some((r) => r.text.trim() !== "")) {
      const scoped = history.map(tagScope).find((s) => s !== undefined);
      const scope = scoped ?? (isFirst && options.outerScope ? options.outerScope : ["text", "paragraph"]);
      if (lead && scope[1] === "paragraph") runs.unshift({ text: " ", start: -1, length: 0 });
      blocks.push({ scope, runs, ...(lead && scope[1] !== "paragraph" ? { trimmedLead: true } : {}) });
      isFirst = false;
    }
    runs = [];
    if (atEnd) history = [];
    lead = false;
  };

  for (const { text: token, at, name, isEnd, attrs = "" } of tokenize(html)) {
    if (token.startsWith("<!") || token.startsWith("<?")) continue; // a comment, a doctype: only text and tags are read
    const tag = name?.toLowerCase();
    if (tag !== undefined) {
      if (!isEnd && !token.endsWith("/>")) isInlineText = INLINE_TAGS.has(tag);
      if (tag === "img" && !isEnd) {
        // Vale lints an <img>'s alt at its token, inside an element it leaves out or not (lint/ast.go lintTags).
        const alt = attribute(attrs, "alt");
        // The attributes start after `<img`.
        if (alt && alt.value.trim() !== "") alts.push({ text: decodeHTML(alt.value), start: at + 1 + name!.length + alt.at, length: alt.value.length });
      }
      if (skipping) {
        if (tag === skipping.tag && !VOID_TAGS.has(tag) && !token.endsWith("/>")) skipping.depth += isEnd ? -1 : 1;
        if (skipping.depth === 0) skipping = undefined;
        // Vale lints the text so far at every end tag of an element that is not inline, its own text left out or not.
        if (isEnd && !INLINE_TAGS.has(tag)) flush();
        continue;
      }
      const isInline = INLINE_TAGS.has(tag);
      if (isEnd) {
        if (!isInline) flush();
        continue;
      }
      const classes = attribute(attrs, "class")?.value.split(/\s+/) ?? [];
      const hasSkipClass = classes.some((c) => options.skipClasses.has(c));
      // `<br/>` is no start tag to x/net/html but a self-closing one, which Vale's walker does nothing with.
      if (token.endsWith("/>")) continue;
      if (VOID_TAGS.has(tag)) {
        maskNext = options.maskedTags.has(tag);
        continue;
      }
      if (SKIP_TAGS.has(tag) || options.skippedTags.has(tag) || (hasSkipClass && !isInline)) {
        skipping = { tag, depth: 1 };
        continue;
      }
      if (isInline) {
        maskNext = options.maskedTags.has(tag) || hasSkipClass;
        href = tag === "a" ? decodeHTML(attribute(attrs, "href")?.value ?? "") : "";
      } else maskNext = options.maskedTags.has(tag); // every start tag sets Vale's skip anew
      history.push(tag);
      continue;
    }
    if (skipping || token === "<") continue;
    const trimmed = token.trim();
    if (trimmed === "") continue;
    const start = at + token.indexOf(trimmed);
    const text = unescapeAgain(decodeHTML(trimmed));
    const skip = maskNext || (options.rst === true && isRstCode(history));
    const masked = skip || (href !== "" && text === href);
    const isStarter = STARTERS.has(text[0]!) && !skip; // clean()'s starter: a link whose text is its href is starred after
    maskNext = false;
    href = "";
    if (runs.length === 0) lead = isInlineText && !isStarter;
    else {
      const last = runs.at(-1)!.text.at(-1)!;
      // clean() alone decides, the source's white space trimmed off every token: `code</span> .pong` reads `code.pong`.
      const isSpaced = isInlineText && (masked || !STARTERS.has(text[0]!)) && !TIGHT.has(last);
      if (isSpaced) runs.push({ text: " ", start: -1, length: 0 });
    }
    // Starred text keeps its line breaks, as Vale's core.Substitute does.
    runs.push(masked ? { text: text.replace(/[^\n]/gu, "*"), start, length: trimmed.length, masked: true } : { text, start, length: trimmed.length });
  }
  const closed = blocks.length;
  const openScope = history.map(tagScope).find((s) => s !== undefined);
  flush();
  return { blocks, alts, isOpenEnd: openScope === undefined && blocks.length > closed, maskLeft: maskNext, skipping, openScope };
}

/**
 * Vale's shouldBeSkipped (lint/ast.go, #140): docutils writes an inline literal with spaces in it as a
 * `<tt>` holding `<span class="pre">` words, so in a reStructuredText file a text is code when the last
 * tags started, `<span>`s aside, are a `<tt>` and at least one `<span>`, as Vale's tag history has it
 * (which also stars the text after such a `</tt>`, up to the next other start tag).
 */
function isRstCode(history: readonly string[]): boolean {
  for (let i = history.length - 1; i >= 0; i--) if (history[i] !== "span") return history[i] === "tt" && i + 1 !== history.length;
  return false;
}

/**
 * Where `value[index]` is written in `source[…, end)`, for a node value that is the source less some
 * characters (a list item's indentation, a quote's `>`): the value's characters are found in order,
 * going on from `aligner` (the last value index found and the source index after it), so the pieces
 * of one node, asked in order, cost one pass over it.
 */
export function sourceIndexOf(value: string, index: number, source: string, aligner: { index: number; cursor: number }, end: number): number {
  for (; aligner.index < value.length; aligner.index++) {
    const found = source.indexOf(value[aligner.index]!, aligner.cursor);
    if (found < 0 || found >= end) {
      // Not in the source as written: stop aligning this node (every later piece gets the cursor).
      aligner.index = value.length;
      break;
    }
    if (aligner.index === index) return found;
    aligner.cursor = found + 1;
  }
  return Math.min(aligner.cursor, end);
}
