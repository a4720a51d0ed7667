/**
 * One prose block as it is built: its text, piece by piece, with the source offset of every
 * character (runs of text copied as is, separators and masks inserted), and the block made from it.
 */
import type { Nodes } from "mdast";
import type { FileProse, ProseBlock } from "./prose.ts";
import { INLINE_TAGS, type HtmlRun } from "./html-prose.ts";

export interface Builder {
  /** Text pieces, joined at the end. */
  chars: string[];
  /** Length of the text so far. */
  length: number;
  /** Flat triples [textStart, sourceStart, length]: each run maps text to source one to one. */
  segs: number[];
  /** Flat pairs [textStart, length] of masked runs. */
  masked?: number[];
  /** Text indexes where a tight item's text was joined to the next block's ({@link ProseBlock.joins}). */
  joins?: number[];
  /** Inline blocks found while building this block; they get its scope as their parent. */
  pending?: { node: Nodes; scope: string; builder: Builder }[];
  /** Inside an inline HTML element whose text is left out (`script`, a block with a skipped class): its tag and depth (inline-html.ts). */
  skip?: { tag: string; depth: number } | undefined;
  /** The scope of the first scoped element (`li`, `td`…) opened inline since the block began or was cut (inline-html.ts). */
  scoped?: readonly string[] | undefined;
  /** An inline end tag has ended part of the block's text already: what is left is a block of its own. */
  isCut?: boolean;
  /** An inline element starts or ends here: the next text may need Vale's space ({@link spaceInline}). */
  boundary?: boolean;
  /** The last inline element started in the block, as Vale's walker names its tag (`code`, `em`, `a`…). */
  lastTag?: string;
  /** A block Vale lints as plain `text` (a paragraph not first in an item or quote): not trimmed, so clean()'s space before a first inline element's text is read. */
  lead?: boolean;
  /** The block's first text got clean()'s space, which lintScope trims (the block is not plain `text`). */
  trimmedLead?: boolean;
  /** The source offset up to which the text after a bare URL is part of goldmark's link (linkify.ts). */
  skipTo?: number | undefined;
  /** The text up to `skipTo` is read as it is, not starred: goldmark escaped the link's href, so Vale does not star its text. */
  isSkipRead?: boolean;
  /** Vale's `skip` set by a start tag and not yet used by a text token: the next text is starred (lint/ast.go lintHTMLTokens). */
  pendingSkip?: boolean;
}

const NO_MASK = new Uint8Array(0);
const NO_JOINS: readonly number[] = [];

/** One block; a class so its methods are shared, not closures made per block. */
class Block implements ProseBlock {
  scope: readonly string[];
  parent?: readonly string[];
  kind: string;
  text: string;
  masked: Uint8Array;
  joins: readonly number[];
  trimmedLead?: boolean;
  start: number;
  end: number;
  #segs: number[];
  #offsets: Int32Array | undefined;

  constructor(node: Nodes, scope: string[], text: string, builder: Builder) {
    this.scope = scope;
    this.kind = node.type;
    this.text = text;
    this.start = node.position?.start.offset ?? 0;
    this.end = node.position?.end.offset ?? this.start;
    this.#segs = builder.segs;
    this.joins = builder.joins ?? NO_JOINS;
    if (builder.trimmedLead && (scope[1] === "list" || scope[1] === "blockquote")) this.trimmedLead = true;
    const runs = builder.masked;
    if (runs && runs.length > 0) {
      this.masked = new Uint8Array(text.length);
      for (let i = 0; i < runs.length; i += 2) this.masked.fill(1, runs[i]!, runs[i]! + runs[i + 1]!);
    } else this.masked = NO_MASK;
  }

  get offsets(): Int32Array {
    if (!this.#offsets) {
      const segs = this.#segs;
      const offsets = new Int32Array(this.text.length).fill(-1);
      for (let i = 0; i < segs.length; i += 3) {
        const t = segs[i]!;
        const src = segs[i + 1]!;
        const n = segs[i + 2]!;
        if (src >= 0) for (let k = 0; k < n; k++) offsets[t + k] = src + k;
      }
      this.#offsets = offsets;
    }
    return this.#offsets;
  }

