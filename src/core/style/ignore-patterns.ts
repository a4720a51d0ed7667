/**
 * `TokenIgnores` and `BlockIgnores`: Vale rewrites each match as code before it parses the file
 * (lint/html.go applyInlinePatterns, applyBlockPatterns), so the ignored text reads as masked code to
 * every rule. Verity finds the same source ranges and masks the prose blocks' text over them.
 */
import { checkpoint, isBacktrackRisk, LONG_BLOCK, withBudgetOrUndo } from "./budget.ts";
import { compileGoRegex } from "./go-regex.ts";
import { requiredChar } from "./required-char.ts";
import { isLineScoped, matchLinesWith } from "./line-scoped.ts";
import type { Nodes } from "mdast";
import { appendMaskedText, makeBlock, newBuilder, pushRun, spaceInline, withText } from "./prose-block.ts";
import type { ProseBlock } from "./prose.ts";
import { subBlock } from "./sub-blocks.ts";

/**
 * A source range `[start, end)` an ignore pattern matched; for a TokenIgnores match, also how many
 * characters the inline code Vale writes in its place holds (see `codeLengthOf`).
 */
export type IgnoredRange = readonly [start: number, end: number, codeLength?: number];

/**
 * Vale writes a TokenIgnores match as the inline code `` `$1` `` (regexp2's Replace): group 1's
 * text, or, for a pattern without a group, the two characters `$1` themselves. A rule then reads
 * that code as a run of `*` of its length (lint/ast.go), so the run is not the match's length.
 */
function codeLengthOf(match: RegExpMatchArray): number {
  if (match.length < 2) return 2;
  return match[1] === undefined ? 0 : [...match[1]].length;
}

/**
 * Source ranges the patterns match, in pattern order (the patterns were checked when the config
 * loaded); with `asCode`, each with the length of the inline code Vale puts in its place.
 */
export function ignoredRanges(source: string, patterns: readonly string[], options: { asCode?: boolean } = {}): IgnoredRange[] {
  const ranges: IgnoredRange[] = [];
  for (const pattern of patterns) {
    let re: RegExp;
    try {
      re = compileGoRegex(pattern, "g");
    } catch {
      continue;
    }
    // A file without a character every match needs (the @ of an email pattern) has no match to find.
    const required = requiredChar(re.source);
    if (required !== undefined && !source.includes(required)) continue;
    const collect = () => {
      for (const match of required !== undefined && isLineScoped(re) ? matchLinesWith(source, re, required) : source.matchAll(re)) {
        if (match[0] !== "") ranges.push(options.asCode ? [match.index, match.index + match[0].length, codeLengthOf(match)] : [match.index, match.index + match[0].length]);
      }
    };
    if (!isBacktrackRisk(re.source) && source.length <= LONG_BLOCK) collect();
    else {
      // An ignore pattern that cannot finish ignores nothing: how far it got depends on the machine.
      withBudgetOrUndo(collect, () => checkpoint(ranges));
    }
  }
  return ranges;
}

/**
 * What a file's ignore patterns cover, as Vale's applyPatterns rewrites it: `BlockIgnores` first, then
 * `TokenIgnores` on the text the block patterns have made code; `ignored` holds both.
 */
export function ignoredByPatterns(source: string, patterns: { blockIgnores: readonly string[]; tokenIgnores: readonly string[] }): { ignoredBlocks: IgnoredRange[]; ignored: IgnoredRange[] } {
  const ignoredBlocks = ignoredRanges(source, patterns.blockIgnores);
  return { ignoredBlocks, ignored: [...ignoredRanges(withBlocksFenced(source, ignoredBlocks), patterns.tokenIgnores, { asCode: true }), ...ignoredBlocks] };
}

