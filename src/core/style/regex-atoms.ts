/**
 * Reading a (JavaScript) pattern's source one atom at a time, for the checks that reason about a
 * pattern without running it (budget.ts `isSeparatedRepetition`, required-char.ts).
 */

/**
 * The atom at `i` that is not a group: an escape (`\.`, `\p{L}`, `\u0041`, `\cA`), a class, or one
 * character. `end` is where it stops; `literal` the one character it stands for, when it is a plain
 * character or an escaped sign (not `.`, `^` or `$`, and not a character escape such as `\u0041`).
 */
export function atomAt(source: string, i: number, to: number): { end: number; literal: string | undefined } {
  const ch = source[i]!;
  if (ch === "\\") {
    const long = /^\\[pPuk]\{[^}]*\}|^\\u[0-9A-Fa-f]{4}|^\\x[0-9A-Fa-f]{2}|^\\c[A-Za-z]/.exec(source.slice(i, to));
    if (long) return { end: i + long[0].length, literal: undefined };
    const next = source[i + 1];
    return { end: i + 2, literal: next !== undefined && !/[A-Za-z0-9]/.test(next) ? next : undefined };
  }
  if (ch === "[") return { end: classEnd(source, i, to), literal: undefined };
  return { end: i + 1, literal: ".^$".includes(ch) ? undefined : ch };
}

/** The quantifier at `at` (`*`, `+?`, `{2,}`): its length, and whether it allows no repetition at all. */
export function quantifierAt(source: string, at: number, to: number): { length: number; optional: boolean } | undefined {
  const match = /^(?:[*+?]|\{(\d+)(?:,\d*)?\})\??/.exec(source.slice(at, to));
  if (!match) return undefined;
  return { length: match[0].length, optional: match[0][0] === "*" || match[0][0] === "?" || Number(match[1]) === 0 };
}

/** Where the class opened at `start` ends (after its `]`, or at `to` when it is not closed). */
export function classEnd(source: string, start: number, to: number): number {
  let i = start + 1;
  while (i < to && source[i] !== "]") i += source[i] === "\\" ? 2 : 1;
  return Math.min(i + 1, to);
}

/**
 * The group opened at `i`: where its body starts (after `(`, `(?:`, `(?<name>`, or a lookaround's
 * `(?=`, `(?!`, `(?<=`, `(?<!`; after the `(` alone for any other form) and whether it is a lookaround.
 */
export function groupOpenAt(source: string, i: number): { bodyStart: number; isLookaround: boolean } {
  const open = /^\(\?(?::|<[A-Za-z_$][\w$]*>|<?[=!])/.exec(source.slice(i, i + 64));
  return { bodyStart: i + (open?.[0].length ?? 1), isLookaround: open !== null && /[=!]$/.test(open[0]) };
}
