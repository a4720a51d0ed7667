/**
 * What the MDX parser (satteri, native code) cannot be given safely, found in one pass before it
 * runs. It recurses once per level of an expression: a few thousand nested brackets
 * (`{((((…))))}`, `{[[[[…]]]]}`) or a chain of some ten thousand operators (`{!!!!…1}`, `{a=a=a…}`)
 * overflow the native stack, and the process dies with a segmentation fault: no message, no finding,
 * no other card checked. Its time and memory also grow with the square of a card's tags and
 * expressions: 20,000 `<a>x</a>` take 11 s, 40,000 on lines of their own exhaust a 4 GB heap, and
 * 100,000 `{` take 45 s. A card over one of the bounds below gets a markdown-syntax error at the line
 * where it went over, and is not parsed.
 */

/** Levels of `{`, and of `(` and `[` inside an expression or an import/export, one in another. */
export const MAX_MDX_DEPTH = 256;
/** `<` and `{` in the card outside fenced code: each is a tag or an expression the parser tries. */
export const MAX_MDX_MARKUP = 5_000;
/** Characters of one expression or import/export block, its comments left out. */
export const MAX_MDX_EXPRESSION = 10_000;

export interface MdxRisk {
  message: string;
  /** Where in the source the bound was passed. */
  offset: number;
}

const FENCE = /^[ \t>]*(`{3,}|~{3,})/;
/** How far a code span's closing backticks are looked for: a longer span is read as text (any `{` in it then counts). */
const MAX_CODE_SPAN = 10_000;

/** The first bound `source` (an MDX card) passes, or undefined when the parser may be given it. */
export function mdxRisk(source: string): MdxRisk | undefined {
  let fence: string | undefined;
  let markup = 0;
  /** Open `{` (expressions), and open brackets inside them or inside an import/export. */
  let braces = 0;
  let brackets = 0;
  let isEsm = false;
  let isComment = false;
  let length = 0;
  const over = (offset: number, message: string): MdxRisk => ({ offset, message });
  for (let i = 0; i < source.length; i++) {
    if (i === 0 || source[i - 1] === "\n") {
      const lineEnd = source.indexOf("\n", i);
      const line = source.slice(i, lineEnd < 0 ? source.length : lineEnd);
      const atTop = braces === 0 && !isComment;
      const opener = atTop && !isEsm ? FENCE.exec(line) : null;
      if (fence !== undefined || opener) {
        // A fenced code block is text to the parser: skipped whole, its closing line too.
        if (fence === undefined) fence = opener![1]!;
        else if (opener && opener[1]![0] === fence[0] && opener[1]!.length >= fence.length && line.slice(opener[0].length).trim() === "") fence = undefined;
        if (lineEnd < 0) break;
        i = lineEnd;
        continue;
      }
      if (atTop && line.trim() === "") isEsm = false;
      else if (atTop && !isEsm && /^(?:import|export)\b/.test(line)) {
        isEsm = true;
        length = 0;
      }
    }
    const ch = source[i]!;
    const inCode = braces > 0 || isEsm;
    if (isComment) {
      if (ch === "*" && source[i + 1] === "/") {
        isComment = false;
        i++;
      }
      continue;
    }
    if (!inCode && ch === "\\") {
      i++;
      continue;
    }
    if (!inCode && ch === "`") {
      // A code span is text: its closing run of as many backticks, before the paragraph ends.
      let run = 1;
      while (source[i + run] === "`") run++;
      const close = closingRun(source, i + run, run);
      i = (close ?? i) + run - 1;
      continue;
    }
    if (inCode && ch === "/" && source[i + 1] === "*") {
      isComment = true;
      i++;
      continue;
    }
    if (inCode && ++length > MAX_MDX_EXPRESSION) {
      return over(i, `This MDX expression or import/export is over ${MAX_MDX_EXPRESSION.toLocaleString("en-US")} characters (its comments left out), more than the MDX parser reads safely. A card may only hold plain values in {…}: write the text itself`);
    }
    if ((ch === "<" || ch === "{") && ++markup > MAX_MDX_MARKUP) {
      return over(i, `The card holds more than ${MAX_MDX_MARKUP.toLocaleString("en-US")} MDX tags and expressions (< and {), and the MDX parser's time grows with the square of their number. Split the card, name it .md if it uses no components, or write \\< and \\{ for a literal < or {`);
    }
    if (ch === "{") {
      if (braces === 0 && !isEsm) length = 0;
      braces++;
    } else if (ch === "}" && braces > 0) braces--;
    else if (inCode && (ch === "(" || ch === "[")) brackets++;
    else if (inCode && (ch === ")" || ch === "]") && brackets > 0) brackets--;
    if (braces + brackets > MAX_MDX_DEPTH) {
      return over(i, `MDX brackets and braces are nested more than ${MAX_MDX_DEPTH} levels deep here, more than the MDX parser reads safely. A card may only hold plain values in {…}: write the text itself, and close each { with }`);
    }
    if (braces === 0 && !isEsm) brackets = 0;
  }
  return undefined;
}

/** Where the run of exactly `run` backticks that closes a code span starts, searched from `from` up to a blank line. */
function closingRun(source: string, from: number, run: number): number | undefined {
  const blank = source.indexOf("\n\n", from);
  const limit = Math.min(blank < 0 ? source.length : blank, from + MAX_CODE_SPAN);
  for (let i = source.indexOf("`", from); i >= 0 && i < limit; i = source.indexOf("`", i)) {
    let length = 1;
    while (source[i + length] === "`") length++;
    if (length === run) return i;
    i += length;
  }
  return undefined;
}
