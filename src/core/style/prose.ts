/**
 * The prose of a Markdown file, as Vale sees it: one block per paragraph, heading, list item,
 * table cell, blockquote paragraph and image alt text, each with its scope and a map from every
 * character back to the source. Code (fenced, indented, inline), front matter, HTML and bare URLs
 * are not prose: code spans and URLs become `*` runs, so words around them stay apart.
 * The tree is walked once per file; every rule reads these blocks.
 */
import type { Nodes, Parent, Root } from "mdast";
import { closesBlock, extractHtmlBlocks, isCommentsOnly, KEEPS_SKIP, unescapeAgain, unescapedAt, walkerSettings } from "./html-prose.ts";
import { placeHtml } from "./html-placement.ts";
import { imageAlt, isTextDeclaration, openedScope, pieceScope, readInlineTag } from "./inline-html.ts";
import { blockChildren } from "./jsx-phrasing.ts";
import { appendLinkedUrl, definitionUrls, isBrokenLink, isUnlinkedUrl, skipLinked } from "./linkify.ts";
import { summaryMetrics } from "./summary.ts";
import { collectComments, collectMdxComment } from "./prose-comments.ts";
import { appendBacklinks, appendReference, collectFootnotes } from "./footnotes.ts";
import { appendAligned, appendMasked, appendMaskedLines, appendMaskedText, appendSeparator, codeSpanText, endText, makeBlock, newBuilder, pushAlt, pushAltRun, pushInline, spaceInline, takeText, trimLead, trimStartAt, type Builder } from "./prose-block.ts";
import { glueBetween, isTightList, joinCarry, type Carry } from "./tight-lists.ts";
import { MAX_NESTING } from "../lint/rules/markdown-too-deep.ts";

export interface ProseBlock {
  /** Scope sections of the block, e.g. `text heading h2`, `text list`, `text table cell`, `link`. */
  scope: readonly string[];
  /** For inline blocks (link, strong, emphasis): the scope of the block they sit in, plus their own. */
  parent?: readonly string[];
  /** Node type the block comes from (`paragraph`, `heading`, `tableCell`, `image`, `link`, …). */
  kind: string;
  text: string;
  /** Source offset (UTF-16, BOM stripped) of each character of `text`; `-1` for inserted separators. */
  offsets: Int32Array;
  /** 1 where `text` holds a `*` standing for code or a URL. */
  masked: Uint8Array;
  /**
   * Indexes of `text` where Vale's walker joined a tight list item's text to the next block's
   * (tight-lists.ts): `- item two` and its nested `- nested a` read as `item twonested a`. Vale's rules
   * read the joined text as Vale does; a reader of sentences (the built-in rules) starts one there.
   */
  joins?: readonly number[];
  /** An item's or a quote's text that starts with clean()'s space, which Vale's summary keeps and lintScope trims off the block. */
  trimmedLead?: boolean;
  /** Source offset of `text[index]`; for `index === text.length`, the offset after the last character. */
  offsetAt(index: number): number;
  /** Source range of the node. */
  start: number;
  end: number;
}

/** A comment in the body (`<!-- … -->`) with its source offset, for directives. */
export interface ProseComment {
  text: string;
  offset: number;
}

export interface FileProse {
  blocks: ProseBlock[];
  /** Inline scopes (`link`, `strong`, `emphasis`): Vale lints their text a second time on its own. */
  inlineBlocks: ProseBlock[];
  comments: ProseComment[];
  /** Number of each scope for `metric` rules: heading.h1…h6, list, paragraph, blockquote, table.cell… */
  metrics: Map<string, number>;
  /** True when the tree nests deeper than MAX_NESTING (markdown-too-deep.ts): the text below that depth was not read. */
  isTooDeep?: boolean;
  /** Blocks inside a block quote, whatever their scope (`SkippedScopes = blockquote` leaves them all out, as Vale does). */
  quoted: WeakSet<ProseBlock>;
}

