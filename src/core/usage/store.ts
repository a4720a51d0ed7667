/**
 * Where events live: one SQLite database (node:sqlite, WAL, synchronous=FULL, so a committed
 * insert survives the process being killed) and, optionally, an NDJSON file appended and fsynced
 * inside the same transaction. The report reads either; an NDJSON file is loaded into an
 * in-memory database.
 *
 * One append is all or nothing in both: the rows are inserted, then the NDJSON lines written and
 * fsynced, then the transaction committed. When any step fails, the transaction is rolled back and
 * the NDJSON file cut back to its length before the append, so a refused (503) batch leaves no
 * line to be duplicated by its retry, and no partial line for the next batch to be glued onto.
 */
import { closeSync, existsSync, fstatSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readFileSync, readSync, writeSync } from "node:fs";
import path from "node:path";
import { DatabaseSync, type SQLInputValue } from "node:sqlite";
import { ConfigError } from "../errors.ts";
import { USAGE_COLUMNS, UsageRowSchema, type UsageRow } from "./events.ts";
import { CREATE_EVENTS_INDEXES, CREATE_EVENTS_TABLE } from "./queries.ts";

export type SqlParams = Record<string, SQLInputValue>;

/** The one thing the report needs from a database: run a query, get plain rows. */
export interface SqlRunner {
  all(sql: string, params: SqlParams): Record<string, unknown>[];
}

export interface UsageWriter {
  /**
   * Stores the rows durably (committed and fsynced) before it returns, or stores none of them and
   * throws: StoreBusyError when another connection holds the database (try again later).
   */
  append(rows: readonly UsageRow[]): void;
  close(): void;
}

/** The database is locked by another connection; nothing was stored, the append may be retried. */
export class StoreBusyError extends Error {}

/** SQLITE_BUSY and SQLITE_LOCKED, as node:sqlite reports them in `errcode`. */
const BUSY_CODES = new Set([5, 6]);

const INSERT = `INSERT INTO events (${USAGE_COLUMNS.join(", ")}) VALUES (${USAGE_COLUMNS.map((c) => `:${c}`).join(", ")})`;

function prepareTable(db: DatabaseSync): void {
  db.exec(CREATE_EVENTS_TABLE);
  for (const sql of CREATE_EVENTS_INDEXES) db.exec(sql);
}

/** Opens (creating when needed) the events database for writing. */
export function openUsageWriter(options: { database: string; ndjson?: string | undefined }): UsageWriter {
  mkdirSync(path.dirname(options.database), { recursive: true });
  const db = new DatabaseSync(options.database);
  // WAL with synchronous=FULL: every commit is fsynced to the log before COMMIT returns.
  db.exec("PRAGMA journal_mode = WAL");
  db.exec("PRAGMA synchronous = FULL");
  // The driver is synchronous: a wait for a lock would stop the whole server. A locked database
  // fails at once with StoreBusyError, and the collector retries on a timer.
  db.exec("PRAGMA busy_timeout = 0");
  prepareTable(db);
  const insert = db.prepare(INSERT);
  let ndjsonFd: number | undefined;
  let ndjsonLength = 0;
  if (options.ndjson) {
    mkdirSync(path.dirname(options.ndjson), { recursive: true });
    ndjsonFd = openSync(options.ndjson, "a+");
    ndjsonLength = dropPartialLine(ndjsonFd);
  }
  const rollBack = () => {
    // SQLite ends the transaction itself on some errors (SQLITE_FULL); a second ROLLBACK would
    // hide the real error behind "cannot rollback - no transaction is active".
    if (db.isTransaction) db.exec("ROLLBACK");
    if (ndjsonFd !== undefined) ftruncateSync(ndjsonFd, ndjsonLength);
  };
  return {
    append(rows) {
      if (rows.length === 0) return;
      try {
        db.exec("BEGIN IMMEDIATE");
        for (const row of rows) insert.run(row as unknown as Record<string, SQLInputValue>);
        if (ndjsonFd !== undefined) {
          const lines = Buffer.from(rows.map((row) => `${JSON.stringify(row)}\n`).join(""), "utf8");
          for (let written = 0; written < lines.length; ) written += writeSync(ndjsonFd, lines, written);
          fsyncSync(ndjsonFd);
          db.exec("COMMIT");
          ndjsonLength += lines.length;
        } else {
          db.exec("COMMIT");
        }
      } catch (error) {
        try {
          rollBack();
        } catch {
          // The original error says what went wrong; a failed cleanup must not replace it.
        }
        if (BUSY_CODES.has((error as { errcode?: number }).errcode ?? -1)) throw new StoreBusyError("the usage database is locked by another connection");
        throw error;
      }
    },
    close() {
      if (ndjsonFd !== undefined) closeSync(ndjsonFd);
      db.close();
    },
  };
}

/**
 * Makes an NDJSON file end with a complete line and returns its length. Text after the last
 * newline that is not one JSON value is a write cut short by a crash (never acknowledged: the
 * transaction commits after the fsync) and is cut off; a complete last line that only lacks its
 * newline (a file edited by hand) gets one.
 */
function dropPartialLine(fd: number): number {
  const size = fstatSync(fd).size;
  const tail = Buffer.alloc(Math.min(size, 64 * 1024));
  let end = size;
  while (end > 0) {
    const start = Math.max(0, end - tail.length);
    const read = readSync(fd, tail, 0, end - start, start);
    const newline = tail.subarray(0, read).lastIndexOf(0x0a);
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

/** Opens events for reading: a SQLite database, or an NDJSON file (`.ndjson`, `.jsonl`) loaded into memory. */
export function openUsageReader(file: string): SqlRunner & { count: number; close(): void } {
  if (!existsSync(file)) throw new ConfigError(`The usage data ${file} does not exist.`, "Pass the database of `verity collect` (collect.database) or its NDJSON file.");
  let db: DatabaseSync;
  if (/\.(ndjson|jsonl)$/i.test(file)) {
    db = new DatabaseSync(":memory:");
    prepareTable(db);
    loadNdjson(db, file);
  } else {
    try {
      db = new DatabaseSync(file);
      db.prepare("SELECT COUNT(*) AS n FROM events").get();
    } catch (error) {
      throw new ConfigError(`${file} is not a usage database: ${(error as Error).message}.`, "Pass the database of `verity collect` or an .ndjson file.");
    }
  }
  const count = Number((db.prepare("SELECT COUNT(*) AS n FROM events").get() as { n: number }).n);
  return {
    count,
    all: (sql, params) => db.prepare(sql).all(params) as Record<string, unknown>[],
    close: () => db.close(),
  };
}

function loadNdjson(db: DatabaseSync, file: string): void {
  const insert = db.prepare(INSERT);
  const lines = readFileSync(file, "utf8").split("\n");
  db.exec("BEGIN");
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      db.exec("ROLLBACK");
      throw new ConfigError(`${file}:${i + 1}: the line is not JSON.`, "Each line must be one event as written by `verity collect --ndjson`.");
    }
    const row = UsageRowSchema.safeParse(parsed);
    if (!row.success) {
      db.exec("ROLLBACK");
      const issue = row.error.issues[0]!;
      throw new ConfigError(`${file}:${i + 1}: not a usage event row: ${issue.path.join(".") || "(line)"}: ${issue.message}.`, "Each line must be one event as written by `verity collect --ndjson`.");
    }
    const values: Record<string, SQLInputValue> = {};
    for (const column of USAGE_COLUMNS) values[column] = row.data[column];
    insert.run(values);
  });
  db.exec("COMMIT");
}
