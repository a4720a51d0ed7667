/** Source offsets to 1-based lines and code-point columns; CR, LF and CRLF each end a line. */

export interface LineIndex {
  locate(offset: number): { line: number; column: number };
}

export function indexLines(source: string): LineIndex {
  const starts = [0];
  for (let i = 0; i < source.length; i++) {
    const ch = source.charCodeAt(i);
    if (ch === 10) starts.push(i + 1);
    else if (ch === 13) {
      if (source.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return {
    locate(offset) {
      const at = Math.max(0, Math.min(offset, source.length));
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= at) lo = mid;
        else hi = mid - 1;
      }
      let column = 1;
      for (let i = starts[lo]!; i < at; i++) {
        const code = source.charCodeAt(i);
        if (code < 0xdc00 || code > 0xdfff) column++;
      }
      return { line: lo + 1, column };
    },
  };
}
