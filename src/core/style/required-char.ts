/**
 * A character every match of a (JavaScript) pattern must contain, found without running it: a
 * literal outside any optional part or alternation (`@` in `[\w.+-]+@[\w-]+`). Text without that
 * character cannot match, so the pattern need not scan it: a pattern such as an email address
 * TokenIgnores costs a scan of every position of every file otherwise.
 */
import { atomAt, classEnd, groupOpenAt, quantifierAt } from "./regex-atoms.ts";

/** The character, or undefined when no such literal (other than a letter, which case-folding could change) is certain. */
export function requiredChar(source: string): string | undefined {
  return requiredIn(source, 0, source.length);
}

function requiredIn(source: string, from: number, to: number): string | undefined {
  if (hasTopLevelAlternation(source, from, to)) return undefined;
  let i = from;
  while (i < to) {
    let end: number;
    let literal: string | undefined;
    let group: [number, number] | undefined;
    if (source[i] === "(") {
      const close = groupEnd(source, i, to);
      if (close === undefined) return undefined;
      end = close + 1;
      // A lookaround matches no text of its own; a group's body counts when the group must match.
      const open = groupOpenAt(source, i);
      if (!open.isLookaround) group = [open.bodyStart, close];
    } else ({ end, literal } = atomAt(source, i, to));
    const quantifier = quantifierAt(source, end, to);
    if (!quantifier?.optional) {
      if (literal !== undefined && !/\p{L}/u.test(literal)) return literal;
      if (group) {
        const inner = requiredIn(source, group[0], group[1]);
        if (inner !== undefined) return inner;
      }
    }
    i = end + (quantifier?.length ?? 0);
  }
  return undefined;
}

/** The index of the `)` closing the group opened at `start`, or undefined. */
function groupEnd(source: string, start: number, to: number): number | undefined {
  return scan(source, start, to, (ch, depth) => ch === ")" && depth === 0);
}

function hasTopLevelAlternation(source: string, from: number, to: number): boolean {
  return scan(source, from, to, (ch, depth) => ch === "|" && depth === 0) !== undefined;
}

/**
 * The first index in `[from, to)` where `found` holds for the character and the group depth after
 * it, escapes and classes skipped; undefined when there is none.
 */
function scan(source: string, from: number, to: number, found: (ch: string, depth: number) => boolean): number | undefined {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const ch = source[i]!;
    if (ch === "\\") i++;
    else if (ch === "[") i = classEnd(source, i, to) - 1;
    else {
      if (ch === "(") depth++;
      else if (ch === ")") depth--;
      if (found(ch, depth)) return i;
    }
  }
  return undefined;
}
