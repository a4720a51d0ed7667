/** ESLint's JSON shape, so tools that read ESLint results read Verity's. */
import type { Finding } from "../../src/core/lint/findings.ts";
import { asciiJson, asciiJsonString } from "../../src/core/report/ascii-json.ts";
import type { Reporter } from "./types.ts";

/** The rest of a result without messages, after its path. */
const NO_MESSAGES = `,"messages":[],"errorCount":0,"fatalErrorCount":0,"warningCount":0,"fixableErrorCount":0,"fixableWarningCount":0}`;

export const json: Reporter = ({ findings, files }) => {
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) {
    const list = byFile.get(finding.file);
    if (list) list.push(finding);
    else byFile.set(finding.file, [finding]);
  }
  // Every checked file, then any other file a finding names; most cards have no finding, and
  // their entry is written directly (a large project lists thousands of them).
  const parts: string[] = [];
  // ASCII JSON (`\u2019` for a curly quote): the same value for any reader, and output 30 times
  // faster than the two-byte string one such character would make of the whole report.
  const entry = (filePath: string, list: readonly Finding[] | undefined) => (list ? asciiJson(resultOf(filePath, list)) : `{"filePath":${asciiJsonString(filePath)}${NO_MESSAGES}`);
  // The files come sorted (lint, style): a repeat is then the file before it, and no set of every
  // path is needed to write each file once.
  const isSorted = files.every((file, i) => i === 0 || files[i - 1]! <= file);
  const written = isSorted ? undefined : new Set<string>();
  const rest = new Map(byFile);
  for (let i = 0; i < files.length; i++) {
    const file = files[i]!;
    if (written ? written.has(file) : i > 0 && files[i - 1] === file) continue;
    written?.add(file);
    parts.push(entry(file, byFile.get(file)));
    rest.delete(file);
  }
  for (const [file, list] of rest) parts.push(entry(file, list));
  // Compact, as ESLint's own json formatter writes it: for every card of a large project, indenting doubles the output.
  return `[${parts.join(",")}]\n`;
};

function resultOf(filePath: string, list: readonly Finding[]) {
  const messages = list.map((f) => ({
    ruleId: f.ruleId,
    severity: f.severity === "error" ? 2 : 1,
    message: f.message,
    line: f.line,
    column: f.column,
    ...(f.endLine ? { endLine: f.endLine, endColumn: f.endColumn } : {}),
    ...(f.fix ? { fix: f.fix } : {}),
  }));
  const errorCount = messages.filter((m) => m.severity === 2).length;
  return {
    filePath,
    messages,
    errorCount,
    fatalErrorCount: 0,
    warningCount: messages.length - errorCount,
    fixableErrorCount: list.filter((f) => f.fix && f.severity === "error").length,
    fixableWarningCount: list.filter((f) => f.fix && f.severity !== "error").length,
  };
}

