/** `verity check-leaks <dir>`: scans a built public site for any trace of cards it must not have. */
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { UsageError } from "../../src/core/errors.ts";
import { formatLeakHits } from "../../src/build/build-sites.ts";
import { checkLeaks } from "../../src/build/leak-scan.ts";
import type { RunState } from "../run-state.ts";

export function registerCheckLeaks(program: Command, state: RunState): void {
  program
    .command("check-leaks")
    .description("scan a built public site for internal and draft cards (ids, URLs, titles, text); exit 1 on any hit")
    .argument("<dir>", "the built public site, e.g. dist/public")
    .option("--today <date>", "decide which expired cards are withheld (expiredPublicCards) as if today were this YYYY-MM-DD day")
    .option("--show-skipped", "list the needles that were skipped: too short, or public content has them too")
    .action((dir: string, options: { showSkipped?: boolean }, command: Command) => {
      const { io } = state;
      const full = path.resolve(io.cwd, dir);
      if (!existsSync(full) || !statSync(full).isDirectory()) throw new UsageError(`${dir} is not a folder.`, "Pass the built public site, e.g. verity check-leaks dist/public.");
      const project = state.loadProject(command);
      const report = checkLeaks(project, full);
      if (report.skipped.length > 0) {
        io.stdout(`Skipped ${report.skipped.length} needles that are too short or that public content also has (finding them would prove nothing)${options.showSkipped ? ":" : "; --show-skipped lists them."}\n`);
        if (options.showSkipped) {
          for (const s of report.skipped) io.stdout(`  ${s.kind} "${s.text}" of ${s.source}: ${s.reason}\n`);
        }
      }
      if (report.hits.length > 0) {
        io.stdout(`${report.hits.length} ${report.hits.length === 1 ? "leak" : "leaks"} in ${dir}:\n${formatLeakHits(report, 1000)}\n`);
        state.exitCode = 1;
        return;
      }
      io.stdout(`No leaks: ${report.scannedFiles} files scanned for ${report.needles.length} needles from cards the public site must not have.\n`);
    });
}
