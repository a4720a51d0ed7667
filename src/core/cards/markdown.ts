/**
 * The one Markdown parser: satteri, the native parser Astro renders with, into mdast with
 * positions. Lint, links and the site all read this tree.
 */
import type { Root } from "mdast";
import { mdxRisk } from "./mdx-guard.ts";
import { nestingRisk } from "./nesting-guard.ts";
import { referenceRisk } from "./reference-guard.ts";
import { underscoreRisk } from "./underscore-guard.ts";
import { forEachNode } from "./tree-walk.ts";
import { createMdastHandle, createMdxMdastHandle, dropHandle, materializeMdastTree, MdastReader, serializeHandle } from "satteri";

export type MarkdownFormat = "md" | "mdx";

export class MarkdownSyntaxError extends Error {
  readonly line: number;
  readonly column: number;
  constructor(message: string, line: number, column: number) {
    super(message);
    this.line = line;
    this.column = column;
  }
}

export function formatOf(file: string): MarkdownFormat {
  return file.toLowerCase().endsWith(".mdx") ? "mdx" : "md";
}

/**
 * A parse as satteri hands it over before it becomes objects: plain bytes, which another thread
 * turns into the same tree (`treeOf`) without parsing again.
 */
export type SerializedTree = Uint8Array;

/** Parses Markdown or MDX into mdast with positions; MDX syntax errors become MarkdownSyntaxError. */
export function parseMarkdown(source: string, format: MarkdownFormat = "md"): Root {
  return treeOf(parseSerialized(source, format));
}

/** `parseMarkdown`, also giving the serialized tree. */
export function parseMarkdownKept(source: string, format: MarkdownFormat = "md"): { tree: Root; serialized: SerializedTree } {
  const serialized = parseSerialized(source, format);
  return { tree: treeOf(serialized), serialized };
}

/** The tree a serialized parse stands for (equal to `parseMarkdown` of the same text). */
export function treeOf(serialized: SerializedTree): Root {
  return materializeMdastTree(new MdastReader(serialized)) as unknown as Root;
}

function parseSerialized(source: string, format: MarkdownFormat): SerializedTree {
  // The MDX parser crashes the process on some inputs and is quadratic on others: those are refused first.
  const risk =
    (format === "mdx" ? mdxRisk(source) : undefined) ??
    nestingRisk(source, (plain) => codeLinesOf(plain, format)) ??
    referenceRisk(source, (plain) => textSpans(plain, format)) ??
    underscoreRisk(source, (plain) => parseMarkdown(plain, format));
  if (risk) {
    const before = source.slice(0, risk.offset);
    const lineStart = before.lastIndexOf("\n") + 1;
    throw new MarkdownSyntaxError(risk.message, before.split("\n").length, [...before.slice(lineStart)].length + 1);
  }
  let handle;
  try {
    handle = format === "md" ? createMdastHandle(source, undefined, true) : createMdxMdastHandle(source, undefined, true);
  } catch (error) {
    if (format === "md") throw error;
    const text = (error as Error).message;
    const match = /^(\d+):(\d+):\s*(.*)$/s.exec(text);
    if (match) throw new MarkdownSyntaxError(match[3]!, Number(match[1]), Number(match[2]));
    throw new MarkdownSyntaxError(text, 1, 1);
  }
  try {
    return serializeHandle(handle);
  } finally {
    dropHandle(handle);
  }
}

/** Where each text node of `source` starts and ends. */
function textSpans(source: string, format: MarkdownFormat): (readonly [number, number])[] {
  const spans: (readonly [number, number])[] = [];
  forEachNode(parseMarkdown(source, format), (node) => {
    const { start, end } = node.position ?? {};
    if (node.type === "text" && start?.offset !== undefined && end?.offset !== undefined) spans.push([start.offset, end.offset]);
  });
  return spans;
}

/** The first and last line of each code block of `source` (a fenced block's fences included). */
export function codeLinesOf(source: string, format: MarkdownFormat = "md"): (readonly [number, number])[] {
  const lines: (readonly [number, number])[] = [];
  forEachNode(parseMarkdown(source, format), (node) => {
    const { start, end } = node.position ?? {};
    if (node.type === "code" && start && end) lines.push([start.line, end.line]);
  });
  return lines;
}
