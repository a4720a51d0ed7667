/**
 * Vale reads a file with its line ends made "\n" (core.Sanitize: "\r\n" and "\r" become "\n") before
 * it parses the file, applies ignore patterns or runs a rule. Lines and columns are the same either
 * way (only a CR before an LF goes); fixes are put back on the file as written.
 */
import type { Finding } from "../lint/findings.ts";
import { countBelow } from "../arrays.ts";

/** Runs `lint` on `source` with LF line ends and maps its fixes' offsets back to `source`. */
export function withLfLineEnds(source: string, lint: (lf: string) => Finding[]): Finding[] {
  /** Offsets, in the LF text, of each LF that had a CR before it. */
  const shifted: number[] = [];
  const lf = source.replace(/\r\n?/g, (ending, at: number) => {
    if (ending.length === 2) shifted.push(at - shifted.length);
    return "\n";
  });
  const findings = lint(lf);
  if (shifted.length === 0) return findings;
  // The original offset of a LF-text offset: one more for each CR dropped before it.
  const toSource = (offset: number) => offset + countBelow(shifted, offset);
  for (const finding of findings) {
    if (finding.fix) finding.fix = finding.fix.map((edit) => ({ ...edit, start: toSource(edit.start), end: toSource(edit.end) }));
  }
  return findings;
}
