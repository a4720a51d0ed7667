/** `verity build [--site public|internal]`: lint, build both sites, index, leak-check, swap into dist/. */
import path from "node:path";
import type { Command } from "commander";
import { SITE_NAMES, type SiteName } from "../../src/core/audience.ts";
import { CheckFailed, UsageError } from "../../src/core/errors.ts";
import { countFindings } from "../../src/core/findings.ts";
import { CARD_RULES } from "../../src/core/lint/rule-meta.ts";
import { lintProject } from "../../src/core/lint/lint-project.ts";
import { buildSites } from "../../src/build/build-sites.ts";
import { stylish } from "../reporters/stylish.ts";
import type { RunState } from "../run-state.ts";

interface BuildCommandOptions {
  site?: string;
  outDir?: string;
  today?: string;
  sequential?: boolean;
}

export function registerBuild(program: Command, state: RunState): void {
  program
    .command("build")
    .description("lint the cards, then build the public help center and the internal wiki into dist/")
    .option("--site <site>", "build only this site: public or internal")
    .option("--out-dir <dir>", "output folder (default: dist/ in the project folder)")
    .option("--today <date>", "build as if today were this YYYY-MM-DD day")
    .option("--sequential", "build the sites one after the other instead of side by side")
    .action(async (options: BuildCommandOptions, command: Command) => {
      const { io } = state;
      if (options.site && !SITE_NAMES.includes(options.site as SiteName)) {
        throw new UsageError(`Unknown site "${options.site}".`, "Use --site public or --site internal.");
      }
      const sites: SiteName[] = options.site ? [options.site as SiteName] : [...SITE_NAMES];
      const project = state.loadProject(command);
      const progress = (message: string) => io.stderr(`verity build: ${message}\n`);
      const { findings } = lintProject(project);
      const errors = findings.filter((f) => f.severity === "error");
      if (errors.length > 0) {
        io.stderr(stylish({ findings: errors, files: [], cwd: io.cwd, color: io.color, rules: new Map(CARD_RULES.map((r) => [r.id, r.description])) }));
        throw new CheckFailed(`Lint found ${countFindings(errors).errors} errors, so nothing was built.`, "Fix them (verity lint shows them too) and build again.");
      }
      progress(`lint passed (${project.cards.length} cards)`);
      const verbose = Boolean((command.optsWithGlobals() as { verbose?: boolean }).verbose);
      const outDir = options.outDir ? path.resolve(io.cwd, options.outDir) : path.join(project.root, "dist");
      await buildSites(project, {
        sites,
        outDir,
        parallel: options.sequential ? false : undefined,
        progress,
        astroOutput: verbose ? (line) => io.stderr(`  ${line}\n`) : undefined,
      });
    });
}
