/**
 * The demo (content/ of this repository) built once per test run and day, for the site tests that only read it: a
 * build of both sites takes seconds of the run each time. The folder comes from the sites project's global setup
 * (`demo-builds-setup.ts`), which removes it at the end; a test file run on its own builds into it too.
 */
import { existsSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { inject } from "vitest";
import { REPO_ROOT } from "../helpers.ts";
import { runCli } from "./helpers.ts";

declare module "vitest" {
  export interface ProvidedContext {
    demoBuilds: string;
  }
}

/** The folder holding the demo's `public` and `internal` sites as built on `today`: read it, never write to it. */
export async function demoBuild(today: string): Promise<string> {
  const dir = path.join(inject("demoBuilds"), today);
  if (existsSync(dir)) return dir;
  const building = mkdtempSync(`${dir}.building-`);
  const result = await runCli(["build", "--root", REPO_ROOT, "--out-dir", building, "--today", today], REPO_ROOT);
  if (result.code !== 0) {
    rmSync(building, { recursive: true, force: true });
    throw new Error(`the demo did not build (exit ${result.code}):\n${result.stderr}`);
  }
  // Another test file may have built the same day meanwhile: its copy is as good.
  try {
    renameSync(building, dir);
  } catch (error) {
    rmSync(building, { recursive: true, force: true });
    if (!existsSync(dir)) throw error;
  }
  return dir;
}
