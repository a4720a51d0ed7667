/**
 * How attachment-safety reads a linked file: opened once (the bytes judged are those of one file,
 * whatever is renamed over its path meanwhile), without waiting for a FIFO's writer, only when it is a
 * regular file, and never more of it than a check needs. A card may link a FIFO, a folder, a socket
 * or a link to /dev/zero: opening the first by path waits forever, reading the last never ends, and
 * the others fail with a system error. A regular file may be a sparse file of gigabytes: it is read
 * whole only when its content must be parsed as a document, up to {@link MAX_DOCUMENT_BYTES}.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from "node:fs";
import { specialFileKind } from "../cards/safe-read.ts";

/** Most bytes of a document (HTML, SVG, XML, markup of no known type) read to check it for script. */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

/** Read-only, and returning at once on a FIFO with no writer (a regular file reads as usual). */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export type OpenedAttachment = { ok: true; fd: number; size: number } | { ok: false; reason: string; fix?: string };

export { specialFileKind };

const NOT_REGULAR_FIX = "Link a regular file, or remove the link.";

/** Opens `file` (following links: the audience check refuses those) when it is a regular file; else why not. */
export function openAttachment(file: string): OpenedAttachment {
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (error) {
    // A socket cannot be opened (ENXIO), nor a folder on some systems: say what it is when it can be told.
    let stat: Stats | undefined;
    try {
      stat = statSync(file);
    } catch {
      stat = undefined;
    }
    if (stat && !stat.isFile()) return { ok: false, reason: `it is not a regular file (${specialFileKind(stat)})`, fix: NOT_REGULAR_FIX };
    return { ok: false, reason: `it cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})` };
  }
  let stat: Stats;
  try {
    stat = fstatSync(fd);
  } catch (error) {
    closeSync(fd);
    return { ok: false, reason: `it cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})` };
  }
  if (!stat.isFile()) {
    closeSync(fd);
    return { ok: false, reason: `it is not a regular file (${specialFileKind(stat)})`, fix: NOT_REGULAR_FIX };
  }
  return { ok: true, fd, size: stat.size };
}

/**
 * The first bytes of the open file, at most `limit`; `undefined` when the file holds more than
 * `limit` and `whole` asks for all of it. Reads to the end (not to the size it had when opened), so
 * a file that grew meanwhile is read as it is, within the limit. `size` (the size when opened) sizes
 * the first buffer.
 */
export function readOpened(fd: number, size: number, limit: number, whole = false): Uint8Array | undefined {
  const most = limit + (whole ? 1 : 0);
  let buffer = new Uint8Array(Math.min(most, size + 1));
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length >= most) break;
      const grown = new Uint8Array(Math.min(most, buffer.length * 2 + 4096));
      grown.set(buffer);
      buffer = grown;
    }
    const read = readSync(fd, buffer, length, buffer.length - length, length);
    if (read === 0) break;
    length += read;
  }
  if (whole && length > limit) return undefined;
  return buffer.subarray(0, length);
}
