/**
 * What lint knows of each file it read last time: size, modification and change times, inode and
 * a hash of the bytes (as git's index does). A file whose metadata is exactly as recorded is not
 * read again: its recorded hash stands for its bytes. An entry is trusted only when the file had
 * not been modified for two seconds when it was recorded, so an edit made within the file
 * system's timestamp resolution of the recording is never missed (git's "racy" files); such a
 * file is read and hashed again on the next run. A missing or damaged store is simply empty, and
 * it is written whole (see safe-write.ts).
 */
import { existsSync, lstatSync, readFileSync, type Stats } from "node:fs";
import { writeFileWhole } from "../cards/safe-write.ts";
import { hashBytes, readRegularFile } from "../cards/safe-read.ts";
import { relativePosix } from "../cards/paths.ts";

const VERSION = 2;
/** A file modified less than this long before it was recorded is read again next time. */
const RACY_MS = 2000;

/** size, mtimeMs, ctimeMs, ino, hash, trusted (1) or racy (0). */
type Entry = [number, number, number, number, string, 0 | 1];

export interface FileHash {
  /** sha1 of the file's bytes, hex. */
  hash: string;
  /** The bytes, when this run had to read them. */
  bytes?: Buffer;
}

export interface FileStates {
  /**
   * The hash of a regular file (never followed if it is a link: a link is hashed by its target
   * path by the caller). Reads the file unless its metadata matches a trusted entry.
   */
  hashOf(full: string): FileHash;
  /** Writes the store when an entry the next run can trust changed, or a file is gone (its entry is dropped). */
  save(): void;
}

/** Opens the store in `file`, for files under `root` (paths are kept relative to it). */
export function openFileStates(file: string, root: string, now: () => number = Date.now): FileStates {
  const old = readEntries(file);
  const seen = new Map<string, Entry>();
  /** How many of the stored entries' files were seen (each once): all of them means none is gone. */
  let seenOfOld = 0;
  const see = (rel: string, entry: Entry) => {
    if (!seen.has(rel) && old.has(rel)) seenOfOld++;
    seen.set(rel, entry);
  };
  /** An entry the next run can trust was added or changed. */
  let isDirty = false;

  const record = (rel: string, stat: Stats, hash: string) => {
    const racy = now() - Math.max(stat.mtimeMs, stat.ctimeMs) < RACY_MS;
    const entry: Entry = [stat.size, stat.mtimeMs, stat.ctimeMs, stat.ino, hash, racy ? 0 : 1];
    const before = old.get(rel);
    // A racy entry is read again next time, as a missing or outdated one is: recording it alone is no reason to write.
    if (!racy && (!before || before.some((value, i) => value !== entry[i]))) isDirty = true;
    see(rel, entry);
  };

  return {
    hashOf(full) {
      const rel = relativePosix(root, full);
      const before = old.get(rel);
      if (before && before[5] === 1) {
        const stat = lstatSync(full, { throwIfNoEntry: false });
        if (stat?.isFile() && stat.size === before[0] && stat.mtimeMs === before[1] && stat.ctimeMs === before[2] && stat.ino === before[3]) {
          see(rel, before);
          return { hash: before[4] };
        }
      }
      const read = readAndHash(full);
      if (read.stat) record(rel, read.stat, read.hash);
      return { hash: read.hash, ...(read.bytes ? { bytes: read.bytes } : {}) };
    },
    save() {
      // Entries of files no longer seen (or not readable now) are dropped when anything is written.
      if (!isDirty && seenOfOld === old.size) return;
      writeFileWhole(file, JSON.stringify(storedOf(seen)));
    },
  };
}

/**
 * Reads and hashes a regular file, never following a link: a link or a special file put here since
 * the folder was listed is hashed by what it is (`not-read:<kind>`), without its bytes.
 */
export function readAndHash(full: string): FileHash & { stat?: Stats } {
  const read = readRegularFile(full);
  if (read.kind !== "read") return { hash: `not-read:${read.kind}` };
  return { hash: hashBytes(read.bytes), bytes: read.bytes, stat: read.stat };
}

/**
 * The store as written: a column per field (paths, then size, mtimeMs, ctimeMs, ino and trusted
 * in turn for each path, then hashes), as a JSON object with a key per file takes twice as long
 * to read back.
 */
interface Stored {
  version: typeof VERSION;
  paths: string[];
  numbers: number[];
  hashes: string[];
}

const NUMBERS_PER_FILE = 5;

function storedOf(entries: ReadonlyMap<string, Entry>): Stored {
  const stored: Stored = { version: VERSION, paths: [], numbers: [], hashes: [] };
  for (const [rel, [size, mtime, ctime, ino, hash, trusted]] of entries) {
    stored.paths.push(rel);
    stored.numbers.push(size, mtime, ctime, ino, trusted);
    stored.hashes.push(hash);
  }
  return stored;
}

function readEntries(file: string): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  if (!existsSync(file)) return entries;
  try {
    const data = JSON.parse(readFileSync(file, "utf8")) as Partial<Stored>;
    const { paths, numbers, hashes } = data;
    if (data.version !== VERSION || !Array.isArray(paths) || !Array.isArray(numbers) || !Array.isArray(hashes)) return entries;
    if (numbers.length !== paths.length * NUMBERS_PER_FILE || hashes.length !== paths.length) return entries;
    for (let i = 0; i < paths.length; i++) {
      const at = i * NUMBERS_PER_FILE;
      const entry = [numbers[at], numbers[at + 1], numbers[at + 2], numbers[at + 3], hashes[i], numbers[at + 4]];
      const rel: unknown = paths[i];
      if (typeof rel === "string" && isEntry(entry)) entries.set(rel, entry);
    }
  } catch {
    // A damaged store is ignored and rewritten.
  }
  return entries;
}

function isEntry(value: unknown[]): value is Entry {
  const [size, mtime, ctime, ino, hash, trusted] = value;
  return typeof size === "number" && typeof mtime === "number" && typeof ctime === "number" && typeof ino === "number" && typeof hash === "string" && (trusted === 0 || trusted === 1);
}
