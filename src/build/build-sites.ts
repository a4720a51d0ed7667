/**
 * `verity build`: prepares each site's data (every card rendered once) so the loaded project can
 * be freed, builds the sites with Astro side by side into a temporary folder (the integration
 * indexes each with Pagefind), scans the public output for leaks, and only then moves the new
 * sites into place with renames that are undone if one fails. A failed or interrupted build leaves
 * the previous output as it was, and no temporary folder behind.
 */
import { CACHE_FOLDER } from "../core/project/cache-folder.ts";
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { SiteName } from "../core/site/audience.ts";
import { CheckFailed, UsageError, VerityError } from "../core/errors.ts";
import type { Project } from "../core/project/project.ts";
import { APP_ROOT, runAstroBuild, SiteBuildFailed, SiteBuildStopped } from "./astro-runner.ts";
import { readCardHistory } from "./card-history.ts";
import { refusedAliasMessage } from "../core/site/redirects.ts";
import { formerlyHiddenCards } from "../core/git/former-cards.ts";
import { deriveLeakModel, formatLeakFindings, scanForLeaksAsync, type LeakModel, type LeakReport } from "./leak-scan.ts";
import { outDirProblem } from "./out-dir.ts";
import { indexedPages, moveFolder, pageDropWarning, swapIntoPlace, SwapFailed } from "./output-folder.ts";
import { prepareSites, siteSettings } from "./site-data.ts";
import { writeSiteDataFile } from "./site-data-file.ts";
import { selectCardsForSite, siteSelectionOf } from "../core/site/audience.ts";

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
  /** Stops the build (Ctrl+C): the Astro processes are stopped and nothing is moved into place. */
  signal?: AbortSignal;
}

export interface BuildResult {
  sites: { site: SiteName; dir: string; cards: number; pages: number | undefined }[];
  leaks: LeakReport | undefined;
  seconds: number;
  /** Things a reader must see although the build succeeded (e.g. most pages gone since the last build). */
  warnings: string[];
}

/** The build was stopped by a signal; dist/ was not changed. Exit 128 + the signal's number. */
export class BuildInterrupted extends VerityError {
  readonly signal: string;

  constructor(signal: string) {
    super(`The build was interrupted (${signal}); dist/ was not changed and no temporary folder was left.`, { exitCode: SIGNAL_EXIT[signal] ?? 130 });
    this.signal = signal;
  }
}

const SIGNAL_EXIT: Record<string, number> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

/** Throws {@link BuildInterrupted} when `signal` is aborted (its reason is the signal's name). */
export function throwIfInterrupted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new BuildInterrupted(typeof signal.reason === "string" ? signal.reason : "SIGINT");
}

/**
 * What a build needs once the cards are rendered: the data files of each site and how to derive
 * the leak-check model. The model is derived while Astro starts (off the critical path); after
 * that nothing holds a card tree or source, so the loaded project is freed before Astro and
 * Pagefind, the memory-hungry part, render and index.
 */
/** Largest number of cards (of the internal site) built side by side by default. */
export const PARALLEL_CARD_LIMIT = 10_000;

export interface PreparedBuild {
  /** The project folder. */
  root: string;
  work: string;
  staging: string;
  /**
   * Each site builds in its own folder (`workDir`: Astro's root and caches) into `outDir` inside
   * it. `astro` is the site's Astro process when it was started while the cards were rendered.
   */
  builds: SiteBuild[];
  /** Whether the sites build side by side. */
  parallel: boolean;
  /** Stops the Astro processes (a site failed, the build was interrupted or could not be prepared). */
  stop: AbortController;
  /** Derives the leak check's needles, page attribution, file hashes and shingles (public builds); called once. */
  leakModel: (() => LeakModel) | undefined;
  /** Warnings known before Astro runs (see `unverifiedRemovalsWarning`), reported with the build's. */
  warnings: string[];
  started: number;
}

interface SiteBuild {
  site: SiteName;
  settingsFile: string;
  dataFile: string;
  workDir: string;
  outDir: string;
  cards: number;
  astro?: Promise<void>;
}

/** Where every build puts its work folder: inside the app (Astro's prerender chunks import node_modules). */
export const WORK_ROOT = path.join(APP_ROOT, CACHE_FOLDER);
/** Work folders are `build-<pid>-<time>` in WORK_ROOT, staging folders `.dist-<pid>-<time>` next to outDir. */
const WORK_NAME = /^(?:build|\.dist)-(\d+)-[0-9a-z]+$/;

