/**
 * Vale's summary of a file: the text of its paragraphs, list items and block quotes (not headings,
 * tables or alt text), which `scope: summary` rules read and `metric` and `readability` rules measure.
 */
import type { ProseBlock } from "./prose.ts";
import { paragraphStatistics, textStatistics } from "./readability.ts";
import { sentenceSpans } from "./sub-blocks.ts";

/** True for the blocks Vale's summary is made of: paragraphs, list items and block quotes. */
export function isSummaryPart(block: ProseBlock): boolean {
  return block.scope[0] === "text" && (block.scope[1] === "paragraph" || block.scope[1] === "list" || block.scope[1] === "blockquote");
}

/**
 * Vale's text variables for `metric` and `readability` rules, over the summary of `blocks`: the
 * summary parts' text, separated by blank lines, measured by {@link textStatistics}. `paragraphs` is
 * Vale's count less one.
 */
export function summaryMetrics(blocks: readonly ProseBlock[], withSyllables: boolean): Map<string, number> {
  const parts = blocks.filter(isSummaryPart);
  // The summary is the blocks' text, each followed by a blank line, cut again at blank lines: when no
  // block holds a blank line or ends with a line break, the paragraphs are the blocks themselves (and an
  // empty one after the last), and each block's sentences are the ones split for every rule that reads it.
  const isBlockPerParagraph = parts.every((b) => !b.text.includes("\n\n") && !b.text.endsWith("\n"));
  const stats = isBlockPerParagraph
    ? paragraphStatistics([...parts.map((b) => ({ text: b.text, sentences: sentenceSpans(b) })), { text: "", sentences: [] }], withSyllables)
    : textStatistics(parts.map((b) => `${b.text}\n\n`).join(""), withSyllables);
  return new Map([
    ["words", stats.words],
    ["sentences", stats.sentences],
    ["characters", stats.characters],
    ["long_words", stats.longWords],
    ["syllables", stats.syllables],
    ["complex_words", stats.complexWords],
    ["polysyllabic_words", stats.polysyllabicWords],
    ["paragraphs", stats.paragraphs - 1],
  ]);
}
