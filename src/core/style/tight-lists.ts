/**
 * Tight list items as Vale's walker reads them. goldmark writes the text of a tight item without a
 * <p>, and Vale's walker (lint/ast.go) lints the text it has gathered at the next end tag of a block
 * element: so a tight item's text followed by a nested list, a quote, a heading or a table is not a
 * block of its own but the start of that next block's text. Text directly in a nested item's <li> is
 * put after it with a space (walk.go isNestedList); text in a <p>, a quote, a heading or a cell with
 * none (`a` and a loose nested item `b` read as `ab`, as in Vale).
 */
import type { List, Nodes } from "mdast";
import { appendSeparator, newBuilder, pushRun, type Builder } from "./prose-block.ts";

/** A list whose items' paragraphs goldmark writes without <p> (CommonMark's tight list). */
export function isTightList(list: List): boolean {
  return list.spread !== true && !list.children.some((item) => item.spread === true);
}

/** The text Vale's walker holds from a tight item, and the node it starts at. */
export interface Carry {
  node: Nodes;
  builder: Builder;
}

/** `carry`'s text, then `glue`, then `next`'s, each character where it was, as one block's builder and node. */
export function joinCarry(carry: Carry, glue: string, node: Nodes, next: Builder): { node: Nodes; builder: Builder } {
  const builder = newBuilder();
  for (const part of [carry.builder, next]) {
    if (part === next && builder.length > 0 && next.length > 0) appendSeparator(builder, glue, -1);
    const base = builder.length;
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