/**
 * Starts Astro for each site (in parallel builds), then renders every card once and writes each
 * site's data file, which Astro waits for before it generates pages: Astro starts up and bundles
 * while the cards are rendered.
 */
export async function prepareBuild(
  project: Project,
  options: Pick<BuildOptions, "sites" | "outDir" | "progress" | "signal" | "parallel" | "astroOutput"> & {
    /** Tests only, never a CLI flag or config key: card HTML unsanitized, to prove the CSP alone blocks script. */
    unsafeSkipSanitizer?: boolean;
  },
): Promise<PreparedBuild> {
  const started = performance.now();
  checkHasCards(project, options.sites);
  const outDir = path.resolve(options.outDir);
  const problem = outDirProblem(outDir, { root: project.root, contentDir: project.contentDir });
  if (problem) throw new UsageError(`${problem}.`, "Choose an output folder outside the folders the build reads, e.g. dist/ (the default).");
  const selection = siteSelectionOf(project);
  const counts = new Map(options.sites.map((site) => [site, selectCardsForSite(project.cards, site, selection).length]));
  const empty = options.sites.find((site) => counts.get(site) === 0);
  if (empty) throw emptySite(project, empty);
  mkdirSync(path.dirname(outDir), { recursive: true });
  removeOrphans(WORK_ROOT, "build-");
  removeOrphans(path.dirname(outDir), ".dist-");
  const id = `${process.pid}-${Date.now().toString(36)}`;
  // Astro must build inside the app folder (its prerender chunks import node_modules); the
  // finished sites then move next to outDir, from where a rename puts them in place.
  const work = path.join(WORK_ROOT, `build-${id}`);
  const staging = path.join(path.dirname(outDir), `.dist-${id}`);
  const stop = new AbortController();
  const builds: SiteBuild[] = [];
  const parallel = options.parallel ?? (options.sites.length > 1 && Math.max(...counts.values()) < PARALLEL_CARD_LIMIT);
  try {
    mkdirSync(path.join(work, ".data"), { recursive: true });
    for (const site of options.sites) {
      const workDir = path.join(work, site);
      mkdirSync(workDir);
      const build: SiteBuild = {
        site,
        settingsFile: path.join(work, ".data", `${site}.settings.json`),
        dataFile: path.join(work, ".data", `${site}.v8`),
        workDir,
        outDir: path.join(workDir, "out"),
        cards: counts.get(site)!,
      };
      writeFileSync(build.settingsFile, JSON.stringify(siteSettings(project.config, site)));
      // One after the other (large projects), each site starts when the one before it is done.
      if (parallel || builds.length === 0) build.astro = startAstro(build, project.root, options.astroOutput, stop.signal);
      builds.push(build);
    }
    const history = await readCardHistory(project);
    throwIfInterrupted(options.signal);
    if (!history.available) options.progress(`git: ${history.detail ?? history.reason} Cards show no last-change date, and aliases are not checked against removed internal cards.`);
    const formerlyHidden = history.available && history.removed ? await formerlyHiddenCards(project.root, history.removed) : undefined;
    // The site with the most cards (the longest Astro build) gets its data first.
    const order = [...options.sites].sort((a, b) => counts.get(b)! - counts.get(a)!);
    const data = prepareSites(project, order, {
      history,
      unsafeSkipSanitizer: options.unsafeSkipSanitizer,
      // Each attachment is read as it is approved; Astro copies these bytes, not the working tree's.
      snapshotDir: path.join(work, ".data", "files"),
      formerlyHidden,
      onRefusedAlias: (refused) => options.progress(refusedAliasMessage(refused)),
      onSite: (site, siteData) => {
        const { dataFile } = builds.find((build) => build.site === site)!;
        writeSiteDataFile(dataFile, siteData);
      },
    });
    options.progress(`prepared ${options.sites.map((s) => `${s} (${data.get(s)!.cards.length} cards)`).join(", ")} in ${secondsSince(started)}`);
    const publicData = data.get("public");
    const leakModel = publicData ? () => deriveLeakModel(project, publicData) : undefined;
    throwIfInterrupted(options.signal);
    const warnings = !history.available && options.sites.includes("public") ? [unverifiedRemovalsWarning(history.reason)] : [];
    return { root: project.root, work, staging, builds, parallel, stop, leakModel, warnings, started };
  } catch (error) {
    stop.abort("failed");
    await Promise.allSettled(builds.map((build) => build.astro));
    rmSync(work, { recursive: true, force: true, maxRetries: 3 });
    throw error;
  }
}

