/** Blocks cut from a prose block (its sentences, a piece between ignored ranges), mapped to the same source. */
import type { ProseBlock } from "./prose.ts";
import type { StyleSet } from "./rule-loader.ts";
import { segmentSentences, type SentenceSpan } from "./sentences.ts";

const spansOfBlock = new WeakMap<ProseBlock, readonly SentenceSpan[]>();

/** A block's sentences as Vale splits them, split once per block for every rule that reads them. */
export function sentenceSpans(block: ProseBlock): readonly SentenceSpan[] {
  let spans = spansOfBlock.get(block);
  if (!spans) spansOfBlock.set(block, (spans = segmentSentences(block.text)));
  return spans;
}

/**
 * The sentences of a paragraph as blocks of their own, mapped to the same source. Vale scopes them
 * `sentence.text.<ext>` (nlp/provider.go doNLP), so rules with the default `text` scope run on them too.
 */
export function sentenceBlocks(block: ProseBlock): ProseBlock[] {
  return sentenceSpans(block).map(({ start, end }) => subBlock(block, start, end, SENTENCE));
}

const SENTENCE: readonly string[] = ["sentence", "text"];

export interface NlpTasks {
  /** Paragraphs are split into sentence blocks: a loaded rule has `scope: sentence` (or is a sequence rule). */
  segmentation: boolean;
  /** Paragraphs are linted as `paragraph` pieces before their sentences: a loaded rule has `scope: paragraph`. */
  splitting: boolean;
}

const tasksOfStyles = new WeakMap<StyleSet, NlpTasks>();

/**
 * What Vale's Manager asks of every file (check/manager.go AssignNLP, HasScope): it looks at the
 * scopes of every rule loaded from the config's styles, whether or not the rule is on for the file.
 */
export function nlpTasks(styles: StyleSet): NlpTasks {
  let tasks = tasksOfStyles.get(styles);
  if (tasks) return tasks;
  tasks = { segmentation: styles.scopeBases.has("sentence"), splitting: styles.scopeBases.has("paragraph") };
  tasksOfStyles.set(styles, tasks);
  return tasks;
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
