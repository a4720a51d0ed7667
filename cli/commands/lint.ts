/** `verity lint [paths...]`: frontmatter, verification, links, ids and the trust score. */
import type { Command } from "commander";
import { countFindings } from "../../src/core/findings.ts";
import { CARD_RULES } from "../../src/core/lint/rule-meta.ts";
import { parseCount, selectPaths } from "../path-args.ts";
import { defaultFormat, getReporter } from "../reporters/index.ts";
import { scopeToChanged } from "../changed-scope.ts";
import { lintWithStyle } from "../lint-style.ts";
import { appendLintSummary } from "../lint-summary.ts";
import type { RunState } from "../run-state.ts";
import { companionDriftFindings } from "../companion-drift.ts";
import { compareFindings } from "../../src/core/findings.ts";

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
      const selection = selectPaths(paths, io.cwd);
      const reporter = getReporter(options.format ?? defaultFormat(io.env));
      const maxWarnings = options.maxWarnings === undefined ? undefined : parseCount(options.maxWarnings, "--max-warnings");
      const scope = options.changed === undefined ? undefined : scopeToChanged(state, command, options.changed);
      const { project, findings: all, trust } = lintWithStyle(scope, options, state, command, (f) => selection.includes(f));
      if (options.dryRun) return;
      // Companion drift comes from git history, so it is added after the (cached) card and style checks.
      all.push(...(await companionDriftFindings(project, state, command)));
      all.sort(compareFindings);
      const isGlobal = (file: string) => file === project.configFile || file === project.contentDir;
      const inScope = (file: string) => selection.includes(file) && (scope?.includes(file) ?? true);
      let findings = all.filter((f) => inScope(f.file) || isGlobal(f.file));
      if (options.quiet) findings = findings.filter((f) => f.severity === "error");
      const files = [...project.cards.map((c) => c.file), ...project.invalidFiles].filter(inScope).sort();
      io.stdout(
        reporter({ findings, files, cwd: io.cwd, color: io.color, rules: new Map(CARD_RULES.map((r) => [r.id, r.description])) }),
      );
      if (options.summary) {
        const changedScope = scope ? `changed cards and cards linking to them, since the merge base with ${scope.base}` : "all cards";
        appendLintSummary(options.summary, { findings, files, cwd: io.cwd, trust, minTrustScore: project.config.minTrustScore, scope: changedScope });
      }
      const counts = countFindings(findings);
      if (counts.errors > 0) state.exitCode = 1;
      else if (maxWarnings !== undefined && counts.warnings > maxWarnings) {
        io.stderr(`verity: ${counts.warnings} warnings, more than --max-warnings ${maxWarnings}.\n`);
        state.exitCode = 1;
      }
    });
}
