/**
 * Verity's cache folder in a project (`.verity-cache/`: lint caches, the build lock). Verity creates
 * it and writes only regular files into it. Anything else found there is not Verity's: a file or a
 * link where the folder belongs is named as the problem (not an internal error), and a link, pipe,
 * socket or device inside it is removed before a run, so no cache write follows a link out of the
 * project (a link committed in a pull request would have had lint overwrite its target) and no cache
 * read waits on a pipe.
 */
import { lstatSync, readdirSync, unlinkSync } from "node:fs";
import path from "node:path";
import { ConfigError } from "../errors.ts";

export const CACHE_FOLDER = ".verity-cache";

/** Throws when the project's cache folder is not a folder; removes what is neither a file nor a folder inside it. */
export function requireCacheFolder(root: string): void {
  const folder = path.join(root, CACHE_FOLDER);
  const entry = lstatSync(folder, { throwIfNoEntry: false });
  if (!entry) return;
  if (!entry.isDirectory()) {
    const what = entry.isSymbolicLink() ? "a symbolic link" : entry.isFile() ? "a file" : "not a folder";
    throw new ConfigError(
      `${folder} is ${what}, not a folder: Verity keeps its caches there.`,
      "Remove or rename it: Verity creates the folder on the next run (verity lint --no-cache runs without it).",
    );
  }
  for (const item of readdirSync(folder, { withFileTypes: true })) {
    if (!item.isFile() && !item.isDirectory()) unlinkSync(path.join(folder, item.name));
  }
}