  /** Source offset of text[index], or -1 for an inserted separator. */
  #lookup(index: number): number {
    const segs = this.#segs;
    let lo = 0;
    let hi = segs.length / 3 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const textStart = segs[mid * 3]!;
      if (index < textStart) hi = mid - 1;
      else if (index >= textStart + segs[mid * 3 + 2]!) lo = mid + 1;
      else {
        const src = segs[mid * 3 + 1]!;
        return src < 0 ? -1 : src + (index - textStart);
      }
    }
    return -1;
  }

  offsetAt(index: number): number {
    for (let i = index; i < this.text.length; i++) {
      const at = this.#lookup(i);
      if (at >= 0) return at;
    }
    for (let i = Math.min(index, this.text.length) - 1; i >= 0; i--) {
      const at = this.#lookup(i);
      if (at >= 0) return at + 1;
    }
    return this.start;
  }
}

export function newBuilder(): Builder {
  return { chars: [], length: 0, segs: [] };
}

/**
 * The text gathered so far, as a builder of its own, and `builder` left empty to gather a block that
 * starts here (an inline end tag ended Vale's block, inline-html.ts): the walker's state (the last
 * tag, the skip flag, an element left out) goes on; the new block keeps clean()'s space at its start.
 */
export function takeText(builder: Builder): Builder {
  const { chars, length, segs, masked, joins, pending, lead, trimmedLead } = builder;
  const taken: Builder = { chars, length, segs, ...(masked ? { masked } : {}), ...(joins ? { joins } : {}), ...(pending ? { pending } : {}), ...(lead ? { lead } : {}), ...(trimmedLead ? { trimmedLead } : {}) };
  Object.assign(builder, { chars: [], length: 0, segs: [], masked: undefined, joins: undefined, pending: undefined, trimmedLead: undefined, lead: true, isCut: true, scoped: undefined });
  return taken;
}

/** lintScope's TrimLeft: clean()'s space at the start of a block that has a scope (not a paragraph) is taken off, and noted for the summary. */
export function trimLead(builder: Builder, scope: readonly string[]): void {
  if (!builder.lead || scope[1] === "paragraph" || builder.chars[0] !== " ") return;
  builder.chars.shift();
  builder.segs.splice(0, 3);
  for (let i = 0; i < builder.segs.length; i += 3) builder.segs[i]! -= 1;
  if (builder.masked) for (let i = 0; i < builder.masked.length; i += 2) builder.masked[i]! -= 1;
  if (builder.joins) builder.joins = builder.joins.map((at) => at - 1);
  builder.length -= 1;
  builder.trimmedLead = true;
}

export function makeBlock(node: Nodes, scope: string[], text: string, builder: Builder): ProseBlock {
  return new Block(node, scope, text, builder);
}

export function pushRun(builder: Builder, text: string, sourceStart: number): void {
  builder.chars.push(text);
  builder.segs.push(builder.length, sourceStart, text.length);
  builder.length += text.length;
}

/**
 * Appends `value` (a text node's decoded value) mapping each character to its place in
 * `source[start, end)`. Escapes and entities make the two differ; characters are matched in order.
 */
export function appendAligned(builder: Builder, value: string, source: string, start: number, end: number): void {
  if (end - start === value.length && source.startsWith(value, start)) {
    pushRun(builder, value, start);
    return;
  }
  let cursor = start;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    const found = source.indexOf(ch, cursor);
    const isInside = found >= 0 && found < end;
    pushRun(builder, ch, isInside ? found : Math.min(cursor, Math.max(start, end - 1)));
    if (isInside) cursor = found + 1;
  }
}

/**
 * A code span's text as goldmark writes it: a paragraph's continuation line loses its leading white
 * space and each line ending is a space (`` `a⏎   b` `` is `a b`), where the Markdown tree keeps both.
 */
export function codeSpanText(value: string): string {
  return value.includes("\n") ? value.replace(/\n[ \t]*/g, " ") : value;
}

/** Code spans and bare URLs: a run of `*` as long as the source span, so words stay apart. */
export function appendMasked(builder: Builder, start: number, end: number): void {
  appendMaskedText(builder, end - start, start);
}

