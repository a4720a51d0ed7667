/**
 * The text Vale searches for an alert's match (vale-location.ts), block by block, as Vale's walker
 * holds it when the block is linted (lint/walk.go): the file from the block's first line on, the blocks
 * before it on its line (a row's other cells, an image's alt text) masked with `@`, and the destinations
 * of the links and images it has passed (`replaceToks`); later text is as written, earlier lines count
 * as masked. A top-level paragraph wrapped over lines, or from standard input, is searched in the file
 * (`FindLoc`), except in a file under 1,000 bytes, where Vale first masks the words before the match
 * and so finds it where it is (kept there); other blocks on their line, or their last line (`assignLoc`).
 * None (the match's own place) for HTML and front-matter blocks, and blocks over 20,000 characters.
 */
import type { LineIndex } from "./positions.ts";
import type { ProseBlock } from "./prose.ts";
import type { IgnoredRange } from "./ignore-patterns.ts";
import { guessLine, RSQUO, valeContextLine, type SearchMode } from "./vale-location.ts";
import { sentenceTexts } from "./sentences.ts";

export interface SearchContext {
  text: string;
  /** The 1-based line of the context's first line. */
  firstLine: number;
  mode: SearchMode;
}

export interface SearchContextInput {
  source: string;
  fromStdin: boolean;
  lines: LineIndex;
  /** The blocks rules run on, in order. */
  blocks: readonly ProseBlock[];
  /** Each block Vale lints on its own and the block it came from (itself, or a sentence's paragraph). */
  ownerOf: WeakMap<ProseBlock, ProseBlock>;
  /** TokenIgnores and BlockIgnores ranges. */
  ignored: readonly IgnoredRange[];
  /** The file writes `&rsquo;`, which Vale's Sanitize makes a straight apostrophe. */
  hasRsquo: boolean;
}

