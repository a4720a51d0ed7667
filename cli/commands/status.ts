/** `verity status`: every card's verification, most urgent first, and the trust score. */
import type { Command } from "commander";
import { UsageError } from "../../src/core/errors.ts";
import { buildStatusReport, type StatusFilter } from "../../src/core/status.ts";
import { renderStatus } from "../reporters/status.ts";
import type { RunState } from "../run-state.ts";
import { displayPath } from "../reporters/paths.ts";
import { openContentHistory } from "../../src/core/git-content-changes.ts";
import { describeDrift, findOutdatedTranslations } from "../../src/core/translation-drift.ts";

const STATUSES = ["expired", "expiring", "verified"] as const;
const FORMATS = ["table", "json", "markdown"] as const;

interface StatusOptions {
  owner?: string;
  collection?: string;
  status?: string;
  format: string;
}

export function registerStatus(program: Command, state: RunState): void {
  program
    .command("status")
    .description("list cards with their verification status, most urgent first, and the trust score")
    .option("--owner <handle>", "only cards of this owner")
    .option("--collection <name>", "only cards of this collection")
    .option("--status <status>", "only cards with this status: expired, expiring or verified")
    .option("--format <format>", "table, json or markdown", "table")
    .option("--today <date>", "report as if today were this YYYY-MM-DD day")
    .action((options: StatusOptions, command: Command) => {
      const format = options.format as (typeof FORMATS)[number];
      if (!FORMATS.includes(format)) throw new UsageError(`Unknown format "${options.format}".`, `Use one of: ${FORMATS.join(", ")}.`);
      if (options.status && !STATUSES.includes(options.status as (typeof STATUSES)[number])) {
        throw new UsageError(`Unknown status "${options.status}".`, `Use one of: ${STATUSES.join(", ")}.`);
      }
      const project = state.loadProject(command);
      if (options.collection && !project.collections.some((c) => c.name === options.collection)) {
        throw new UsageError(`There is no collection "${options.collection}".`, `Collections: ${project.collections.map((c) => c.name).join(", ")}.`);
      }
      const filter: StatusFilter = { owner: options.owner, collection: options.collection, status: options.status as StatusFilter["status"] };
      const report = buildStatusReport(project, filter);
      for (const problem of project.problems) {
        state.io.stderr(`warning: ${problem.file}:${problem.line}: ${problem.message} (not listed; run verity lint)\n`);
      }
      state.io.stdout(renderStatus(report, format, state.io.cwd));
      if (format !== "json") {
        const shown = new Set(report.rows.map((row) => row.id));
        const outdated = [...findOutdatedTranslations(project.cards, openContentHistory(project.root)).values()].filter((o) => shown.has(o.translation.id));
        if (outdated.length > 0) {
          const lines = outdated.map((o) => `${format === "markdown" ? "- " : "  "}${displayPath(o.translation.file, state.io.cwd)}: ${describeDrift(o)} (source ${o.source.relPath})`);
          state.io.stdout(`\nOutdated translations (the source changed after the translation was last verified):\n${lines.join("\n")}\n`);
        }
      }
    });
}
