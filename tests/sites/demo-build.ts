/**
 * Builds shared by the site tests that only read them: the demo (content/ of this repository) once per test run and
 * day, and a fixture of tests/fixtures/sites once per run. A build of both sites takes seconds of the run each time.
 * The folder comes from the sites project's global setup (`demo-builds-setup.ts`), which removes it at the end; a test
 * file run on its own builds into it too. Read a shared build, never write to it (copy what a test changes).
 */
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { inject } from "vitest";
import { REPO_ROOT } from "../helpers.ts";
import { FIXTURES, runCli, TODAY } from "./helpers.ts";

declare module "vitest" {
  export interface ProvidedContext {
    demoBuilds: string;
  }
}

export interface SharedBuild {
  /** The folder holding the `public` and `internal` sites. */
  dir: string;
  /** What the build that made it wrote on stderr (it exited 0). */
  stderr: string;
}

/** `root` built on `today` into the shared folder `name`, by this test file or an earlier one of the run. */
async function sharedBuild(name: string, root: string, today: string): Promise<SharedBuild> {
  const dir = path.join(inject("demoBuilds"), name);
  const stderrFile = `${dir}.stderr`;
  if (existsSync(dir)) return { dir, stderr: readFileSync(stderrFile, "utf8") };
  const building = mkdtempSync(`${dir}.building-`);
  const result = await runCli(["build", "--root", root, "--out-dir", building, "--today", today], REPO_ROOT);
  if (result.code !== 0) {
    rmSync(building, { recursive: true, force: true });
    throw new Error(`${name} did not build (exit ${result.code}):\n${result.stderr}`);
  }
  // The stderr is in place before the folder is: whoever sees the folder can read it.
  writeFileSync(`${building}.stderr`, result.stderr);
  renameSync(`${building}.stderr`, stderrFile);
  // Another test file may have built the same meanwhile: its copy is as good.
  try {
    renameSync(building, dir);
  } catch (error) {
    rmSync(building, { recursive: true, force: true });
    if (!existsSync(dir)) throw error;
  }
  return { dir, stderr: result.stderr };
}

/** The day the site tests build the demo on. */
export const DEMO_DAY = "2026-12-01";

/** The demo's `public` and `internal` sites as built on `today`, with what the build wrote on stderr. */
export async function demoBuildWithLog(today: string): Promise<SharedBuild> {
  return sharedBuild(today, REPO_ROOT, today);
}

/** The folder holding the demo's `public` and `internal` sites as built on `today`. */
export async function demoBuild(today: string): Promise<string> {
  return (await demoBuildWithLog(today)).dir;
}

/** The fixture tests/fixtures/sites/`name` built on the fixtures' day (TODAY). */
export async function fixtureBuild(name: string): Promise<SharedBuild> {
  return sharedBuild(`fixture-${name}`, path.join(FIXTURES, name), TODAY);
}
