/**
 * What the Markdown parser (satteri, native code) cannot be given in reasonable time: a text with
 * many character references. It copies a text node's text once for each reference in it (`&amp;`,
 * `&#65;`), so time and memory grow with references × length: 500 references spread through a
 * 900 KB paragraph take 0.7 s, and 2,000 need a string over V8's limit (512 M characters), which
 * failed only after some 20 s of swapping. Most cards have few references and pass the first
 * bound at once; a card that does not is measured text node by text node, and one over the budget
 * gets a markdown-syntax error at that text and is not parsed.
 */

/** References × characters of one text node, at most: about 50 ms of parsing. */
export const MAX_REFERENCE_COST = 30_000_000;

/** A character reference as CommonMark reads one (a name, a decimal or a hexadecimal code). */
const REFERENCE = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/g;
/** A blank line, also inside a block quote: no text node goes on past one. */
const BLANK_LINE = /\n[ \t>]*(?=\n)/g;

export interface ReferenceRisk {
  message: string;
  /** Where in the source the text over the budget starts. */
  offset: number;
}

/** The start and end offsets of every text node of `source` with its references made plain text. */
export type TextSpans = (source: string) => Iterable<readonly [number, number]>;

/** The first text of `source` over the budget, or undefined when the parser may be given it. */
export function referenceRisk(source: string, textSpans: TextSpans): ReferenceRisk | undefined {
  if (!mayCostTooMuch(source)) return undefined;
  // `&` becomes `%`, which is punctuation as `&` is and means nothing in Markdown or MDX: the same blocks and inlines, no reference.
  for (const [start, end] of textSpans(source.replaceAll("&", "%"))) {
    const references = countReferences(source.slice(start, end));
    if (references * (end - start) > MAX_REFERENCE_COST) {
      return {
        offset: start,
        message:
          `This text holds ${references.toLocaleString("en-US")} character references (such as &amp; or &#160;) in ${(end - start).toLocaleString("en-US")} characters, ` +
          "more than the Markdown parser reads in reasonable time (it copies the text once for each reference). Write the characters themselves (& for &amp;), or split the text into shorter paragraphs",
      };
    }
  }
  return undefined;
}

/** False when no run of lines between blank lines can hold a text over the budget (references × length of the run). */
function mayCostTooMuch(source: string): boolean {
  const total = countReferences(source);
  if (total * source.length <= MAX_REFERENCE_COST) return false;
  let start = 0;
  BLANK_LINE.lastIndex = 0;
  for (let blank = BLANK_LINE.exec(source); ; blank = BLANK_LINE.exec(source)) {
    const end = blank ? blank.index : source.length;
    if (end - start > 0 && countReferences(source.slice(start, end)) * (end - start) > MAX_REFERENCE_COST) return true;
    if (!blank) return false;
    start = blank.index + blank[0].length;
  }
}

function countReferences(text: string): number {
  if (!text.includes("&")) return 0;
  let count = 0;
  REFERENCE.lastIndex = 0;
  while (REFERENCE.exec(text)) count++;
  return count;
}
