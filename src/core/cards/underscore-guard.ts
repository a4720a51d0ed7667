/**
 * What the Markdown parser (satteri, native code) cannot be given in reasonable time: a long word of
 * inline text with many underscores. Its time grows with a word's underscores times the word's
 * length (a word ends at ASCII white space only: a no-break space, `.` or `-` do not end it), so
 * 200 KB of `_a_a_a…` in a paragraph, a heading, a table cell, a code span or a link took 20 s, and
 * a card of 1 MB some eight minutes. Code blocks, HTML blocks and frontmatter are not inline text
 * and cost nothing. Most cards have no word long enough to matter and pass the first bound at once;
 * a card that does not is measured outside those blocks, and one over the budget gets a
 * markdown-syntax error at that word and is not parsed.
 */
import type { Nodes } from "mdast";
import { walkTree } from "./tree-walk.ts";

/** Underscores × characters of one word of inline text, at most: some 30 ms of parsing. */
export const MAX_UNDERSCORE_COST = 30_000_000;

/** A word as the parser's scan reads one: a run of anything but ASCII white space. */
const WORD = /[^ \t\n\r\f\v]+/g;
/** Shorter words cannot reach the budget, whatever they hold. */
const SHORTEST_RISKY_WORD = Math.ceil(Math.sqrt(MAX_UNDERSCORE_COST));
/** Containers of blocks: HTML directly inside them is an HTML block, anywhere else inline HTML. */
const FLOW = new Set(["root", "blockquote", "listItem", "footnoteDefinition"]);

export interface UnderscoreRisk {
  message: string;
  /** Where in the source the word over the budget starts. */
  offset: number;
}

/** The tree of a text (parsed without any risk check of this module's). */
export type ParseTree = (source: string) => Nodes;

/** The first word of inline text over the budget, or undefined when the parser may be given `source`. */
export function underscoreRisk(source: string, parse: ParseTree): UnderscoreRisk | undefined {
  if (!worstWord(source)) return undefined;
  const word = worstWord(outsideBlocks(source, parse));
  if (!word) return undefined;
  return {
    offset: word.offset,
    message:
      `This word holds ${word.underscores.toLocaleString("en-US")} underscores in ${word.length.toLocaleString("en-US")} characters, ` +
      "more than the Markdown parser reads in reasonable time (it reads the rest of the word again at each underscore). Put the text in a code block (``` lines), or break it with spaces",
  };
}

/** The first word over the budget. */
function worstWord(text: string): { offset: number; underscores: number; length: number } | undefined {
  // No word is longer than the text, nor holds more underscores: most cards are cleared without a word scan.
  if (text.length < SHORTEST_RISKY_WORD) return undefined;
  const enough = MAX_UNDERSCORE_COST / text.length;
  let underscores = 0;
  for (let i = text.indexOf("_"); i !== -1 && underscores <= enough; i = text.indexOf("_", i + 1)) underscores++;
  if (underscores <= enough) return undefined;
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match; match = WORD.exec(text)) {
    const word = match[0];
    if (word.length < SHORTEST_RISKY_WORD) continue;
    let underscores = 0;
    for (let i = word.indexOf("_"); i !== -1; i = word.indexOf("_", i + 1)) underscores++;
    if (underscores * word.length > MAX_UNDERSCORE_COST) return { offset: match.index, underscores, length: word.length };
  }
  return undefined;
}

/**
 * `source` with its code blocks, HTML blocks and frontmatter blanked (same length). They are found
 * in a parse of the text with every `_` made `a`, which means nothing to the parser: the same
 * blocks (a `___` rule turns into a paragraph, which only adds words). When that parse fails
 * (MDX whose code a changed name breaks), nothing is blanked.
 */
function outsideBlocks(source: string, parse: ParseTree): string {
  let tree: Nodes;
  try {
    tree = parse(source.replaceAll("_", "a"));
  } catch {
    return source;
  }
  const spans: [number, number][] = [];
  const add = (node: Nodes) => {
    const { start, end } = node.position ?? {};
    if (start?.offset !== undefined && end?.offset !== undefined) spans.push([start.offset, end.offset]);
  };
  walkTree(tree, (node) => {
    if (node.type === "code" || node.type === "yaml" || (node.type as string) === "toml") add(node);
    if (FLOW.has(node.type) && "children" in node) for (const child of node.children as Nodes[]) if (child.type === "html") add(child);
  });
  if (spans.length === 0) return source;
  spans.sort((a, b) => a[0] - b[0]);
  let out = "";
  let at = 0;
  for (const [start, end] of spans) {
    if (start < at) continue;
    out += source.slice(at, start) + " ".repeat(end - start);
    at = end;
  }
  return out + source.slice(at);
}
