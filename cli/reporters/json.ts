/** ESLint's JSON shape, so tools that read ESLint results read Verity's. */
import type { Finding } from "../../src/core/lint/findings.ts";
import type { Reporter } from "./types.ts";

export const json: Reporter = ({ findings, files }) => {
  const byFile = new Map<string, Finding[]>();
  for (const file of files) byFile.set(file, []);
  for (const finding of findings) {
    const list = byFile.get(finding.file) ?? [];
    list.push(finding);
    byFile.set(finding.file, list);
  }
  const results = [...byFile].map(([filePath, list]) => {
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
  });
  // Compact, as ESLint's own json formatter writes it: for every card of a large project, indenting doubles the output.
  return `${JSON.stringify(results)}\n`;
};
