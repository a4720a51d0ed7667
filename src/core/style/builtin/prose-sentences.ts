/**
 * Sentences as the built-in style-guide rules read them: from the same prose blocks as the Vale
 * rules (prose.ts: one walk of the parsed tree per file), cut by the same sentence splitter (Vale's
 * Punkt, sentences.ts; each block's sentences are split once, sub-blocks.ts). Two things differ, both
 * for a reader rather than for Vale's compatibility: a sentence also ends where Vale's walker joined a
 * tight list item's text to the next block's (`joins`: `- item two` and its nested `- nested a` are two
 * sentences, not `item twonested a`), and a masked run (inline code, a URL; a bold UI label when asked)
 * reads as one placeholder word. Alt text is not part of the text's flow and is left out.
 */
import type { Root, Nodes } from "mdast";
import type { ProseBlock } from "../prose.ts";
import { segmentSentences, type SentenceSpan } from "../sentences.ts";
import { sentenceSpans } from "../sub-blocks.ts";
import { MAX_NESTING } from "../../lint/rules/markdown-too-deep.ts";
import { appendAll } from "../../arrays.ts";

export interface Sentence {
  /** The sentence as read: each masked run one {@link PLACEHOLDER}, line breaks as spaces. */
  readonly text: string;
  /** Source offsets of the first character and just after the last one. */
  readonly start: number;
  readonly end: number;
  readonly block: ProseBlock;
  /** In a heading (Markdown or HTML). */
  readonly isHeading: boolean;
  /** In a block quote (quoted speech, callouts). */
  readonly isQuoted: boolean;
}

export interface ReadOptions {
  /** Read bold text (UI labels such as **Settings**) as a placeholder too. */
  isMaskingLabels?: boolean;
  /**
   * Only sentences whose text (line breaks and masked runs included) is longer than this: a rule that
   * reads no shorter sentence need not split a block that short. A sentence as read is never longer.
   */
  longerThan?: number;
}

/** What the reader needs of a built-in rule's context (builtin-rules.ts). */
export interface ProseSource {
  blocks: readonly ProseBlock[];
  isQuoted(block: ProseBlock): boolean;
  tree: Root;
}

/** Placeholder for inline code, URLs and masked labels: one neutral word. */
export const PLACEHOLDER = "X";

/** Every sentence of the file's prose blocks, in order. */
export function readSentences(source: ProseSource, options: ReadOptions = {}): Sentence[] {
  const labels = options.isMaskingLabels === true ? strongRanges(source.tree) : [];
  const longerThan = Math.max(0, options.longerThan ?? 0);
  const sentences: Sentence[] = [];
  for (const block of source.blocks) {
    if (block.text.length <= longerThan) continue;
    if (block.kind === "image" || block.kind === "imageReference" || block.scope.includes("alt")) continue;
    const isHeading = block.kind === "heading" || block.scope[1] === "heading";
    const isQuoted = source.isQuoted(block);
    for (const { start, end } of spansOf(block)) {
      if (end - start <= longerThan) continue;
      sentences.push(new ReadSentence(readText(block, start, end, labels), block, start, end, isHeading, isQuoted));
    }
  }
  return sentences;
}

/** A sentence whose source offsets are looked up when a rule reports it: most never are. */
class ReadSentence implements Sentence {
  readonly text: string;
  readonly block: ProseBlock;
  readonly isHeading: boolean;
  readonly isQuoted: boolean;
  #from: number;
  #to: number;

  constructor(text: string, block: ProseBlock, from: number, to: number, isHeading: boolean, isQuoted: boolean) {
    this.text = text;
    this.block = block;
    this.isHeading = isHeading;
    this.isQuoted = isQuoted;
    this.#from = from;
    this.#to = to;
  }

