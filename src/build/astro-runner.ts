/**
 * Runs `astro build` for one site in its own process: the site, its prepared data and the output
 * folder go in through the environment, read once by astro.config.mjs. A separate process keeps
 * the two sites apart and lets them build side by side.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { SiteName } from "../core/audience.ts";
import { CheckFailed } from "../core/errors.ts";

/** The folder holding astro.config.mjs and src/pages. */
export const APP_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface AstroRun {
  site: SiteName;
  dataFile: string;
  outDir: string;
  /** Receives Astro's output line by line. */
  onLine?: (line: string) => void;
  /** Stops the build (the other site failed). */
  signal?: AbortSignal;
}

export function runAstroBuild(run: AstroRun): Promise<void> {
  const astro = path.join(APP_ROOT, "node_modules", "astro", "bin", "astro.mjs");
  const tail: string[] = [];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [astro, "build", "--root", APP_ROOT], {
      // Astro writes its temporary prerender chunks next to outDir when outDir is inside the working
      // directory (else into a shared .astro/ folder); outDir must be inside APP_ROOT so the chunks
      // resolve node_modules.
      cwd: APP_ROOT,
      env: {
        ...process.env,
        VERITY_SITE: run.site,
        VERITY_SITE_DATA: run.dataFile,
        VERITY_OUT_DIR: run.outDir,
        ASTRO_TELEMETRY_DISABLED: "1",
        NO_COLOR: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
      signal: run.signal,
    });
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString("utf8").split("\n")) {
        if (!line.trim()) continue;
        tail.push(line);
        if (tail.length > 40) tail.shift();
        run.onLine?.(line);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("error", (error) => {
      // A stopped build settles on "close", once the process has really exited.
      if (error.name !== "AbortError") reject(new CheckFailed(`Could not start Astro for the ${run.site} site: ${error.message}`));
    });
    child.on("close", (code, signal) => {
      if (run.signal?.aborted) reject(new CheckFailed(`The ${run.site} site build was stopped.`));
      else if (code === 0) resolve();
      else reject(new CheckFailed(`Astro failed to build the ${run.site} site (${signal ?? `exit code ${code}`}). Its last output:\n${tail.join("\n")}`));
    });
  });
}
