/** Test helpers: temporary projects and an in-memory CLI run. */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { run } from "../cli/index.ts";

export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");
export const REPO_ROOT = path.resolve(FIXTURES, "..", "..");

const temps: string[] = [];

/** A new empty folder, removed by {@link removeTemps}. */
export function makeTempDir(prefix = "verity-test-"): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

export function removeTemps(): void {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Writes `files` (path relative to the project -> content) into a new temporary project. */
export function makeProject(files: Record<string, string | Uint8Array>): string {
  const dir = makeTempDir();
  for (const [rel, content] of Object.entries(files)) {
    const full = path.join(dir, rel);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return dir;
}

/** A temporary copy of `tests/fixtures/projects/<name>`. */
export function copyFixtureProject(name: string): string {
  const dir = makeTempDir();
  cpSync(path.join(FIXTURES, "projects", name), dir, { recursive: true });
  return dir;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(argv: string[], options: { cwd: string; env?: Record<string, string | undefined>; stdin?: string }): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const { stdin } = options;
  const code = await run(argv, {
    ...(stdin === undefined ? {} : { readStdin: async () => stdin }),
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd: options.cwd,
    env: options.env ?? {},
    isInteractive: false,
    color: false,
  });
  return { code, stdout, stderr };
}

export interface EslintResult {
  filePath: string;
  messages: { ruleId: string; severity: 1 | 2; message: string; line: number; column: number }[];
  errorCount: number;
  warningCount: number;
}

/** Runs `verity lint --format json` and returns the parsed results with the exit code. */
export async function lintJson(cwd: string, extra: string[] = []): Promise<{ code: number; results: EslintResult[]; stderr: string }> {
  const { code, stdout, stderr } = await runCli(["lint", "--format", "json", ...extra], { cwd });
  return { code, results: stdout.trim() ? (JSON.parse(stdout) as EslintResult[]) : [], stderr };
}

/** Every message of a lint run, with the file path relative to `cwd`. */
export function flatMessages(results: EslintResult[], cwd: string) {
  return results.flatMap((r) => r.messages.map((m) => ({ ...m, file: path.relative(cwd, r.filePath).split(path.sep).join("/") })));
}
