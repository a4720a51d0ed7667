/**
 * `TokenIgnores` and `BlockIgnores`: Vale rewrites each match as code before it parses the file
 * (lint/html.go applyInlinePatterns, applyBlockPatterns), so the ignored text reads as masked code to
 * every rule. Verity finds the same source ranges and masks the prose blocks' text over them.
 */
import { BudgetExceeded, isBacktrackRisk, LONG_BLOCK, withBudget } from "./budget.ts";
import { compileGoRegex } from "./go-regex.ts";
import { withText } from "./prose-block.ts";
import { subBlock, type ProseBlock } from "./prose.ts";

/** Source ranges `[start, end)` the patterns match, in pattern order (the patterns were checked when the config loaded). */
export function ignoredRanges(source: string, patterns: readonly string[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const pattern of patterns) {
    let re: RegExp;
    try {
      re = compileGoRegex(pattern, "g");
    } catch {
      continue;
    }
    const collect = () => {
      for (const match of source.matchAll(re)) if (match[0] !== "") ranges.push([match.index, match.index + match[0].length]);
    };
    if (!isBacktrackRisk(re.source) && source.length <= LONG_BLOCK) collect();
    else {
      try {
        withBudget(collect);
      } catch (error) {
        if (!(error instanceof BudgetExceeded)) throw error;
        // An ignore pattern that cannot finish ignores nothing more.
      }
    }
  }
  return ranges;
}

/**
 * `source` as TokenIgnores see it once BlockIgnores have rewritten their matches as fenced code
 * (Vale's applyPatterns runs the block patterns first): each range becomes a line of its own, of the
 * same length, so that a token pattern cannot run across it (`(http.*)` after an ignored link stops
 * at the fence, and the prose after it is still checked).
 */
export function withBlocksFenced(source: string, ranges: readonly (readonly [number, number])[]): string {
  if (ranges.length === 0) return source;
  const chars = source.split("");
  for (const [start, end] of ranges) {
    for (let i = start; i < end; i++) chars[i] = "\u0000";
    chars[start] = "\n";
    chars[end - 1] = "\n";
  }
  return chars.join("");
}

/** The block with every character written inside one of `ranges` turned into a masked `*`. */
export function maskRanges(block: ProseBlock, ranges: readonly (readonly [number, number])[]): ProseBlock {
  const overlapping = ranges.filter(([start, end]) => start < block.end && end > block.start);
  if (overlapping.length === 0) return block;
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
export function splitAtBlockIgnores(block: ProseBlock, ranges: readonly (readonly [number, number])[]): ProseBlock[] {
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
