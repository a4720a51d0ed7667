/**
 * regexp2's conditional groups (.NET's alternation constructs), written out before a pattern is
 * translated (go-regex.ts), since JavaScript has none:
 *
 * - `(?(expression)yes|no)`: where `expression` matches at that point (tested as a lookahead), `yes`,
 *   and only `yes`; elsewhere `no` (nothing when there is no `|`). It becomes
 *   `(?:(?=expression)(?:yes)|(?!expression)(?:no))`, which matches the same text with the same groups.
 *   Real vocabularies write one by mistake for an optional suffix (JuMP's `[Bb]ugfix(?(es))`, which
 *   Vale compiles: `bugfix` with or without `es` after it).
 * - `(?(1)yes|no)` and `(?(name)yes|no)` test whether a group has matched; JavaScript cannot, and they
 *   are refused by name.
 *
 * As in regexp2, a conditional with more than one `|` is an error.
 */
import { RegexTranslationError } from "./go-regex-atoms.ts";
import { goClassEnd } from "./regex-edges.ts";

/** `pattern` with each conditional group written as lookaheads (the pattern itself when it has none). */
export function rewriteConditionals(pattern: string): string {
  if (!pattern.includes("(?(")) return pattern;
  return rewrite(pattern, groupNames(pattern));
}

function rewrite(src: string, names: ReadonlySet<string>): string {
  let out = "";
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === "\\") {
      out += src.slice(i, i + 2);
      i += 2;
    } else if (ch === "[") {
      const end = goClassEnd(src, i) ?? src.length;
      out += src.slice(i, end);
      i = end;
    } else if (src.startsWith("(?(", i)) {
      const close = closingParen(src, i);
      if (close < 0) return out + src.slice(i); // unterminated: the translator reports it
      out += conditional(src.slice(i, close + 1), names);
      i = close + 1;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** One conditional group, `(?(` to its `)`, written out. */
function conditional(group: string, names: ReadonlySet<string>): string {
  const tested = /^\(\?\((\d+|[A-Za-z_]\w*)\)/.exec(group);
  if (tested && (/^\d/.test(tested[1]!) || names.has(tested[1]!))) {
    throw new RegexTranslationError(`a conditional on whether group ${tested[1]} matched ("(?(${tested[1]})…)") is not supported`);
  }
  const conditionEnd = closingParen(group, 2);
  if (conditionEnd < 0) throw new RegexTranslationError(`unterminated condition in "${group}"`);
  const inner = group.slice(3, conditionEnd);
  if (capturesIn(inner)) throw new RegexTranslationError(`a capture group inside the condition of "${group}" is not supported`);
  const condition = rewrite(inner.startsWith("?") ? `(${inner})` : `(?:${inner})`, names);
  const branches = topLevelBranches(group.slice(conditionEnd + 1, -1));
  if (branches.length > 2) throw new RegexTranslationError("too many | in (?()|)");
  const [yes = "", no = ""] = branches.map((branch) => rewrite(branch, names));
  return `(?:(?=${condition})(?:${yes})|(?!${condition})(?:${no}))`;
}

/** The index of the `)` that closes the group opening at `open`, or -1. */
function closingParen(src: string, open: number): number {
  return walk(src, open, (ch, _i, depth) => ch === ")" && depth === 0);
}

/** `src` cut at each `|` outside groups and classes. */
function topLevelBranches(src: string): string[] {
  const branches: string[] = [];
  let start = 0;
  walk(src, 0, (ch, i, depth) => {
    if (ch === "|" && depth === 0) {
      branches.push(src.slice(start, i));
      start = i + 1;
    }
    return false;
  });
  branches.push(src.slice(start));
  return branches;
}

/**
 * Visits each character of `src` from `from` that is outside an escape or a class, with the depth of
 * groups around it (a `)` counted as outside the group it closes); stops where `visit` says so and
 * returns that index, else -1.
 */
function walk(src: string, from: number, visit: (ch: string, i: number, depth: number) => boolean): number {
  let depth = 0;
  let i = from;
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === "\\") i += 2;
    else if (ch === "[") i = goClassEnd(src, i) ?? src.length;
    else {
      if (ch === ")") depth--;
      if (visit(ch, i, depth)) return i;
      if (ch === "(") depth++;
      i++;
    }
  }
  return -1;
}

/** Whether `src` opens a group that captures (`(…)`, `(?P<name>…)`, `(?<name>…)`, `(?'name'…)`). */
function capturesIn(src: string): boolean {
  return /(?:^|[^\\])\((?!\?)|\(\?P?<(?![=!])|\(\?'/.test(src);
}

/** The names of the pattern's named groups (regexp2 knows them all before it reads a conditional). */
function groupNames(pattern: string): Set<string> {
  return new Set([...pattern.matchAll(/\(\?(?:P?<|')([A-Za-z_]\w*)[>']/g)].map((m) => m[1]!));
}
