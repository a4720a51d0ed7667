/**
 * goldmark v1.5.6 (Vale's Markdown reader, extension/table.go parseRow) reads a table whose delimiter
 * row has more cells than its header row, padding the header with empty cells; GFM, which Verity's
 * parser follows, needs as many cells and reads a paragraph. Prose is read from the text with each such
 * header padded (` |` a missing cell, at the line's end), every offset mapped back to the file as written.
 * Only rows that start with a pipe (after at most three spaces) are looked at: a row inside a quote
 * or a list item is left as it is.
 */
import type { RewrittenSource } from "./comment-delimiters.ts";

const ROW = /^ {0,3}\|/;
const DELIMITER_CELL = /^[ \t]*:?-+:?[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** `text` with the short headers padded; undefined when it has none. */
export function padTableHeaders(text: string): RewrittenSource | undefined {
  if (!text.includes("|-") && !text.includes("|:") && !text.includes("| -") && !text.includes("| :")) return undefined;
  const lines = text.split("\n");
  const inserts: { at: number; text: string }[] = [];
  let fence: string | undefined;
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const opened = FENCE.exec(line)?.[1];
    if (opened && (!fence || (opened[0] === fence[0] && opened.length >= fence.length && line.trim() === opened))) fence = fence ? undefined : opened;
    else if (!fence && ROW.test(line) && ROW.test(lines[i + 1] ?? "")) {
      const missing = delimiterCells(lines[i + 1]!) - headerCells(line);
      if (missing > 0 && headerCells(line) > 0) inserts.push({ at: offset + line.length, text: (/\|[ \t]*$/.test(line) ? "" : " |") + " |".repeat(missing) });
    }
    offset += line.length + 1;
  }
  if (inserts.length === 0) return undefined;
  let out = "";
  let from = 0;
  const starts: { start: number; end: number; at: number; shift: number }[] = [];
  for (const insert of inserts) {
    out += text.slice(from, insert.at);
    starts.push({ start: out.length, end: out.length + insert.text.length, at: insert.at, shift: out.length + insert.text.length - insert.at });
    out += insert.text;
    from = insert.at;
  }
  out += text.slice(from);
  const toSource = (o: number): number => {
    let last: (typeof starts)[number] | undefined;
    for (const s of starts) if (s.start <= o) last = s;
    if (!last) return o;
    return o < last.end ? last.at : o - last.shift;
  };
  return { text: out, toSource };
}

/** goldmark's parseRow: the cells of a row, its outer pipes dropped, split at every pipe not after `\`. */
function headerCells(line: string): number {
  let row = line.trim();
  if (row.startsWith("|")) row = row.slice(1);
  if (row.endsWith("|") && !row.endsWith("\\|")) row = row.slice(0, -1);
  if (row === "") return 0;
  return row.split(/(?<!\\)\|/).length;
}

/** goldmark's parseDelimiter: the cells of a delimiter row, 0 when it is none. */
function delimiterCells(line: string): number {
  if (!/^ {0,3}[|:\- \t]+$/.test(line)) return 0;
  const cols = line.split("|");
  if (cols[0]!.trim() === "") cols.shift();
  if (cols.length > 0 && cols.at(-1)!.trim() === "") cols.pop();
  return cols.every((col) => DELIMITER_CELL.test(col)) ? cols.length : 0;
}
