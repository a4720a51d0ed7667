/**
 * Verity's cache folder in a project (`.verity-cache/`: lint caches, the build lock). Verity creates
 * it and writes only regular files into it. Anything else found there is not Verity's: a file or a
 * link where the folder belongs is named as the problem (not an internal error), and a link, pipe,
 * socket or device inside it is removed before a run, so no cache write follows a link out of the
 * project (a link committed in a pull request would have had lint overwrite its target) and no cache
 * read waits on a pipe.
 *
 * A cache is read only in the folder that wrote it: every cache key includes the folder's
 * {@link cacheFolderStamp}. A `.verity-cache/` that came with the project's files (committed with
 * `git add -f`, unpacked from an archive) was written elsewhere, by anyone: checked out at a path
 * that is easy to predict (a CI runner's), with the same Verity code and lockfile, its keys would
 * otherwise match, and findings its author wrote would stand for the cards' own.
 */
import { lstatSync, mkdirSync, readdirSync, unlinkSync } from "node:fs";
import path from "node:path";
import { describeWriteRefusal, writeFileWhole } from "../cards/safe-write.ts";
import { ConfigError } from "../errors.ts";

export const CACHE_FOLDER = ".verity-cache";

/**
 * Throws when the project's cache folder is not a folder; removes what is neither a file nor a folder
 * inside it. Creates the folder when it is missing (and can be), so that the caches of this run
 * are keyed with the stamp of the folder they are written to.
 */
export function requireCacheFolder(root: string): void {
  const folder = path.join(root, CACHE_FOLDER);
  let entry = lstatSync(folder, { throwIfNoEntry: false });
  if (!entry) {
    try {
      mkdirSync(folder);
    } catch {
      return; // A read-only checkout: the caches are not written, and their writes say why.
    }
    entry = lstatSync(folder);
  }
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

/**
 * Which folder this is on this machine: its device, inode and creation time (to the nanosecond), as
 * text for a cache key; "none" when `folder` is missing or not a folder. A folder made by a checkout
 * or an unpacked archive has a stamp no one could know in advance, so caches that came in it never
 * match; the folder Verity keeps its caches in keeps its stamp from run to run.
 */
export function cacheFolderStamp(folder: string): string {
  const entry = lstatSync(folder, { bigint: true, throwIfNoEntry: false });
  return entry?.isDirectory() ? `${entry.dev}:${entry.ino}:${entry.birthtimeNs}` : "none";
}

/** The cache files this process could not write, with the reason, until taken. */
const refusedWrites = new Map<string, string>();

/**
 * Writes a cache file whole (safe-write.ts). A cache only saves time: when the system refuses the
 * write (a full disk, a file-size limit, a read-only folder), the run goes on without it and the
 * refusal is kept for {@link takeCacheWriteRefusals}; false then. Any other error is thrown.
 */
export function writeCacheFile(file: string, text: string | Uint8Array): boolean {
  try {
    writeFileWhole(file, text);
    return true;
  } catch (error) {
    const reason = describeWriteRefusal(error);
    if (reason === undefined) throw error;
    refusedWrites.set(file, reason);
    return false;
  }
}

/** The cache writes refused since the last call (see {@link writeCacheFile}), each with its reason. */
export function takeCacheWriteRefusals(): { file: string; reason: string }[] {
  const refused = [...refusedWrites].map(([file, reason]) => ({ file, reason }));
  refusedWrites.clear();
  return refused;
}