/** `count` stars standing for text that starts at `sourceStart` (code, whose backticks are not counted). */
export function appendMaskedText(builder: Builder, count: number, sourceStart: number): void {
  if (count <= 0) return;
  (builder.masked ??= []).push(builder.length, count);
  pushRun(builder, "*".repeat(count), sourceStart);
}

/** Text Vale's clean() stars (core.Substitute): each character a `*`, line breaks kept. */
export function appendMaskedLines(builder: Builder, value: string, start: number, end: number): void {
  let at = 0;
  for (const line of value.split("\n")) {
    if (at > 0) appendSeparator(builder, "\n", Math.min(start + at - 1, end - 1));
    appendMaskedText(builder, [...line].length, Math.min(start + at, end - 1));
    at += line.length + 1;
  }
}

/** Vale's clean(): text starting with one of these, unless starred, gets no space before it. */
export const STARTERS: ReadonlySet<string> = new Set([".", "?", "!", ",", ":", ";", ")", "]", "}", "\u2014", "\u2013"]);
/** Vale's endsWithTightBoundary(): after one of these, no space is put. */
export const TIGHT: ReadonlySet<string> = new Set(["(", "[", "{", "\u2014", "\u2013"]);
const SPACE = /\s/;

/** White space as Go's strings.TrimSpace reads it (unicode.IsSpace). */
const GO_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

/** `value` without its leading white space, and where what is left starts in the source. */
export function trimStartAt(value: string, source: string, start: number): { value: string; start: number } {
  let lead = 0;
  while (lead < value.length && GO_SPACE.test(value[lead]!)) lead++;
  return { value: value.slice(lead), start: lead > 0 && source.startsWith(value, start) ? start + lead : start };
}

/**
 * Ends a block's text: white space left before an inline element that gave no text after it
 * (`# alex [![badge](…)](…)`) is the end of a text token, which Vale trims (lint/walk.go walk).
 */
export function endText(builder: Builder): void {
  // The last text token too: Go's TrimSpace takes a no-break space (`Done.&nbsp;`) the Markdown parser leaves.
  trimEndSpace(builder);
}

/** Takes the white space off the end of the text so far; the source offset of the first character taken, or -1. */
function trimEndSpace(builder: Builder): number {
  let removed = -1;
  while (builder.chars.length > 0) {
    const piece = builder.chars.at(-1)!;
    const ch = piece.at(-1);
    if (ch === undefined || !GO_SPACE.test(ch)) {
      if (ch !== undefined) break;
      builder.chars.pop();
      continue;
    }
    builder.chars[builder.chars.length - 1] = piece.slice(0, -1);
    builder.length -= 1;
    const segs = builder.segs;
    const n = segs.length;
    segs[n - 1]! -= 1;
    if (segs[n - 2]! >= 0) removed = segs[n - 2]! + segs[n - 1]!;
    if (segs[n - 1] === 0) segs.length = n - 3;
    if (piece.length === 1) builder.chars.pop();
  }
  return removed;
}

/**
 * Vale reads each text token of the HTML it renders trimmed, and clean() puts one space before the
 * text of an inline element (code, strong, a link, kbd…) and before the text after one, unless that
 * text starts with {@link STARTERS} and is not starred, or the text so far ends in {@link TIGHT}
 * (lint/ast.go lintHTMLTokens, clean, endsWithTightBoundary); after a tag that is not inline or a
 * comment, none. So the white space the source has at an element's edge is replaced by that one
 * space (mapped to where the source's was) or by nothing: `` `code` : text`` reads `***: text`.
 */
export function spaceInline(builder: Builder, next: string, isStarred: boolean): void {
  if (!builder.boundary) return;
  // White space given one character at a time waits for the next character (ignore-patterns.ts withCodeRuns).
  if (next[0] !== undefined && GO_SPACE.test(next[0])) return;
  builder.boundary = false;
  const removed = trimEndSpace(builder);
  const last = builder.chars.at(-1)?.at(-1);
  const first = next[0];
  if (first === undefined || !INLINE_TAGS.has(builder.lastTag ?? "") || (last !== undefined && TIGHT.has(last))) return;
  if (!isStarred && STARTERS.has(first)) return;
  // At the start of a block, lintScope trims clean()'s space off a heading, an item, a quote or a cell,
  // not off a paragraph: "`x` and" reads " * and" (lint/ast.go lintScope, which trims only scoped blocks).
  if (last === undefined && !builder.lead) return void (builder.trimmedLead = true);
  appendSeparator(builder, " ", removed);
}

