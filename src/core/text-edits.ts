/** A replacement of `source.slice(start, end)` by `text` (offsets into the source). */
export interface TextSpanEdit {
  start: number;
  end: number;
  text: string;
}

/** `source` with the edits applied in source order; of overlapping edits the first (by start, then end) is kept. */
export function applyTextEdits(source: string, edits: readonly TextSpanEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at) continue;
    out += source.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + source.slice(at);
}
