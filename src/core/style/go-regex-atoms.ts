/**
 * The atoms of a Go/regexp2 pattern in JavaScript: escapes (`\b`, `\w`, `\x{…}`, octal codes, `\p{Han}`)
 * and character classes (POSIX classes, `\W` inside a class), with regexp2's Unicode-aware word class.
 * go-regex.ts walks the pattern and hands each escape and class to these.
 */

export class RegexTranslationError extends Error {}

/** regexp2's `\w` (.NET's word class, IsWordChar): a letter, non-spacing mark, decimal digit, connector punctuation, ZWNJ or ZWJ. */
export const WORD = String.raw`[\p{L}\p{Mn}\p{Nd}\p{Pc}\u200C\u200D]`;
const WORD_CLASS_BODY = String.raw`\p{L}\p{Mn}\p{Nd}\p{Pc}\u200C\u200D`;
export const BOUNDARY = `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`;
export const NON_BOUNDARY = `(?:(?<=${WORD})(?=${WORD})|(?<!${WORD})(?!${WORD}))`;

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

/** Translates the escape at `src[i]`; returns the JS text and the length consumed. */
export function translateEscape(src: string, i: number, inClass: boolean): [string, number] {
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
      // regexp2's named backreference \k<name> or \k'name' (the group written (?P<name>…), (?<name>…) or (?'name'…)).
      const named = /^\\k(?:<([A-Za-z_]\w*)>|'([A-Za-z_]\w*)')/.exec(src.slice(i));
      if (!named || inClass) throw new RegexTranslationError("unsupported escape \\k");
      return [`\\k<${named[1] ?? named[2]}>`, named[0].length];
    }
    case "c": {
      // regexp2's control character (scanControl): \cA or \ca is U+0001, \c[ is U+001B.
      const code = (src[i + 2] ?? "").toUpperCase().charCodeAt(0) - 0x40;
      if (!(code >= 0 && code < 0x20)) throw new RegexTranslationError("invalid control escape \\c: write \\c and a letter, such as \\cA");
      return [`\\x${code.toString(16).padStart(2, "0")}`, 3];
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

export function translateClass(src: string, start: number): [string, number] {
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
    if (ch === "-" && src[i + 1] === "[" && (out !== "" || nonWord)) {
      // .NET's subtraction (`[a-z-[aeiou]]`), the class's last element: a character of the class that
      // is not in the subtracted one. JavaScript's `u` patterns have no subtraction: a lookahead says it.
      const [subtracted, length] = translateClass(src, i + 1);
      const end = i + 1 + length;
      if (src[end] !== "]") throw new RegexTranslationError("a subtraction must be the last element in a character class");
      const [base] = close(end);
      return [`(?:(?!${subtracted})${base})`, end + 1 - start];
    }
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
      out += negated ? complementOfAscii(body) : body;
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

/** The class body of every character not in an ASCII class body (`[:^alpha:]`, as regexp2's addNamedASCII negated). */
function complementOfAscii(body: string): string {
  const inBody = new RegExp(`[${body}]`, "u");
  const hex = (code: number) => `\\x${code.toString(16).padStart(2, "0")}`;
  let out = "";
  let from = -1;
  for (let code = 0; code <= 0x80; code++) {
    const outside = code < 0x80 && !inBody.test(String.fromCharCode(code));
    if (outside && from < 0) from = code;
    if (!outside && from >= 0) {
      out += from === code - 1 ? hex(from) : `${hex(from)}-${hex(code - 1)}`;
      from = -1;
    }
  }
  return `${out}\\x80-\\u{10FFFF}`;
}
