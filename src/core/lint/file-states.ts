/**
 * What lint knows of each file it read last time: size, modification and change times, inode and
 * a hash of the bytes (as git's index does). A file whose metadata is exactly as recorded is not
 * read again: its recorded hash stands for its bytes. An entry is trusted only when the file had
 * not been modified for two seconds when it was recorded, so an edit made within the file
 * system's timestamp resolution of the recording is never missed (git's "racy" files); such a
 * file is read and hashed again on the next run. A missing or damaged store is simply empty, and
 * it is written whole (see safe-write.ts).
 */
import { writeCacheFile } from "../project/cache-folder.ts";
import { existsSync, lstatSync, readFileSync, type Stats } from "node:fs";
import { hashBytes, hashRegularFile, readRegularFile } from "../cards/safe-read.ts";
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
  // The stored entries stay in their columns: an array per entry (and a boxed number per time)
  // for 5,000 files was a good part of the garbage collector's work in a re-lint of one card.
  const old = readStored(file);
  const rowOf = new Map<string, number>();
  for (let row = 0; row < old.paths.length; row++) rowOf.set(old.paths[row]!, row);
  /** Per stored entry: 0 not seen this run, 1 seen unchanged (kept as stored), 2 seen and recorded anew. */
  const seenRows = new Uint8Array(old.paths.length);
  /** How many of the stored entries' files were seen: all of them means none is gone. */
  let seenOfOld = 0;
  const markRow = (row: number | undefined, state: 1 | 2) => {
    if (row === undefined) return;
    if (seenRows[row] === 0) seenOfOld++;
    seenRows[row] = state;
  };
  /** Entries recorded by this run (new, changed or racy files). */
  const fresh = new Map<string, Entry>();
  /** An entry the next run can trust was added or changed. */
  let isDirty = false;

  const record = (rel: string, stat: Stats, hash: string) => {
    const racy = now() - Math.max(stat.mtimeMs, stat.ctimeMs) < RACY_MS;
    const entry: Entry = [stat.size, stat.mtimeMs, stat.ctimeMs, stat.ino, hash, racy ? 0 : 1];
    const row = rowOf.get(rel);
    // A racy entry is read again next time, as a missing or outdated one is: recording it alone is no reason to write.
    if (!racy && (row === undefined || !sameAsStored(old, row, entry))) isDirty = true;
    fresh.set(rel, entry);
    markRow(row, 2);
  };

  return {
    hashOf(full) {
      const rel = relativePosix(root, full);
      const row = rowOf.get(rel);
      const at = (row ?? 0) * NUMBERS_PER_FILE;
      if (row !== undefined && old.numbers[at + 4] === 1) {
        const stat = lstatSync(full, { throwIfNoEntry: false });
        if (stat?.isFile() && stat.size === old.numbers[at] && stat.mtimeMs === old.numbers[at + 1] && stat.ctimeMs === old.numbers[at + 2] && stat.ino === old.numbers[at + 3]) {
          fresh.delete(rel);
          markRow(row, 1);
          return { hash: old.hashes[row]! };
        }
      }
      const read = readAndHash(full);
      if (read.stat) record(rel, read.stat, read.hash);
      return { hash: read.hash, ...(read.bytes ? { bytes: read.bytes } : {}) };
    },
    save() {
      // Entries of files no longer seen (or not readable now) are dropped when anything is written.
      if (!isDirty && seenOfOld === old.paths.length) return;
      const stored: Stored = { version: VERSION, paths: [], numbers: [], hashes: [] };
      for (let row = 0; row < old.paths.length; row++) {
        if (seenRows[row] !== 1) continue;
        stored.paths.push(old.paths[row]!);
        for (let i = 0; i < NUMBERS_PER_FILE; i++) stored.numbers.push(old.numbers[row * NUMBERS_PER_FILE + i]!);
        stored.hashes.push(old.hashes[row]!);
      }
      for (const [rel, [size, mtime, ctime, ino, hash, trusted]] of fresh) {
        stored.paths.push(rel);
        stored.numbers.push(size, mtime, ctime, ino, trusted);
        stored.hashes.push(hash);
      }
      writeCacheFile(file, JSON.stringify(stored));
    },
  };
}

/** Files up to this size are read whole to be hashed (a card's bytes are used again); larger ones a chunk at a time. */
const HASH_WHOLE_BYTES = 64 * 1024 * 1024;

/**
 * Reads and hashes a regular file, never following a link: a link or a special file put here since
 * the folder was listed is hashed by what it is (`not-read:<kind>`), without its bytes.
 */
export function readAndHash(full: string): FileHash & { stat?: Stats } {
  const read = readRegularFile(full, HASH_WHOLE_BYTES);
  if (read.kind === "too-large") {
    // A large attachment is hashed as it is read, not held whole (nor read past what one call can: 2 GB).
    const hashed = hashRegularFile(full);
    return "hash" in hashed ? hashed : { hash: `not-read:${hashed.kind}` };
  }
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

function sameAsStored(stored: Stored, row: number, entry: Entry): boolean {
  const at = row * NUMBERS_PER_FILE;
  const [size, mtime, ctime, ino, hash, trusted] = entry;
  const numbers = stored.numbers;
  return numbers[at] === size && numbers[at + 1] === mtime && numbers[at + 2] === ctime && numbers[at + 3] === ino && numbers[at + 4] === trusted && stored.hashes[row] === hash;
}

const EMPTY: Stored = { version: VERSION, paths: [], numbers: [], hashes: [] };

/** The store in `file`, or an empty one when it is missing or damaged (in any entry: it is then rewritten whole). */
function readStored(file: string): Stored {
  if (!existsSync(file)) return EMPTY;
  try {
    const data = JSON.parse(readFileSync(file, "utf8")) as Partial<Stored>;
    const { paths, numbers, hashes } = data;
    if (data.version !== VERSION || !Array.isArray(paths) || !Array.isArray(numbers) || !Array.isArray(hashes)) return EMPTY;
    if (numbers.length !== paths.length * NUMBERS_PER_FILE || hashes.length !== paths.length) return EMPTY;
    if (!paths.every((rel) => typeof rel === "string") || !hashes.every((hash) => typeof hash === "string")) return EMPTY;
    for (let at = 0; at < numbers.length; at += NUMBERS_PER_FILE) {
      for (let i = 0; i < NUMBERS_PER_FILE - 1; i++) if (typeof numbers[at + i] !== "number") return EMPTY;
      if (numbers[at + NUMBERS_PER_FILE - 1] !== 0 && numbers[at + NUMBERS_PER_FILE - 1] !== 1) return EMPTY;
    }
    return { version: VERSION, paths, numbers, hashes };
  } catch {
    return EMPTY;
  }
}
