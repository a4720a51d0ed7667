/**
 * What each word boundary (`\b`, `\B`) of a Go pattern stands next to. A Unicode word boundary is a
 * pair of lookarounds on both sides, which JavaScript runs several times slower than a single one;
 * when the character matched just before or just after the boundary is known to be a word character
 * (or known not to be), half of the test is already decided:
 *
 * - `\bword` needs only "no word character before" (`(?<![\p{L}…])`);
 * - `etc\.\b` needs only "a word character after";
 * - `\b(?:e\.g\.|i\.e\.)` is decided by every alternative's first character.
 *
 * The pattern is read once, without backtracking and with bounded nesting; anything this reader does
 * not follow (a class, a quantified atom, `.`, an anchor) leaves that side unknown, and a boundary with
 * both sides unknown keeps the full test.
 */

export type CharKind = "word" | "nonword";

/** Per boundary (by its index in the pattern): the kind of the character matched before and after it. */
export interface BoundarySides {
  before: CharKind | undefined;
  after: CharKind | undefined;
}

interface Atom {
  /** Kind of the first and of the last character every match of the atom consumes. */
  first: CharKind | undefined;
  last: CharKind | undefined;
  /** The atom is followed by a quantifier that lets it match nothing (`?`, `*`, `{0,…}`). */
  quantified: boolean;
  /** Index of a `\b` or `\B` in the pattern. */
  boundaryAt?: number;
}

