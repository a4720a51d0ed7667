/**
 * `verity build`: prepares each site's data (every card rendered once) so the loaded project can
 * be freed, builds the sites with Astro side by side into a temporary folder (the integration
 * indexes each with Pagefind), scans the public output for leaks, and only then moves the new
 * sites into place with a rename. A failed or interrupted build leaves the previous output as it was.
 */
import { cpSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { SiteName } from "../core/audience.ts";
import { CheckFailed, UsageError } from "../core/errors.ts";
import type { Project } from "../core/project.ts";
import { APP_ROOT, runAstroBuild } from "./astro-runner.ts";
import { readCardHistory } from "./card-history.ts";
import { deriveLeakModel, formatLeakFindings, scanForLeaksAsync, type LeakModel, type LeakReport } from "./leak-scan.ts";
import { outDirProblem } from "./out-dir.ts";
import { prepareSites } from "./site-data.ts";

export interface BuildOptions {
  sites: readonly SiteName[];
  /** Folder that receives `public/` and `internal/`. */
  outDir: string;
  /**
   * Build the sites in parallel processes. Default: when there are two sites and fewer than
   * {@link PARALLEL_CARD_LIMIT} cards; above that, two Pagefind indexers side by side need more
   * memory than a build should (about 9 GB at 20,000 cards, 7 GB one after the other).
   */
  parallel?: boolean;
  /** Progress messages, one line each. */
  progress: (message: string) => void;
  /** Astro's own output, line by line (for --verbose). */
  astroOutput?: (line: string) => void;
}

export interface BuildResult {
  sites: { site: SiteName; dir: string; cards: number }[];
  leaks: LeakReport | undefined;
  seconds: number;
}

/**
 * What a build needs once the cards are rendered: the data files of each site and the leak-check
 * needles. It holds no card tree or source, so the loaded project can be freed before Astro and
 * Pagefind, the memory-hungry part, run.
 */
/** Largest number of cards (of the internal site) built side by side by default. */
export const PARALLEL_CARD_LIMIT = 10_000;

export interface PreparedBuild {
  work: string;
  staging: string;
  builds: { site: SiteName; dataFile: string; outDir: string; cards: number }[];
  /** The leak check's needles, page attribution, file hashes and shingles (public builds). */
  leakModel: LeakModel | undefined;
  started: number;
}

/** Renders every card once, writes each site's data file and derives the leak-check needles. */
export async function prepareBuild(
  project: Project,
  options: Pick<BuildOptions, "sites" | "outDir" | "progress"> & {
    /** Tests only, never a CLI flag or config key: card HTML unsanitized, to prove the CSP alone blocks script. */
    unsafeSkipSanitizer?: boolean;
  },
): Promise<PreparedBuild> {
  const started = performance.now();
  const outDir = path.resolve(options.outDir);
  const problem = outDirProblem(outDir, { root: project.root, contentDir: project.contentDir });
  if (problem) throw new UsageError(`${problem}.`, "Choose an output folder outside the folders the build reads, e.g. dist/ (the default).");
  mkdirSync(path.dirname(outDir), { recursive: true });
  const id = `${process.pid}-${Date.now().toString(36)}`;
  // Astro must build inside the app folder (its prerender chunks import node_modules); the
  // finished sites then move next to outDir, from where a rename puts them in place.
  const work = path.join(APP_ROOT, ".verity-cache", `build-${id}`);
  const staging = path.join(path.dirname(outDir), `.dist-${id}`);
  try {
    mkdirSync(path.join(work, ".data"), { recursive: true });
    const history = await readCardHistory(project);
    if (!history.available) options.progress(`git: ${history.reason}; cards show no last-change date`);
    const data = prepareSites(project, options.sites, { history, unsafeSkipSanitizer: options.unsafeSkipSanitizer });
    options.progress(`prepared ${options.sites.map((s) => `${s} (${data.get(s)!.cards.length} cards)`).join(", ")} in ${secondsSince(started)}`);
    const builds = options.sites.map((site) => {
      const dataFile = path.join(work, ".data", `${site}.json`);
      writeFileSync(dataFile, JSON.stringify(data.get(site)));
      return { site, dataFile, outDir: path.join(work, site), cards: data.get(site)!.cards.length };
    });
    const leakModel = options.sites.includes("public") ? deriveLeakModel(project, data.get("public")!) : undefined;
    return { work, staging, builds, leakModel, started };
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
}

/** Builds the prepared sites with Astro (and Pagefind), scans the public one, then swaps them into place. */
export async function runBuild(prepared: PreparedBuild, options: BuildOptions): Promise<BuildResult> {
  const { work, staging, builds, leakModel, started } = prepared;
  const elapsed = () => secondsSince(started);
  const outDir = path.resolve(options.outDir);
  const removeWork = () => {
    rmSync(work, { recursive: true, force: true });
    rmSync(staging, { recursive: true, force: true });
  };
  const stop = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    stop.abort();
    removeWork();
    process.kill(process.pid, signal);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    let leaks: LeakReport | undefined;
    const scanPublicSite = async (dir: string): Promise<LeakReport> => {
      if (!leakModel) throw new Error("public site built without a leak-check model");
      const report = await scanForLeaksAsync(dir, leakModel);
      if (report.findings.length > 0) {
        throw new CheckFailed(
          `The public site contains internal content, so it was not published:\n${formatLeakFindings(report.findings)}`,
          "Fix the card or the page that carries it; dist/ still holds the previous build.",
        );
      }
      for (const warning of report.warnings) options.progress(`leak check warning: ${warning.message}`);
      options.progress(
        `leak check: ${report.scannedFiles} files, ${report.needles.length} needles, ${report.hashedFiles} content files by hash, no internal content${report.warnings.length > 0 ? `, ${report.warnings.length} near ${report.warnings.length === 1 ? "copy" : "copies"} to review` : ""} (${(report.scanMs / 1000).toFixed(1)}s scan, ${elapsed()})`,
      );
      return report;
    };
    const runOne = async (build: (typeof builds)[number]) => {
      options.progress(`building the ${build.site} site with Astro…`);
      await runAstroBuild({ site: build.site, dataFile: build.dataFile, outDir: build.outDir, onLine: options.astroOutput, signal: stop.signal });
      options.progress(`built and indexed the ${build.site} site (${elapsed()})`);
      if (!existsSync(path.join(build.outDir, "pagefind", "pagefind-entry.json"))) {
        throw new CheckFailed(`The ${build.site} site has no search index: Pagefind did not run.`);
      }
      // The public site is scanned as soon as it is built, while the internal one may still build.
      if (build.site === "public") leaks = await scanPublicSite(build.outDir);
    };
    const isParallel = options.parallel ?? (builds.length > 1 && Math.max(...builds.map((b) => b.cards)) < PARALLEL_CARD_LIMIT);
    if (!isParallel && builds.length > 1) options.progress("building the sites one after the other");
    if (isParallel) {
      // When one site fails, the other build is stopped before the temporary folder goes away.
      const running = builds.map((build) => runOne(build).catch((error: unknown) => {
        stop.abort();
        throw error;
      }));
      const failure = (await Promise.allSettled(running)).find((r) => r.status === "rejected");
      if (failure) throw failure.reason;
    } else for (const build of builds) await runOne(build);

    mkdirSync(staging, { recursive: true });
    for (const build of builds) moveFolder(build.outDir, path.join(staging, build.site));
    mkdirSync(outDir, { recursive: true });
    for (const build of builds) {
      const target = path.join(outDir, build.site);
      if (existsSync(target)) renameSync(target, path.join(staging, `previous-${build.site}`));
      renameSync(path.join(staging, build.site), target);
    }
    options.progress(`done in ${elapsed()}: ${builds.map((b) => path.relative(process.cwd(), path.join(outDir, b.site)) || ".").join(", ")}`);
    return {
      sites: builds.map((b) => ({ site: b.site, dir: path.join(outDir, b.site), cards: b.cards })),
      leaks,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    removeWork();
  }
}

function secondsSince(started: number): string {
  return `${((performance.now() - started) / 1000).toFixed(1)}s`;
}

/** Renames a folder, or copies it when the target is on another file system. */
function moveFolder(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}
