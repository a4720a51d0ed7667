/**
 * Runs `astro build` for one site in its own process: the site, its prepared data, its own folder
 * and the output folder go in through the environment, read once by astro.config.mjs. A separate
 * process keeps the two sites apart and lets them build side by side; the site's own folder is
 * Astro's root, so the two builds share no file they write.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { SiteName } from "../core/site/audience.ts";
import { CheckFailed } from "../core/errors.ts";

/** The folder holding astro.config.mjs and src/pages. */
export const APP_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface AstroRun {
  site: SiteName;
  /** JSON file of the site's settings (SiteSettings): what Astro's configuration needs. */
  settingsFile: string;
  /** The prepared site data; Astro waits for it before generating pages, so it may be written after the start. */
  dataFile: string;
  /**
   * The site build's own folder: Astro's root, its caches and Vite's. It must be inside APP_ROOT
   * (Astro's prerender chunks, written next to the output, import node_modules from there).
   */
  workDir: string;
  /** Inside workDir (Astro writes its prerender chunks next to it when it is in the working directory). */
  outDir: string;
  /** The project folder: a failed build names the project's file its error mentions first. */
  projectRoot?: string;
  /** Receives Astro's output line by line. */
  onLine?: (line: string) => void;
  /** Stops the build (the other site failed, or the build was interrupted). */
  signal?: AbortSignal;
}

/** A site build that failed on its own: its site, the lines that say why and the file they name. */
export class SiteBuildFailed extends CheckFailed {
  readonly site: SiteName;
  readonly errorLines: readonly string[];
  readonly file: string | undefined;

  constructor(site: SiteName, reason: string, errorLines: readonly string[], file: string | undefined) {
    super(
      [`The ${site} site failed to build (${reason}):`, ...errorLines.map((line) => `  ${line}`), ...(file ? [`  File: ${file}`] : [])].join("\n"),
      "Run again with --verbose to see all of Astro's output. dist/ still holds the previous build.",
    );
    this.name = "SiteBuildFailed";
    this.site = site;
    this.errorLines = errorLines;
    this.file = file;
  }
}

/** A site build stopped because the other one failed or the build was interrupted. */
export class SiteBuildStopped extends CheckFailed {
  readonly site: SiteName;

  constructor(site: SiteName) {
    super(`The ${site} site build was stopped.`);
    this.name = "SiteBuildStopped";
    this.site = site;
  }
}

const INTERRUPTS = new Set(["SIGINT", "SIGTERM", "SIGHUP"]);

/** Lines of a failed build's output kept to explain it: the first ones and the last ones. */
const HEAD_LINES = 400;
const TAIL_LINES = 40;

export function runAstroBuild(run: AstroRun): Promise<void> {
  const astro = path.join(APP_ROOT, "node_modules", "astro", "bin", "astro.mjs");
  const config = path.relative(run.workDir, path.join(APP_ROOT, "astro.config.mjs"));
  const head: string[] = [];
  const tail: string[] = [];
  return new Promise((resolve, reject) => {
    if (run.signal?.aborted) return reject(new SiteBuildStopped(run.site));
    const child = spawn(process.execPath, [astro, "build", "--root", run.workDir, "--config", config], {
      cwd: run.workDir,
      env: {
        ...process.env,
        VERITY_SITE: run.site,
        VERITY_SITE_SETTINGS: run.settingsFile,
        VERITY_SITE_DATA: run.dataFile,
        VERITY_SITE_WORK: run.workDir,
        VERITY_OUT_DIR: run.outDir,
        // Every generated page is an info line: only a caller that shows them (--verbose) gets them.
        VERITY_ASTRO_LOG: run.onLine ? "info" : "warn",
        ASTRO_TELEMETRY_DISABLED: "1",
        NO_COLOR: "1",
        FORCE_COLOR: "0",
      },
      stdio: ["ignore", "pipe", "pipe"],
      signal: run.signal,
      killSignal: "SIGTERM",
    });
    const partial = { stdout: "", stderr: "" };
    const onLine = (line: string) => {
      if (!line.trim()) return;
      if (head.length < HEAD_LINES) head.push(line);
      else {
        tail.push(line);
        if (tail.length > TAIL_LINES) tail.shift();
      }
      run.onLine?.(line);
    };
    const onData = (stream: "stdout" | "stderr") => (chunk: Buffer) => {
      const lines = (partial[stream] + chunk.toString("utf8")).split("\n");
      partial[stream] = lines.pop()!;
      lines.forEach(onLine);
    };
    child.stdout.on("data", onData("stdout"));
    child.stderr.on("data", onData("stderr"));
    child.on("error", (error) => {
      // A stopped build settles on "close", once the process has really exited.
      if (error.name !== "AbortError") reject(new CheckFailed(`Could not start Astro for the ${run.site} site: ${error.message}`));
    });
    // A stopped Astro gets SIGTERM (spawn's signal option), and SIGKILL if it is still there 5 s later.
    let kill: NodeJS.Timeout | undefined;
    const onAbort = () => {
      kill = setTimeout(() => child.kill("SIGKILL"), 5000);
    };
    run.signal?.addEventListener("abort", onAbort, { once: true });
    child.on("close", (code, signal) => {
      clearTimeout(kill);
      run.signal?.removeEventListener("abort", onAbort);
      onLine(partial.stdout);
      onLine(partial.stderr);
      // Ctrl+C in a terminal reaches Astro too: a build ended by SIGINT, SIGTERM or SIGHUP was stopped.
      if (run.signal?.aborted || (signal && INTERRUPTS.has(signal))) return reject(new SiteBuildStopped(run.site));
      if (code === 0) return resolve();
      const output = [...head, ...tail];
      const { lines, file } = explainFailure(output, { workDir: run.workDir, projectRoot: run.projectRoot });
      reject(new SiteBuildFailed(run.site, signal ? `Astro was killed by ${signal}` : `Astro exited with code ${code}`, lines, file));
    });
  });
}

