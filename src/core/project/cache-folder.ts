/**
 * Verity's cache folder in a project (`.verity-cache/`: lint caches, the build lock). Verity creates
 * it; something else in its place is named as the problem, not an internal error.
 */
import { lstatSync, statSync } from "node:fs";
import path from "node:path";
import { ConfigError } from "../errors.ts";

export const CACHE_FOLDER = ".verity-cache";

/** Throws when the project's cache folder exists but is not a folder (a file, a link to nothing or to a file). */
export function requireCacheFolder(root: string): void {
  const folder = path.join(root, CACHE_FOLDER);
  const entry = lstatSync(folder, { throwIfNoEntry: false });
  if (!entry || entry.isDirectory()) return;
  const target = entry.isSymbolicLink() ? statSync(folder, { throwIfNoEntry: false }) : entry;
  if (target?.isDirectory()) return;
  const what = entry.isSymbolicLink() ? (target ? "a link to a file" : "a link to nothing") : entry.isFile() ? "a file" : "not a folder";
  throw new ConfigError(
    `${folder} is ${what}, not a folder: Verity keeps its caches there.`,
    "Remove or rename it: Verity creates the folder on the next run (verity lint --no-cache runs without it).",
  );
}
