/** Source offsets to 1-based lines and code-point columns; CR, LF and CRLF each end a line. */
import { columnCounter } from "../code-point-columns.ts";
import { countAtMost } from "../arrays.ts";

export interface LineIndex {
  locate(offset: number): { line: number; column: number };
  /** The source offsets of the line holding `offset`: its start, and its end before the line break. */
  span(offset: number): { start: number; end: number };
}

/** The line index is built on the first `locate`: most files have no alert and never need it. */
export function indexLines(source: string): LineIndex {
  let starts: number[] | undefined;
  /** The index in `starts` of the line holding `at`. */
  const lineOf = (at: number): number => {
    starts ??= lineStarts(source);
    // The first line starts at 0 and `at` is never negative: at least one start is at most `at`.
    return countAtMost(starts, at) - 1;
  };
  const columnOf = columnCounter(source);
  return {
    // A long line with many alerts on it is read once, not once per alert (code-point-columns.ts).
    locate(offset) {
      const at = Math.max(0, Math.min(offset, source.length));
      const lo = lineOf(at);
      return { line: lo + 1, column: columnOf(lo, starts![lo]!, at) };
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
