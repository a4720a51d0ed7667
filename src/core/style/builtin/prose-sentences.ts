/**
 * Prose of a Markdown tree as the built-in style-guide rules read it: one block per paragraph,
 * heading and table cell, with every character mapped back to its source offset, split into
 * sentences. Code, HTML and front matter are left out; inline code counts as one placeholder word.
 */
import type { Nodes, Parents, Root } from "mdast";
import { MAX_NESTING } from "../prose.ts";

export type BlockKind = "paragraph" | "heading" | "tableCell";

export interface TextBlock {
  kind: BlockKind;
  /** True inside a blockquote (quoted speech, callouts). */
  isQuoted: boolean;
  text: string;
  /** Source offset (UTF-16) of the character at `index` of `text`. */
  offsetAt(index: number): number;
  /** Source offset just after the block. */
  end: number;
}

export interface Sentence {
  text: string;
  /** Source offsets of the first character and just after the last one. */
  start: number;
  end: number;
  block: TextBlock;
}

export interface CollectOptions {
  /** Replace bold text (UI labels such as **Settings**) with a placeholder. */
  isMaskingLabels?: boolean;
}

/** Placeholder for inline code and masked labels: one neutral word. */
export const PLACEHOLDER = "X";

const BLOCK_KINDS = new Set<string>(["paragraph", "heading", "tableCell"]);
const SKIPPED = new Set<string>(["code", "html", "yaml", "toml", "math", "mdxjsEsm", "mdxFlowExpression", "definition", "footnoteDefinition"]);

export function collectTextBlocks(tree: Root, source: string, options: CollectOptions = {}): TextBlock[] {
  const blocks: TextBlock[] = [];
  const walk = (node: Nodes, isQuoted: boolean, depth: number): void => {
    // Text nested deeper than the style engine reads (MAX_NESTING) is reported there, not read here.
    if (SKIPPED.has(node.type) || depth > MAX_NESTING) return;
    if (BLOCK_KINDS.has(node.type)) {
      const builder: Builder = { parts: [], length: 0, runs: [], end: node.position?.end.offset ?? 0 };
      appendInline(builder, node as Parents, source, options, 0);
      const runs = builder.runs;
      blocks.push({ kind: node.type as BlockKind, isQuoted, text: builder.parts.join(""), offsetAt: (index) => offsetIn(runs, index), end: builder.end });
      return;
    }
    if ("children" in node) for (const child of node.children) walk(child as Nodes, isQuoted || node.type === "blockquote", depth + 1);
  };
  walk(tree, false, 0);
  return blocks;
}

/**
 * A stretch of block text that starts at `textStart` and comes from `sourceStart`: character by
 * character when `isExact`, else (text that differs from its source, a placeholder) all from there.
 */
interface Run {
  textStart: number;
  sourceStart: number;
  isExact: boolean;
}

interface Builder {
  parts: string[];
  /** Length of the text so far. */
  length: number;
  runs: Run[];
  end: number;
}

function offsetIn(runs: readonly Run[], index: number): number {
  let low = 0;
  let high = runs.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (runs[mid]!.textStart <= index) low = mid;
    else high = mid - 1;
  }
  const run = runs[low];
  if (!run) return 0;
  return run.isExact ? run.sourceStart + (index - run.textStart) : run.sourceStart;
}

function appendInline(builder: Builder, parent: Parents, source: string, options: CollectOptions, depth: number): void {
  if (depth > MAX_NESTING) return;
  for (const child of parent.children as Nodes[]) {
    const start = child.position?.start.offset ?? builder.end;
    const end = child.position?.end.offset ?? start;
    if (child.type === "text") {
      const value = child.value;
      const isExact = end - start === value.length && source.startsWith(value, start);
      builder.runs.push({ textStart: builder.length, sourceStart: start, isExact });
      builder.parts.push(value.includes("\n") ? value.replace(/\n/gu, " ") : value);
      builder.length += value.length;
    } else if (child.type === "inlineCode" || (child.type === "strong" && options.isMaskingLabels === true)) {
      push(builder, PLACEHOLDER, start);
    } else if (child.type === "break" || child.type === "image" || child.type === "imageReference" || child.type === "html") {
      push(builder, " ", start);
    } else if ("children" in child) {
      appendInline(builder, child as Parents, source, options, depth + 1);
    }
  }
}

function push(builder: Builder, char: string, offset: number): void {
  builder.runs.push({ textStart: builder.length, sourceStart: offset, isExact: false });
  builder.parts.push(char);
  builder.length += char.length;
}

/** A sentence end: 。！？ anywhere, or . ! ? followed by a space or the end; closing quotes and brackets stay with it. */
const SENTENCE_END = /[。！？][。！？.!?)"'”’」』）】\]]*|[.!?][.!?。！？)"'”’」』）】\]]*(?=\s|$)/gu;

/** Splits a block into sentences: after 。！？ always, after . ! ? when followed by a space or the end. */
export function splitSentences(block: TextBlock): Sentence[] {
  const sentences: Sentence[] = [];
  const { text } = block;
  let from = 0;
  const close = (to: number): void => {
    let a = from;
    let b = to;
    while (a < b && isSpace(text.charCodeAt(a))) a++;
    while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
    if (b > a) sentences.push({ text: text.slice(a, b), start: block.offsetAt(a), end: block.offsetAt(b - 1) + 1, block });
    from = to;
  };
  for (const match of text.matchAll(SENTENCE_END)) close(match.index + match[0].length);
  close(text.length);
  return sentences;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || code === 0x3000;
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
