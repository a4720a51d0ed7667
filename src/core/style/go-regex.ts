/**
 * Translates Vale's regular expressions (Go `regexp`/`regexp2` syntax) into JavaScript ones with the
 * `u` flag. Word boundaries become Unicode-aware, so `\bword\b` works next to Korean or Chinese text.
 * A pattern that cannot be translated throws {@link RegexTranslationError}; callers turn it into a
 * configuration error that names the rule file.
 */

import { boundarySides, type BoundarySides } from "./regex-edges.ts";
import { rememberedTranslation, sharedRegex, type TranslatedRegex } from "./regex-memo.ts";

export class RegexTranslationError extends Error {}

/** regexp2's `\w` (.NET's word class, IsWordChar): a letter, non-spacing mark, decimal digit, connector punctuation, ZWNJ or ZWJ. */
const WORD = String.raw`[\p{L}\p{Mn}\p{Nd}\p{Pc}\u200C\u200D]`;
const WORD_CLASS_BODY = String.raw`\p{L}\p{Mn}\p{Nd}\p{Pc}\u200C\u200D`;
const BOUNDARY = `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`;
const NON_BOUNDARY = `(?:(?<=${WORD})(?=${WORD})|(?<!${WORD})(?!${WORD}))`;

const POSIX: Record<string, string> = {
  alpha: "A-Za-z",
  digit: "0-9",
  alnum: "A-Za-z0-9",
  upper: "A-Z",
  lower: "a-z",
  space: String.raw`\t\n\v\f\r `,
  blank: String.raw`\t `,
  punct: String.raw`!-\/:-@\[-\x60\{-~`,
  word: String.raw`0-9A-Za-z_`,
  xdigit: "0-9A-Fa-f",
  cntrl: String.raw`\x00-\x1f\x7f`,
  print: String.raw`\x20-\x7e`,
  graph: String.raw`\x21-\x7e`,
  ascii: String.raw`\x00-\x7f`,
};

/** Go script names that JavaScript only knows as `Script=` properties. */
const GENERAL_CATEGORIES = new Set(["L", "Lu", "Ll", "Lt", "Lm", "Lo", "M", "Mn", "Mc", "Me", "N", "Nd", "Nl", "No", "P", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "S", "Sm", "Sc", "Sk", "So", "Z", "Zs", "Zl", "Zp", "C", "Cc", "Cf", "Cs", "Co", "Cn", "Any"]);

/** Characters that may be escaped with `\` in a `u`-mode JavaScript pattern. */
const JS_SYNTAX = new Set("^$\\.*+?()[]{}|/".split(""));

export interface TranslateOptions {
  /** Keep the two-sided test at every word boundary (for tests: the reference the short forms must match). */
  fullBoundaries?: boolean;
}

export type { TranslatedRegex };

/**
 * Translates `pattern`. Leading inline flags (`(?i)`, `(?s)`, `(?m)`, `(?is)`) become JS flags;
 * later ones become modifier groups (`(?i:…)`) that run to the end of the enclosing group.
 */
export function translateGoRegex(pattern: string, options: TranslateOptions = {}): TranslatedRegex {
  if (options.fullBoundaries) return translate(pattern, options);
  return rememberedTranslation(pattern, () => translate(pattern, options));
}

function translate(pattern: string, options: TranslateOptions): TranslatedRegex {
  const flags = new Set<string>();
  let rest = pattern;
  for (;;) {
    const lead = /^\(\?([imsU]+)\)/.exec(rest);
    if (!lead) break;
    for (const f of lead[1]!) {
      if (f === "U") throw new RegexTranslationError("the ungreedy flag (?U) is not supported");
      flags.add(f);
    }
    rest = rest.slice(lead[0].length);
  }
  const source = translateBody(rest, options.fullBoundaries ? new Map() : boundarySides(rest), flags.has("s"));
  flags.add("u");
  return { source, flags: [...flags].sort().join("") };
}

/**
 * The number of capture groups of a translated pattern (a RegExp's `source`, `u` flag), counted
 * without compiling it: rule files with hundreds of swap keys ask this of every key.
 */
