/** Where a command's document goes: the `--out` file (written whole or not at all), else standard output. */
import { lstatSync, readlinkSync, statSync } from "node:fs";
import path from "node:path";
import { separatedNote, writeFileWhole } from "../src/core/cards/safe-write.ts";
import { writesInsideFolder } from "../src/core/cards/paths.ts";
import { UsageError } from "../src/core/errors.ts";
import type { CliIO } from "./io.ts";
import { displayPath } from "./reporters/paths.ts";

/**
 * Writes `text` to `--out`, else to standard output. A folder, a file in the content folder (the
 * report would replace a card, or become one) and a place that cannot be written are usage errors
 * that name the path and the reason; nothing is written then.
 */
export function writeOutput(io: CliIO, out: string | undefined, text: string, what: string, contentDir?: string): void {
  if (!out) {
    io.stdout(text);
    return;
  }
  const file = path.resolve(io.cwd, out);
  const shown = displayPath(file, io.cwd);
  checkOutputFile(file, shown, "--out", what, contentDir);
  refuseLinkedFile(file, shown, what);
  writeOrExplain(() => writeFileWhole(file, text), `--out ${shown}`);
  io.stderr(`Wrote ${what} to ${shown}.\n`);
}

/** Refuses an output file that is a folder, or (with `contentDir`) one in the content folder, also through a link. */
export function checkOutputFile(file: string, shown: string, option: string, what: string, contentDir?: string): void {
  if (statSync(file, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UsageError(`${option} ${shown} is a folder.`, `Name a file in it, e.g. ${option} ${path.join(shown, "report.md")}.`);
  }
  if (contentDir) {
    if (writesInsideFolder(contentDir, file)) {
      throw new UsageError(`${option} ${shown} is in the content folder: ${what} would replace a card there, or be read as one.`, `Write it outside the content folder, e.g. ${option} report.md.`);
    }
  }
}

/**
 * Refuses an `--out` that is a symbolic link to a file: the write would replace the file it leads to,
 * and a link committed where a scheduled job writes its report could lead to any file the job may
 * write. A link to a stream (`/dev/stdout`, a pipe) is written into, and the system's `/dev` and
 * `/proc` links are the user's own streams.
 */
function refuseLinkedFile(file: string, shown: string, what: string): void {
  if (file.startsWith("/dev/") || file.startsWith("/proc/")) return;
  try {
    if (!lstatSync(file).isSymbolicLink() || !statSync(file).isFile()) return;
  } catch {
    return; // Nothing there, or a path the write itself will explain (a part of it is a file).
  }
  throw new UsageError(`--out ${shown} is a symbolic link (to ${readlinkSync(file)}): ${what} would replace the file it leads to. Nothing was written.`, "Name the file itself, or remove the link and run again.");
}

/** Runs a write; a refusal of the system becomes a usage error that names the file and the reason. */
export function writeOrExplain(write: () => void, target: string): void {
  try {
    write();
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`Could not write ${target}: ${describeWriteError(code)} (${code ?? (error as Error).message}).`, "Give a file in a folder you may write to.");
  }
}

/** Why the system refused a write, in words, from the error's code. */
export function describeWriteError(code: string | undefined): string {
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EROFS") return "the file system is read-only";
  if (code === "ENOTDIR" || code === "EEXIST") return "a part of the path is a file, not a folder";
  if (code === "ENOSPC") return "the disk is full";
  if (code === "ENOENT") return "the folder cannot hold new files";
  if (code === "ENXIO") return "it is a pipe that no process reads";
  return "the system refused the write";
}

/** Names each file `--fix` could not write, with the reason; true when there was one (exit 2). */
/** Says of each file `--fix` wrote that had other names (hard links) that those names keep the old text. */
export function reportSeparated(io: CliIO, separated: readonly { file: string; otherNames: number }[] | undefined): void {
  for (const { file, otherNames } of separated ?? []) io.stderr(`verity: ${separatedNote(displayPath(file, io.cwd), otherNames)}\n`);
}

export function reportFixesLeft(io: CliIO, left: readonly { file: string; reason: string }[] | undefined): boolean {
  for (const { file, reason } of left ?? []) {
    io.stderr(`verity: ${displayPath(file, io.cwd)}: --fix could not write it (${reason}), so it was left as it is. Make it writable (or let the other edit finish), then run again.\n`);
  }
  return (left?.length ?? 0) > 0;
}
