/**
 * What the Markdown parser (satteri, native code) cannot be given in reasonable time: a line that opens
 * thousands of block quotes and list items inside each other (`> > > …`, `- - - … a`, `1. 1. 1. …`). Its
 * time grows with the square of that depth: 100,000 levels on one line (200 KB) took 8 s, 200,000 some
 * 40 s, and a card of 1 MB minutes, before markdown-too-deep could say that no page renders it anyway.
 * Such a line gets a markdown-syntax error and the card is not parsed. A depth the renderer still
 * reaches (markdown-too-deep reports a card nested beyond it) is far below the bound.
 */

/** Block quotes and list items one line may open or continue, at most. */
export const MAX_LINE_CONTAINERS = 5_000;

export interface NestingRisk {
  message: string;
  /** Where in the source the line over the bound starts. */
  offset: number;
}

/** The line ranges (first and last, 1-based) of every code block of a parse of `source`. */
export type CodeLines = (source: string) => Iterable<readonly [number, number]>;

/**
 * The first line of `source` that nests more containers than the parser reads in reasonable time. In a code block
 * such a line is text, which the parser reads at once: given `codeLines`, a line a code block holds is let through.
 * That is read from a parse of the text with each such line's markers made plain (`x`, its leading spaces kept): the
 * same blocks up to that line, so a line the plain parse puts in a code block is code in the card too. The other way
 * round is on the safe side: a fence inside a block quote ends where the plain line leaves the quote, and its line is
 * refused.
 */
export function nestingRisk(source: string, codeLines?: CodeLines): NestingRisk | undefined {
  const deep = deepLines(source);
  if (deep.length === 0) return undefined;
  const inCode = codeLines ? codeLinesWithPlainMarkers(source, deep, codeLines) : () => false;
  const first = deep.find((line) => !inCode(line.number));
  if (!first) return undefined;
  return {
    offset: first.start,
    message:
      `This line opens ${first.containers.toLocaleString("en-US")} block quotes or list items inside each other, more than the Markdown parser reads in reasonable time ` +
      `(at most ${MAX_LINE_CONTAINERS.toLocaleString("en-US")}; no page renders even a thousand). Flatten the nesting, or put the text in a code block`,
  };
}

interface DeepLine {
  /** 1-based. */
  number: number;
  start: number;
  end: number;
  containers: number;
}

function deepLines(source: string): DeepLine[] {
  // A line needs at least one character per container: a text without such a line is cleared at once.
  if (source.length <= MAX_LINE_CONTAINERS) return [];
  const found: DeepLine[] = [];
  let number = 1;
  for (let start = 0; start < source.length; number++) {
    const end = lineEnd(source, start);
    if (end - start > MAX_LINE_CONTAINERS) {
      const containers = lineContainers(source, start, end);
      if (containers > MAX_LINE_CONTAINERS) found.push({ number, start, end, containers });
    }
    start = end + 1;
  }
  return found;
}

/** Whether a line is in a code block, read from a parse with every deep line's text after its indent made `x`s. */
function codeLinesWithPlainMarkers(source: string, deep: readonly DeepLine[], codeLines: CodeLines): (line: number) => boolean {
  let plain = "";
  let at = 0;
  for (const line of deep) {
    let text = line.start;
    while (text < line.end && (source[text] === " " || source[text] === "\t")) text++;
    plain += source.slice(at, text) + "x".repeat(line.end - text);
    at = line.end;
  }
  plain += source.slice(at);
  let ranges: (readonly [number, number])[];
  try {
    ranges = [...codeLines(plain)];
  } catch {
    // The plain text is refused for a reason of its own: no line is taken for code.
    return () => false;
  }
  return (line) => ranges.some(([first, last]) => first <= line && line <= last);
}

function lineEnd(source: string, start: number): number {
  const end = source.indexOf("\n", start);
  return end < 0 ? source.length : end;
}

const BULLET = /[-+*]/;

/** How many `>` markers and list markers start the line (a thematic break's `- - -` are not list markers). */
function lineContainers(source: string, start: number, end: number): number {
  let at = start;
  let count = 0;
  let lists = 0;
  const bullets = new Set<string>();
  const skipSpaces = () => {
    while (at < end && (source[at] === " " || source[at] === "\t")) at++;
  };
  skipSpaces();
  while (at < end) {
    const ch = source[at]!;
    if (ch === ">") {
      count++;
      at++;
    } else if (BULLET.test(ch) && (at + 1 === end || source[at + 1] === " " || source[at + 1] === "\t")) {
      count++;
      lists++;
      bullets.add(ch);
      at++;
    } else {
      const ordered = /^[0-9]{1,9}[.)](?=[ \t]|$)/.exec(source.slice(at, Math.min(end, at + 11)));
      if (!ordered) break;
      count++;
      lists++;
      bullets.add(".");
      at += ordered[0].length;
    }
    skipSpaces();
  }
  // `- - - -` (or `* * *`) with nothing after is one thematic break, not nested lists.
  if (at === end && bullets.size === 1 && !bullets.has(".")) return count - lists;
  return count;
}
