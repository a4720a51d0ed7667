/** Source offsets to 1-based lines and code-point columns; CR, LF and CRLF each end a line. */

export interface LineIndex {
  locate(offset: number): { line: number; column: number };
  /** The source offsets of the line holding `offset`: its start, and its end before the line break. */
  span(offset: number): { start: number; end: number };
}

/** Code units between two column marks of a long line. */
const STEP = 1024;

/** The line index is built on the first `locate`: most files have no alert and never need it. */
export function indexLines(source: string): LineIndex {
  let starts: number[] | undefined;
  /** The index in `starts` of the line holding `at`. */
  const lineOf = (at: number): number => {
    starts ??= lineStarts(source);
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  /** Per long line, the column at every STEP-th code unit from its start, filled as far as asked. */
  const marks = new Map<number, number[]>();
  /** Code-point columns from `from` to `to` (code units that are not the second half of a pair). */
  const advance = (column: number, from: number, to: number): number => {
    for (let i = from; i < to; i++) {
      const code = source.charCodeAt(i);
      if (code < 0xdc00 || code > 0xdfff) column++;
    }
    return column;
  };
  return {
    // A long line with many alerts on it is read once, not once per alert: the count starts at the
    // nearest mark before the offset.
    locate(offset) {
      const at = Math.max(0, Math.min(offset, source.length));
      const lo = lineOf(at);
      const lineStart = starts![lo]!;
      const k = Math.floor((at - lineStart) / STEP);
      if (k === 0) return { line: lo + 1, column: advance(1, lineStart, at) };
      let columns = marks.get(lo);
      if (!columns) marks.set(lo, (columns = [1]));
      while (columns.length <= k) {
        const from = lineStart + (columns.length - 1) * STEP;
        columns.push(advance(columns.at(-1)!, from, from + STEP));
      }
      return { line: lo + 1, column: advance(columns[k]!, lineStart + k * STEP, at) };
    },
    span(offset) {
      const lo = lineOf(Math.max(0, Math.min(offset, source.length)));
      const start = starts![lo]!;
      let end = lo + 1 < starts!.length ? starts![lo + 1]! : source.length;
      while (end > start && (source[end - 1] === "\n" || source[end - 1] === "\r")) end--;
      return { start, end };
    },
  };
}

function lineStarts(source: string): number[] {
  const starts = [0];
  const lineEnd = /\r\n?|\n/g;
  for (let match = lineEnd.exec(source); match; match = lineEnd.exec(source)) starts.push(match.index + match[0].length);
  return starts;
}