export function captureGroupsOf(source: string): number {
  let count = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (c === "(") {
      if (source[i + 1] !== "?") count++;
      else if (source[i + 2] === "<" && source[i + 3] !== "=" && source[i + 3] !== "!") count++;
    }
  }
  return count;
}

/** Compiles a Go pattern into a JS RegExp with extra flags (e.g. `g`). */
export function compileGoRegex(pattern: string, extraFlags = "", options: TranslateOptions = {}): RegExp {
  const { source, flags } = translateGoRegex(pattern, options);
  const all = [...new Set((flags + extraFlags).split(""))].join("");
  try {
    return sharedRegex(source, all);
  } catch (error) {
    throw new RegexTranslationError((error as Error).message.replace(/^Invalid regular expression: /, ""));
  }
}

function translateBody(src: string, sides: ReadonlyMap<number, BoundarySides>, dotAll: boolean): string {
  let out = "";
  let i = 0;
  /** Number of `)` still to emit at the close of each open group (for mid-pattern flags). */
  const groupStack: number[] = [0];
  /** Where each open group starts in `out` when it is a lookaround (a quantifier after it needs a group around it). */
  const lookStarts: (number | undefined)[] = [undefined];
  // The inline flags (`i`, `-i`, …) set in each open group so far: they hold past `|` until the group closes.
  const flagStack: string[][] = [[]];
  /** Whether `s` is on in each open group: regexp2's `.` stops only at \n, JavaScript's also at \r, U+2028 and U+2029. */
  const dotAllStack: boolean[] = [dotAll];
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === "\\") {
      const side = sides.get(i);
      const [text, length] = side ? [boundaryFor(src[i + 1] === "B", side), 2] : translateEscape(src, i, false);
      out += text;
      i += length;
      continue;
    }
    if (ch === "[") {
      const [text, length] = translateClass(src, i);
      out += text;
      i += length;
      continue;
    }
    if (ch === "(") {
      if (src.startsWith("(?P<", i)) {
        out += "(?<";
        i += 4;
        groupStack.push(0);
        lookStarts.push(undefined);
        flagStack.push([]);
        dotAllStack.push(dotAllStack.at(-1)!);
        continue;
      }
      if (src.startsWith("(?#", i)) {
        // A comment group (regexp2, as .NET): no part of the pattern.
        const close = src.indexOf(")", i);
        if (close < 0) throw new RegexTranslationError("unterminated (?#…) comment");
        i = close + 1;
        continue;
      }
      if (src.startsWith("(?>", i)) {
        // An atomic group runs as a plain group: the same matches except where giving back would find another.
        out += "(?:";
        i += 3;
        groupStack.push(0);
        lookStarts.push(undefined);
        flagStack.push([]);
        dotAllStack.push(dotAllStack.at(-1)!);
        continue;
      }
      const inline = /^\(\?([imsU]*)(?:-([imsU]*))?(\)|:)/.exec(src.slice(i));
      if (inline && (inline[1] || inline[2])) {
        if (/U/.test(inline[0])) throw new RegexTranslationError("the ungreedy flag (?U) is not supported");
        const on = inline[1] ?? "";
        const off = inline[2] ? `-${inline[2]}` : "";
        const sOn = on.includes("s") ? true : off.includes("s") ? false : dotAllStack.at(-1)!;
        if (inline[3] === ")") {
          // Flags for the rest of the enclosing group.
          out += `(?${on}${off}:`;
          groupStack[groupStack.length - 1]! += 1;
          flagStack[flagStack.length - 1]!.push(`${on}${off}`);
          dotAllStack[dotAllStack.length - 1] = sOn;
        } else {
          out += `(?${on}${off}:`;
          groupStack.push(0);
          lookStarts.push(undefined);
          flagStack.push([]);
          dotAllStack.push(sOn);
        }
        i += inline[0].length;
        continue;
      }
      lookStarts.push(/^\(\?<?[=!]/.test(src.slice(i, i + 4)) ? out.length : undefined);
      out += "(";
      groupStack.push(0);
      flagStack.push([]);
      dotAllStack.push(dotAllStack.at(-1)!);
      i += 1;
      if (src[i] === "?") {
        const look = /^\?(?:[:=!]|<[=!]|<[A-Za-z])/.exec(src.slice(i));
        if (!look) throw new RegexTranslationError(`unsupported group syntax at "${src.slice(i - 1, i + 4)}"`);
      }
      continue;
    }
    if (ch === ")") {
      const pending = groupStack.length > 1 ? groupStack.pop()! : 0;
      const lookStart = lookStarts.length > 1 ? lookStarts.pop() : undefined;
      if (flagStack.length > 1) flagStack.pop();
      if (dotAllStack.length > 1) dotAllStack.pop();
      out += ")".repeat(pending) + ")";
      i += 1;
      // regexp2 lets a quantifier follow a lookaround (`1(?! Jan(?!uary)?)`, Canonical's style); JavaScript
      // does not, so the lookaround goes in a group of its own, which the quantifier then repeats.
      if (lookStart !== undefined && /^(?:[?*+]|\{\d+(?:,\d*)?\})/.test(src.slice(i))) out = `${out.slice(0, lookStart)}(?:${out.slice(lookStart)})`;
      continue;
    }
    if (ch === "|") {
      // Inline flags hold to the end of the enclosing group, past an alternation bar (regexp2 and Go keep
      // the options at `|`): the modifier groups close before the bar, and one group with their net
      // effect opens after it. Reopening each of them would nest one more group per `(?i)` term in a
      // long list (a vocabulary of 2,000 terms became a 10 MB pattern).
      const pending = groupStack[groupStack.length - 1]!;
      const net = netFlags(flagStack[flagStack.length - 1]!);
      out += ")".repeat(pending) + "|" + (net ? `(?${net}:` : "");
      groupStack[groupStack.length - 1] = net ? 1 : 0;
      flagStack[flagStack.length - 1] = net ? [net] : [];
      i += 1;
      continue;
    }
    if (ch === "{") {
      const quantifier = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i));
      if (quantifier && out !== "" && !/[|(]$/.test(out)) {
        out += quantifier[0];
        i += quantifier[0].length;
        // A possessive quantifier (`{2}+`) runs as a greedy one.
        if (src[i] === "+") i += 1;
      } else {
        out += "\\{";
        i += 1;
      }
      continue;
    }
    if (ch === "}" || ch === "]") {
      out += `\\${ch}`;
      i += 1;
      continue;
    }
    if (ch === "." && !dotAllStack.at(-1)!) {
      out += "[^\\n]";
      i += 1;
      continue;
    }
    out += ch;
    i += 1;
    // A possessive quantifier (`a++`, `a*+`, `a?+`) runs as a greedy one; `a+?` stays lazy.
    if ((ch === "*" || ch === "+" || ch === "?") && src[i] === "+" && !isAfterQuantifier(src, i - 1)) i += 1;
  }
  out += ")".repeat(groupStack[0]!);
  return out;
}