  get start(): number {
    return this.block.offsetAt(this.#from);
  }

  get end(): number {
    return endOffset(this.block, this.#from, this.#to);
  }
}

/** A CJK sentence end (。！？), with the closing quotes and brackets after it. */
const CJK_END = /[。！？][。！？.!?)"'”’」』）】\]]*/gu;

/**
 * The block's sentences as Vale splits them, also cut at its joins and after each CJK sentence end:
 * Vale's splitter is English Punkt, which ends no sentence at `！` or `？`, so a question and its
 * answer in Chinese or Japanese would read as one long sentence.
 */
function spansOf(block: ProseBlock): readonly SentenceSpan[] {
  const { text } = block;
  const joins = block.joins ?? [];
  const spans: SentenceSpan[] = [];
  if (joins.length === 0) appendAll(spans, sentenceSpans(block));
  else {
    const cuts = [0, ...joins, text.length];
    for (let i = 0; i + 1 < cuts.length; i++) {
      const from = cuts[i]!;
      for (const span of segmentSentences(text.slice(from, cuts[i + 1]!))) spans.push({ start: from + span.start, end: from + span.end });
    }
  }
  if (!/[。！？]/u.test(text)) return spans;
  const cut: SentenceSpan[] = [];
  for (const span of spans) {
    let from = span.start;
    for (const end of text.slice(span.start, span.end).matchAll(CJK_END)) {
      const to = span.start + end.index + end[0].length;
      cut.push(trimmed(text, from, to));
      from = to;
    }
    cut.push(trimmed(text, from, span.end));
  }
  return cut;
}

function trimmed(text: string, from: number, to: number): SentenceSpan {
  while (from < to && /\s/u.test(text[from]!)) from++;
  while (to > from && /\s/u.test(text[to - 1]!)) to--;
  return { start: from, end: to };
}

/** `block.text[from, to)` as read: masked runs (and labels) as one placeholder, line breaks as spaces. */
function readText(block: ProseBlock, from: number, to: number, labels: readonly number[]): string {
  const { text, masked } = block;
  if (masked.length === 0 && labels.length === 0) return text.slice(from, to).replace(/[\n\r]/gu, " ");
  const offsets = labels.length > 0 ? block.offsets : undefined;
  let out = "";
  let wasMasked = false;
  for (let i = from; i < to; i++) {
    const isMasked = masked[i] === 1 || (offsets !== undefined && inRanges(labels, offsets[i]!));
    if (isMasked) {
      if (!wasMasked) out += PLACEHOLDER;
    } else {
      const ch = text[i]!;
      out += ch === "\n" || ch === "\r" ? " " : ch;
    }
    wasMasked = isMasked;
  }
  return out;
}

/** The source offset just after the last character of `block.text[from, to)` that has one. */
function endOffset(block: ProseBlock, from: number, to: number): number {
  const { offsets } = block;
  for (let i = to - 1; i >= from; i--) if (offsets[i]! >= 0) return offsets[i]! + 1;
  return block.offsetAt(from);
}

/** Source ranges of bold text, as flat sorted pairs [start, end). */
function strongRanges(tree: Root): number[] {
  const ranges: number[] = [];
  const walk = (node: Nodes, depth: number): void => {
    if (depth > MAX_NESTING) return;
    if (node.type === "strong" && node.position?.start.offset !== undefined && node.position.end.offset !== undefined) {
      ranges.push(node.position.start.offset, node.position.end.offset);
      return;
    }
    if ("children" in node) for (const child of node.children) walk(child as Nodes, depth + 1);
  };
  walk(tree, 0);
  return ranges;
}

/** True when `offset` is inside one of the sorted, disjoint ranges. */
function inRanges(ranges: readonly number[], offset: number): boolean {
  if (offset < 0) return false;
  let low = 0;
  let high = ranges.length / 2 - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (offset < ranges[mid * 2]!) high = mid - 1;
    else if (offset >= ranges[mid * 2 + 1]!) low = mid + 1;
    else return true;
  }
  return false;
}

export interface ScriptCounts {
  hangul: number;
  /** Han ideographs and Japanese kana. */
  hanKana: number;
  latin: number;
  /** Characters other than white space (a surrogate pair counts once). */
  characters: number;
  /** Runs of non-space characters that hold at least one letter or digit. */
  words: number;
}

/** Counts scripts, characters and words of a text in one pass over its UTF-16 code units. */
export function countScripts(text: string): ScriptCounts {
  const counts: ScriptCounts = { hangul: 0, hanKana: 0, latin: 0, characters: 0, words: 0 };
  let isInWord = false;
  let isWordCounted = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || code === 0x3000) {
      isInWord = false;
      continue;
    }
    if (!isInWord) {
      isInWord = true;
      isWordCounted = false;
    }
    if (code >= 0xdc00 && code <= 0xdfff) continue;
    counts.characters++;
    let isAlphanumeric = false;
    if ((code >= 0xac00 && code <= 0xd7a3) || (code >= 0x1100 && code <= 0x11ff) || (code >= 0x3130 && code <= 0x318f)) {
      counts.hangul++;
      isAlphanumeric = true;
    } else if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x3040 && code <= 0x30ff) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xd840 && code <= 0xd87f)) {
      counts.hanKana++;
      isAlphanumeric = true;
    } else if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7)) {
      counts.latin++;
      isAlphanumeric = true;
    } else if ((code >= 48 && code <= 57) || (code > 0x24f && !(code >= 0xd800 && code <= 0xdbff) && !isPunctuationOrSymbol(code))) {
      isAlphanumeric = true;
    }
    if (isAlphanumeric && !isWordCounted) {
      counts.words++;
      isWordCounted = true;
    }
  }
  return counts;
}

/** General punctuation, arrows and symbols, CJK and full-width punctuation: not part of a word. */
function isPunctuationOrSymbol(code: number): boolean {
  return (
    (code >= 0x2000 && code <= 0x2bff) ||
    (code >= 0x3000 && code <= 0x303f) ||
    (code >= 0xff00 && code <= 0xff0f) ||
    (code >= 0xff1a && code <= 0xff20) ||
    (code >= 0xff3b && code <= 0xff40) ||
    (code >= 0xff5b && code <= 0xff65) ||
    (code >= 0xfe30 && code <= 0xfe4f)
  );
}
