/** `verity status`: every card's verification, most urgent first, and the trust score. */
import type { Command } from "commander";
import { UsageError } from "../../src/core/errors.ts";
import { status } from "../../src/app/status.ts";
import { renderStatus } from "../reporters/status.ts";
import type { RunState } from "../run-state.ts";
import { displayPath } from "../reporters/paths.ts";
import { describeDrift } from "../../src/core/verification/translation-drift.ts";

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
    .action(async (options: StatusOptions, command: Command) => {
      const format = options.format as (typeof FORMATS)[number];
      if (!FORMATS.includes(format)) throw new UsageError(`Unknown format "${options.format}".`, `Use one of: ${FORMATS.join(", ")}.`);
      const { report, problems, outdated } = await status({ project: state.projectOptions(command), owner: options.owner, collection: options.collection, status: options.status });
      for (const problem of problems) {
        state.io.stderr(`warning: ${problem.file}:${problem.line}: ${problem.message} (not listed; run verity lint)\n`);
      }
      state.io.stdout(renderStatus(report, format, state.io.cwd));
      if (format !== "json") {
        if (outdated.length > 0) {
          const lines = outdated.map((o) => `${format === "markdown" ? "- " : "  "}${displayPath(o.translation.file, state.io.cwd)}: ${describeDrift(o)} (source ${o.source.relPath})`);
          state.io.stdout(`\nOutdated translations (the source changed after the translation was last verified):\n${lines.join("\n")}\n`);
        }
      }
    });
}