export interface ProseOptions {
  /** Inline scopes whose text is not prose (Vale's IgnoredScopes): `strong`, `emphasis`, … */
  ignoredScopes?: readonly string[];
  /** HTML classes whose elements are not prose (Vale's IgnoredClasses). */
  ignoredClasses?: readonly string[];
  /** HTML tags whose text is not linted (Vale's SkippedScopes). */
  skippedScopes?: readonly string[];
  /** Count words, sentences and characters for `metric` rules (skipped when no rule needs them). */
  withTextMetrics?: boolean;
  /** Count syllables too (and complex and polysyllabic words): readability rules and formulas that use them. */
  withSyllables?: boolean;
  /**
   * True when the source range `[start, end)` overlaps a TokenIgnores match. Vale writes such a
   * match as inline code before it parses the file, so a link one of whose brackets it covers is no
   * link: its markup is text, which the match then masks (ignore-patterns.ts).
   */
  isTokenIgnored?: (start: number, end: number) => boolean;
}

const INLINE_SCOPES: Record<string, string> = { link: "link", strong: "strong", emphasis: "emphasis", delete: "emphasis" };

/** Splits a parsed file into prose blocks. `source` is the text the tree was parsed from. */
export function extractProse(tree: Root, source: string, options: ProseOptions = {}): FileProse {
  const result: FileProse = { blocks: [], inlineBlocks: [], comments: [], metrics: new Map(), quoted: new WeakSet() };
  /**
   * Vale's tag history (lint/walk.go): the scoped containers (`li`, `blockquote`) opened since the
   * last block-level end tag. A block takes the first of them as its scope, else it is a paragraph;
   * every block-level end tag (`</p>`, `</li>`, `</blockquote>`, `</pre>`, a cell's, a heading's)
   * empties it. So only the first block of a list item or quote is `list` or `blockquote`: a second
   * paragraph in an item is a paragraph (and split into sentences), a quote in an item is a
   * `blockquote`, and the first cell of a table in an item is `list`. An HTML block that starts a
   * scoped element and leaves it open (`<td>` before Markdown) adds its scope (`table.cell`).
   */
  let opened: string[] = [];
  let quoteDepth = 0;
  /** List items and quotes around the block (a paragraph in one is not counted as `paragraph`). */
  let containerDepth = 0;
  const scopeOf = (own: string[]): string[] => (opened.length > 0 ? openedScope(opened) : own);
  const ignored = new Set(options.ignoredScopes ?? []);
  const isIgnoredInline = (type: string) =>
    type === "strong" ? ignored.has("strong") || ignored.has("b") : type === "emphasis" ? ignored.has("emphasis") || ignored.has("em") || ignored.has("i") : false;
  const isIgnoredLink = ignored.has("a");
  // Vale (lint/ast.go): the inline tags whose text is masked are IgnoredScopes when it is set, else tt, code and kbd.
  const inlineHtml = walkerSettings(options);
  const { skipClasses, skippedTags, maskedTags: skippedInlineTags } = inlineHtml;
  /** The paragraph, heading or cell being read, and its own scope: an inline end tag lints its text so far as a block (inline-html.ts). */
  let reading: { node: Nodes; own: string[] } | undefined;
  let definitions: Map<string, string> | undefined;
  /** Vale's skip flag left set between blocks: by a code block or front matter, until a start tag (html-prose.ts maskFirst). */
  let skipLeft = false;
  /** An element Vale leaves out (`<figure>`) that an HTML block opened and left open: later blocks are not read until it ends. */
  let openSkip: { tag: string; depth: number } | undefined;
  const cut = (at: { node: Nodes; own: string[] }, builder: Builder) => {
    endText(builder);
    const scope = pieceScope(builder, at.own, opened);
    const taken = takeText(builder);
    trimLead(taken, scope);
    flush(at.node, scope, taken);
    opened = [];
  };
  /** Reads a paragraph's, heading's or cell's inline content, and lints what the last inline end tag left, if one ended part of it. */
  const readInline = (node: Nodes, own: string[], builder: Builder): string[] => {
    reading = { node, own };
    builder.skip = openSkip;
    for (const child of (node as Parent).children) collectInline(child as Nodes, builder, []);
    openSkip = builder.skip;
    reading = undefined;
    endText(builder);
    const scope = pieceScope(builder, own, opened);
    trimLead(builder, scope);
    return scope;
  };
  const count = (name: string) => result.metrics.set(name, (result.metrics.get(name) ?? 0) + 1);
  const footnotes = collectFootnotes(tree);
  let backlink: { node: Nodes | undefined; refs: number } | undefined; // a footnote's last paragraph, and its references

  let carry: Carry | undefined; // a tight item's text, which starts the next block (tight-lists.ts)
  const [carried, itemText] = [new WeakSet<Nodes>(), new WeakMap<Nodes, boolean>()]; // itemText: is the item its list's first
  const withoutP = new WeakSet<Nodes>(); // a tight item's paragraphs, which goldmark writes with no <p>
  const flushCarry = () => carry && flush(carry.node, scopeOf(["text", "paragraph"]), newBuilder());
  const flush = (node: Nodes, scope: string[], builder: Builder) => {
    if (carry) ({ node, builder } = joinCarry(carry, glueBetween(carry, node, builder, itemText.has(node)), node, builder));
    carry = undefined;
    const text = builder.chars.join("");
    if (text.trim() === "") return;
    // Vale counts a block under the scope its walker gives it (lint/ast.go lintScope).
    if (scope[1] === "list" || scope[1] === "blockquote") count(scope[1]);
    const firstInline = result.inlineBlocks.length;
    for (const inline of builder.pending ?? []) pushInline(inline.node, inline.scope, inline.builder, [...scope, inline.scope], result);
    const block = makeBlock(node, scope, text, builder);
    if (quoteDepth > 0) for (const quoted of [block, ...result.inlineBlocks.slice(firstInline)]) result.quoted.add(quoted);
    result.blocks.push(block);
  };

  const inlineEnds = new Set<number>();
  const collectInline = (node: Nodes, builder: Builder, inline: Builder[], depth = 0) => {
    if (depth > MAX_NESTING) {
      result.isTooDeep = true;
      return;
    }
    if (node.type !== "text" && node.position?.end.offset !== undefined) inlineEnds.add(node.position.end.offset); // where goldmark tries Linkify again
    if (builder.skip && node.type !== "html") {
      // Inside an element Vale leaves out (inline-html.ts): only its tags are read, for where it ends, and its images' alt text.
      if (node.type === "image" || node.type === "imageReference") pushAlt(node, source, result);
      else if ("children" in node) for (const child of (node as Parent).children) collectInline(child as Nodes, builder, inline, depth + 1);
      return;
    }
    switch (node.type) {
      case "text": { // inside an element Vale leaves out (inline-html.ts)
        // Vale reads each text token trimmed (lint/walk.go walk): the space at an element's edge is clean()'s.
        const at = skipLinked(builder, node.value, source, node.position?.start.offset ?? 0); // the `)` of `(see https://x.y/z).` is goldmark's link
        // A block's first token too: a no-break space (`&nbsp; Lead`) is white space to Go's TrimSpace, not to the Markdown parser.
        const { value, start } = unescapedAt(builder.boundary || builder.length === 0 ? trimStartAt(at.value, source, at.start) : at);
        if (value === "") return;
        // Vale's skip flag, left set by a start tag whose own text was empty (`` ` ` ``), stars this text.
        const isStarred = builder.pendingSkip === true;
        builder.pendingSkip = false;
        spaceInline(builder, value, isStarred);
        if (isStarred) return appendMaskedLines(builder, value.replace(/[\t\n\v\f\r \u0085\u00a0]+$/, ""), start, node.position?.end.offset ?? 0);
        appendAligned(builder, value, source, start, node.position?.end.offset ?? 0);
        for (const b of inline) appendAligned(b, value, source, start, node.position?.end.offset ?? 0);
        return;
      }
      case "inlineCode":
      case "inlineMath": {
        // A tag SkippedScopes names is left out whole, even inline: Vale's walker reads no text until its end
        // tag, and the tag leaves its inline flag as it was, so the texts around meet as clean() spaces them.
        if (node.type === "inlineCode" && skippedTags.has("code")) return void (builder.boundary = true);
        builder.lastTag = "code";
        const start = node.position?.start.offset ?? 0;
        const end = node.position?.end.offset ?? start;
        const isRead = node.type === "inlineCode" && !skippedInlineTags.has("code");
        builder.boundary = true;
        // White space alone is no text token once trimmed: Vale's skip stays set for the next text (lint/ast.go lintHTMLTokens).
        const token = unescapeAgain(trimStartAt(codeSpanText(node.value), "", 0).value); // Vale's text token, trimmed: clean() spaces it
        builder.pendingSkip = token === "" && !isRead;
        if (token === "") return;
        spaceInline(builder, token, !isRead);
        builder.boundary = true;
        // Vale masks <code> only when it is a skipped tag: always by default, and with IgnoredScopes set
        // only when the list names `code`.
        if (isRead) {
          const at = source.indexOf(node.value, start) + node.value.length - token.length;
          const read = token.replace(/[\t\n\v\f\r \u0085\u00a0]+$/, "");
          if (at >= start && at + read.length <= end) {
            appendAligned(builder, read, source, at, at + read.length);
            for (const b of inline) appendAligned(b, read, source, at, at + read.length);
            return;
          }
        }
        // Vale's clean() stars the code's text token, trimmed, not its backticks: `abc` reads as ***, `x: ` as **.
        const { value: kept, start: from } = trimStartAt(node.value, source, source.indexOf(node.value, start));
        appendMaskedText(builder, [...unescapeAgain(codeSpanText(kept).replace(/[\t\n\v\f\r \u0085\u00a0]+$/, ""))].length, from >= start && from < end ? from : start);
        return;
      }
      case "break":
        builder.lastTag = "br";
        builder.pendingSkip = false;
        appendSeparator(builder, "\n", node.position?.start.offset ?? -1);
        builder.boundary = true;
        return;
      case "html": {
        if (isTextDeclaration(node.value)) return collectInline({ type: "text", value: node.value, ...(node.position ? { position: node.position } : {}) }, builder, inline, depth);
        const offset = node.position?.start.offset ?? 0;
        collectComments(node.value, (i) => offset + i, result.comments);
        if (readInlineTag(node.value, builder, inlineHtml) && reading) cut(reading, builder);
        const alt = imageAlt(node.value); // Vale lints an <img>'s alt whatever the token (lint/ast.go lintTags)
        if (alt) pushAltRun(node, alt, offset, node.position?.end.offset ?? offset + node.value.length, source, result);
        return;
      }
      case "image":
      case "imageReference": {
        builder.lastTag = "img";
        builder.pendingSkip = false;
        // Vale reads the HTML: a reference image is an <img> like any other, its alt text linted.
        pushAlt(node, source, result);
        builder.boundary = true;
        return;
      }
      case "linkReference":
      case "link": {
        if (isUnlinkedUrl(node, source, inlineEnds.has(node.position?.start.offset ?? -1))) {
          for (const child of (node as Parent).children) collectInline(child as Nodes, builder, inline, depth + 1);
          return;
        }
        builder.lastTag = "a";
        builder.pendingSkip = false;
        if (isBrokenLink(node, options.isTokenIgnored)) {
          // Vale's TokenIgnores rewrite left no link here: `[`, the text and `](…)` are all text.
          const first = node.children[0]!.position!.start.offset!;
          const last = node.children.at(-1)!.position!.end.offset!;
          const start = node.position!.start.offset!;
          appendAligned(builder, source.slice(start, first), source, start, first);
          for (const b of inline) appendAligned(b, source.slice(start, first), source, start, first);
          for (const child of node.children) collectInline(child, builder, inline, depth + 1);
          appendAligned(builder, source.slice(last, node.position!.end.offset!), source, last, node.position!.end.offset!);
          for (const b of inline) appendAligned(b, source.slice(last, node.position!.end.offset!), source, last, node.position!.end.offset!);
          return;
        }
        // IgnoredScopes naming `a` (Vale's tag for links): the link text is masked, as Vale's clean() does.
        builder.boundary = true;
        if (isIgnoredLink && node.children.length > 0) {
          spaceInline(builder, "*", true);
          appendMasked(builder, node.children[0]!.position?.start.offset ?? 0, node.children.at(-1)!.position?.end.offset ?? 0);
          builder.boundary = true;
          return;
        }
        if (node.type === "linkReference") {
          // Its text is its URL (`[https://x.y][x]`): starred, as an inline link's (the definitions are looked up only then).
          const only = node.children.length === 1 && node.children[0]!.type === "text" ? node.children[0]! : undefined;
          const isHref = only !== undefined && /[:/.]/.test(only.value) && only.value === (definitions ??= definitionUrls(tree)).get(node.identifier);
          if (isHref && appendLinkedUrl(builder, only, only.value, source) !== false) return;
          for (const child of node.children) collectInline(child as Nodes, builder, inline, depth + 1);
          builder.boundary = true;
          return;
        }
        const childText = node.children.map((c) => ("value" in c ? c.value : "")).join("");
        // The URL's text, starred as Vale stars a link whose text is its href, to where goldmark's Linkify ends it (linkify.ts).
        const linked = node.children.length === 1 && node.children[0]!.type === "text" && childText === node.url && appendLinkedUrl(builder, node.children[0]!, childText, source);
        if (linked !== false) return void (builder.skipTo = linked);
        const own: Builder = newBuilder();
        for (const child of node.children) collectInline(child, builder, [...inline, own], depth + 1);
        (builder.pending ??= []).push({ node, scope: "link", builder: own });
        builder.boundary = true;
        return;
      }
      case "strong":
      case "emphasis":
      case "delete": {
        builder.boundary = true;
        // Vale's walker reads an <em> that follows a <code> in the same block (the last tag it started)
        // as code, and masks it: "`x` and *this*" (lint/ast.go, errata-ai/vale#421); so is the next <em>.
        const isCodeToVale = node.type === "emphasis" && builder.lastTag === "code";
        builder.lastTag = isCodeToVale ? "code" : node.type === "strong" ? "strong" : node.type === "emphasis" ? "em" : "del";
        // As code, it sets Vale's skip, which stars its first text only (clean() clears the flag).
        builder.pendingSkip = isCodeToVale && skippedInlineTags.has("code");
        if (isIgnoredInline(node.type)) {
          // Its text, not the `**` around it.
          const first = node.children[0] ?? node;
          const last = node.children.at(-1) ?? node;
          spaceInline(builder, "*", true);
          appendMasked(builder, first.position?.start.offset ?? 0, last.position?.end.offset ?? 0);
          builder.boundary = true;
          return;
        }
        const own: Builder = newBuilder();
        for (const child of node.children) collectInline(child, builder, [...inline, own], depth + 1);
        (builder.pending ??= []).push({ node, scope: INLINE_SCOPES[node.type]!, builder: own });
        builder.boundary = true;
        return;
      }
      case "footnoteReference":
        builder.lastTag = "a"; // <sup><a>N</a></sup>
        builder.pendingSkip = false;
        appendReference(builder, footnotes.numberOf(node.identifier));
        return;
      case "mdxTextExpression" as Nodes["type"]:
        collectMdxComment(node, result.comments);
        return;
      default:
        if ("children" in node) for (const child of (node as Parent).children) collectInline(child as Nodes, builder, inline, depth + 1);
    }
  };

  const walkBlock = (node: Nodes, depth = 0) => {
    if (depth > MAX_NESTING) {
      result.isTooDeep = true;
      return;
    }
    const isSkipLeft = skipLeft;
    if (!KEEPS_SKIP.has(node.type) && !withoutP.has(node)) skipLeft = false; // the block starts with a start tag (`<p>`, `<h2>`, `<hr>`…)
    switch (node.type) {
      case "yaml":
      case "toml" as Nodes["type"]:
      case "code":
      case "math" as Nodes["type"]:
        flushCarry();
        opened = []; // </pre>
        skipLeft = skippedInlineTags.has("code"); // the code's text is never read, so <code> leaves Vale's skip set
        return;
      case "definition":
      case "footnoteDefinition": // read at the end, as goldmark writes it (below)
      case "thematicBreak":
      case "mdxjsEsm" as Nodes["type"]:
        return;
      case "mdxFlowExpression" as Nodes["type"]:
        collectMdxComment(node, result.comments);
        return;
      case "html": {
        if (!isCommentsOnly(node.value)) flushCarry(); // a tight item's text goes on past a comment
        const html = extractHtmlBlocks(node.value, { skipClasses, skippedTags, maskedTags: skippedInlineTags, maskFirst: isSkipLeft, skipping: openSkip, ...(opened.length > 0 ? { outerScope: openedScope(opened) } : {}) });
        [skipLeft, openSkip] = [html.maskLeft, html.skipping];
        const placed = placeHtml(node, source, html.blocks, html.alts, result.comments);
        for (const { block, builder } of placed.blocks) {
          if (block.scope.includes("blockquote") && skippedTags.has("blockquote")) continue;
          if (html.isOpenEnd && block === html.blocks.at(-1)) carry = { node, builder }; // no end tag after it: the next block's start
          else flush(node, block.scope, builder);
        }
        result.blocks.push(...placed.alts);
        if (closesBlock(node.value)) opened = [];
        if (html.openScope) opened.push(html.openScope.slice(1).join("."));
        return;
      }
      case "heading": {
        count(`heading.h${node.depth}`);
        count("heading");
        const builder: Builder = newBuilder();
        flush(node, readInline(node, scopeOf(["text", "heading", `h${node.depth}`]), builder), builder);
        opened = [];
        return;
      }
      case "paragraph": {
        const builder: Builder = newBuilder();
        // Vale's `text` block (no item, quote or cell around it) keeps clean()'s leading space; a tight item's text is the item's.
        builder.lead = !carry && !carried.has(node) && scopeOf(["text", "paragraph"])[1] === "paragraph";
        // No <p> after a code block in a tight item: the skip flag its <code> left stars the first text, which clean() spaces.
        if (isSkipLeft && withoutP.has(node)) [builder.pendingSkip, builder.boundary, builder.lastTag, skipLeft] = [true, true, "code", false];
        const scope = readInline(node, ["text", "paragraph"], builder);
        if (backlink?.node === node) appendBacklinks(builder, backlink.refs);
        if (containerDepth === 0) count("paragraph");
        if (carried.has(node)) {
          // No </p> in a tight item: Vale's walker goes on gathering text into the next block.
          carry = { ...(carry ? joinCarry(carry, glueBetween(carry, node, builder, itemText.has(node)), node, builder) : { node, builder }), isFirstItem: itemText.get(node) === true };
          return;
        }
        flush(node, scope, builder);
        opened = [];
        return;
      }
      case "list": {
        const isTight = isTightList(node);
        for (const [index, item] of node.children.entries()) {
          const first = item.children[0];
          skipLeft = false; // <li>
          if (isTight) for (const child of item.children) if (child.type === "paragraph") withoutP.add(child);
          if (isTight && first?.type === "paragraph") {
            if (item.children.length > 1) carried.add(first);
            itemText.set(first, index === 0);
          }
          opened.push("list");
          containerDepth++;
          for (const child of item.children) walkBlock(child, depth + 1);
          containerDepth--;
          flushCarry();
          opened = []; // </li>
        }
        return;
      }
      case "blockquote":
        if (skippedTags.has("blockquote")) flushCarry(); // Vale skips the quote, not the text it holds from before
        opened.push("blockquote");
        quoteDepth++;
        containerDepth++;
        for (const child of node.children) walkBlock(child, depth + 1);
        containerDepth--;
        quoteDepth--;
        opened = [];
        return;
      case "table":
        node.children.forEach((row, rowIndex) => {
          // goldmark's parseRow keeps as many cells as the delimiter row has: the rest of a row is dropped.
          for (const cell of row.children.slice(0, node.align?.length ?? row.children.length)) {
            const kind = rowIndex === 0 ? "header" : "cell";
            count(`table.${kind}`);
            const builder: Builder = newBuilder();
            flush(cell, readInline(cell, ["text", "table", kind], builder), builder);
            opened = [];
          }
        });
        return;
      default:
        if ("children" in node) for (const child of blockChildren(node as Parent)) walkBlock(child, depth + 1);
    }
  };

  for (const child of tree.children) walkBlock(child);
  for (const { node, refs } of footnotes.ordered) {
    const last = node.children.at(-1);
    backlink = { node: last?.type === "paragraph" ? last : undefined, refs };
    walkBlock({ type: "list", ordered: true, spread: true, children: [{ type: "listItem", children: node.children }] });
  }
  if (options.withTextMetrics !== false) for (const [name, value] of summaryMetrics(result.blocks, options.withSyllables !== false)) result.metrics.set(name, value);
  return result;
}
