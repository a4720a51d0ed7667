/**
 * Tight list items as Vale's walker reads them. goldmark writes the text of a tight item without a
 * <p>, and Vale's walker (lint/ast.go) lints the text it has gathered at the next end tag of a block
 * element: so a tight item's text followed by a nested list, a quote, a heading or a table is not a
 * block of its own but the start of that next block's text. Text directly in a nested item's <li> is
 * put after it with a space (walk.go isNestedList); text in a <p>, a quote, a heading or a cell with
 * none (`a` and a loose nested item `b` read as `ab`, as in Vale).
 */
import type { List, Nodes } from "mdast";
import { INLINE_TAGS } from "./html-prose.ts";
import { appendSeparator, newBuilder, pushRun, STARTERS, TIGHT, type Builder } from "./prose-block.ts";

/** A list whose items' paragraphs goldmark writes without <p> (CommonMark's tight list). */
export function isTightList(list: List): boolean {
  return list.spread !== true && !list.children.some((item) => item.spread === true);
}

/** The text Vale's walker holds from a tight item, the node it starts at, and whether that item is its list's first. */
export interface Carry {
  node: Nodes;
  builder: Builder;
  isFirstItem?: boolean;
}

/** Inline nodes goldmark writes as an inline tag (lint/ast.go inlineTags): text in one gets clean()'s space. */
const INLINE_NODES = new Set(["link", "linkReference", "emphasis", "strong", "delete", "inlineCode", "inlineMath", "image", "imageReference", "break", "footnoteReference"]);

/**
 * What Vale's walker puts between the carried text and the next block's (lint/ast.go): clean() puts a
 * space before text in an inline element (not before unmasked text starting with `.` `,` `:` `)` …),
 * and isNestedList one before text directly in a nested <li> when the tag before the nested list is
 * the parent's <li>: the parent is its list's first item (so the list's <ul> is in the walker's tag
 * history, which each </li> empties) and its text started no inline element. None after `(` `[` `{`
 * `—` `–` (endsWithTightBoundary).
 */
export function glueBetween(carry: Carry, node: Nodes, next: Builder, isItemText: boolean): string {
  const last = carry.builder.chars.at(-1)?.at(-1);
  if (last !== undefined && TIGHT.has(last)) return "";
  const first = "children" in node ? node.children[0] : undefined;
  const tag = first?.type === "html" ? /^<([A-Za-z][\w-]*)/.exec(first.value)?.[1]?.toLowerCase() : undefined;
  if (first && (INLINE_NODES.has(first.type) || (tag !== undefined && INLINE_TAGS.has(tag)))) {
    const start = next.chars.find((c) => c !== "")?.[0];
    return start !== undefined && STARTERS.has(start) && next.masked?.[0] !== 0 ? "" : " ";
  }
  return isItemText && carry.isFirstItem === true && carry.builder.lastTag === undefined ? " " : "";
}

/** `carry`'s text, then `glue`, then `next`'s, each character where it was, as one block's builder and node. */
export function joinCarry(carry: Carry, glue: string, node: Nodes, next: Builder): { node: Nodes; builder: Builder } {
  const builder = newBuilder();
  if (carry.builder.trimmedLead) builder.trimmedLead = true;
  for (const part of [carry.builder, next]) {
    if (part === next && builder.length > 0 && next.length > 0) {
      appendSeparator(builder, glue, -1);
      (builder.joins ??= []).push(builder.length);
    }
    const base = builder.length;
    for (const at of part.joins ?? []) (builder.joins ??= []).push(base + at);
    const { segs } = part;
    const text = part.chars.join("");
    for (let i = 0; i < segs.length; i += 3) pushRun(builder, text.slice(segs[i]!, segs[i]! + segs[i + 2]!), segs[i + 1]!);
    for (let i = 0; i < (part.masked?.length ?? 0); i += 2) (builder.masked ??= []).push(base + part.masked![i]!, part.masked![i + 1]!);
    if (part.pending) (builder.pending ??= []).push(...part.pending);
  }
  if (next.lastTag !== undefined) builder.lastTag = next.lastTag;
  const start = carry.node.position?.start;
  const end = node.position?.end ?? carry.node.position?.end;
  const joined = { ...carry.node, ...(start && end ? { position: { start, end } } : {}) } as Nodes;
  return { node: joined, builder };
}