const MAX_DEPTH = 32;
const WORD_CHAR = /^[\p{L}\p{Mn}\p{Nd}\p{Pc}\u200C\u200D]$/u;
const ASCII_PUNCTUATION = /^[!-/:-@[-`{-~]$/;
const UNKNOWN: Atom = { first: undefined, last: undefined, quantified: false };

class Unsupported extends Error {}

/** The sides of every boundary in `pattern` (a Go pattern without its leading flags); empty when it cannot be read. */
export function boundarySides(pattern: string): Map<number, BoundarySides> {
  const sides = new Map<number, BoundarySides>();
  if (!pattern.includes("\\b") && !pattern.includes("\\B")) return sides;
  try {
    const end = readAlternatives(pattern, 0, 0, sides).end;
    if (end !== pattern.length) return new Map();
  } catch (error) {
    if (error instanceof Unsupported) return new Map();
    throw error;
  }
  return sides;
}

/** The kind of one character (a lone surrogate: unknown). */
function kindOf(char: string): CharKind | undefined {
  const code = char.codePointAt(0)!;
  if (code >= 0xd800 && code <= 0xdfff) return undefined;
  return WORD_CHAR.test(char) ? "word" : "nonword";
}

/** Reads alternatives from `at` up to an unmatched `)` or the end; returns their atoms and where it stopped. */
function readAlternatives(src: string, at: number, depth: number, sides: Map<number, BoundarySides>): { alternatives: Atom[][]; end: number } {
  if (depth > MAX_DEPTH) throw new Unsupported();
  const alternatives: Atom[][] = [[]];
  let i = at;
  while (i < src.length && src[i] !== ")") {
    const ch = src[i]!;
    const current = alternatives[alternatives.length - 1]!;
    if (ch === "|") {
      alternatives.push([]);
      i++;
      continue;
    }
    if (ch === "*" || ch === "+" || ch === "?" || (ch === "{" && /^\{\d+(?:,\d*)?\}/.test(src.slice(i, i + 24)))) {
      const previous = current[current.length - 1];
      // A quantifier with nothing before it is read as a literal by the translator: not followed here.
      if (!previous) throw new Unsupported();
      // `+` and `{n,…}` with n > 0 repeat the atom at least once: its first and last characters stay.
      const mayBeEmpty = ch === "*" || ch === "?" || (ch === "{" && /^\{0*[,}]/.test(src.slice(i)));
      current[current.length - 1] = { ...previous, quantified: previous.quantified || mayBeEmpty };
      i += ch === "{" ? src.indexOf("}", i) + 1 - i : 1;
      // A lazy or possessive marker after a quantifier.
      while (src[i] === "?" || src[i] === "+") i++;
      continue;
    }
    const [atom, next] = readAtom(src, i, depth, sides);
    current.push(atom);
    i = next;
  }
  for (const alternative of alternatives) {
    alternative.forEach((atom, k) => {
      if (atom.boundaryAt === undefined) return;
      const before = alternative[k - 1];
      const after = alternative[k + 1];
      sides.set(atom.boundaryAt, {
        before: before && !before.quantified && before.boundaryAt === undefined ? before.last : undefined,
        after: after && !after.quantified && after.boundaryAt === undefined ? after.first : undefined,
      });
    });
  }
  return { alternatives, end: i };
}

/** One atom at `src[at]` and the index after it. */
function readAtom(src: string, at: number, depth: number, sides: Map<number, BoundarySides>): [Atom, number] {
  const ch = src[at]!;
  if (ch === "\\") return readEscape(src, at);
  if (ch === "[") return [UNKNOWN, classEnd(src, at)];
  if (ch === "(") return readGroup(src, at, depth, sides);
  if (ch === "." || ch === "^" || ch === "$" || ch === "{") return [UNKNOWN, at + 1];
  const char = String.fromCodePoint(src.codePointAt(at)!);
  const kind = kindOf(char);
  return [{ first: kind, last: kind, quantified: false }, at + char.length];
}

function readEscape(src: string, at: number): [Atom, number] {
  const next = src[at + 1];
  if (next === undefined) throw new Unsupported();
  const known = (kind: CharKind | undefined, length: number): [Atom, number] => [{ first: kind, last: kind, quantified: false }, at + length];
  if (next === "b" || next === "B") return [{ first: undefined, last: undefined, quantified: false, boundaryAt: at }, at + 2];
  if (next === "x" || next === "u") {
    const braced = next === "x" && src[at + 2] === "{";
    const close = braced ? src.indexOf("}", at + 3) : -1;
    const hex = braced ? (close < 0 ? "" : src.slice(at + 3, close)) : src.slice(at + 2, at + (next === "x" ? 4 : 6));
    const length = braced ? close + 1 - at : next === "x" ? 4 : 6;
    const code = /^[0-9A-Fa-f]{1,6}$/.test(hex) ? Number.parseInt(hex, 16) : NaN;
    if (!(code <= 0x10ffff)) throw new Unsupported();
    return known(kindOf(String.fromCodePoint(code)), length);
  }
  if (next === "p" || next === "P") {
    if (src[at + 2] !== "{") return known(undefined, 3);
    const close = src.indexOf("}", at + 3);
    if (close < 0) throw new Unsupported();
    return known(undefined, close + 1 - at);
  }
  if (next === "Q") {
    const end = src.indexOf("\\E", at + 2);
    const literal = src.slice(at + 2, end < 0 ? undefined : end);
    const length = (end < 0 ? src.length : end + 2) - at;
    if (literal === "") return [UNKNOWN, at + length];
    return [{ first: kindOf(String.fromCodePoint(literal.codePointAt(0)!)), last: kindOf(literal.at(-1)!), quantified: false }, at + length];
  }
  if (next === "d" || next === "w") return known("word", 2);
  if (next === "k" && src[at + 2] === "<") {
    // A named backreference matches whatever its group matched: unknown.
    const close = src.indexOf(">", at + 3);
    if (close < 0) throw new Unsupported();
    return known(undefined, close + 1 - at);
  }
  if ("ntrfvsa".includes(next)) return known("nonword", 2);
  if (ASCII_PUNCTUATION.test(next)) return known("nonword", 2);
  return known(undefined, 2);
}

/** A group: its atom takes the first and last kinds its alternatives agree on. */
function readGroup(src: string, at: number, depth: number, sides: Map<number, BoundarySides>): [Atom, number] {
  const rest = src.slice(at, at + 64);
  const lookaround = /^\(\?<?[=!]/.exec(rest);
  const opening = lookaround ?? /^\((?:\?:|\?>|\?P?<[A-Za-z_][A-Za-z0-9_]*>|\?[imsU]*(?:-[imsU]*)?:|(?!\?))/.exec(rest);
  const flagsOnly = /^\(\?[imsU]*(?:-[imsU]*)?\)/.exec(rest);
  if (flagsOnly) return [UNKNOWN, at + flagsOnly[0].length];
  if (!opening) throw new Unsupported();
  const { alternatives, end } = readAlternatives(src, at + opening[0].length, depth + 1, sides);
  if (src[end] !== ")") throw new Unsupported();
  if (lookaround) return [UNKNOWN, end + 1];
  const agree = (pick: (alternative: Atom[]) => Atom | undefined, side: "first" | "last"): CharKind | undefined => {
    let kind: CharKind | undefined;
    for (const alternative of alternatives) {
      const atom = pick(alternative);
      const own = atom && !atom.quantified && atom.boundaryAt === undefined ? atom[side] : undefined;
      if (own === undefined || (kind !== undefined && own !== kind)) return undefined;
      kind = own;
    }
    return kind;
  };
  return [{ first: agree((a) => a[0], "first"), last: agree((a) => a[a.length - 1], "last"), quantified: false }, end + 1];
}

/** The index after the character class starting at `src[at]` (`[`). */
function classEnd(src: string, at: number): number {
  const end = goClassEnd(src, at);
  if (end === undefined) throw new Unsupported();
  return end;
}

/**
 * Where the character class of a Go/regexp2 pattern that starts at `src[at]` (`[`) ends (after its
 * `]`), or undefined when it is not closed: a `]` first in the class is a literal, and a POSIX class
 * (`[:alpha:]`), an escape (`\p{L}`) or a subtraction (`[a-z-[aeiou]]`) is read whole.
 */
export function goClassEnd(src: string, at: number): number | undefined {
  let i = at + 1;
  if (src[i] === "^") i++;
  if (src[i] === "]") i++;
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === "]") return i + 1;
    if (ch === "\\") {
      const close = src[i + 2] === "{" ? src.indexOf("}", i + 3) : -1;
      i = close >= 0 ? close + 1 : i + 2;
    } else if (ch === "[" && src[i + 1] === ":") {
      const close = src.indexOf(":]", i + 2);
      i = close < 0 ? i + 1 : close + 2;
    } else if (ch === "-" && src[i + 1] === "[") {
      // A subtraction ends the class after its own class.
      const inner = goClassEnd(src, i + 1);
      if (inner === undefined) return undefined;
      i = inner;
    } else i++;
  }
  return undefined;
}
