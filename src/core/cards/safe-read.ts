/**
 * Reading a file that must be a regular file in its own place: it is opened without following a
 * symbolic link (O_NOFOLLOW), so a link swapped in after the folder was listed is refused rather
 * than read, and its size is taken from the open file before anything is read.
 */
import { createHash } from "node:crypto";
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from "node:fs";
import { VerityError } from "../errors.ts";

export type RegularFileRead =
  | { kind: "read"; bytes: Buffer; stat: Stats }
  | { kind: "too-large"; size: number }
  | { kind: "symlink" }
  | { kind: "not-a-file" };

/**
 * A file that was listed a moment ago is gone: another program (git checkout, an editor that saves by
 * moving the old file away first, a script) changed the folder while Verity read it. What the run
 * would report about the other files (links to it, ids, the trust score) is not to be trusted. Exit 2.
 */
export class FileVanishedError extends VerityError {
  /** The system's code (ENOENT, ENOTDIR), for a caller to whom a missing file is no surprise (readTextFile). */
  readonly code: string;
  constructor(file: string, code: string) {
    super(`${file} was removed while Verity was reading it: another program (git checkout, an editor, a script) changed the folder meanwhile.`, {
      exitCode: 2,
      hint: "Run the command again once the other program is done.",
    });
    this.code = code;
  }
}

/** Opening `file` failed because it, or a folder on its path, is no longer there: the error to throw, else undefined. */
function vanished(file: string, error: unknown): FileVanishedError | undefined {
  const code = (error as NodeJS.ErrnoException).code;
  return code === "ENOENT" || code === "ENOTDIR" ? new FileVanishedError(file, code) : undefined;
}

const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;
/** A FIFO swapped in for a file is opened without waiting for a writer (fstat then refuses it). */
const NO_WAIT = constants.O_NONBLOCK ?? 0;

/**
 * Reads `file` whole when it is a regular file of at most `maxBytes` bytes; other outcomes are
 * named. A file that is not there is {@link FileVanishedError} (it is read because a listing named it);
 * other errors (an unreadable file) are thrown as they are.
 */
export function readRegularFile(file: string, maxBytes = Number.POSITIVE_INFINITY, options: { followLinks?: boolean } = {}): RegularFileRead {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | NO_WAIT | (options.followLinks ? 0 : NO_FOLLOW));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ELOOP" && !options.followLinks) return { kind: "symlink" };
    // A socket cannot be opened at all.
    if (code === "EISDIR" || code === "ENXIO") return { kind: "not-a-file" };
    throw vanished(file, error) ?? error;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { kind: "not-a-file" };
    if (stat.size > maxBytes) return { kind: "too-large", size: stat.size };
    const bytes = Buffer.allocUnsafe(stat.size);
    let at = 0;
    while (at < bytes.length) {
      // At most 1 GB a call: a read's length is a 32-bit number.
      const n = readSync(fd, bytes, at, Math.min(bytes.length - at, 1 << 30), at);
      if (n === 0) break; // the file shrank while being read: what was there
      at += n;
    }
    return { kind: "read", bytes: at === bytes.length ? bytes : bytes.subarray(0, at), stat };
  } finally {
    closeSync(fd);
  }
}

/**
 * What a cache key hashes of a file another module reads (links followed, as that reader follows them): its
 * bytes, or `missing`, or `not-a-file` for a folder, named pipe, socket or device, opened without waiting for a
 * writer. The reader that uses the file reports the last; the key only has to tell it apart from a file.
 */
export function bytesToHash(file: string): Buffer | "missing" | "not-a-file" {
  try {
    const read = readRegularFile(file, Number.POSITIVE_INFINITY, { followLinks: true });
    return read.kind === "read" ? read.bytes : "not-a-file";
  } catch (error) {
    if (error instanceof FileVanishedError) return "missing";
    const code = (error as NodeJS.ErrnoException).code;
    // A socket cannot be opened (ENXIO); a file that cannot be read is its reader's to report.
    return code === "ENXIO" || code === "EACCES" || code === "ELOOP" ? "not-a-file" : "missing";
  }
}