export function appendSeparator(builder: Builder, text: string, offset: number): void {
  for (const ch of text) pushRun(builder, ch, offset < 0 ? -1 : offset);
}

/**
 * Blocks joined into one, each followed by `separator` (mapped to no source), every character keeping
 * its source offset and mask: Vale's summary (paragraphs, list items and quotes, each and a blank line).
 */
export function joinBlocks(blocks: readonly ProseBlock[], scope: string[], separator: string): ProseBlock {
  const builder = newBuilder();
  for (const block of blocks) {
    const { offsets, masked, text } = block;
    if (block.trimmedLead) appendSeparator(builder, " ", -1); // lint/ast.go lintScope writes the summary before it trims
    const base = builder.length;
    for (let i = 0; i < text.length; ) {
      let j = i + 1;
      if (offsets[i]! >= 0) while (j < text.length && offsets[j] === offsets[j - 1]! + 1) j++;
      pushRun(builder, text.slice(i, j), offsets[i]!);
      i = j;
    }
    for (let i = 0; i < masked.length; i++) if (masked[i] === 1) (builder.masked ??= []).push(base + i, 1);
    appendSeparator(builder, separator, -1);
  }
  const node = { type: "root", children: [], position: { start: { line: 1, column: 1, offset: blocks[0]?.start ?? 0 }, end: { line: 1, column: 1, offset: blocks.at(-1)?.end ?? 0 } } } as Nodes;
  return makeBlock(node, scope, builder.chars.join(""), builder);
}

/** The block with other text of the same length (each character where it was), and its masks if given. */
export function withText(block: ProseBlock, text: string, masked: Uint8Array = block.masked): ProseBlock {
  const { scope, parent, kind, start, end, trimmedLead } = block;
  return { scope, ...(parent ? { parent } : {}), ...(trimmedLead ? { trimmedLead } : {}), kind, text, masked, start, end, get offsets() { return block.offsets; }, offsetAt: (index) => block.offsetAt(index) };
}

/** An inline block (link, strong, emphasis) with the scope of the block it sits in as its parent. */
export function pushInline(node: Nodes, scope: string, builder: Builder, parent: string[], result: FileProse): void {
  const text = builder.chars.join("");
  if (text.trim() === "") return;
  const block = makeBlock(node, [scope], text, builder);
  block.parent = parent;
  result.inlineBlocks.push(block);
}

/** An `<img>` tag's alt text (`run`, placed in the tag's HTML, which starts at `start` in the source), an `attr.alt` block. */
export function pushAltRun(node: Nodes, run: HtmlRun, start: number, end: number, source: string, result: FileProse): void {
  const builder: Builder = newBuilder();
  const from = start + run.start;
  // Written as read (no character reference, no quote marker in it): one run; else found character by character.
  appendAligned(builder, run.text, source, from, source.startsWith(run.text, from) ? from + run.text.length : end);
  result.blocks.push(makeBlock(node, ["text", "attr", "alt"], run.text, builder));
}

/** An image's alt text, an `attr.alt` block placed on the alt text as written. */
export function pushAlt(node: Nodes & { alt?: string | null }, source: string, result: FileProse): void {
  const alt = node.alt ?? "";
  if (alt.trim() === "") return;
  const start = (node.position?.start.offset ?? 0) + 2;
  // The alt text ends at `](` (an image), or at the label (`][ref]`, `[]`) or final `]` of a reference image.
  const nodeEnd = node.position?.end.offset ?? start;
  const close =
    node.type === "image" ? source.indexOf("](", start) : (node as { referenceType?: string }).referenceType === "shortcut" ? nodeEnd - 1 : source.lastIndexOf("][", nodeEnd);
  const end = close < start || close > nodeEnd ? nodeEnd : close;
  const builder: Builder = newBuilder();
  appendAligned(builder, alt, source, start, end);
  result.blocks.push(makeBlock(node, ["text", "attr", "alt"], alt, builder));
}
