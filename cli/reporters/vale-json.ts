/**
 * Vale's `--output=JSON`: an object from each path with alerts to its alerts, each with Vale's fields
 * in Vale's order (Action, Span, Check, Description, Link, Message, Severity, Match, Line), indented
 * and escaped as Go's json.MarshalIndent writes them, so editor plugins and CI scripts that read
 * Vale's JSON read Verity's.
 */
import type { Finding } from "../../src/core/lint/findings.ts";
import { displayPath } from "./paths.ts";
import type { Reporter } from "./types.ts";

interface ValeJsonAlert {
  Action: { Name: string; Params: string[] | null };
  Span: [number, number];
  Check: string;
  Description: string;
  Link: string;
  Message: string;
  Severity: string;
  Match: string;
  Line: number;
}

export const valeJson: Reporter = ({ findings, cwd, showPath }) => {
  const byPath = new Map<string, ValeJsonAlert[]>();
  for (const finding of findings) {
    const key = showPath ? showPath(finding.file) : displayPath(finding.file, cwd);
    const alerts = byPath.get(key) ?? [];
    alerts.push(toAlert(finding));
    byPath.set(key, alerts);
  }
  // Go writes a map's keys sorted by their bytes.
  const sorted = Object.fromEntries([...byPath].sort(([a], [b]) => compareBytes(a, b)));
  return `${goEscape(JSON.stringify(sorted, null, 2))}\n`;
};

function toAlert(finding: Finding): ValeJsonAlert {
  const detail = finding.vale;
  const match = detail?.match ?? "";
  return {
    Action: { Name: detail?.action.name ?? "", Params: detail?.action.params ?? null },
    Span: [finding.column, spanEnd(finding, match)],
    Check: finding.ruleId,
    Description: detail?.description ?? "",
    Link: finding.url ?? "",
    Message: finding.message,
    Severity: finding.severity,
    Match: match,
    Line: finding.line,
  };
}

/**
 * The column of the alert's last character, as Vale's FindLoc counts it: the start column plus the
 * match's length in code points, less one, never past the end of the first line (its newline counted).
 */
function spanEnd(finding: Finding, match: string): number {
  if (finding.endLine === finding.line && finding.endColumn !== undefined) return Math.max(finding.column, finding.endColumn - 1);
  const newline = match.indexOf("\n");
  const firstLine = newline >= 0 ? match.slice(0, newline + 1) : match;
  return Math.max(finding.column, finding.column + [...firstLine].length - 1);
}

function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/** Go's encoder also escapes <, >, & and the two Unicode line separators inside strings. */
function goEscape(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
