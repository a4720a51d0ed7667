/**
 * Reading a file that must be a regular file in its own place: it is opened without following a
 * symbolic link (O_NOFOLLOW), so a link swapped in after the folder was listed is refused rather
 * than read, and its size is taken from the open file before anything is read.
 */
import { createHash } from "node:crypto";
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from "node:fs";

export type RegularFileRead =
  | { kind: "read"; bytes: Buffer; stat: Stats }
  | { kind: "too-large"; size: number }
  | { kind: "symlink" }
  | { kind: "not-a-file" };

const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

/**
 * Reads `file` whole when it is a regular file of at most `maxBytes` bytes; other outcomes are
 * named. Errors other than "is a link" (a missing or unreadable file) are thrown as they are.
 */
export function readRegularFile(file: string, maxBytes = Number.POSITIVE_INFINITY): RegularFileRead {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | NO_FOLLOW);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ELOOP") return { kind: "symlink" };
    throw error;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { kind: "not-a-file" };
    if (stat.size > maxBytes) return { kind: "too-large", size: stat.size };
    const bytes = Buffer.allocUnsafe(stat.size);
    let at = 0;
    while (at < bytes.length) {
      const n = readSync(fd, bytes, at, bytes.length - at, at);
      if (n === 0) break; // the file shrank while being read: what was there
      at += n;
    }
    return { kind: "read", bytes: at === bytes.length ? bytes : bytes.subarray(0, at), stat };
  } finally {
    closeSync(fd);
  }
}

/** sha1 of some bytes, hex: how the lint caches name a file's contents. */
export function hashBytes(bytes: Uint8Array): string {
  return createHash("sha1").update(bytes).digest("hex");
}
