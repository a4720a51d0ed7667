/**
 * A raw HTML block's prose (html-prose.ts) placed in the Markdown source: each run of each block, and
 * each `<img>` alt text, mapped to where it is written, and the block's comments (directives) found.
 * In a list item or a quote, the node's value lacks the indentation or `>` of each line after the
 * first; its characters are then found in the source in order, so a comment's directive holds from
 * where it is written, as the text around it does.
 */
import type { Nodes } from "mdast";
import { sourceIndexOf, type HtmlBlock, type HtmlRun } from "./html-prose.ts";
import { appendAligned, appendMaskedLines, appendSeparator, makeBlock, newBuilder, type Builder } from "./prose-block.ts";
import type { ProseBlock, ProseComment } from "./prose.ts";
import { collectComments } from "./prose-comments.ts";

export interface PlacedHtml {
  /** Each block of the HTML with its text built on the source, in order. */
  blocks: { block: HtmlBlock; builder: Builder }[];
  /** The `attr.alt` blocks of its images. */
  alts: ProseBlock[];
}

export function placeHtml(node: Nodes & { value: string }, source: string, blocks: readonly HtmlBlock[], alts: readonly HtmlRun[], comments: ProseComment[]): PlacedHtml {
  const offset = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? offset + node.value.length;
  const isVerbatim = source.startsWith(node.value, offset);
  const commentAligner = { index: 0, cursor: offset };
  collectComments(node.value, isVerbatim ? (i) => offset + i : (i) => sourceIndexOf(node.value, i, source, commentAligner, end), comments);
  /** Where the HTML string's [at, at + length) is in the source. */
  const sourceRange = (at: number, length: number, aligner: { index: number; cursor: number }): [number, number] => {
    if (isVerbatim) return [offset + at, offset + at + length];
    const from = sourceIndexOf(node.value, at, source, aligner, end);
    return [from, length === 0 ? from : sourceIndexOf(node.value, at + length - 1, source, aligner, end) + 1];
  };
  const aligner = { index: 0, cursor: offset };
  const placed = blocks.map((block) => {
    const builder = newBuilder();
    if (block.trimmedLead) builder.trimmedLead = true;
    for (const run of block.runs) {
      if (run.start < 0) appendSeparator(builder, run.text, -1);
      else if (run.masked) appendMaskedLines(builder, run.text, ...sourceRange(run.start, run.length, aligner));
      else appendAligned(builder, run.text, source, ...sourceRange(run.start, run.length, aligner));
    }
    return { block, builder };
  });
  const altAligner = { index: 0, cursor: offset };
  const altBlocks = alts.map((alt) => {
    const builder = newBuilder();
    appendAligned(builder, alt.text, source, ...sourceRange(alt.start, alt.length, altAligner));
    return makeBlock(node, ["text", "attr", "alt"], alt.text, builder);
  });
  return { blocks: placed, alts: altBlocks };
}