/**
 * Astro's log lines start with a time and a [label]: an error line is labelled [ERROR], or starts
 * with "error", "✗" or a JavaScript or system error name (never a listed page such as
 * `├─ /help/error-codes/index.html`).
 */
const ERROR_LINE = /\[(?:[A-Z]+_)*ERROR\]|^\s*(?:\d\d:\d\d:\d\d\s+)?(?:error\b|✗|\w*Error\b|E[A-Z]{2,}\b:)/i;
const LOG_PREFIX = /^\d{2}:\d{2}:\d{2}\s+/;
/** An absolute file path (optionally with :line:column) in a line of output; not the path of a web address (`https://github.com/...`). */
const FILE_PATH = /(?:file:\/\/|(?<![\w:/.]))(\/(?:[^\s'"`:()]+\/)*[^\s'"`:()]+\.[A-Za-z0-9]{1,10})(?::(\d+)(?::(\d+))?)?/g;

/**
 * The first lines that say why a build failed (from its first error line, at most 12) and the
 * file they name: the first one in the project (a card, an asset), else Astro's `Location:`, else
 * the first path that is not a dependency's or the build's own temporary file.
 */
export function explainFailure(output: readonly string[], where: { workDir: string; projectRoot?: string | undefined }): { lines: string[]; file: string | undefined } {
  const start = output.findIndex((line) => ERROR_LINE.test(line));
  const from = start === -1 ? Math.max(0, output.length - 12) : start;
  const lines: string[] = [];
  for (const line of output.slice(from)) {
    // A JavaScript stack, or a native one (Rust's "Stack backtrace:", as Vite's bundler rolldown prints it).
    if (/^\s*Stack (?:back)?trace:/i.test(line) || (lines.length > 0 && /^\s+at\s/.test(line))) break;
    lines.push(line.replace(LOG_PREFIX, ""));
    if (lines.length === 12) break;
  }
  const paths = (text: readonly string[]) =>
    text.flatMap((line) =>
      [...line.matchAll(FILE_PATH)]
        .filter((m) => !m[1]!.includes(`${path.sep}node_modules${path.sep}`) && !m[1]!.startsWith(where.workDir + path.sep))
        .map((m) => ({ file: m[1]!, at: m[2] ? `${m[1]}:${m[2]}${m[3] ? `:${m[3]}` : ""}` : m[1]! })),
    );
  const named = paths(lines);
  const location = output.findIndex((line) => /^\s*Location:\s*$/i.test(line));
  const inProject = where.projectRoot ? named.find((p) => p.file.startsWith(where.projectRoot + path.sep)) : undefined;
  const file = inProject ?? (location === -1 ? undefined : paths(output.slice(location + 1, location + 2))[0]) ?? named[0];
  return { lines, file: file?.at };
}