/** lint/walk.go advance(): the line (from 0) of `text` where Vale's walker puts a block whose text is `blockText`. */
function advanceLine(text: string, blockText: string): number {
  let pos = -1;
  for (const piece of blockText.split("\n")) {
    pos = text.indexOf(piece);
    if (pos < 0) for (const field of piece.split(/\s+/u).filter((f) => f !== "")) pos = text.indexOf(field);
  }
  if (pos <= 0) return 0;
  let line = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < pos; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

/** Longer blocks keep their matches' own places: Vale's search is quadratic in the alerts of a block. */
const MAX_SEARCHED = 20_000;
/** The blocks Vale places by searching: paragraphs, list items and quotes, headings, cells, alt text. */
const ONE_LINE_KINDS = new Set(["paragraph", "heading", "tableCell", "image", "imageReference"]);

/** The search context of each block Vale lints on its own, built when an alert first needs it. */
export function createSearchContexts({ source, fromStdin, lines, blocks, ownerOf, ignored, hasRsquo }: SearchContextInput): (owner: ProseBlock) => SearchContext | undefined {
  const lineContexts = new Map<ProseBlock, SearchContext | undefined>();
  /** The blocks Vale lints on their own, by the start of their first line, in order (built on first use). */
  let byLine: Map<number, ProseBlock[]> | undefined;
  let small: boolean | undefined;
  const isSmall = () => (small ??= Buffer.byteLength(source, "utf8") < 1000);
  const lineContext = (owner: ProseBlock): SearchContext | undefined => {
    if (lineContexts.has(owner)) return lineContexts.get(owner);
    if (owner.kind === "yaml" && owner.scope[1] === "frontmatter") {
      // lint/metadata.go: a field's block is on the line before the one it was found on (`i-1`); assignLoc
      // searches that line of the whole file, then FindLoc the file (core/file.go).
      const context: SearchContext = { text: source.replace(/\r\n?/g, "\n"), firstLine: 1, mode: { kind: "last", line: lines.locate(owner.start).line - 2 } };
      lineContexts.set(owner, context);
      return context;
    }
    let context: SearchContext | undefined;
    const span = lines.span(owner.start);
    const last = lines.span(Math.max(owner.start, owner.end - 1));
    const oneLine = !owner.text.includes("\n") && owner.end <= span.end;
    const isParagraph = owner.kind === "paragraph" && owner.scope[1] === "paragraph";
    const searchesFile = isParagraph && (!oneLine || fromStdin);
    if (ONE_LINE_KINDS.has(owner.kind) && !(searchesFile && isSmall()) && last.end - span.start <= MAX_SEARCHED) {
      const regionEnd = Math.min(source.length, span.start + MAX_SEARCHED);
      const units: string[] = [];
      const sourceLines = source.slice(span.start, regionEnd).split(/\r\n?|\n/);
      for (const line of sourceLines) {
        if (units.length > 0) units.push("\n");
        const text = valeContextLine(line);
        for (let i = 0; i < text.length; i++) {
          // Vale's Sanitize has made `&rsquo;` a straight apostrophe in the file it searches.
          if (hasRsquo && text.startsWith(RSQUO, i)) {
            units.push("'", ...Array<string>(RSQUO.length - 1).fill(""));
            i += RSQUO.length - 1;
            continue;
          }
          const code = text.charCodeAt(i);
          if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
            units.push(text.slice(i, i + 2), "");
            i++;
          } else units.push(text[i]!);
        }
      }
      const mask = (from: number, to: number) => {
        for (let at = Math.max(0, from - span.start); at < Math.min(units.length, to - span.start); at++) if (units[at] !== "" && units[at] !== "\n") units[at] = "@";
      };
      if (!byLine) {
        byLine = new Map();
        for (const block of blocks) {
          if (ownerOf.get(block) !== block) continue;
          const key = lines.span(block.start).start;
          const list = byLine.get(key);
          if (list) list.push(block);
          else byLine.set(key, [block]);
        }
      }
      for (const earlier of byLine.get(span.start) ?? []) {
        if (earlier === owner) break;
        for (let i = 0; i < earlier.text.length; i++) {
          const at = earlier.offsetAt(i);
          if (at >= 0) mask(at, at + 1);
        }
      }
      // Link and image destinations Vale's walker has passed: before an image's alt text is linted,
      // those before the image; before any other block, those up to its end.
      const passedBy = owner.kind === "image" || owner.kind === "imageReference" ? owner.start : owner.end;
      const own = source.slice(span.start, Math.min(passedBy, regionEnd));
      for (const link of own.matchAll(/\]\(([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\)/g)) {
        const from = span.start + link.index + 2;
        // A TokenIgnores match over the `](` leaves no link in Vale's rewritten file, so nothing to mask.
        if (ignored.some(([s, e]) => from - 2 < e && from > s)) continue;
        mask(from, from + link[1]!.length);
      }
      const text = units.join("");
      // lint/walk.go advance(): the walker puts the block on the line where its text (its last line, or
      // else that line's last word) first occurs in the masked file, which may be a plain copy further on.
      const mode: SearchMode = searchesFile ? { kind: "file" } : { kind: "last", line: advanceLine(text, owner.text) };
      context = { text, firstLine: lines.locate(span.start).line, mode };
    }
    lineContexts.set(owner, context);
    return context;
  };
  return lineContext;
}

/**
 * Vale's guessLocation for a block Verity does not search (an inline block, an HTML block): column 1 of
 * the block's first line holding every word of the match's sentence, or undefined when none does and
 * Vale drops the alert.
 */
export function guessPlace(block: ProseBlock, matched: string, source: string, lines: LineIndex): { at: { line: number; column: number }; finish: { line: number; column: number } } | undefined {
  const first = lines.span(block.start);
  const last = lines.span(Math.max(block.start, block.end - 1));
  const blockLines = source.slice(first.start, last.end).split(/\r\n?|\n/);
  const found = guessLine(blockLines, sentenceTexts(block.text), matched);
  if (found < 0) return undefined;
  const line = lines.locate(first.start).line + found;
  return { at: { line, column: 1 }, finish: { line, column: [...blockLines[found]!].length + 1 } };
}