function withCodeRuns(block: ProseBlock, ranges: readonly IgnoredRange[]): ProseBlock {
  const { text, offsets } = block;
  const builder = newBuilder();
  builder.lead = block.scope.length === 2 && block.scope[0] === "text" && block.scope[1] === "paragraph";
  if (block.trimmedLead) builder.trimmedLead = true;
  const written = new Set<IgnoredRange>();
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const at = offsets[i]!;
    const range = at < 0 ? undefined : ranges.find(([start, end]) => at >= start && at < end);
    if (!range) {
      // The text after Vale's inline code is spaced from it as clean() spaces it.
      spaceInline(builder, text[i]!, block.masked[i] === 1);
      if (block.masked[i] === 1) appendMaskedText(builder, 1, at);
      else pushRun(builder, text[i]!, at);
      continue;
    }
    changed = true;
    if (range[2] === undefined) appendMaskedText(builder, 1, at);
    else if (!written.has(range)) {
      written.add(range);
      // Inline code to Vale: clean() puts a space before its stars, unless after ( [ { — –.
      builder.boundary = range[2] > 0;
      builder.lastTag = "code";
      spaceInline(builder, "*", true);
      appendMaskedText(builder, range[2], at);
      builder.boundary = range[2] > 0;
    }
  }
  if (!changed) return block;
  const node = { type: block.kind, position: { start: { line: 1, column: 1, offset: block.start }, end: { line: 1, column: 1, offset: block.end } } } as Nodes;
  const made = makeBlock(node, [...block.scope], builder.chars.join(""), builder);
  if (block.parent) made.parent = block.parent;
  return made;
}

/**
 * `source` as TokenIgnores see it once BlockIgnores have rewritten their matches as fenced code
 * (Vale's applyPatterns runs the block patterns first): each range becomes a line of its own, of the
 * same length, so that a token pattern cannot run across it (`(http.*)` after an ignored link stops
 * at the fence, and the prose after it is still checked).
 */
export function withBlocksFenced(source: string, ranges: readonly IgnoredRange[]): string {
  if (ranges.length === 0) return source;
  const chars = source.split("");
  for (const [start, end] of ranges) {
    for (let i = start; i < end; i++) chars[i] = "\u0000";
    chars[start] = "\n";
    chars[end - 1] = "\n";
  }
  return chars.join("");
}

/**
 * The block with every character written inside one of `ranges` turned into a masked `*`; the
 * characters of a range with a code length become one run of that many `*` (Vale's inline code).
 */
export function maskRanges(block: ProseBlock, ranges: readonly IgnoredRange[]): ProseBlock {
  const overlapping = ranges.filter(([start, end]) => start < block.end && end > block.start);
  if (overlapping.length === 0) return block;
  if (overlapping.some((range) => range[2] !== undefined)) return withCodeRuns(block, overlapping);
  const offsets = block.offsets;
  let chars: string[] | undefined;
  let masked: Uint8Array | undefined;
  for (let i = 0; i < block.text.length; i++) {
    const at = offsets[i]!;
    if (at < 0 || !overlapping.some(([start, end]) => at >= start && at < end)) continue;
    chars ??= block.text.split("");
    masked ??= block.masked.length > 0 ? Uint8Array.from(block.masked) : new Uint8Array(block.text.length);
    chars[i] = "*";
    masked[i] = 1;
  }
  return chars && masked ? withText(block, chars.join(""), masked) : block;
}

const PARAGRAPH: readonly string[] = ["text", "paragraph"];

/**
 * `block` as Vale reads it once BlockIgnores have rewritten their matches as fenced code blocks in
 * the file (lint/html.go applyBlockPatterns): a match inside a paragraph, heading, list item or cell
 * ends that block where it starts, the match itself is code (no prose at all), and the text after it
 * is a paragraph of its own (a fence ends a heading, a list or a quote). A block the matches cover
 * entirely has no prose left.
 */
export function splitAtBlockIgnores(block: ProseBlock, ranges: readonly IgnoredRange[]): ProseBlock[] {
  const inside = ranges.filter(([start, end]) => start < block.end && end > block.start);
  if (inside.length === 0) return [block];
  const { text } = block;
  const covered = (i: number) => {
    const at = block.offsets[i]!;
    return at >= 0 && inside.some(([start, end]) => at >= start && at < end);
  };
  const pieces: ProseBlock[] = [];
  const push = (from: number, to: number, scope: readonly string[], kind: string) => {
    while (from < to && /\s/.test(text[from]!)) from++;
    while (to > from && /\s/.test(text[to - 1]!)) to--;
    if (from < to) pieces.push(from === 0 && to === text.length && scope === block.scope ? block : subBlock(block, from, to, scope, kind));
  };
  let from = 0;
  let scope = block.scope;
  let kind = block.kind;
  for (let i = 0; i < text.length; i++) {
    if (!covered(i)) continue;
    push(from, i, scope, kind);
    while (i + 1 < text.length && (covered(i + 1) || block.offsets[i + 1]! < 0)) i++;
    from = i + 1;
    scope = PARAGRAPH;
    kind = "paragraph";
  }
  push(from, text.length, scope, kind);
  return pieces;
}
