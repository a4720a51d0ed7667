/** `verity build [--site public|internal]`: lint, build both sites, index, leak-check, swap into dist/. */
import { appendFileSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { SITE_NAMES, type SiteName } from "../../src/core/site/audience.ts";
import { CheckFailed, UsageError } from "../../src/core/errors.ts";
import { countFindings } from "../../src/core/lint/findings.ts";
import { RULE_METADATA } from "../../src/core/lint/registry.ts";
import { splitDeployFindings, UNLINKED_AT_DEPLOY_RULES } from "../../src/core/lint/freshness.ts";
import { lintForBuild } from "../../src/app/lint.ts";
import { acquireBuildLock } from "../../src/build/build-lock.ts";
import { prepareBuild, runBuild, throwIfInterrupted, type BuildOptions, type PreparedBuild } from "../../src/build/build-sites.ts";
import { checkOutDir } from "../../src/build/output-folder.ts";
import { outDirProblem } from "../../src/build/out-dir.ts";
import { watchInterrupts } from "../interrupts.ts";
import { appendLintSummary } from "../lint-summary.ts";
import { givenOnce } from "../path-args.ts";
import { stylish } from "../reporters/stylish.ts";
import type { RunState } from "../run-state.ts";

interface BuildCommandOptions {
  site?: string;
  outDir?: string;
  today?: string;
  sequential?: boolean;
  parallel?: boolean;
}

export function registerBuild(program: Command, state: RunState): void {
  program
    .command("build")
    .description("lint the cards, then build the public help center and the internal wiki into dist/")
    .option("--site <site>", "build only this site: public or internal", givenOnce("--site"))
    .option("--out-dir <dir>", "output folder (default: dist/ in the project folder)")
    .option("--today <date>", "build as if today were this YYYY-MM-DD day")
    .option("--sequential", "build the sites one after the other (less memory)")
    .option("--parallel", "build the sites side by side even above 10,000 cards (faster, more memory)")
    .action(async (options: BuildCommandOptions, command: Command) => {
      const { io } = state;
      if (options.site && !SITE_NAMES.includes(options.site as SiteName)) {
        throw new UsageError(`Unknown site "${options.site}".`, "Use --site public or --site internal.");
      }
      const sites: SiteName[] = options.site ? [options.site as SiteName] : [...SITE_NAMES];
      const progress = (message: string) => io.stderr(`verity build: ${message}\n`);
      const verbose = Boolean((command.optsWithGlobals() as { verbose?: boolean }).verbose);
      const context = state.openProject(command);
      const outDir = options.outDir ? path.resolve(io.cwd, options.outDir) : path.join(context.root, "dist");
      // Refused before anything is locked, linted or built (prepareBuild runs the same check).
      const problem = outDirProblem(outDir, { root: context.root, contentDir: path.resolve(context.root, context.config.contentDir) });
      if (problem) throw new UsageError(`${problem}.`, "Choose an output folder outside the folders the build reads, e.g. dist/ (the default).");
      const interrupts = watchInterrupts(io.stderr);
      try {
        const lock = await acquireBuildLock(context.root, { onWait: progress, signal: interrupts.signal });
        try {
          // Found before anything is built (and once no other build of the project changes it):
          // an output folder the build could not replace.
          checkOutDir(outDir, sites);
          const buildOptions: BuildOptions = {
            sites,
            outDir,
            parallel: options.sequential ? false : options.parallel ? true : undefined,
            progress,
            astroOutput: verbose ? (line) => io.stderr(`  ${line}\n`) : undefined,
            signal: interrupts.signal,
          };
          const prepared = await lintAndPrepare(state, command, buildOptions);
          const result = await runBuild(prepared, buildOptions);
          for (const warning of result.warnings) warn(state, warning);
        } finally {
          lock.release();
        }
      } finally {
        interrupts.dispose();
      }
    });
}

/** A warning line, plus a GitHub annotation and job summary line when running in GitHub Actions. */
function warn(state: RunState, message: string): void {
  const { io } = state;
  io.stderr(`verity build: warning: ${message}\n`);
  if (io.env.GITHUB_ACTIONS === "true") io.stdout(`::warning title=verity build::${message.replace(/%/g, "%25").replace(/\r?\n/g, "%0A")}\n`);
  const summary = io.env.GITHUB_STEP_SUMMARY;
  if (summary) {
    try {
      appendFileSync(summary, `> [!WARNING]\n> **verity build**: ${message}\n\n`);
    } catch (error) {
      io.stderr(`verity build: could not write the job summary ${summary}: ${(error as Error).message}\n`);
    }
  }
}

/**
 * Loads and lints the project (card rules and the style guide, as `verity lint` does) and prepares
 * the sites. The project stays inside this function: once it returns, every card's tree and text
 * can be freed while Astro and Pagefind run.
 */
async function lintAndPrepare(state: RunState, command: Command, buildOptions: BuildOptions): Promise<PreparedBuild> {
  const { io } = state;
  const { progress, signal } = buildOptions;
  const { project, findings, trust } = await lintForBuild(state.projectOptions(command));
  throwIfInterrupted(signal);
  const rules = RULE_METADATA;
  // Expired cards and a low trust score are reported and built anyway: a deploy never waits for a
  // reviewer (pull requests fail on them instead, see .github/workflows/pull-request.yml).
  const { blocking, reported } = splitDeployFindings(findings);
  if (blocking.length > 0) {
    io.stderr(stylish({ findings: blocking, files: [], cwd: io.cwd, color: io.color, rules }));
    const errors = countFindings(blocking).errors;
    throw new CheckFailed(`Lint found ${errors} ${errors === 1 ? "error" : "errors"}, so nothing was built.`, "Fix them (verity lint shows them too) and build again.");
  }
  if (reported.length > 0) {
    io.stderr(stylish({ findings: reported, files: [], cwd: io.cwd, color: io.color, rules }));
    const expired = reported.filter((f) => f.ruleId === "verify-by-expired").length;
    const wikiLinks = reported.filter((f) => UNLINKED_AT_DEPLOY_RULES.has(f.ruleId)).length;
    if (expired > 0 || reported.some((f) => f.ruleId === "trust-score")) {
      progress(
        `building anyway: ${expired} expired ${expired === 1 ? "card" : "cards"}, trust score ${trust.score}% (floor ${project.config.minTrustScore}%); ` +
          `expiredPublicCards: ${project.config.expiredPublicCards}. Re-verify them with verity verify.`,
      );
    }
    if (wikiLinks > 0) {
      progress(`building anyway: ${wikiLinks} ${wikiLinks === 1 ? "link" : "links"} from public cards to the wiki, published as plain text on the help center. Edit the cards (verity lint shows them).`);
    }
  }
  const summaryFile = io.env.GITHUB_STEP_SUMMARY;
  if (summaryFile) {
    const files = project.cards.map((c) => c.file);
    appendLintSummary(summaryFile, { findings: reported, files, cwd: io.cwd, trust, minTrustScore: project.config.minTrustScore, scope: "deploy build: expired cards, the trust score and links from public cards to the wiki are reported, not blocking" });
  }
  progress(`lint passed (${project.cards.length} cards)`);
  return prepareBuild(project, buildOptions);
}