/** What a special file is, in words. */
export function specialFileKind(stat: Pick<Stats, "isDirectory" | "isFIFO" | "isSocket" | "isCharacterDevice" | "isBlockDevice">): string {
  if (stat.isDirectory()) return "a folder";
  if (stat.isFIFO()) return "a named pipe";
  if (stat.isSocket()) return "a socket";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "a device";
  return "a special file";
}

/** sha1 of some bytes, hex: how the lint caches name a file's contents. */
export function hashBytes(bytes: Uint8Array): string {
  return createHash("sha1").update(bytes).digest("hex");
}

/**
 * sha1 of a regular file read a chunk at a time (never whole: a video or a sparse file of gigabytes in
 * the content folder), opened as {@link readRegularFile} opens it; what else it is when it is not one.
 */
export function hashRegularFile(file: string): { hash: string; stat: Stats } | { kind: "symlink" | "not-a-file" } {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | NO_WAIT | NO_FOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ELOOP") return { kind: "symlink" };
    if (code === "EISDIR") return { kind: "not-a-file" };
    throw vanished(file, error) ?? error;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { kind: "not-a-file" };
    return { hash: hashOpenFile(fd, "sha1").hash, stat };
  } finally {
    closeSync(fd);
  }
}

/** Hash (hex) and size of what an open file holds, read a megabyte at a time. */
export function hashOpenFile(fd: number, algorithm: "sha1" | "sha256"): { hash: string; size: number } {
  const hash = createHash(algorithm);
  const chunk = Buffer.allocUnsafe(1024 * 1024);
  let size = 0;
  for (let n; (n = readSync(fd, chunk, 0, chunk.length, size)) > 0; size += n) hash.update(chunk.subarray(0, n));
  return { hash: hash.digest("hex"), size };
}

export type TextFileRead = { kind: "text"; text: string } | { kind: "missing" } | { kind: "problem"; line: number; message: string };

/**
 * A configuration file's text (verity.config.yml, _collection.yml, synonyms.yml, CODEOWNERS):
 * links followed, the byte order mark removed. A folder, FIFO or device in its place, a file over
 * `maxBytes`, one that cannot be read, is not UTF-8 or holds a control character (as a card: file-encoding) is a
 * problem with its line and the fix, never
 * an exception and never a read that waits for a writer or never ends (/dev/zero).
 */
export function readTextFile(file: string, maxBytes = 1_000_000): TextFileRead {
  let read: RegularFileRead;
  try {
    read = readRegularFile(file, maxBytes, { followLinks: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { kind: "missing" };
    return { kind: "problem", line: 1, message: `cannot be read (${code ?? (error as Error).message}). Check that it is a file you may read.` };
  }
  if (read.kind === "not-a-file") return { kind: "problem", line: 1, message: "is a folder or another special file, not a regular file. Replace it with a file (or remove it)." };
  if (read.kind === "too-large") return { kind: "problem", line: 1, message: `is ${read.size} bytes, more than the ${maxBytes} such a file may have.` };
  if (read.kind !== "read") return { kind: "problem", line: 1, message: "is a symbolic link that cannot be followed." };
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(read.bytes);
    // git shows a file with a NUL as binary: a change to it (a synonym group, a collection's publicTitle) would go unreviewed.
    const hidden = CONTROL.exec(text);
    if (!hidden) return { kind: "text", text };
    const code = hidden[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
    return {
      kind: "problem",
      line: text.slice(0, hidden.index).split("\n").length,
      message: `holds an invisible control character (U+${code}), which no such file needs: git shows a file with a NUL as binary, so its changes go unreviewed. Remove it (retype the line if you cannot see it).`,
    };
  } catch {
    const lenient = new TextDecoder("utf-8").decode(read.bytes);
    const bad = lenient.indexOf("\uFFFD");
    const line = bad < 0 ? 1 : lenient.slice(0, bad).split("\n").length;
    return { kind: "problem", line, message: 'is not valid UTF-8 text. Re-save it as UTF-8 (most editors offer this under "Save with encoding").' };
  }
}

/** C0 control characters and DEL, but for tab, line feed, vertical tab, form feed and carriage return (as card-text.ts). */
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/;
