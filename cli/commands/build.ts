/** `verity build [--site public|internal]`: lint, build both sites, index, leak-check, swap into dist/. */
import path from "node:path";
import type { Command } from "commander";
import { SITE_NAMES, type SiteName } from "../../src/core/audience.ts";
import { CheckFailed, UsageError } from "../../src/core/errors.ts";
import { countFindings } from "../../src/core/findings.ts";
import { CARD_RULES } from "../../src/core/lint/rule-meta.ts";
import { lintProject } from "../../src/core/lint/lint-project.ts";
import { splitDeployFindings } from "../../src/core/lint/freshness.ts";
import { createStyleChecker } from "../../src/core/style/card-style.ts";
import { prepareBuild, runBuild, type PreparedBuild } from "../../src/build/build-sites.ts";
import { outDirProblem } from "../../src/build/out-dir.ts";
import { LINT_CACHE_FILE } from "../lint-style.ts";
import { appendLintSummary } from "../lint-summary.ts";
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
    .option("--site <site>", "build only this site: public or internal")
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
      const { prepared, outDir } = await lintAndPrepare(state, command, sites, options.outDir, progress);
      await runBuild(prepared, {
        sites,
        outDir,
        parallel: options.sequential ? false : options.parallel ? true : undefined,
        progress,
        astroOutput: verbose ? (line) => io.stderr(`  ${line}\n`) : undefined,
      });
    });
}

/**
 * Loads and lints the project (card rules and the style guide, as `verity lint` does) and prepares
 * the sites. The project stays inside this function: once it returns, every card's tree and text
 * can be freed while Astro and Pagefind run.
 */
async function lintAndPrepare(
  state: RunState,
  command: Command,
  sites: SiteName[],
  outDirOption: string | undefined,
  progress: (message: string) => void,
): Promise<{ prepared: PreparedBuild; outDir: string }> {
  const { io } = state;
  const project = state.loadProject(command);
  const outDir = outDirOption ? path.resolve(io.cwd, outDirOption) : path.join(project.root, "dist");
  // Refused before anything is linted or built (prepareBuild runs the same check).
  const problem = outDirProblem(outDir, { root: project.root, contentDir: project.contentDir });
  if (problem) throw new UsageError(`${problem}.`, "Choose an output folder outside the folders the build reads, e.g. dist/ (the default).");
  const style = createStyleChecker(project, { cacheFile: path.join(project.root, LINT_CACHE_FILE) });
  const { findings, trust } = lintProject(project, { checkers: [style.check] });
  style.save();
  const rules = new Map(CARD_RULES.map((r) => [r.id, r.description]));
  // Expired cards and a low trust score are reported and built anyway: a deploy never waits for a
  // reviewer (pull requests fail on them instead, see .github/workflows/pull-request.yml).
  const { blocking, reported } = splitDeployFindings(findings);
  if (blocking.length > 0) {
    io.stderr(stylish({ findings: blocking, files: [], cwd: io.cwd, color: io.color, rules }));
    throw new CheckFailed(`Lint found ${countFindings(blocking).errors} errors, so nothing was built.`, "Fix them (verity lint shows them too) and build again.");
  }
  if (reported.length > 0) {
    io.stderr(stylish({ findings: reported, files: [], cwd: io.cwd, color: io.color, rules }));
    const expired = reported.filter((f) => f.ruleId === "verify-by-expired").length;
    progress(
      `building anyway: ${expired} expired ${expired === 1 ? "card" : "cards"}, trust score ${trust.score}% (floor ${project.config.minTrustScore}%); ` +
        `expiredPublicCards: ${project.config.expiredPublicCards}. Re-verify them with verity verify.`,
    );
  }
  const summaryFile = io.env.GITHUB_STEP_SUMMARY;
  if (summaryFile) {
    const files = project.cards.map((c) => c.file);
    appendLintSummary(summaryFile, { findings: reported, files, cwd: io.cwd, trust, minTrustScore: project.config.minTrustScore, scope: "deploy build: expired cards and the trust score are reported, not blocking" });
  }
  progress(`lint passed (${project.cards.length} cards)`);
  return { prepared: await prepareBuild(project, { sites, outDir, progress }), outDir };
}
