/**
 * Vale's `action: edit` (internal/check/action.go, `edit`): what a match becomes, for the second
 * `%s` of an existence or conditional message and for `--fix`. `regex` replaces with a Go template
 * (`$1`, `${name}`, `$$`), `trim`, `trim_left` and `trim_right` remove the characters of a set,
 * `truncate` keeps what comes before a separator and `split` keeps one part; the result is trimmed
 * of white space, as Go's strings.TrimSpace does. Parameters Vale rejects give undefined (Vale stops
 * with an error there; here the rule still reports, without a fix).
 */
import { isBacktrackRisk } from "../budget.ts";
import { compileGoRegex } from "../go-regex.ts";

export function editedMatch(params: readonly string[], match: string): string | undefined {
  if (params.length === 0) return undefined;
  const [name, first = "", second = ""] = params;
  let text = match;
  switch (name) {
    case "regex": {
      if (params.length !== 3) return undefined;
      const re = editPattern(first);
      if (!re) return undefined;
      text = text.replace(re, (...args: unknown[]) => expandGoTemplate(second, args));
      break;
    }
    case "trim_right":
    case "trim_left":
    case "trim":
      if (params.length !== 2) return undefined;
      text = trimSet(text, first, name !== "trim_right", name !== "trim_left");
      break;
    case "truncate":
      if (params.length !== 2) return undefined;
      text = goSplit(text, first)[0]!;
      break;
    case "split": {
      if (params.length !== 3 || !/^[+-]?\d+$/.test(second)) return undefined;
      const parts = goSplit(text, first);
      const index = Number(second);
      if (index < 0 || index >= parts.length) return undefined;
      text = parts[index]!;
      break;
    }
    default:
      // Vale leaves the match as it is for an edit it does not know.
      break;
  }
  return goTrimSpace(text);
}

const patterns = new Map<string, RegExp | null>();

/** An edit's pattern, compiled once (null when it cannot be compiled). */
function editPattern(pattern: string): RegExp | null {
  let re = patterns.get(pattern);
  if (re === undefined) {
    try {
      re = compileGoRegex(pattern, "g");
    } catch {
      re = null;
    }
    patterns.set(pattern, re);
  }
  return re;
}

/** True when an edit's pattern can backtrack without bound (see budget.ts). */
export function isEditPatternRisky(pattern: string): boolean {
  const re = editPattern(pattern);
  return re !== null && isBacktrackRisk(re.source);
}

/**
 * Go's Regexp.Expand: `$name` takes the longest run of letters, digits and `_` (`$1x` is the group
 * named `1x`), `${name}` is explicit, `$$` is a `$`; a missing group is empty, a malformed `$` stays.
 */
function expandGoTemplate(template: string, replaceArgs: readonly unknown[]): string {
  const hasNamed = typeof replaceArgs[replaceArgs.length - 1] === "object" && replaceArgs[replaceArgs.length - 1] !== null;
  const named = (hasNamed ? replaceArgs[replaceArgs.length - 1] : {}) as Record<string, string | undefined>;
  const groups = replaceArgs.slice(0, hasNamed ? -3 : -2) as (string | undefined)[];
  return template.replace(/\$(?:\$|\{([A-Za-z0-9_]+)\}|([A-Za-z0-9_]+))?/g, (whole, braced: string | undefined, bare: string | undefined) => {
    if (whole === "$$") return "$";
    const name = braced ?? bare;
    if (name === undefined) return "$";
    if (/^\d+$/.test(name)) return groups[Number(name)] ?? "";
    return named[name] ?? "";
  });
}

/** Go's strings.Trim / TrimLeft / TrimRight: removes the characters in `set` from either end. */
function trimSet(text: string, set: string, left: boolean, right: boolean): string {
  const cut = new Set(Array.from(set));
  const chars = Array.from(text);
  let start = 0;
  let end = chars.length;
  if (left) while (start < end && cut.has(chars[start]!)) start++;
  if (right) while (end > start && cut.has(chars[end - 1]!)) end--;
  return chars.slice(start, end).join("");
}

/** Go's strings.Split: an empty separator splits into characters. */
function goSplit(text: string, separator: string): string[] {
  return separator === "" ? Array.from(text) : text.split(separator);
}

/** Go's strings.TrimSpace (Unicode white space: U+0085 and U+00A0 included, U+FEFF not). */
function goTrimSpace(text: string): string {
  return text.replace(/^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g, "");
}

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
const LOWER = /^\p{Ll}$/u;
const UPPER = /^\p{Lu}$/u;

/**
 * Vale's `action: convert` with `simple` (twine v0.10.1 strcase.Simple): each letter or number in
 * lower case, anything else a space, and a space before an upper-case letter that follows a
 * lower-case one past the string's second byte (Go's byte index: `aB` stays one word, `éA` is two);
 * runs of spaces become one, and the ends are trimmed.
 */
export function simpleCase(text: string): string {
  let out = "";
  let old = " ";
  let byte = 0;
  for (const c of text) {
    const alpha = LETTER_OR_NUMBER.test(c);
    if ((byte > 1 && LOWER.test(old) && UPPER.test(c)) || !alpha) out += " ";
    // Go's unicode.ToLower maps one rune to one rune: İ is i, where JavaScript adds a combining dot.
    if (alpha || c === " ") out += c === "\u0130" ? "i" : c.toLowerCase();
    old = c;
    const cp = c.codePointAt(0)!;
    byte += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return out.trim().replace(/ +/g, " ");
}
