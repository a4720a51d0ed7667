/** `verity lint [paths...]`: parse the arguments, call the lint application, format, exit code. */
import type { Command } from "commander";
import { plural } from "../../src/core/report/format.ts";
import { lint, type LintReport } from "../../src/app/lint.ts";
import { countFindings } from "../../src/core/lint/findings.ts";
import { RULE_METADATA } from "../../src/core/lint/registry.ts";
import { diffFix } from "../../src/core/style/fix.ts";
import { reportFixesLeft, reportSeparated } from "../output.ts";
import { parseCount } from "../path-args.ts";
import { defaultFormat, getReporter } from "../reporters/index.ts";
import { displayPath } from "../reporters/paths.ts";
import { appendLintSummary } from "../lint-summary.ts";
import type { CliIO } from "../io.ts";
import type { RunState } from "../run-state.ts";
import { compareFindings } from "../../src/core/lint/findings.ts";

interface LintOptions {
  format?: string;
  maxWarnings?: string;
  quiet?: boolean;
  changed?: string | true;
  fix?: boolean;
  dryRun?: boolean;
  cache?: boolean;
  summary?: string;
}

export function registerLint(program: Command, state: RunState): void {
  program
    .command("lint")
    .description("check cards: frontmatter, verification dates, links, ids and the trust score")
    .argument("[paths...]", "card files or folders to report on (default: every card)")
    .option("--format <format>", "stylish, json, sarif or github (default: github in GitHub Actions, else stylish)")
    .option("--today <date>", "check as if today were this YYYY-MM-DD day")
    .option("--max-warnings <n>", "exit 1 when there are more warnings than this")
    .option("--quiet", "report errors only")
    .option("--changed [base]", "only cards changed since the merge base with base (default: origin/main, else main), and cards linking to them")
    .option("--fix", "apply the fixes of fixable problems (style substitutions, verify-by -> verify_by, fixable built-in rules)")
    .option("--dry-run", "with --fix: print the changes as a unified diff and write nothing")
    .option("--summary <file>", "also append a Markdown summary to this file (in GitHub Actions: \"$GITHUB_STEP_SUMMARY\")")
    .option("--no-cache", "do not read or write the lint caches (.verity-cache/lint.json, lint-run.json)")
    .action(async (paths: string[], options: LintOptions, command: Command) => {
      const { io } = state;
      const format = options.format ?? defaultFormat(io.env);
      const reporter = getReporter(format);
      const maxWarnings = options.maxWarnings === undefined ? undefined : parseCount(options.maxWarnings, "--max-warnings");
      const report = await lint({
        project: state.projectOptions(command),
        paths,
        ...(options.changed !== undefined ? { changed: options.changed } : {}),
        fix: options.fix === true,
        dryRun: options.dryRun === true,
        cache: options.cache !== false,
        quiet: options.quiet === true,
      });
      for (const warning of report.styleWarnings) io.stderr(`warning: ${warning}\n`);
      if (report.cacheWarning) io.stderr(`warning: ${report.cacheWarning}\n`);
      if (report.changed) printChangedScope(report, io);
      if (report.fixes) {
        const { plans, problems, dryRun } = report.fixes;
        if (dryRun) for (const plan of plans) io.stdout(diffFix(plan, displayPath(plan.file, io.cwd)));
        io.stderr(`${dryRun ? "would fix" : "fixed"} ${plural(problems, "problem")} in ${plural(plans.length, "file")}\n`);
        if (dryRun) return;
      }
      reportSeparated(io, report.fixes?.separated);
      const fixesLeft = reportFixesLeft(io, report.fixes?.left);
      const { findings, files, trust } = report;
      io.stdout(reporter({ findings, files, cwd: io.cwd, color: io.color, rules: RULE_METADATA }));
      if (options.summary) {
        const scope = report.changed ? `changed cards and cards linking to them, since the merge base with ${report.changed.base}` : "all cards";
        appendLintSummary(options.summary, { findings, files, cwd: io.cwd, trust, minTrustScore: report.minTrustScore, scope }, report.contentDir);
      }
      const counts = countFindings(findings);
      // One line that says what was checked, also on success; on stderr so machine formats stay clean.
      const trustLine = `trust score ${trust.score}% of ${plural(trust.counted, "published card")} (floor ${report.minTrustScore}%)`;
      const problems = counts.errors + counts.warnings + counts.suggestions;
      const outcome = problems === 0 ? "no problems" : `${plural(counts.errors, "error")}, ${plural(counts.warnings, "warning")}, ${plural(counts.suggestions, "suggestion")}`;
      io.stderr(`Checked ${plural(files.length, "card")}: ${outcome}; ${trustLine}.\n`);
      if (fixesLeft) state.exitCode = 2;
      else if (counts.errors > 0) state.exitCode = 1;
      else if (maxWarnings !== undefined && counts.warnings > maxWarnings) {
        io.stderr(`verity: ${counts.warnings} warnings, more than --max-warnings ${maxWarnings}.\n`);
        state.exitCode = 1;
      }
    });
}

function printChangedScope(report: LintReport, io: CliIO): void {
  const scope = report.changed!;
  const removed = scope.deletedWithoutAlias;
  io.stderr(
    `Checking ${plural(scope.changedFiles.length, "changed card")} and ${plural(scope.linkingFiles.length, "card")} linking to changed cards ` +
      `(since ${scope.mergeBase.slice(0, 7)}, the merge base with ${scope.base})` +
      (removed > 0 ? `; ${plural(removed, "deleted card")} without an alias for ${removed === 1 ? "its" : "their"} URL` : "") +
      `; the trust score counts all ${scope.trustCount} cards.\n`,
  );
  if (scope.reportCount === 0) {
    io.stderr(`No card changed in ${displayPath(report.contentDir, io.cwd)}.\n`);
  }
}
