/** `verity report`: trust score, cards to verify by owner, and growth from git history. */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { UsageError } from "../../src/core/errors.ts";
import { report as buildReport } from "../../src/app/report.ts";
import type { KnowledgeReport } from "../../src/core/report/build-report.ts";
import { buildOwnerIssues } from "../../src/core/report/owner-issues.ts";
import { renderReportHtml } from "../../src/core/report/render-html.ts";
import { renderReportMarkdown } from "../../src/core/report/render-markdown.ts";
import { parseCount } from "../path-args.ts";
import { displayPath } from "../reporters/paths.ts";
import type { RunState } from "../run-state.ts";

const RENDERERS: Record<string, (report: KnowledgeReport) => string> = {
  markdown: renderReportMarkdown,
  json: (report) => `${JSON.stringify(report, null, 2)}\n`,
  html: renderReportHtml,
  issues: (report) => `${JSON.stringify(buildOwnerIssues(report), null, 2)}\n`,
};

interface ReportOptions {
  format: string;
  out?: string;
  months: string;
}

export function registerReport(program: Command, state: RunState): void {
  program
    .command("report")
    .description("knowledge report: trust score by collection and owner, cards to verify, growth and verifications from git history")
    .option("--format <format>", "markdown (fits a GitHub job summary), json, html (one standalone page) or issues (one issue body per owner, JSON)", "markdown")
    .option("--out <file>", "write to this file instead of standard output")
    .option("--months <n>", "months of history", "12")
    .option("--today <date>", "report as if today were this YYYY-MM-DD day")
    .action(async (options: ReportOptions, command: Command) => {
      const { io } = state;
      const render = RENDERERS[options.format];
      if (!render) throw new UsageError(`Unknown format "${options.format}".`, `Use one of: ${Object.keys(RENDERERS).join(", ")}.`);
      const months = parseCount(options.months, "--months");
      const { report, problems } = await buildReport({ project: state.projectOptions(command), months, env: io.env });
      for (const problem of problems) {
        io.stderr(`warning: ${displayPath(problem.file, io.cwd)}:${problem.line}: ${problem.message} (not counted; run verity lint)\n`);
      }
      if (!report.history.available) io.stderr(`warning: no history in the report: ${report.history.reason}\n`);
      const text = render(report);
      if (options.out) {
        const file = path.resolve(io.cwd, options.out);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, text, "utf8");
        io.stderr(`Wrote the ${options.format} report to ${displayPath(file, io.cwd)}.\n`);
      } else {
        io.stdout(text);
      }
    });
}