/** The effect of modifier flags applied one after another (`i`, then `-i`, then `m`: `m-i`), or "" for none. */
function netFlags(flags: readonly string[]): string {
  const state = new Map<string, boolean>();
  for (const flag of flags) {
    const [on = "", off = ""] = flag.split("-");
    for (const c of on) state.set(c, true);
    for (const c of off) state.set(c, false);
  }
  const on = [...state].filter(([, v]) => v).map(([c]) => c).join("");
  const off = [...state].filter(([, v]) => !v).map(([c]) => c).join("");
  return on + (off ? `-${off}` : "");
}

/**
 * A word boundary (or, with `negated`, a non-boundary) whose neighbouring character is known: one
 * lookaround instead of two.
 */
function boundaryFor(negated: boolean, side: BoundarySides): string {
  const wordBefore = `(?<=${WORD})`;
  const noWordBefore = `(?<!${WORD})`;
  const wordAfter = `(?=${WORD})`;
  const noWordAfter = `(?!${WORD})`;
  if (side.before !== undefined) return (side.before === "word") !== negated ? noWordAfter : wordAfter;
  if (side.after !== undefined) return (side.after === "word") !== negated ? noWordBefore : wordBefore;
  return negated ? NON_BOUNDARY : BOUNDARY;
}

/** True when `src[at]` follows a quantifier, so it is a lazy or possessive marker, not a quantifier. */
function isAfterQuantifier(src: string, at: number): boolean {
  const before = src[at - 1];
  if (before !== "*" && before !== "+" && before !== "?" && before !== "}") return false;
  // An escaped `\+` is a literal, not a quantifier.
  let slashes = 0;
  for (let j = at - 2; j >= 0 && src[j] === "\\"; j--) slashes++;
  return slashes % 2 === 0 && !(before === "?" && src[at - 2] === "(");
}

