/** Files and folders given on the command line. */
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { UsageError } from "../src/core/errors.ts";

export interface PathSelection {
  /** True when no paths were given (everything is selected). */
  all: boolean;
  includes(file: string): boolean;
}

export function selectPaths(paths: readonly string[], cwd: string): PathSelection {
  if (paths.length === 0) return { all: true, includes: () => true };
  const targets = paths.map((p) => {
    const full = path.resolve(cwd, p);
    if (!existsSync(full)) throw new UsageError(`${p}: no such file or folder.`, "Check the path; it is relative to the working directory.");
    return { full, isDir: statSync(full).isDirectory() };
  });
  return {
    all: false,
    includes: (file) => targets.some((t) => (t.isDir ? file === t.full || file.startsWith(t.full + path.sep) : file === t.full)),
  };
}

export function parseCount(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${name} must be a whole number, got "${value}".`);
  return n;
}