/** Starts Astro for one site; the promise is awaited by runBuild (or dropped when preparing fails). */
function startAstro(build: SiteBuild, projectRoot: string, onLine: ((line: string) => void) | undefined, signal: AbortSignal): Promise<void> {
  const running = runAstroBuild({ site: build.site, settingsFile: build.settingsFile, dataFile: build.dataFile, workDir: build.workDir, outDir: build.outDir, projectRoot, onLine, signal });
  running.catch(() => {
    /* handled where it is awaited */
  });
  return running;
}

/**
 * A project without cards (an empty content folder; a missing one stops its lint first, see
 * requireContentFolder) must not deploy empty sites.
 */
function checkHasCards(project: Project, sites: readonly SiteName[]): void {
  if (project.cards.length > 0) return;
  const contentDir = path.join(project.root, project.config.contentDir);
  throw new CheckFailed(
    `No cards in ${contentDir}, so the ${sites.join(" and ")} ${sites.length > 1 ? "sites were" : "site was"} not built.`,
    "Check contentDir in verity.config.yml and --root: cards are Markdown files with frontmatter in the collections of the content folder.",
  );
}

function emptySite(project: Project, site: SiteName): CheckFailed {
  return new CheckFailed(
    `The ${site} site would have no cards (the project's ${project.cards.length} cards are ${site === "public" ? "internal or drafts" : "drafts"}), so nothing was built.`,
    site === "public" ? "Build only the internal wiki with --site internal, or publish a card with audience: external." : "Publish a card (status: published).",
  );
}

/** Removes work and staging folders left by builds whose process is gone (killed with SIGKILL, a crash). */
function removeOrphans(dir: string, prefix: string): void {
  // A staging folder holding a previous-<site> folder is where a swap that could not be undone
  // left the previous build: it stays for the user to move back.
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.startsWith(prefix));
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(WORK_NAME.exec(name)?.[1]);
    if (!pid || pid === process.pid || isAlive(pid)) continue;
    try {
      if (prefix === ".dist-" && readdirSync(path.join(dir, name)).some((entry) => entry.startsWith("previous-"))) continue;
      rmSync(path.join(dir, name), { recursive: true, force: true });
    } catch {
      /* gone meanwhile, or not ours to remove: the build goes on */
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== "ESRCH";
  }
}

