/**
 * Code-point columns (1-based; a surrogate pair is one column) of offsets in a text, for callers
 * that place many positions on one long line: each line keeps the column at every STEP-th code unit
 * from its start, so a position is counted from the nearest mark before it, not from the line's start
 * (20,000 findings on one line would otherwise read it 20,000 times).
 */

/** Code units between two column marks of a long line. */
const STEP = 1024;

/** `(line, lineStart, at)`: the column of `source[at]` on the line `line` (any key) starting at `lineStart`. */
export type ColumnCounter = (line: number, lineStart: number, at: number) => number;

export function columnCounter(source: string): ColumnCounter {
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
  return (line, lineStart, at) => {
    const k = Math.floor((at - lineStart) / STEP);
    if (k === 0) return advance(1, lineStart, at);
    let columns = marks.get(line);
    if (!columns) marks.set(line, (columns = [1]));
    while (columns.length <= k) {
      const from = lineStart + (columns.length - 1) * STEP;
      columns.push(advance(columns.at(-1)!, from, from + STEP));
    }
    return advance(columns[k]!, lineStart + k * STEP, at);
  };
}
