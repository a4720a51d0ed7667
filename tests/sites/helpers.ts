/** Shared helpers for the site tests: run the CLI in-process, list and read built files. */
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { run } from "../../cli/index.ts";
import { readScannable } from "../../src/build/scan-text.ts";

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/sites");
/** The day the fixtures are built on: one card expired, one expiring within warnDays. */
export const TODAY = "2029-12-30";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(args: string[], cwd = process.cwd()): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await run(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd, env: {} });
  return { code, stdout, stderr };
}

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `verity-${prefix}-`));
}

export async function buildFixture(name: string, outDir: string, extra: string[] = []): Promise<CliResult> {
  return runCli(["build", "--root", path.join(FIXTURES, name), "--out-dir", outDir, "--today", TODAY, ...extra]);
}

export function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** Every file's text (Pagefind files decompressed) plus every file name, for substring checks. */
export function readSite(dir: string): { file: string; text: string }[] {
  return listFiles(dir).map((file) => ({ file: path.relative(dir, file), text: `${path.relative(dir, file)}\n${readScannable(file)}` }));
}

/**
 * `act` on each item, `atOnce` items at a time, results in the items' order: for browser pages, whose time is mostly
 * spent waiting on the page, each in its own tab. `worker` (0 to atOnce - 1) runs one item at a time: a tab of its own.
 */
export async function eachAtOnce<T, R>(items: readonly T[], atOnce: number, act: (item: T, worker: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const work = async (worker: number) => {
    for (let at = next++; at < items.length; at = next++) results[at] = await act(items[at]!, worker);
  };
  await Promise.all(Array.from({ length: atOnce }, (_, worker) => work(worker)));
  return results;
}
