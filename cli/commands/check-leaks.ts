/** `verity check-leaks <dir>`: scans a built public site for any trace of cards it must not have. */
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { UsageError } from "../../src/core/errors.ts";
import { readCardHistory } from "../../src/build/card-history.ts";
import { checkLeaks, formatLeakFindings, type LeakReport } from "../../src/build/leak-scan.ts";
import type { RunState } from "../run-state.ts";

interface CheckLeaksOptions {
  showSkipped?: boolean;
  format?: string;
}

export function registerCheckLeaks(program: Command, state: RunState): void {
  program
    .command("check-leaks")
    .description("scan a built public site for internal and draft cards (text, files by hash, near copies); exit 1 on any leak")
    .argument("<dir>", "the built public site, e.g. dist/public")
    .option("--today <date>", "decide which expired cards are withheld (expiredPublicCards) as if today were this YYYY-MM-DD day")
    .option("--show-skipped", "list the needles that were skipped: too short, or printed by the site's own templates")
    .option("--format <format>", "human (default) or json")
    .action(async (dir: string, options: CheckLeaksOptions, command: Command) => {
      const { io } = state;
      const format = options.format ?? "human";
      if (format !== "human" && format !== "json") throw new UsageError(`Unknown format "${format}".`, "Use --format human or --format json.");
      const full = path.resolve(io.cwd, dir);
      if (!existsSync(full) || !statSync(full).isDirectory()) throw new UsageError(`${dir} is not a folder.`, "Pass the built public site, e.g. verity check-leaks dist/public.");
      const project = state.loadProject(command);
      const report = await checkLeaks(project, full);
      if (report.findings.length > 0) state.exitCode = 1;
      io.stdout(format === "json" ? `${JSON.stringify(toJson(dir, report), null, 2)}\n` : human(dir, report, options.showSkipped === true));
    });
}

function human(dir: string, report: LeakReport, showSkipped: boolean): string {
  const out: string[] = [];
  if (report.findings.length > 0) {
    out.push(`${report.findings.length} ${report.findings.length === 1 ? "leak" : "leaks"} in ${dir}:`, formatLeakFindings(report.findings, 1000));
  }
  if (report.warnings.length > 0) {
    out.push(`${report.warnings.length} ${report.warnings.length === 1 ? "warning" : "warnings"} (near copies of internal cards; not a failure, review them):`, formatLeakFindings(report.warnings, 1000));
  }
  if (report.findings.length === 0) {
    out.push(
      `No leaks: ${report.scannedFiles} files scanned for ${report.needles.length} needles from cards the public site must not have, and compared by hash with ${report.hashedFiles} content files no public card uses.`,
    );
  }
  if (report.skipped.length > 0) {
    out.push(`Skipped ${report.skipped.length} needles that are too short or that the site's own templates print (finding them would prove nothing)${showSkipped ? ":" : "; --show-skipped lists them."}`);
    if (showSkipped) for (const s of report.skipped) out.push(`  ${s.kind} "${s.text}" of ${s.source}: ${s.reason}`);
  }
  return `${out.join("\n")}\n`;
}

function toJson(dir: string, report: LeakReport) {
  return {
    dir,
    ok: report.findings.length === 0,
    scannedFiles: report.scannedFiles,
    needles: report.needles.length,
    hashedFiles: report.hashedFiles,
    findings: report.findings,
    warnings: report.warnings,
    skipped: report.skipped,
  };
}
