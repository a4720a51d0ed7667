/** Human output, grouped by file, in the manner of ESLint's stylish formatter. */
import { styleText } from "node:util";
import { countFindings, type Finding } from "../../src/core/lint/findings.ts";
import { displayPath } from "./paths.ts";
import { largest } from "../../src/core/arrays.ts";
import type { Reporter } from "./types.ts";

export const stylish: Reporter = ({ findings, cwd, color }) => {
  if (findings.length === 0) return "";
  const paint = (format: Parameters<typeof styleText>[0], text: string) => (color ? styleText(format, text) : text);
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) {
    const list = byFile.get(finding.file) ?? [];
    list.push(finding);
    byFile.set(finding.file, list);
  }
  const out: string[] = [];
  for (const [file, list] of byFile) {
    out.push(paint("underline", displayPath(file, cwd)));
    const positions = list.map((f) => `${f.line}:${f.column}`);
    const width = largest(positions.map((p) => p.length));
    list.forEach((finding, i) => {
      const level = finding.severity === "error" ? paint("red", "error  ") : finding.severity === "warning" ? paint("yellow", "warning") : paint("blue", "suggest");
      out.push(`  ${paint("dim", positions[i]!.padEnd(width))}  ${level}  ${finding.message}  ${paint("dim", finding.ruleId)}`);
    });
    out.push("");
  }
  const counts = countFindings(findings);
  const total = counts.errors + counts.warnings + counts.suggestions;
  const summary = `✖ ${total} ${total === 1 ? "problem" : "problems"} (${counts.errors} ${counts.errors === 1 ? "error" : "errors"}, ${counts.warnings} ${counts.warnings === 1 ? "warning" : "warnings"}${counts.suggestions ? `, ${counts.suggestions} suggestions` : ""})`;
  out.push(paint(counts.errors > 0 ? "red" : "yellow", summary));
  return `${out.join("\n")}\n`;
};
