/** `verity audit`: per owner, the cards due for review in a period and the cards whose companion changed. */
import type { Command } from "commander";
import { buildAudit, buildAuditIssues, renderAuditMarkdown } from "../../src/core/verification/audit.ts";
import { parseInterval } from "../../src/core/verification/calendar-date.ts";
import { findCompanionDrift, toNeedsReviewRow } from "../../src/core/verification/companion-drift.ts";
import { UsageError } from "../../src/core/errors.ts";
import type { RunState } from "../run-state.ts";
import { writeOutput } from "../output.ts";

interface AuditOptions {
  within: string;
  owner?: string;
  format: string;
  out?: string;
}

export function registerAudit(program: Command, state: RunState): void {
  program
    .command("audit")
    .description("per owner: the cards due for review within a period (verify_by, companion drift), as a checklist or one issue per owner")
    .option("--within <interval>", "the period from today: cards whose verify_by falls before its end, e.g. 30d, 1m, 1y", "30d")
    .option("--owner <handle>", "only this owner's cards")
    .option("--format <format>", "markdown (a checklist), issues (one issue body per owner, JSON) or json", "markdown")
    .option("--out <file>", "write to this file instead of standard output")
    .option("--today <date>", "audit as if today were this YYYY-MM-DD day")
    .action(async (options: AuditOptions, command: Command) => {
      const { io } = state;
      const within = parseInterval(options.within);
      if (!within) throw new UsageError(`--within ${options.within} is not an interval.`, "Write a number and a unit d, w, m or y, e.g. --within 30d or 3m.");
      if (!["markdown", "issues", "json"].includes(options.format)) throw new UsageError(`Unknown format "${options.format}".`, "Use one of: markdown, issues, json.");
      const project = state.loadProject(command);
      const drift = (await findCompanionDrift(project)).map(toNeedsReviewRow);
      const audit = buildAudit(project, { within, owner: options.owner, drift });
      const text =
        options.format === "markdown" ? renderAuditMarkdown(audit) : `${JSON.stringify(options.format === "issues" ? buildAuditIssues(audit) : audit, null, 2)}\n`;
      writeOutput(io, options.out, text, "the audit", project.contentDir);
    });
}