/** Translates the escape at `src[i]`; returns the JS text and the length consumed. */
function translateEscape(src: string, i: number, inClass: boolean): [string, number] {
  const next = src[i + 1];
  if (next === undefined) throw new RegexTranslationError("trailing backslash");
  switch (next) {
    case "b":
      return [inClass ? "\\x08" : BOUNDARY, 2];
    case "B":
      return [NON_BOUNDARY, 2];
    case "w":
      return [inClass ? WORD_CLASS_BODY : WORD, 2];
    case "W":
      return [`[^${WORD_CLASS_BODY}]`, 2];
    case "A":
      return ["(?<![\\s\\S])", 2];
    case "z":
      return ["(?![\\s\\S])", 2];
    case "Z":
      return ["(?=\\n?(?![\\s\\S]))", 2];
    case "Q": {
      const end = src.indexOf("\\E", i + 2);
      const literal = src.slice(i + 2, end < 0 ? undefined : end);
      return [literal.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&"), (end < 0 ? src.length : end + 2) - i];
    }
    case "p":
    case "P": {
      if (src[i + 2] === "{") {
        const close = src.indexOf("}", i + 3);
        if (close < 0) throw new RegexTranslationError("unterminated \\p{…}");
        const name = src.slice(i + 3, close);
        return [`\\${next}{${unicodeProperty(name)}}`, close + 1 - i];
      }
      const name = src[i + 2] ?? "";
      return [`\\${next}{${unicodeProperty(name)}}`, 3];
    }
    case "x": {
      if (src[i + 2] === "{") {
        const close = src.indexOf("}", i + 3);
        const hex = close < 0 ? "" : src.slice(i + 3, close);
        if (!/^[0-9A-Fa-f]{1,6}$/.test(hex) || Number.parseInt(hex, 16) > 0x10ffff) throw new RegexTranslationError(close < 0 ? "unterminated \\x{…}" : `invalid escape \\x{${hex}}`);
        return [`\\u{${hex}}`, close + 1 - i];
      }
      const hex = src.slice(i + 2, i + 4);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) throw new RegexTranslationError(`invalid escape \\x${hex}: write two hex digits or \\x{…}`);
      return [`\\x${hex}`, 4];
    }
    case "u": {
      // regexp2 (Vale's engine) reads \uXXXX; Go's own syntax has \x{XXXX}.
      const hex = src.slice(i + 2, i + 6);
      if (!/^[0-9A-Fa-f]{4}$/.test(hex)) throw new RegexTranslationError(`invalid escape \\u${hex}: write four hex digits`);
      return [`\\u{${hex}}`, 6];
    }
    case "d":
      // regexp2 (.NET classes): any Unicode decimal digit, so fullwidth "１２" is a number too.
      return ["\\p{Nd}", 2];
    case "D":
      return ["\\P{Nd}", 2];
    case "s":
    case "S":
    case "n":
    case "t":
    case "r":
    case "f":
    case "v":
      return [`\\${next}`, 2];
    case "a":
      return ["\\x07", 2];
    case "k": {
      // regexp2's named backreference \k<name> (the group written (?P<name>…) or (?<name>…)).
      const named = /^\\k<([A-Za-z_]\w*)>/.exec(src.slice(i));
      if (!named || inClass) throw new RegexTranslationError("unsupported escape \\k");
      return [named[0], named[0].length];
    }
    case "e":
      return ["\\x1b", 2];
    default: {
      // regexp2 (scanBasicBackslash, scanOctal): `\1`…`\9` outside a class is a backreference; any other
      // digit escape is an octal character code of up to three digits (`\055` is "-"), its value & 0xFF.
      const octal = /^[0-7]{1,3}/.exec(src.slice(i + 1));
      const digits = /^\d+/.exec(src.slice(i + 1))?.[0] ?? "";
      if (!inClass && /[1-9]/.test(next) && Number(digits) <= 9) return [`\\${next}`, 2];
      if (octal) return [`\\u{${(Number.parseInt(octal[0], 8) & 0xff).toString(16)}}`, 1 + octal[0].length];
      if (JS_SYNTAX.has(next) || (inClass && next === "-")) return [`\\${next}`, 2];
      if (/[A-Za-z]/.test(next)) throw new RegexTranslationError(`unsupported escape \\${next}`);
      // Go allows escaping any punctuation; JS `u` mode does not, so write the character as a code point.
      return [`\\u{${next.codePointAt(0)!.toString(16)}}`, 2];
    }
  }
}

