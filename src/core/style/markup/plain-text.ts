/**
 * Files with no markup, read as Vale reads them (lint/lint.go): a `.txt` file is prose (lintTxt): its
 * text, cut into paragraphs at blank lines when a rule reads `paragraph` and into sentences when one
 * reads `sentence` (nlp/provider.go doNLP), scoped `paragraph.txt`, `sentence.txt` and `text.txt`.
 * A file of a format Vale does not know (`.json`, a file with no extension) is one block, scoped
 * `text.<ext>`, and nothing else (lintLines). Every character is where the file writes it.
 */
import type { Nodes } from "mdast";
import type { FileProse, ProseBlock } from "../prose.ts";
import { makeBlock, newBuilder, pushRun } from "../prose-block.ts";
import { segmentSentences } from "../sentences.ts";
import { subBlock, type NlpTasks } from "../sub-blocks.ts";
import type { MarkupPage } from "./markup-prose.ts";

/** The extension Vale reads as plain text (core/format.go). */
export const TEXT_EXTENSIONS: ReadonlySet<string> = new Set(["txt"]);

/**
 * The most paragraphs a `.txt` file may have: Vale's split (strings.SplitAfter at "\n\n") makes a block
 * of every blank-line break, a few hundred bytes each here, so megabytes of blank lines would use
 * gigabytes. A real text of this many paragraphs runs to several megabytes.
 */
export const MAX_TEXT_PARAGRAPHS = 250_000;

/** Whether `source` has more than MAX_TEXT_PARAGRAPHS paragraphs, as Vale's split counts them. */
export function hasTooManyParagraphs(source: string): boolean {
  let count = 1;
  for (let at = source.indexOf("\n\n"); at >= 0; at = source.indexOf("\n\n", at + 2)) {
    if (++count > MAX_TEXT_PARAGRAPHS) return true;
  }
  return false;
}

/** A file read without markup: `txt` as prose, any other `format` (the file's extension) as one block. */
export function plainPage(format: string): MarkupPage {
  return { html: "", format, isSource: true, verbatim: [], plain: true };
}

/** The blocks of a file read without markup, in the order Vale lints them. */
export function plainTextProse(source: string, format: string, tasks: NlpTasks): FileProse {
  const builder = newBuilder();
  pushRun(builder, source, 0);
  const node = { type: "text", value: "", position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: source.length } } } as Nodes;
  const scoped = (section: string) => (format === "" ? [section] : [section, format]);
  const whole = makeBlock(node, scoped("text"), source, builder);
  const blocks: ProseBlock[] = [];
  if (TEXT_EXTENSIONS.has(format)) {
    if (tasks.splitting) {
      let from = 0;
      for (let at = source.indexOf("\n\n"); from < source.length; at = source.indexOf("\n\n", from)) {
        const to = at < 0 ? source.length : at + 2;
        blocks.push(subBlock(whole, from, to, scoped("paragraph")));
        from = to;
      }
    }
    if (tasks.segmentation) {
      for (const { start, end } of segmentSentences(source)) if (end > start) blocks.push(subBlock(whole, start, end, scoped("sentence")));
    }
  }
  blocks.push(whole);
  return { blocks, inlineBlocks: [], comments: [], metrics: new Map(), quoted: new WeakSet() };
}
