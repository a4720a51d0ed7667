/** `verity lint --summary <file>`: a Markdown summary appended to a file, e.g. $GITHUB_STEP_SUMMARY. */
import { appendFileSync } from "node:fs";
import { checkOutputFile, writeOrExplain } from "./output.ts";
import path from "node:path";
import { countFindings, type Finding } from "../src/core/lint/findings.ts";
import type { TrustScore } from "../src/core/verification/verification.ts";
import { displayPath } from "./reporters/paths.ts";
import { markdownCell } from "../src/core/report/markdown-text.ts";

export interface LintSummaryInput {
  findings: readonly Finding[];
  files: readonly string[];
  cwd: string;
  trust: TrustScore;
  minTrustScore: number;
  /** "changed cards since origin/main" or "all cards". */
  scope: string;
}

const MAX_ROWS = 200;

export function renderLintSummary(input: LintSummaryInput): string {
  const counts = countFindings(input.findings);
  const out: string[] = ["### Verity lint", ""];
  const checked = `${input.files.length} ${input.files.length === 1 ? "card" : "cards"} checked (${input.scope})`;
  if (counts.errors + counts.warnings + counts.suggestions === 0) out.push(`:white_check_mark: No problems. ${checked}.`);
  else out.push(`${counts.errors > 0 ? ":x:" : ":warning:"} ${counts.errors} errors, ${counts.warnings} warnings, ${counts.suggestions} suggestions. ${checked}.`);
  const published = input.findings.filter((f) => f.ruleId === "card-published");
  if (published.length > 0) {
    const n = published.length;
    out.push("", `:loudspeaker: **This pull request publishes ${n} ${n === 1 ? "card" : "cards"}** on the public help center; check that customers may read ${n === 1 ? "it" : "them"}:`, "");
    for (const f of published.slice(0, MAX_ROWS)) out.push(`- \`${displayPath(f.file, input.cwd)}\``);
  }
  const files = [...new Set(input.findings.filter((f) => f.ruleId === "file-published" && f.subject).map((f) => f.subject!))];
  if (files.length > 0) {
    const n = files.length;
    out.push("", `:paperclip: **This pull request publishes ${n} ${n === 1 ? "file" : "files"}** on the public help center; check that customers may read ${n === 1 ? "it" : "them"}:`, "");
    for (const file of files.slice(0, MAX_ROWS)) out.push(`- \`${displayPath(file, input.cwd)}\``);
  }
  const under = input.trust.score < input.minTrustScore;
  out.push("", `Trust score: **${input.trust.score}%** of ${input.trust.counted} published cards (floor ${input.minTrustScore}%)${under ? " :x: under the floor" : ""}.`, "");
  if (input.findings.length > 0) {
    out.push("| Where | Severity | Rule | Problem |", "| --- | --- | --- | --- |");
    for (const f of input.findings.slice(0, MAX_ROWS)) {
      out.push(`| \`${displayPath(f.file, input.cwd)}:${f.line}\` | ${f.severity} | \`${f.ruleId}\` | ${markdownCell(f.message)} |`);
    }
    if (input.findings.length > MAX_ROWS) out.push("", `… and ${input.findings.length - MAX_ROWS} more: run verity lint locally to see them all.`);
    out.push("");
  }
  return `${out.join("\n")}\n`;
}

/** Appends the summary to `file`: never to a folder or a card (a file in `contentDir`), and a refused write says why. */
export function appendLintSummary(file: string, input: LintSummaryInput, contentDir?: string): void {
  const full = path.resolve(input.cwd, file);
  const shown = displayPath(full, input.cwd);
  checkOutputFile(full, shown, "--summary", "the summary", contentDir);
  writeOrExplain(() => appendFileSync(full, renderLintSummary(input), "utf8"), `--summary ${shown}`);
}