function unicodeProperty(name: string): string {
  if (GENERAL_CATEGORIES.has(name)) return name === "Any" ? "Any" : name;
  if (/^[A-Z][a-z_]+$/.test(name)) return `Script=${name}`;
  throw new RegexTranslationError(`unknown Unicode class \\p{${name}}`);
}

function translateClass(src: string, start: number): [string, number] {
  let i = start + 1;
  let out = "";
  let negated = false;
  if (src[i] === "^") {
    negated = true;
    i += 1;
  }
  // regexp2's `\W` in a class is the Unicode non-word class, which JavaScript can only write as a
  // class of its own: `[a\W]` becomes `(?:[a]|[^word])`, `[^a\W]` becomes `(?:(?![a])[word])`.
  let nonWord = false;
  const close = (end: number): [string, number] => {
    if (!nonWord) return [`[${negated ? "^" : ""}${out}]`, end + 1 - start];
    const text = negated ? `(?:${out ? `(?![${out}])` : ""}[${WORD_CLASS_BODY}])` : `(?:${out ? `[${out}]|` : ""}[^${WORD_CLASS_BODY}])`;
    return [text, end + 1 - start];
  };
  let first = true;
  // After a class escape (`\w`, `\d`, `\p{L}`, `[:alpha:]`) a `-` cannot start a range: regexp2 reads
  // it as a literal (`[\w-_]` is word characters, `-` and `_`), while JavaScript rejects the range.
  let afterSet = false;
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === "-" && afterSet) {
      out += "\\-";
      i += 1;
      afterSet = false;
      continue;
    }
    afterSet = false;
    if (ch === "]" && !first) return close(i);
    if (ch === "]") {
      out += "\\]";
      i += 1;
      first = false;
      continue;
    }
    first = false;
    if (ch === "[" && src[i + 1] === ":") {
      const close = src.indexOf(":]", i + 2);
      if (close < 0) throw new RegexTranslationError("unterminated POSIX class");
      let name = src.slice(i + 2, close);
      const negated = name.startsWith("^");
      if (negated) name = name.slice(1);
      const body = POSIX[name];
      if (!body) throw new RegexTranslationError(`unknown POSIX class [:${name}:]`);
      if (negated) throw new RegexTranslationError(`negated POSIX class [:^${name}:] is not supported`);
      out += body;
      i = close + 2;
      afterSet = true;
      continue;
    }
    if (ch === "\\") {
      if (src[i + 1] === "W") {
        nonWord = true;
        afterSet = true;
        i += 2;
        continue;
      }
      const [text, length] = translateEscape(src, i, true);
      out += text;
      afterSet = "dDsSwWpP".includes(src[i + 1] ?? "");
      i += length;
      continue;
    }
    if (ch === "[") {
      out += "\\[";
      i += 1;
      continue;
    }
    out += ch;
    i += 1;
  }
  throw new RegexTranslationError("unterminated character class [");
}
