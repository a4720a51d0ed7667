/**
 * One alert model for every check (card rules, style rules, build checks). Reporters in `cli/`
 * are thin views of it.
 */
import { columnCounter } from "../code-point-columns.ts";

export type Severity = "error" | "warning" | "suggestion";

/** A text edit that fixes a finding: replace `[start, end)` (UTF-16 offsets in the file) with `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface Finding {
  /** Stable rule id, e.g. `verify-by-expired`, or Vale's `Style.Rule` for prose rules. */
  ruleId: string;
  severity: Severity;
  /** What is wrong and how to fix it, in one or two sentences. */
  message: string;
  /** Absolute path of the file the finding is about. */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column, in Unicode code points. */
  column: number;
  endLine?: number;
  endColumn?: number;
  /** Where the rule is documented. */
  url?: string;
  /** Absolute path of another file the finding is about (the file a change publishes, say). */
  subject?: string;
  /** Edits that fix the finding, when the rule is fixable. */
  fix?: TextEdit[];
  /** What Vale's JSON output says of a Vale-format rule's alert (only when asked for: `verity style --output=JSON`). */
  vale?: ValeAlertDetail;
}

export interface ValeAlertDetail {
  /** The matched text, as the rule saw it. */
  match: string;
  /** The rule's `description`, formatted as its message. */
  description: string;
  /** The rule's action; a `replace` without params gets the suggestions. */
  action: { name: string; params: string[] | null };
}

const SEVERITY_RANK: Record<Severity, number> = { suggestion: 0, warning: 1, error: 2 };

export function severityAtLeast(severity: Severity, minimum: Severity): boolean {
  return SEVERITY_RANK[severity] >= SEVERITY_RANK[minimum];
}

/** Orders findings by file, then line, then column, then rule id. */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  if (a.column !== b.column) return a.column - b.column;
  return a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0;
}

export interface FindingCounts {
  errors: number;
  warnings: number;
  suggestions: number;
}

export function countFindings(findings: readonly Finding[]): FindingCounts {
  const counts = { errors: 0, warnings: 0, suggestions: 0 };
  for (const finding of findings) {
    if (finding.severity === "error") counts.errors++;
    else if (finding.severity === "warning") counts.warnings++;
    else counts.suggestions++;
  }
  return counts;
}

/** Converts a UTF-16 column (as parsers give) on a line to a code-point column. */
export function codePointColumn(lineText: string, utf16Column: number): number {
  return Array.from(lineText.slice(0, Math.max(0, utf16Column - 1))).length + 1;
}

/**
 * `codePointColumn` for many findings of one file: `(line, utf16Column)` to the code-point column on
 * that line (lines end at `\n`, as a card's tree numbers them). The line starts are found once, and
 * columns are counted from a long line's marks (code-point-columns.ts): 20,000 findings on one line
 * of a card no longer read the file from its start each.
 */
export function columnFinder(source: string): (line: number, utf16Column: number) => number {
  let starts: number[] | undefined;
  const columnOf = columnCounter(source);
  return (line, utf16Column) => {
    if (!starts) {
      starts = [0];
      for (let i = source.indexOf("\n"); i >= 0; i = source.indexOf("\n", i + 1)) starts.push(i + 1);
    }
    const index = Math.max(1, line) - 1;
    const start = starts[index];
    if (start === undefined) return 1;
    const lineEnd = index + 1 < starts.length ? starts[index + 1]! - 1 : source.length;
    // As codePointColumn over the line's text: a column past its end counts to its end.
    return columnOf(index, start, Math.min(start + Math.max(0, utf16Column - 1), lineEnd));
  };
}
