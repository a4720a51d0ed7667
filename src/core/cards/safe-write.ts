/**
 * Rewriting a file another process may be editing: the new text goes to a temporary file in the
 * same folder, which is renamed over the file (readers see the old file or the new one, never
 * half of it), and only when the file still holds exactly the text the edit was made from. While a
 * card is replaced or created, a termination signal waits until the write is done (held-signals.ts),
 * so none leaves a temporary file in the content folder.
 */
import { randomBytes } from "node:crypto";
import { accessSync, closeSync, constants, existsSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import path from "node:path";
import { VerityError } from "../errors.ts";
import { holdSignalsThisTurn } from "../held-signals.ts";

/** The file changed since it was read: nothing was written. Exit 1. */
export class ConcurrentEditError extends VerityError {
  readonly file: string;
  constructor(file: string, where: string) {
    super(`${where} changed while verity was working on it (another editor or process wrote to it), so it was left as it is.`, {
      exitCode: 1,
      hint: "Save or finish the other edit, then run the command again.",
    });
    this.file = file;
  }
}

/** File names are limited to 255 bytes: the name kept in a temporary file's name is cut to this. */
const KEPT_NAME_BYTES = 200;

/**
 * A new temporary file's path beside `file`: `.<name>.<random>.tmp`, the name cut (at a character)
 * so that a name near the file system's limit of 255 bytes still gives a temporary name under it.
 */
function temporaryPathFor(file: string): string {
  let name = path.basename(file);
  if (Buffer.byteLength(name) > KEPT_NAME_BYTES) name = Buffer.from(name).subarray(0, KEPT_NAME_BYTES).toString("utf8").replace(/\uFFFD+$/, "");
  return path.join(path.dirname(file), `.${name}.${randomBytes(6).toString("hex")}.tmp`);
}

/** Why the system refused to write a file (it stays as it was), or undefined for an error that is no refusal. */
export function describeWriteRefusal(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reasons: Record<string, string> = {
    EACCES: "permission denied",
    EPERM: "the file or its folder may not be changed (permissions, or an immutable file)",
    EROFS: "the file system is read-only",
    ENOSPC: "the disk is full",
    EDQUOT: "the disk quota is used up",
    EFBIG: "the file would be larger than the system allows this process (ulimit -f)",
    EIO: "the disk reported an input/output error",
  };
  return code && reasons[code] ? `${reasons[code]} (${code})` : undefined;
}

/** What replacing a file did besides writing it. */
export interface Replaced {
  /**
   * Other names the file had (hard links): they keep the text it had, and the file is now one of
   * its own. Nothing written is lost: a file is replaced whole, by a new file renamed over it, so
   * no reader or crash sees half of it, and a write into the shared file could not be that.
   */
  otherNames: number;
}

/** What the commands that write cards say of one that had other names (see {@link Replaced}). */
export function separatedNote(where: string, otherNames: number): string {
  const them = otherNames === 1 ? "another name (a hard link)" : `${otherNames} other names (hard links)`;
  const keep = otherNames === 1 ? "the other name keeps" : "the others keep";
  return `${where} had ${them}: it is now a file of its own, and ${keep} the text it had. A card is written whole, as a new file, so that no reader sees half of it; link the other names again (ln -f) if they should follow it.`;
}

/**
 * Replaces `file` with `text` if it still holds `expected` (compared as UTF-8 text, byte order
 * mark included). Throws {@link ConcurrentEditError} otherwise. A symbolic link is kept: its
 * target is replaced. A read-only file is refused with the code EACCES (see {@link refuseReadOnly}).
 * A hard link is not kept (see {@link Replaced}).
 */
export function replaceFileIfUnchanged(file: string, expected: string, text: string, where = file): Replaced {
  const target = realpathSync(file);
  if (readFileSync(target, "utf8") !== expected) throw new ConcurrentEditError(file, where);
  const stat = statSync(target);
  const mode = stat.mode & 0o7777;
  refuseReadOnly(target, mode);
  // Ctrl+C or SIGTERM now would leave the temporary file beside the card.
  holdSignalsThisTurn();
  const temp = temporaryPathFor(target);
  const fd = openSync(temp, "wx", mode);
  try {
    try {
      // writeFileSync on a descriptor writes until every byte is written, or throws: one writeSync
      // is one write() call, which a full disk or a file-size limit may cut short without an error.
      writeFileSync(fd, text, "utf8");
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // Last look before the rename: an edit made while the temporary file was written is kept.
    if (readFileSync(target, "utf8") !== expected) throw new ConcurrentEditError(file, where);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  return { otherNames: Math.max(0, stat.nlink - 1) };
}

/**
 * Throws EACCES for a file this process may not write, or that has no write permission for anyone
 * (chmod a-w: made read-only on purpose, which even root's editor asks about). The rename that
 * replaces a file needs only its folder to be writable, so without this look a read-only card
 * would be replaced without a word.
 */
function refuseReadOnly(file: string, mode: number): void {
  if ((mode & 0o222) === 0) throw Object.assign(new Error(`EACCES: permission denied, the file is read-only, '${file}'`), { code: "EACCES" });
  accessSync(file, constants.W_OK);
}

/**
 * Writes `text` to `file` whole or not at all: into a temporary file next to it, then renamed over
 * it, so a reader (or a crash) never sees half a file. Creates the folder when needed. A symbolic
 * link is kept (its target is replaced) and the replaced file keeps its mode. A file that is no
 * regular file (a named pipe, `/dev/stdout`, a process substitution) is written into as it is:
 * a stream cannot be replaced whole, and renaming over it would put a plain file in its place.
 */
export function writeFileWhole(file: string, text: string | Uint8Array): void {
  const existing = statSync(file, { throwIfNoEntry: false });
  if (existing && !existing.isFile() && !existing.isDirectory()) {
    writeIntoStream(file, text);
    return;
  }
  const target = existing ? realpathSync(file) : file;
  // No signal hold here (see held-signals.ts): lint writes its caches with this, then reads others
  // in the same turn, and a read that blocks (a named pipe planted as a cache) must stay interruptible.
  mkdirSync(path.dirname(target), { recursive: true });
  const temp = temporaryPathFor(target);
  try {
    writeFileSync(temp, text, { encoding: "utf8", flag: "wx", mode: existing ? existing.mode & 0o7777 : 0o666 });
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes into a pipe or a device. Opened without blocking: a pipe nobody reads fails at once with
 * ENXIO, where a plain open would wait for a reader for ever. A full pipe is waited on, 5 ms at a time.
 */
function writeIntoStream(file: string, text: string | Uint8Array): void {
  const bytes = typeof text === "string" ? Buffer.from(text, "utf8") : text;
  const fd = openSync(file, constants.O_WRONLY | constants.O_NONBLOCK);
  try {
    for (let offset = 0; offset < bytes.length; ) {
      try {
        offset += writeSync(fd, bytes, offset);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EAGAIN") throw error;
        Atomics.wait(PAUSE, 0, 0, 5);
      }
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Creates `file` with `text`, whole or not at all, and never over an existing file (that fails with
 * the code EEXIST, as `writeFileSync` with the flag "wx" does): the text goes to a temporary file
 * next to it, which is then linked to the name, an atomic step that fails when the name is taken.
 * A write cut short (a full disk, a size limit) leaves no card, not the first part of one.
 */
export function createFileWhole(file: string, text: string): void {
  holdSignalsThisTurn();
  const temp = temporaryPathFor(file);
  try {
    const fd = openSync(temp, "wx");
    try {
      writeFileSync(fd, text, "utf8");
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      linkSync(temp, file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A file system without hard links: the name is checked, then taken by a rename.
      if (code !== "EPERM" && code !== "ENOTSUP" && code !== "ENOSYS") throw error;
      if (existsSync(file)) throw Object.assign(new Error(`EEXIST: file already exists, '${file}'`), { code: "EEXIST" });
      renameSync(temp, file);
    }
  } finally {
    rmSync(temp, { force: true });
  }
}
