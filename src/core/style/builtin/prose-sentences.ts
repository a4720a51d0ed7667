/**
 * Prose of a Markdown tree as the built-in style-guide rules read it: one block per paragraph,
 * heading and table cell, with every character mapped back to its source offset, split into
 * sentences. Code, HTML and front matter are left out; inline code counts as one placeholder word.
 */
import type { Nodes, Parents, Root } from "mdast";

export type BlockKind = "paragraph" | "heading" | "tableCell";

export interface TextBlock {
  kind: BlockKind;
  /** True inside a blockquote (quoted speech, callouts). */
  isQuoted: boolean;
  text: string;
  /** Source offset (UTF-16) of each character of `text`. */
  offsets: number[];
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
  const walk = (node: Nodes, isQuoted: boolean): void => {
    if (SKIPPED.has(node.type)) return;
    if (BLOCK_KINDS.has(node.type)) {
      const block: TextBlock = { kind: node.type as BlockKind, isQuoted, text: "", offsets: [], end: node.position?.end.offset ?? 0 };
      appendInline(block, node as Parents, source, options);
      blocks.push(block);
      return;
    }
    if ("children" in node) for (const child of node.children) walk(child as Nodes, isQuoted || node.type === "blockquote");
  };
  walk(tree, false);
  return blocks;
}

function appendInline(block: TextBlock, parent: Parents, source: string, options: CollectOptions): void {
  for (const child of parent.children as Nodes[]) {
    const start = child.position?.start.offset ?? block.end;
    const end = child.position?.end.offset ?? start;
    if (child.type === "text") {
      const exact = source.slice(start, end) === child.value;
      for (let i = 0; i < child.value.length; i++) push(block, child.value[i]!, exact ? start + i : start);
    } else if (child.type === "inlineCode" || (child.type === "strong" && options.isMaskingLabels === true)) {
      push(block, PLACEHOLDER, start);
    } else if (child.type === "break") {
      push(block, " ", start);
    } else if (child.type === "image" || child.type === "imageReference" || child.type === "html") {
      push(block, " ", start);
    } else if ("children" in child) {
      appendInline(block, child as Parents, source, options);
    }
  }
}

function push(block: TextBlock, char: string, offset: number): void {
  block.text += char === "\n" ? " " : char;
  block.offsets.push(offset);
}

const CJK_STOP = /[。！？]/u;
const LATIN_STOP = /[.!?]/u;
const CLOSERS = /[)"'”’」』）】\]]/u;

/** Splits a block into sentences: after 。！？ always, after . ! ? when followed by a space or the end. */
export function splitSentences(block: TextBlock): Sentence[] {
  const sentences: Sentence[] = [];
  const { text } = block;
  let from = 0;
  const close = (to: number): void => {
    let a = from;
    let b = to;
    while (a < b && /\s/u.test(text[a]!)) a++;
    while (b > a && /\s/u.test(text[b - 1]!)) b--;
    if (b > a) sentences.push({ text: text.slice(a, b), start: block.offsets[a]!, end: block.offsets[b - 1]! + 1, block });
    from = to;
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    const isCjkStop = CJK_STOP.test(char);
    if (!isCjkStop && !LATIN_STOP.test(char)) continue;
    let j = i + 1;
    while (j < text.length && (CLOSERS.test(text[j]!) || LATIN_STOP.test(text[j]!) || CJK_STOP.test(text[j]!))) j++;
    if (isCjkStop || j >= text.length || /\s/u.test(text[j]!)) {
      close(j);
      i = j - 1;
    }
  }
  close(text.length);
  return sentences;
}

export interface ScriptCounts {
  hangul: number;
  /** Han ideographs and Japanese kana. */
  hanKana: number;
  latin: number;
}

export function countScripts(text: string): ScriptCounts {
  return {
    hangul: (text.match(/\p{Script=Hangul}/gu) ?? []).length,
    hanKana: (text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu) ?? []).length,
    latin: (text.match(/\p{Script=Latin}/gu) ?? []).length,
  };
}
