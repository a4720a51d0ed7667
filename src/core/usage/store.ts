/**
 * Where events live: one SQLite database (node:sqlite, WAL, synchronous=FULL, so a committed
 * insert survives the process being killed), the one source of truth; and, optionally, an NDJSON
 * file that mirrors its events table (ndjson-mirror.ts), written after each commit. The report
 * reads either; an NDJSON file is loaded into an in-memory database.
 */
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { DatabaseSync, type SQLInputValue } from "node:sqlite";
import { ConfigError } from "../errors.ts";
import { USAGE_COLUMNS, UsageRowSchema, type UsageRow } from "./events.ts";
import { openNdjsonMirror, type NdjsonMirror } from "./ndjson-mirror.ts";
import { createEventsIndexes, createEventsTable } from "./queries.ts";

export type SqlParams = Record<string, SQLInputValue>;

/** The one thing the report needs from a database: run a query, get plain rows. */
export interface SqlRunner {
  all(sql: string, params: SqlParams): Record<string, unknown>[];
}

/** What one group commit stores: the events, and a private site's events dropped for naming unknown cards. */
export interface StoredBatch {
  rows: readonly UsageRow[];
  dropped: readonly UsageRow[];
}

export interface UsageWriter {
  /**
   * Stores the rows durably (committed and fsynced) before it returns, or stores none of them and
   * throws: StoreBusyError when another connection holds the database (try again later). Dropped
   * rows are stored the same way, in their own table, so that which cards a request names cannot
   * be told from how, or how fast, it is answered.
   */
  append(batch: StoredBatch): void;
  /** Brings the NDJSON file up to date with the committed events (nothing without one); never rejects. */
  mirror(): Promise<void>;
  close(): void;
}

/** The NDJSON file could not be opened (the database was, and is closed again); `cause` says why. */
export class NdjsonOpenError extends Error {
  readonly file: string;
  constructor(file: string, cause: Error) {
    super(cause.message, { cause });
    this.file = file;
  }
}

/** The database is locked by another connection; nothing was stored, the append may be retried. */
export class StoreBusyError extends Error {}

/** SQLITE_BUSY or SQLITE_LOCKED, as node:sqlite reports them in `errcode`. */
export function isBusy(error: unknown): boolean {
  const code = (error as { errcode?: number }).errcode;
  return code === 5 || code === 6;
}

const insertInto = (table: string) => `INSERT INTO ${table} (${USAGE_COLUMNS.join(", ")}) VALUES (${USAGE_COLUMNS.map((c) => `:${c}`).join(", ")})`;

function prepareTable(db: DatabaseSync, table: "events" | "dropped_events" = "events"): void {
  db.exec(createEventsTable(table));
  for (const sql of createEventsIndexes(table)) db.exec(sql);
}

/**
 * Opens (creating when needed) the events database for writing, and its NDJSON mirror.
 * `onMirrorError` hears why the mirror could not be written (it is tried again after the next commit).
 */
export function openUsageWriter(options: { database: string; ndjson?: string | undefined; onMirrorError?: (error: Error) => void }): UsageWriter {
  mkdirSync(path.dirname(options.database), { recursive: true });
  const db = new DatabaseSync(options.database);
  // WAL with synchronous=FULL: every commit is fsynced to the log before COMMIT returns.
  db.exec("PRAGMA journal_mode = WAL");
  db.exec("PRAGMA synchronous = FULL");
  // The driver is synchronous: a wait for a lock would stop the whole server. A locked database
  // fails at once with StoreBusyError, and the collector retries on a timer.
  db.exec("PRAGMA busy_timeout = 0");
  prepareTable(db);
  prepareTable(db, "dropped_events");
  const insert = db.prepare(insertInto("events"));
  const insertDropped = db.prepare(insertInto("dropped_events"));
  let mirror: NdjsonMirror | undefined;
  if (options.ndjson) {
    try {
      mkdirSync(path.dirname(options.ndjson), { recursive: true });
      mirror = openNdjsonMirror(db, options.ndjson, options.onMirrorError ?? (() => {}));
    } catch (error) {
      db.close();
      throw new NdjsonOpenError(options.ndjson, error as Error);
    }
  }
  return {
    append({ rows, dropped }) {
      if (rows.length === 0 && dropped.length === 0) return;
      try {
        db.exec("BEGIN IMMEDIATE");
        for (const row of rows) insert.run(row as unknown as Record<string, SQLInputValue>);
        for (const row of dropped) insertDropped.run(row as unknown as Record<string, SQLInputValue>);
        db.exec("COMMIT");
      } catch (error) {
        try {
          // SQLite ends the transaction itself on some errors (SQLITE_FULL); a second ROLLBACK
          // would hide the real error behind "cannot rollback - no transaction is active".
          if (db.isTransaction) db.exec("ROLLBACK");
        } catch {
          // The original error says what went wrong; a failed cleanup must not replace it.
        }
        if (isBusy(error)) throw new StoreBusyError("the usage database is locked by another connection");
        throw error;
      }
    },
    mirror: () => mirror?.write() ?? Promise.resolve(),
    close() {
      mirror?.close();
      db.close();
    },
  };
}

/** Opens events for reading: a SQLite database, or an NDJSON file (`.ndjson`, `.jsonl`) loaded into memory. */
export function openUsageReader(file: string): SqlRunner & { count: number; close(): void } {
  if (!existsSync(file)) throw new ConfigError(`The usage data ${file} does not exist.`, "Pass the database of `verity collect` (collect.database) or its NDJSON file.");
  if (statSync(file).isDirectory()) throw new ConfigError(`${file} is a folder, not usage data.`, "Pass the database of `verity collect` (collect.database) or its NDJSON file.");
  let db: DatabaseSync;
  if (/\.(ndjson|jsonl)$/i.test(file)) {
    db = new DatabaseSync(":memory:");
    prepareTable(db);
    loadNdjson(db, file);
  } else {
    try {
      // Read-only: a report never changes, locks for writing or checkpoints what the collector stores.
      db = new DatabaseSync(file, { readOnly: true });
      db.prepare("SELECT COUNT(*) AS n FROM events").get();
    } catch (error) {
      throw new ConfigError(`${file} is not a usage database: ${(error as Error).message}.`, "Pass the database of `verity collect` or an .ndjson file.");
    }
    // A table called events that is not the collector's would fail the report's first query.
    const columns = new Set((db.prepare("SELECT name FROM pragma_table_info('events')").all() as { name: string }[]).map((row) => row.name));
    const missing = USAGE_COLUMNS.filter((column) => !columns.has(column));
    if (missing.length > 0) {
      db.close();
      throw new ConfigError(`${file} is not a usage database: its events table has no column ${missing.join(", ")}.`, "Pass the database of `verity collect` or an .ndjson file.");
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
  const insert = db.prepare(insertInto("events"));
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
