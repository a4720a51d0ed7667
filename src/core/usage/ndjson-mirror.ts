/**
 * The NDJSON file of `verity collect --ndjson`: a copy of the events table, one row per line in
 * the order of commit, each committed row exactly once. The database stays the source of truth:
 * lines are written only after their rows are committed, and the write is off the request's path.
 *
 * Exactly once, across crashes: the table `ndjson_export` holds, per file, the last row written
 * and the file's length just after it. A line is counted only once that bookmark is updated;
 * lines past the bookmark (a crash between the write and the update, or an update refused by a
 * lock) are cut off and written again. A file replaced or rotated since (another inode, or shorter
 * than the bookmark) is continued from the last row written, after its last complete line.
 */
import { closeSync, fdatasync, fstat, fstatSync, fsyncSync, ftruncate, ftruncateSync, openSync, readSync, write, writeSync } from "node:fs";
import path from "node:path";
import type { DatabaseSync } from "node:sqlite";
import { USAGE_COLUMNS } from "./events.ts";

export interface NdjsonMirror {
  /** Writes the rows committed since the last write; resolves when they are on disk and counted. Never rejects. */
  write(): Promise<void>;
  close(): void;
}

const CREATE_BOOKMARKS = "CREATE TABLE IF NOT EXISTS ndjson_export (file TEXT PRIMARY KEY, ino INTEGER NOT NULL, length INTEGER NOT NULL, last_id INTEGER NOT NULL)";
/** Rows read per write, so that a long backlog is written in bounded steps. */
const ROWS_PER_STEP = 5000;

interface Bookmark {
  ino: number;
  length: number;
  lastId: number;
}

export function openNdjsonMirror(db: DatabaseSync, file: string, onError: (error: Error) => void): NdjsonMirror {
  const key = path.resolve(file);
  db.exec(CREATE_BOOKMARKS);
  const readBookmark = db.prepare("SELECT ino, length, last_id AS lastId FROM ndjson_export WHERE file = ?");
  const saveBookmark = db.prepare("INSERT INTO ndjson_export (file, ino, length, last_id) VALUES (:file, :ino, :length, :lastId) ON CONFLICT (file) DO UPDATE SET ino = :ino, length = :length, last_id = :lastId");
  const rowsAfter = db.prepare(`SELECT id, ${USAGE_COLUMNS.join(", ")} FROM events WHERE id > ? ORDER BY id LIMIT ${ROWS_PER_STEP}`);
  const fd = openSync(file, "a+");
  let bookmark = reconcile(fd, readBookmark.get(key) as Bookmark | undefined, () => Number((db.prepare("SELECT COALESCE(MAX(id), 0) AS n FROM events").get() as { n: number }).n));
  const save = (next: Bookmark) => {
    // Not fsynced on its own: a bookmark lost with the machine's power points to an earlier line
    // and row together, and the lines after it are cut and written again.
    db.exec("PRAGMA synchronous = NORMAL");
    try {
      saveBookmark.run({ file: key, ino: next.ino, length: next.length, lastId: next.lastId });
    } finally {
      db.exec("PRAGMA synchronous = FULL");
    }
    bookmark = next;
  };
  save(bookmark);

  const step = async (): Promise<boolean> => {
    const rows = rowsAfter.all(bookmark.lastId) as Record<string, unknown>[];
    if (rows.length === 0) return false;
    const text = rows.map((row) => `${JSON.stringify(Object.fromEntries(USAGE_COLUMNS.map((column) => [column, row[column]])))}\n`).join("");
    const bytes = Buffer.from(text, "utf8");
    const before = await new Promise<{ ino: number; size: number }>((resolve, reject) => fstat(fd, (error, stats) => (error ? reject(error) : resolve(stats))));
    try {
      for (let done = 0; done < bytes.length; ) {
        done += await new Promise<number>((resolve, reject) => write(fd, bytes, done, bytes.length - done, null, (error, written) => (error ? reject(error) : resolve(written))));
      }
      await new Promise<void>((resolve, reject) => fdatasync(fd, (error) => (error ? reject(error) : resolve())));
      save({ ino: before.ino, length: before.size + bytes.length, lastId: Number(rows.at(-1)!.id) });
    } catch (error) {
      // Nothing half-written stays: the lines are cut and written again by the next write.
      await new Promise<void>((resolve) => ftruncate(fd, before.size, () => resolve()));
      throw error;
    }
    return rows.length === ROWS_PER_STEP;
  };

  let chain = Promise.resolve();
  let closed = false;
  return {
    write() {
      chain = chain.then(async () => {
        try {
          while (!closed && (await step()));
        } catch (error) {
          onError(error as Error);
        }
      });
      return chain;
    },
    close() {
      closed = true;
      closeSync(fd);
    },
  };
}

/**
 * Where the file and its bookmark meet when the collector starts. Lines past the bookmark of the
 * same file were never counted and are cut; a file without a bookmark (new, or written before
 * bookmarks) continues from the last committed row, after its last complete line.
 */
function reconcile(fd: number, saved: Bookmark | undefined, lastCommitted: () => number): Bookmark {
  const { ino, size } = fstatSync(fd);
  if (saved && Number(saved.ino) === ino && size >= Number(saved.length)) {
    if (size > Number(saved.length)) {
      ftruncateSync(fd, Number(saved.length));
      fsyncSync(fd);
    }
    return { ino, length: Number(saved.length), lastId: Number(saved.lastId) };
  }
  return { ino, length: endOfLastLine(fd, size), lastId: saved ? Number(saved.lastId) : lastCommitted() };
}

/**
 * Makes the file end with a complete line and returns its length: text after the last newline
 * that is not one JSON value (a write cut short) is cut off; a complete last line that only lacks
 * its newline (a file edited by hand) gets one.
 */
function endOfLastLine(fd: number, size: number): number {
  const chunk = Buffer.alloc(Math.min(size, 64 * 1024));
  let end = size;
  while (end > 0) {
    const start = Math.max(0, end - chunk.length);
    const read = readSync(fd, chunk, 0, end - start, start);
    const newline = chunk.subarray(0, read).lastIndexOf(0x0a);
    if (newline >= 0) {
      end = start + newline + 1;
      break;
    }
    end = start;
  }
  if (end === size) return size;
  const rest = Buffer.alloc(size - end);
  readSync(fd, rest, 0, rest.length, end);
  if (isJson(rest.toString("utf8"))) {
    writeSync(fd, "\n");
    fsyncSync(fd);
    return size + 1;
  }
  ftruncateSync(fd, end);
  fsyncSync(fd);
  return end;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return text.trim() !== "";
  } catch {
    return false;
  }
}
