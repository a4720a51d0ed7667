/**
 * `verity build`: prepares each site's data (every card rendered once), builds the sites with
 * Astro side by side into a temporary folder (the integration indexes each with Pagefind), scans
 * the public output for leaks, and only then moves the new sites into place with a rename. A
 * failed or interrupted build leaves the previous output as it was.
 */
import { cpSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { SiteName } from "../core/audience.ts";
import { CheckFailed } from "../core/errors.ts";
import type { Project } from "../core/project.ts";
import { APP_ROOT, runAstroBuild } from "./astro-runner.ts";
import { readCardHistory } from "./card-history.ts";
import { deriveNeedles, scanForLeaksAsync, type LeakReport } from "./leak-scan.ts";
import { prepareSites } from "./site-data.ts";

export interface BuildOptions {
  sites: readonly SiteName[];
  /** Folder that receives `public/` and `internal/`. */
  outDir: string;
  /** Build the sites in parallel processes (default: true when there are two). */
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

export async function buildSites(project: Project, options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)}s`;
  const outDir = path.resolve(options.outDir);
  mkdirSync(path.dirname(outDir), { recursive: true });
  const id = `${process.pid}-${Date.now().toString(36)}`;
  // Astro must build inside the app folder (its prerender chunks import node_modules); the
  // finished sites then move next to outDir, from where a rename puts them in place.
  const work = path.join(APP_ROOT, ".verity-cache", `build-${id}`);
  const staging = path.join(path.dirname(outDir), `.dist-${id}`);
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
    mkdirSync(path.join(work, ".data"), { recursive: true });
    const history = await readCardHistory(project);
    if (!history.available) options.progress(`git: ${history.reason}; cards show no last-change date`);
    const data = prepareSites(project, options.sites, { history });
    options.progress(`prepared ${options.sites.map((s) => `${s} (${data.get(s)!.cards.length} cards)`).join(", ")} in ${elapsed()}`);

    const builds = options.sites.map((site) => {
      const dataFile = path.join(work, ".data", `${site}.json`);
      writeFileSync(dataFile, JSON.stringify(data.get(site)));
      return { site, dataFile, outDir: path.join(work, site) };
    });
    let leaks: LeakReport | undefined;
    const runOne = async (build: (typeof builds)[number]) => {
      options.progress(`building the ${build.site} site with Astro…`);
      await runAstroBuild({ ...build, onLine: options.astroOutput, signal: stop.signal });
      options.progress(`built and indexed the ${build.site} site (${elapsed()})`);
      if (!existsSync(path.join(build.outDir, "pagefind", "pagefind-entry.json"))) {
        throw new CheckFailed(`The ${build.site} site has no search index: Pagefind did not run.`);
      }
      if (build.site === "public") leaks = await scanPublicSite(build.outDir);
    };
    // The needles are derived while Astro runs; the public site is scanned as soon as it is built.
    let needles: ReturnType<typeof deriveNeedles> | undefined;
    const scanPublicSite = async (dir: string): Promise<LeakReport> => {
      needles ??= deriveNeedles(project);
      const { hits, scannedFiles } = await scanForLeaksAsync(dir, needles.needles);
      const report = { scannedFiles, needles: needles.needles, skipped: needles.skipped, hits };
      if (hits.length > 0) {
        throw new CheckFailed(
          `The public site contains internal content, so it was not published:\n${formatLeakHits(report)}`,
          "Fix the card or the page that carries it; dist/ still holds the previous build.",
        );
      }
      options.progress(`leak check: ${scannedFiles} files, ${report.needles.length} needles, no internal content (${elapsed()})`);
      return report;
    };
    if (options.parallel ?? builds.length > 1) {
      // When one site fails, the other build is stopped before the temporary folder goes away.
      const running = builds.map((build) => runOne(build).catch((error: unknown) => {
        stop.abort();
        throw error;
      }));
      if (options.sites.includes("public")) needles = deriveNeedles(project);
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
      sites: builds.map((b) => ({ site: b.site, dir: path.join(outDir, b.site), cards: data.get(b.site)!.cards.length })),
      leaks,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    removeWork();
  }
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

export function formatLeakHits(report: LeakReport, limit = 50): string {
  const lines = report.hits
    .slice(0, limit)
    .map((hit) => `  ${hit.file}${hit.where === "file name" ? " (file name)" : ""}: ${hit.needle.kind} "${truncate(hit.needle.text)}" of ${hit.needle.source}`);
  if (report.hits.length > limit) lines.push(`  … and ${report.hits.length - limit} more`);
  return lines.join("\n");
}

function truncate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