/** Builds the prepared sites with Astro (and Pagefind), scans the public one, then swaps them into place. */
export async function runBuild(prepared: PreparedBuild, options: BuildOptions): Promise<BuildResult> {
  const { root, work, staging, builds, started, stop } = prepared;
  // The leak model, derived once (the first caller pays); a failure is the public site's failure.
  let derive = prepared.leakModel;
  let derived: { model: LeakModel } | { error: unknown } | undefined;
  const leakModel = (): LeakModel => {
    if (!derived) {
      if (!derive) throw new Error("public site built without a leak-check model");
      try {
        derived = { model: derive() };
      } catch (error) {
        derived = { error };
      }
      derive = undefined;
    }
    if ("error" in derived) throw derived.error;
    return derived.model;
  };
  const elapsed = () => secondsSince(started);
  const outDir = path.resolve(options.outDir);
  // The Astro processes stop when one site fails or the build is interrupted.
  const interrupted = () => stop.abort("interrupted");
  options.signal?.addEventListener("abort", interrupted);
  let keepStaging = false;
  try {
    throwIfInterrupted(options.signal);
    let leaks: LeakReport | undefined;
    const scanPublicSite = async (dir: string): Promise<LeakReport> => {
      const report = await scanForLeaksAsync(dir, leakModel());
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
      await (build.astro ?? startAstro(build, root, options.astroOutput, stop.signal));
      options.progress(`built and indexed the ${build.site} site (${elapsed()})`);
      if (!existsSync(path.join(build.outDir, "pagefind", "pagefind-entry.json"))) {
        throw new CheckFailed(`The ${build.site} site has no search index: Pagefind did not run.`);
      }
      // The public site is scanned as soon as it is built, while the internal one may still build.
      if (build.site === "public") leaks = await scanPublicSite(build.outDir);
    };
    const isParallel = prepared.parallel;
    if (!isParallel && builds.length > 1) options.progress("building the sites one after the other");
    // When one site fails, the other build is stopped before the temporary folder goes away; the
    // error shown is the failed site's own, and only a site that was stopped is called stopped.
    const failures: unknown[] = [];
    const stopped: SiteName[] = [];
    const settle = (build: (typeof builds)[number]) =>
      runOne(build).catch((error: unknown) => {
        if (error instanceof SiteBuildStopped) stopped.push(error.site);
        else failures.push(error);
        stop.abort("failed");
      });
    const running = isParallel
      ? Promise.all(builds.map(settle))
      : (async () => {
          for (const build of builds) if (failures.length === 0) await settle(build);
        })();
    if (prepared.leakModel) {
      // Astro has been started: the model is derived while it loads (a failure shows at the scan).
      await new Promise((resolve) => setImmediate(resolve));
      try {
        leakModel();
      } catch {
        /* reported by the scan of the public site */
      }
    }
    await running;
    throwIfInterrupted(options.signal);
    if (failures.length > 0) throw combineFailures(failures, stopped);
    // Stopped with nothing failed: Astro was ended from outside (Ctrl+C in a terminal reaches it too).
    if (stopped.length > 0) throw new BuildInterrupted("SIGINT");

    mkdirSync(staging, { recursive: true });
    for (const build of builds) moveFolder(build.outDir, path.join(staging, build.site));
    const warnings = builds.flatMap((build) => pageDropWarning(build.site, indexedPages(path.join(outDir, build.site)), indexedPages(path.join(staging, build.site))));
    warnings.unshift(...prepared.warnings);
    throwIfInterrupted(options.signal);
    mkdirSync(outDir, { recursive: true });
    try {
      swapIntoPlace(staging, outDir, builds.map((b) => b.site));
    } catch (error) {
      if (error instanceof SwapFailed && !error.restored) keepStaging = true;
      throw error;
    }
    options.progress(`done in ${elapsed()}: ${builds.map((b) => path.relative(process.cwd(), path.join(outDir, b.site)) || ".").join(", ")}`);
    return {
      sites: builds.map((b) => ({ site: b.site, dir: path.join(outDir, b.site), cards: b.cards, pages: indexedPages(path.join(outDir, b.site)) })),
      leaks,
      seconds: (performance.now() - started) / 1000,
      warnings,
    };
  } finally {
    options.signal?.removeEventListener("abort", interrupted);
    rmSync(work, { recursive: true, force: true, maxRetries: 3 });
    if (!keepStaging) rmSync(staging, { recursive: true, force: true, maxRetries: 3 });
  }
}

/**
 * Without the content folder's history the public site's aliases and file paths were not checked
 * against removed internal cards (core/git/former-cards.ts): a warning, not a progress line, so CI
 * (a default shallow checkout) shows it.
 */
function unverifiedRemovalsWarning(reason: string): string {
  return `the public site's aliases and file paths were not checked against removed internal cards: ${reason}. Build from a clone with full history (actions/checkout with fetch-depth: 0, or git fetch --unshallow).`;
}

/** One error for the sites that failed; the sites stopped because of them are named as stopped. */
function combineFailures(failures: unknown[], stopped: readonly SiteName[]): unknown {
  if (stopped.length === 0 && failures.length === 1) return failures[0];
  const bug = failures.find((f) => !(f instanceof VerityError));
  if (bug) return bug;
  const errors = failures as VerityError[];
  const failedSites = errors.flatMap((e) => (e instanceof SiteBuildFailed ? [e.site] : []));
  const because = failedSites.length > 0 ? ` because the ${failedSites.join(" and ")} site failed` : "";
  return new VerityError([...errors.map((e) => e.message), ...stopped.map((site) => `The ${site} site build was stopped${because}.`)].join("\n"), {
    exitCode: Math.max(...errors.map((e) => e.exitCode)),
    hint: errors.map((e) => e.hint).find(Boolean),
  });
}

function secondsSince(started: number): string {
  return `${((performance.now() - started) / 1000).toFixed(1)}s`;
}
