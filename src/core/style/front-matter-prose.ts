/**
 * Front matter as Vale 3.11 and later lint it (lint/metadata.go lintMetadata): every top-level
 * field whose value is a string is a block of its own, of scope `text.frontmatter.<key>.<ext>`
 * (`text.frontmatter.title.md`), so a rule of the default scope `text` reads a page's title and
 * description, `scope: text.frontmatter.title` reads the title only, and `IgnoredScopes =
 * frontmatter.title.mdx` leaves it out. Lists, numbers and nested maps are not linted.
 *
 * The block starts at the first front-matter line that holds the value's first line, where Vale's
 * own front-matter scenario places its alerts (`title: castle` above `tags: ["castle"]` is line 2);
 * a value that no line holds as written (a folded scalar, an escape) is not linted, as in Vale.
 * Each character of the value is then mapped to its place in the source from that line on, so an
 * alert is reported where its words are written (a block scalar's second line included).
 */
import jsyaml from "js-yaml";
import { parse as parseToml } from "smol-toml";
import type { Root } from "mdast";
import { appendAligned, makeBlock, newBuilder } from "./prose-block.ts";
import type { ProseBlock } from "./prose.ts";

/** The front-matter fields of `tree` as prose blocks; `ext` is the file's extension without its dot. */
export function frontMatterBlocks(tree: Root, source: string, ext: string, ignoredScopes: readonly string[]): ProseBlock[] {
  const node = tree.children[0] as { type: string; value?: string; position?: { end: { offset?: number } } } | undefined;
  if ((node?.type !== "yaml" && node?.type !== "toml") || node.value === undefined || node.position?.end.offset === undefined) return [];
  return fieldBlocks(node.value, node.position.end.offset, source, ext, ignoredScopes, node.type === "toml");
}

/**
 * The front matter at the top of a file that has no Markdown tree (AsciiDoc, reStructuredText): YAML
 * between `---` lines, TOML between `+++` lines or JSON between `;;;` lines, as Vale's front-matter
 * reader takes them. The file's body is linted with it, as Vale lints it.
 */
export function leadingFrontMatterBlocks(source: string, ext: string, ignoredScopes: readonly string[]): ProseBlock[] {
  const open = /^(---|\+\+\+|;;;)[ \t]*\r?\n/.exec(source);
  if (!open) return [];
  const close = new RegExp(`\\n${open[1]!.replaceAll("+", "\\+")}[ \\t]*(?:\\r?\\n|$)`, "g");
  close.lastIndex = open[0].length - 1;
  const end = close.exec(source);
  if (!end) return [];
  return fieldBlocks(source.slice(open[0].length, end.index), end.index + end[0].length, source, ext, ignoredScopes, open[1] === "+++");
}

function fieldBlocks(text: string, end: number, source: string, ext: string, ignoredScopes: readonly string[], isToml = false): ProseBlock[] {
  let data: unknown;
  try {
    data = isToml ? parseToml(text) : jsyaml.load(text, { schema: jsyaml.JSON_SCHEMA });
  } catch {
    return [];
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) return [];
  const lines = lineStarts(source, end);
  // As Vale's Scope.Matches: an IgnoredScopes entry whose sections the block's scope all holds,
  // format included (`frontmatter.title.mdx` leaves out the titles of .mdx files only).
  const ignored = ignoredScopes.map((entry) => entry.split(".").filter((section) => section !== ""));
  const blocks: ProseBlock[] = [];
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (typeof value !== "string" || value.trim() === "") continue;
    const start = bestLine(source, lines, value.split("\n")[0]!);
    if (start === undefined) continue;
    const scope = ["text", "frontmatter", ...key.split("."), ext];
    if (ignored.some((entry) => entry.length > 0 && entry.every((section) => scope.includes(section)))) continue;
    const builder = newBuilder();
    appendAligned(builder, value, source, start, end);
    const place = { type: "yaml", value: "", position: { start: { line: 1, column: 1, offset: start }, end: { line: 1, column: 1, offset: end } } } as const;
    blocks.push(makeBlock(place, scope, value, builder));
  }
  return blocks;
}

/** `[start, end)` of each line of `source[0, end)`. */
function lineStarts(source: string, end: number): [number, number][] {
  const lines: [number, number][] = [];
  let start = 0;
  while (start < end) {
    const newline = source.indexOf("\n", start);
    const stop = newline < 0 || newline > end ? end : newline;
    lines.push([start, stop]);
    start = stop + 1;
  }
  return lines;
}

/**
 * Where the front matter's line that Vale's findBestLineBySubstring picks for `first` (the value's first
 * line) starts: of the lines that hold it, the least similar to it by Levenshtein similarity, which for a
 * line holding it is the longest (the first of equals).
 */
function bestLine(source: string, lines: readonly [number, number][], first: string): number | undefined {
  let best: number | undefined;
  let bestLength = -1;
  for (const [start, stop] of lines) {
    const line = source.slice(start, stop);
    const length = [...line].length;
    if (line.includes(first) && length > bestLength) [best, bestLength] = [start, length];
  }
  return best;
}
