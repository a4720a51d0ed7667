/**
 * Translates Vale's regular expressions (Go `regexp`/`regexp2` syntax) into JavaScript ones with the
 * `u` flag. Word boundaries become Unicode-aware, so `\bword\b` works next to Korean or Chinese text.
 * A pattern that cannot be translated throws {@link RegexTranslationError}; callers turn it into a
 * configuration error that names the rule file.
 */

import { boundarySides, type BoundarySides } from "./regex-edges.ts";
import { rememberedTranslation, sharedRegex, type TranslatedRegex } from "./regex-memo.ts";
import { BOUNDARY, NON_BOUNDARY, RegexTranslationError, translateClass, translateEscape, WORD } from "./go-regex-atoms.ts";
import { applyInlineOptions } from "./regex-options.ts";
import { rewriteConditionals } from "./regex-conditionals.ts";

export { RegexTranslationError };

export interface TranslateOptions {
  /** Keep the two-sided test at every word boundary (for tests: the reference the short forms must match). */
  fullBoundaries?: boolean;
}

export type { TranslatedRegex };

/**
 * Translates `pattern`. Leading inline flags (`(?i)`, `(?s)`, `(?m)`, `(?is)`) become JS flags;
 * later ones become modifier groups (`(?i:…)`) that run to the end of the enclosing group. The
 * options without a JavaScript flag (`x`, `n`) are written out first (regex-options.ts), and so are
 * conditional groups (regex-conditionals.ts).
 */
export function translateGoRegex(pattern: string, options: TranslateOptions = {}): TranslatedRegex {
  if (options.fullBoundaries) return translate(pattern, options);
  return rememberedTranslation(pattern, () => translate(pattern, options));
}

function translate(pattern: string, options: TranslateOptions): TranslatedRegex {
  const flags = new Set<string>();
  let rest = rewriteConditionals(applyInlineOptions(pattern));
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
 * Calls `visit` with each character of a translated pattern's source that is syntax, not text: outside
 * every character class, and not escaped. `visit` returning true ends the walk.
 */
export function walkPatternSyntax(source: string, visit: (c: string, i: number) => boolean | void): void {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (visit(c, i) === true) return;
  }
}

/**
 * The number of capture groups of a translated pattern (a RegExp's `source`, `u` flag), counted
 * without compiling it: rule files with hundreds of swap keys ask this of every key.
 */
export function captureGroupsOf(source: string): number {
  let count = 0;
  walkPatternSyntax(source, (c, i) => {
    if (c !== "(") return;
    if (source[i + 1] !== "?") count++;
    else if (source[i + 2] === "<" && source[i + 3] !== "=" && source[i + 3] !== "!") count++;
  });
  return count;
}

/** Patterns longer than this are compiled when they are made, not at their first use (see compileGoRegex). */
const MAX_UNTESTED_SOURCE = 8_192;

/** Compiles a Go pattern into a JS RegExp with extra flags (e.g. `g`). */
export function compileGoRegex(pattern: string, extraFlags = "", options: TranslateOptions = {}): RegExp {
  const { source, flags } = translateGoRegex(pattern, options);
  const all = [...new Set((flags + extraFlags).split(""))].join("");
  try {
    const re = sharedRegex(source, all);
    // V8 compiles a pattern at its first use, and only then finds one it cannot hold ("Regular
    // expression too large": a 60,000-character term): use a long one once now, where a failure is the
    // rule's. Only a long one: compiling every pattern up front cost a re-lint of one card 20 ms, and no
    // pattern under 32,000 characters was too large (literals, alternations and classes, with `iu`).
    if (source.length > MAX_UNTESTED_SOURCE) {
      re.test("");
      re.lastIndex = 0;
    }
    return re;
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
      const quotedName = /^\(\?'([A-Za-z_]\w*)'/.exec(src.slice(i, i + 64));
      if (src.startsWith("(?P<", i) || quotedName) {
        // Go's (?P<name>…) and regexp2's (?'name'…) are JavaScript's (?<name>…).
        out += quotedName ? `(?<${quotedName[1]}>` : "(?<";
        i += quotedName ? quotedName[0].length : 4;
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
