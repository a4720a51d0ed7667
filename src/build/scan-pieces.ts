/**
 * A public file too large to be read as one string (V8 holds at most 512 MB in a string, and a video,
 * archive or data set a public card links may be gigabytes) is scanned by the leak check in pieces
 * that overlap by more than any needle's length, so that no needle is missed at a piece's edge, and
 * hashed as it is read. Every other file is read whole, as before.
 */
import { createHash } from "node:crypto";
import { closeSync, constants, openSync, readSync } from "node:fs";
import { hashOpenFile } from "../core/cards/safe-read.ts";

/** Files larger than this are read in pieces of this size. */
export const PIECE_BYTES = 64 * 1024 * 1024;

/** Bytes each piece repeats of the one before: a needle of `longest` characters in its most escaped form (`%XX` per UTF-8 byte). */
export function pieceOverlap(longest: number): number {
  return Math.min(PIECE_BYTES / 2, Math.max(64 * 1024, longest * 4 * 3 + 1024));
}

/** Calls `scan` with the text of each piece of `file`, in order; returns the file's size and sha256. */
export function scanInPieces(file: string, overlap: number, scan: (text: string) => void): { size: number; sha256: string } {
  const hash = createHash("sha256");
  const buffer = Buffer.allocUnsafe(PIECE_BYTES + overlap);
  const fd = openSync(file, "r");
  let size = 0;
  try {
    // `kept` bytes of the piece before start the buffer.
    for (let kept = 0; ; ) {
      const n = readSync(fd, buffer, kept, PIECE_BYTES, size);
      if (n === 0) break;
      hash.update(buffer.subarray(kept, kept + n));
      size += n;
      const end = kept + n;
      scan(buffer.subarray(0, end).toString("utf8"));
      kept = Math.min(overlap, end);
      buffer.copyWithin(0, end - kept, end);
    }
  } finally {
    closeSync(fd);
  }
  return { size, sha256: hash.digest("hex") };
}

/** Size and sha256 of `file`, read a chunk at a time. */
export function hashFile(file: string): { size: number; sha256: string } {
  const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const { hash, size } = hashOpenFile(fd, "sha256");
    return { size, sha256: hash };
  } finally {
    closeSync(fd);
  }
}
