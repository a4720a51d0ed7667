/**
 * Where events live: one SQLite database (node:sqlite, WAL, synchronous=FULL, so a committed
 * insert survives the process being killed) and, optionally, an NDJSON file appended and fsynced
 * in the same step. The report reads either; an NDJSON file is loaded into an in-memory database.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from "node:fs";
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
  /** Stores the rows durably (committed and fsynced) before it returns. */
  append(rows: readonly UsageRow[]): void;
  close(): void;
}

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
  db.exec("PRAGMA busy_timeout = 5000");
  prepareTable(db);
  const insert = db.prepare(INSERT);
  let ndjsonFd: number | undefined;
  if (options.ndjson) {
    mkdirSync(path.dirname(options.ndjson), { recursive: true });
    ndjsonFd = openSync(options.ndjson, "a");
  }
  return {
    append(rows) {
      if (rows.length === 0) return;
      if (ndjsonFd !== undefined) {
        writeSync(ndjsonFd, rows.map((row) => `${JSON.stringify(row)}\n`).join(""));
        fsyncSync(ndjsonFd);
      }
      db.exec("BEGIN IMMEDIATE");
      try {
        for (const row of rows) insert.run(row as unknown as Record<string, SQLInputValue>);
        db.exec("COMMIT");
      } catch (error) {
        db.exec("ROLLBACK");
        throw error;
      }
    },
    close() {
      if (ndjsonFd !== undefined) closeSync(ndjsonFd);
      db.close();
    },
  };
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
