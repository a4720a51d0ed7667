/** Blocks cut from a prose block (its sentences, a piece between ignored ranges), mapped to the same source. */
import type { ProseBlock } from "./prose.ts";
import { segmentSentences, type SentenceSpan } from "./sentences.ts";

const spansOfBlock = new WeakMap<ProseBlock, readonly SentenceSpan[]>();

/** A block's sentences as Vale splits them, split once per block for every rule that reads them. */
export function sentenceSpans(block: ProseBlock): readonly SentenceSpan[] {
  let spans = spansOfBlock.get(block);
  if (!spans) spansOfBlock.set(block, (spans = segmentSentences(block.text)));
  return spans;
}

/** The sentences of a block as blocks of their own (scope `sentence`), mapped to the same source. */
export function sentenceBlocks(block: ProseBlock): ProseBlock[] {
  return sentenceSpans(block).map(({ start, end }) => subBlock(block, start, end, ["sentence"]));
}

/** `block.text[from, to)` as a block of its own with `scope`, mapped to the same source. */
export function subBlock(block: ProseBlock, from: number, to: number, scope: readonly string[], kind = block.kind): ProseBlock {
  const text = block.text.slice(from, to);
  let offsets: Int32Array | undefined;
  return {
    scope,
    parent: scope,
    kind,
    text,
    get offsets() {
      return (offsets ??= block.offsets.slice(from, to));
    },
    masked: block.masked.length === 0 ? block.masked : block.masked.slice(from, to),
    offsetAt: (index) => block.offsetAt(from + index),
    start: block.offsetAt(from),
    end: block.offsetAt(to),
  };
}
