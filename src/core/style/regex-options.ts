/**
 * The inline options of Vale's regular expressions (errata-ai/regexp2, .NET's syntax) that have no
 * JavaScript flag, written out before the pattern is translated (go-regex.ts):
 *
 * - `x` (ignore pattern white space): outside a class, unescaped white space is dropped and `#`
 *   starts a comment that runs to the end of the line;
 * - `n` (explicit capture): a plain group `(…)` does not capture (a named one still does);
 * - `d` (debug) changes nothing;
 * - option letters are read in either case, as regexp2 reads them (`(?I)` is `(?i)`).
 *
 * Each holds, like any inline option, to the end of the group it is set in, or inside `(?x:…)`.
 * What is left is the same pattern in the options the translator knows (`i`, `m`, `s`).
 */
import { RegexTranslationError } from "./go-regex-atoms.ts";
import { goClassEnd } from "./regex-edges.ts";

/** regexp2's white space for `x`: space, tab, line feed, vertical tab, form feed, carriage return. */
const SPACE = /[ \t\n\v\f\r]/;
const OPTION_GROUP = /^\(\?([a-zA-Z]*)(?:-([a-zA-Z]*))?(\)|:)/;

interface Options {
  extended: boolean;
  explicit: boolean;
}

/** `pattern` with its `x`, `n` and `d` options applied and every option letter in lower case. */
export function applyInlineOptions(pattern: string): string {
  // Most patterns set no option, or only lower-case i, m and s: nothing to do.
  if (!hasOtherOptions(pattern)) return pattern;
  let out = "";
  const stack: Options[] = [{ extended: false, explicit: false }];
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i]!;
    const options = stack.at(-1)!;
    if (ch === "\\") {
      out += pattern.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (ch === "[") {
      const end = goClassEnd(pattern, i) ?? pattern.length;
      out += pattern.slice(i, end);
      i = end;
      continue;
    }
    if (options.extended && SPACE.test(ch)) {
      i++;
      continue;
    }
    if (options.extended && ch === "#") {
      const newline = pattern.indexOf("\n", i);
      i = newline < 0 ? pattern.length : newline + 1;
      continue;
    }
    if (ch === ")") {
      if (stack.length > 1) stack.pop();
      out += ch;
      i++;
      continue;
    }
    if (ch !== "(") {
      out += ch;
      i++;
      continue;
    }
    if (pattern.startsWith("(?#", i)) {
      // A comment group: copied as it is (the translator drops it), `#` in it starts no comment.
      const close = pattern.indexOf(")", i);
      const end = close < 0 ? pattern.length : close + 1;
      out += pattern.slice(i, end);
      i = end;
      continue;
    }
    const group = OPTION_GROUP.exec(pattern.slice(i, i + 40));
    if (group && (group[1] || group[2])) {
      const next = withOptions(options, group[1] ?? "", group[2] ?? "");
      const kept = keptLetters(group[1] ?? "", group[2] ?? "");
      if (group[3] === ")") {
        stack[stack.length - 1] = next;
        if (kept) out += `(?${kept})`;
      } else {
        stack.push(next);
        out += kept ? `(?${kept}:` : "(?:";
      }
      i += group[0].length;
      continue;
    }
    stack.push({ ...options });
    if (pattern[i + 1] !== "?" && options.explicit) out += "(?:";
    else out += "(";
    i++;
  }
  return out;
}

/** Whether any option group sets or clears a letter other than lower-case i, m and s (and U, which the translator refuses). */
function hasOtherOptions(pattern: string): boolean {
  for (const match of pattern.matchAll(/\(\?([a-zA-Z]*)(?:-([a-zA-Z]*))?[:)]/g)) {
    if (/[^imsU]/.test((match[1] ?? "") + (match[2] ?? ""))) return true;
  }
  return false;
}

function withOptions(options: Options, on: string, off: string): Options {
  const next = { ...options };
  for (const [letters, value] of [[on, true], [off, false]] as const) {
    for (const letter of letters.toLowerCase()) {
      if (letter === "x") next.extended = value;
      else if (letter === "n") next.explicit = value;
      else if (letter === "u" && letters.includes("U")) continue; // the translator refuses (?U) with its own message
      else if (letter === "r" || letter === "e") {
        throw new RegexTranslationError(`the inline option (?${letter}) (${letter === "r" ? "right to left" : "ECMAScript"} matching) is not supported`);
      } else if (!"imsd".includes(letter)) throw new RegexTranslationError(`unknown inline option (?${letter})`);
    }
  }
  return next;
}

/** The option letters the translator reads itself (`i`, `m`, `s`, and `U`, which it refuses), in lower case. */
function keptLetters(on: string, off: string): string {
  const keep = (letters: string) => [...letters].map((c) => (c === "U" ? c : c.toLowerCase())).filter((c) => "imsU".includes(c)).join("");
  const kept = keep(on);
  const dropped = keep(off);
  return dropped ? `${kept}-${dropped}` : kept;
}
