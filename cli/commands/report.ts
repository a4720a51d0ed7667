/** `verity report`: trust score, cards to verify by owner, and growth from git history. */
import { existsSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { UsageError } from "../../src/core/errors.ts";
import { report as buildReport } from "../../src/app/report.ts";
import type { KnowledgeReport } from "../../src/core/report/build-report.ts";
import { buildOwnerIssues } from "../../src/core/report/owner-issues.ts";
import { renderReportHtml } from "../report/render-html.ts";
import { renderReportMarkdown } from "../report/render-markdown.ts";
import { buildUsageIssue } from "../report/usage-views.ts";
import { readUsageSection } from "../usage-section.ts";
import { resolveUsagePeriod } from "../../src/core/usage/usage-report.ts";
import { parseCount } from "../path-args.ts";
import { displayPath } from "../reporters/paths.ts";
import type { RunState } from "../run-state.ts";
import { writeOutput } from "../output.ts";

const RENDERERS: Record<string, (report: KnowledgeReport) => string> = {
  markdown: renderReportMarkdown,
  json: (report) => `${JSON.stringify(report, null, 2)}\n`,
  html: renderReportHtml,
  issues: (report) => `${JSON.stringify([...buildOwnerIssues(report), ...(report.usage ? [buildUsageIssue(report.usage)] : [])], null, 2)}\n`,
};

interface ReportOptions {
  format: string;
  out?: string;
  months: string;
  usage?: string;
  since?: string;
  until?: string;
  period?: string;
}

export function registerReport(program: Command, state: RunState): void {
  program
    .command("report")
    .description("knowledge report: trust score by collection and owner, cards to verify, growth and verifications from git history, and usage (searches, reads, votes, self-service) when the collector's data is there")
    .option("--format <format>", "markdown (fits a GitHub job summary), json, html (one standalone page) or issues (one issue body per owner, and the usage review, JSON)", "markdown")
    .option("--out <file>", "write to this file instead of standard output")
    .option("--months <n>", "months of history", "12")
    .option("--today <date>", "report as if today were this YYYY-MM-DD day")
    .option("--usage <file>", "usage events: the collector's SQLite database or an NDJSON file (default: collect.database when it exists)")
    .option("--since <date>", "first day of the usage period, YYYY-MM-DD")
    .option("--until <date>", "last day of the usage period, YYYY-MM-DD (default: today)")
    .option("--period <interval>", "length of the usage period ending on --until, e.g. 7d, 12w, 3m (default: 30d)")
    .action(async (options: ReportOptions, command: Command) => {
      const { io } = state;
      const render = Object.hasOwn(RENDERERS, options.format) ? RENDERERS[options.format] : undefined;
      if (!render) throw new UsageError(`Unknown format "${options.format}".`, `Use one of: ${Object.keys(RENDERERS).join(", ")}.`);
      const months = parseCount(options.months, "--months");
      const { report, problems, project } = await buildReport({ project: state.projectOptions(command), months, env: io.env });
      for (const problem of problems) {
        io.stderr(`warning: ${displayPath(problem.file, io.cwd)}:${problem.line}: ${problem.message} (not counted; run verity lint)\n`);
      }
      // Read first: a wrong period is an error whether or not there is usage data to read it for.
      const period = resolveUsagePeriod(options, project.today);
      const usageFile = options.usage ? path.resolve(io.cwd, options.usage) : path.resolve(project.root, project.config.collect.database);
      if (options.usage || existsSync(usageFile)) report.usage = readUsageSection(project, usageFile, period, displayPath(usageFile, io.cwd));
      else if (options.since || options.until || options.period) io.stderr(`warning: no usage section: ${displayPath(usageFile, io.cwd)} does not exist (pass --usage)\n`);
      if (!report.history.available) io.stderr(`warning: no history in the report: ${report.history.reason}\n`);
      const text = render(report);
      writeOutput(io, options.out, text, `the ${options.format} report`, project.contentDir);
    });
}
