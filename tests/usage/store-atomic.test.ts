/**
 * The store: one append is all or nothing (a commit refused, SQLite's own rollback, a locked
 * database), and the NDJSON file holds each committed event exactly once, whatever happens
 * between its write and its bookmark (a crash, a lock, a rotation, a partial line).
 */
import { appendFileSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterAll, describe, expect, it } from "vitest";
import { USAGE_COLUMNS, type UsageRow } from "../../src/core/usage/events.ts";
import { openUsageReader, openUsageWriter, StoreBusyError } from "../../src/core/usage/store.ts";
import { makeTempDir, removeTemps } from "../helpers.ts";

afterAll(() => removeTemps());

function row(card: string): UsageRow {
  return { v: 1, ts: "2026-12-04T10:00:00.000Z", day: "2026-12-04", week: "2026-11-30", site: "public", visit: "visit-0001", type: "card_view", card, query: null, lang: null, results: null, rank: null, helpful: null, comment: null, detail: null };
}

const events = (...cards: string[]) => ({ rows: cards.map(row), dropped: [] });

function count(database: string, table = "events"): number {
  const db = new DatabaseSync(database);
  const n = Number((db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n);
  db.close();
  return n;
}

function ndjsonCards(file: string): string[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as UsageRow).card!);
}

function files(prefix = "usage") {
  const dir = makeTempDir("verity-store-");
  return { database: path.join(dir, `${prefix}.db`), ndjson: path.join(dir, `${prefix}.ndjson`) };
}

describe("usage store: an append is all or nothing", () => {
  it("a commit that fails stores nothing, and the NDJSON file gets only committed events", async () => {
    const { database, ndjson } = files();
    openUsageWriter({ database }).close();
    // A deferred foreign key fails at COMMIT, after the rows were inserted.
    const setup = new DatabaseSync(database);
    setup.exec(`CREATE TABLE parent (id INTEGER PRIMARY KEY);
      CREATE TABLE child (p INTEGER REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED);
      CREATE TRIGGER poison AFTER INSERT ON events WHEN NEW.card = 'poison' BEGIN INSERT INTO child VALUES (1); END;`);
    setup.close();
    const writer = openUsageWriter({ database, ndjson });
    writer.append(events("a/one"));
    expect(() => writer.append(events("b/two", "poison"))).toThrow(/FOREIGN KEY/);
    writer.append(events("c/three"));
    await writer.mirror();
    writer.close();
    expect(ndjsonCards(ndjson)).toEqual(["a/one", "c/three"]);
    expect(count(database)).toBe(2);
  });

  it("an error after which SQLite has already rolled back (as on a full disk) is reported as itself, not as a failed rollback", () => {
    const { database } = files();
    openUsageWriter({ database }).close();
    const setup = new DatabaseSync(database);
    setup.exec("CREATE TRIGGER refuse AFTER INSERT ON events WHEN NEW.card = 'refused' BEGIN SELECT RAISE(ROLLBACK, 'the database refused the row'); END;");
    setup.close();
    const writer = openUsageWriter({ database });
    expect(() => writer.append(events("a/one", "refused"))).toThrow(/the database refused the row/);
    writer.append(events("b/two"));
    writer.close();
    expect(count(database)).toBe(1);
  });

  it("fails at once with StoreBusyError while another connection holds the write lock, and stores nothing", () => {
    const { database } = files();
    const writer = openUsageWriter({ database });
    const other = new DatabaseSync(database);
    other.exec("BEGIN IMMEDIATE");
    try {
      expect(() => writer.append(events("a/one"))).toThrow(StoreBusyError);
      // Dropped events alone take the lock too: they fail the same way.
      expect(() => writer.append({ rows: [], dropped: [row("x/guess")] })).toThrow(StoreBusyError);
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
    writer.append(events("b/two"));
    writer.close();
    expect(count(database)).toBe(1);
  });

  it("stores dropped events in dropped_events, not in events or the NDJSON file", async () => {
    const { database, ndjson } = files();
    const writer = openUsageWriter({ database, ndjson });
    writer.append({ rows: [row("a/one")], dropped: [{ ...row("x/guess"), card: null }] });
    await writer.mirror();
    writer.close();
    expect([count(database), count(database, "dropped_events")]).toEqual([1, 1]);
    expect(ndjsonCards(ndjson)).toEqual(["a/one"]);
  });
});

describe("usage store: the NDJSON file holds each committed event exactly once", () => {
  it("writes the lines in the same form as the events table's columns", async () => {
    const { database, ndjson } = files();
    const writer = openUsageWriter({ database, ndjson });
    writer.append(events("a/one"));
    await writer.mirror();
    writer.close();
    expect(Object.keys(JSON.parse(readFileSync(ndjson, "utf8").trim()) as object)).toEqual([...USAGE_COLUMNS]);
    expect(JSON.parse(readFileSync(ndjson, "utf8").trim())).toEqual(row("a/one"));
  });

  it("after a crash between writing lines and counting them, cuts them and writes each row once", async () => {
    const { database, ndjson } = files();
    const writer = openUsageWriter({ database, ndjson });
    writer.append(events("a/one"));
    await writer.mirror();
    writer.append(events("b/two"));
    writer.close();
    // The crash: b/two's line reached the file, its bookmark did not.
    appendFileSync(ndjson, `${JSON.stringify(row("b/two"))}\n`);
    const again = openUsageWriter({ database, ndjson });
    await again.mirror();
    again.append(events("c/three"));
    await again.mirror();
    again.close();
    expect(ndjsonCards(ndjson)).toEqual(["a/one", "b/two", "c/three"]);
  });

  it("cuts the lines whose bookmark a lock refused, and writes them once when the lock is gone", async () => {
    const { database, ndjson } = files();
    const failures: string[] = [];
    const writer = openUsageWriter({ database, ndjson, onMirrorError: (error) => failures.push(error.message) });
    writer.append(events("a/one"));
    const other = new DatabaseSync(database);
    other.exec("BEGIN IMMEDIATE");
    await writer.mirror();
    other.exec("ROLLBACK");
    other.close();
    expect(failures).toEqual([expect.stringMatching(/locked/)]);
    expect(readFileSync(ndjson, "utf8")).toBe("");
    await writer.mirror();
    writer.close();
    expect(ndjsonCards(ndjson)).toEqual(["a/one"]);
  });

  it("continues a file rotated by copy-and-truncate with the next rows, without filling the gap", async () => {
    const { database, ndjson } = files();
    const writer = openUsageWriter({ database, ndjson });
    writer.append(events("a/one", "b/two"));
    await writer.mirror();
    truncateSync(ndjson, 0);
    writer.append(events("c/three"));
    await writer.mirror();
    writer.close();
    expect(readFileSync(ndjson, "utf8")).not.toContain("\0");
    expect(ndjsonCards(ndjson)).toEqual(["c/three"]);
    const reopened = openUsageWriter({ database, ndjson });
    reopened.append(events("d/four"));
    await reopened.mirror();
    reopened.close();
    expect(ndjsonCards(ndjson)).toEqual(["c/three", "d/four"]);
  });

  it("takes up a file written before bookmarks: cuts a partial last line, completes a whole one, and does not write old rows again", async () => {
    const crashed = files("crashed");
    const before = openUsageWriter({ database: crashed.database });
    before.append(events("a/one"));
    before.close();
    writeFileSync(crashed.ndjson, `${JSON.stringify(row("a/one"))}\n{"v":1,"ts":"2026-12-04T1`);
    const first = openUsageWriter(crashed);
    first.append(events("b/two"));
    await first.mirror();
    first.close();
    expect(ndjsonCards(crashed.ndjson)).toEqual(["a/one", "b/two"]);

    const edited = files("edited");
    writeFileSync(edited.ndjson, JSON.stringify(row("a/one")));
    const second = openUsageWriter(edited);
    second.append(events("b/two"));
    await second.mirror();
    second.close();
    expect(ndjsonCards(edited.ndjson)).toEqual(["a/one", "b/two"]);
  });

  it("the report reads the NDJSON file as it reads the database", async () => {
    const { database, ndjson } = files();
    const writer = openUsageWriter({ database, ndjson });
    writer.append(events("a/one", "b/two"));
    await writer.mirror();
    writer.close();
    const fromFile = openUsageReader(ndjson);
    const fromDb = openUsageReader(database);
    expect(fromFile.all("SELECT card FROM events ORDER BY card", {})).toEqual(fromDb.all("SELECT card FROM events ORDER BY card", {}));
    fromFile.close();
    fromDb.close();
  });

  it("the report opens the database read-only: a query cannot change what the collector stored", () => {
    const { database } = files();
    const writer = openUsageWriter({ database });
    writer.append(events("a/one", "b/two"));
    const reader = openUsageReader(database);
    expect(() => reader.all("DELETE FROM events", {})).toThrow(/readonly/i);
    reader.close();
    writer.append(events("c/three"));
    writer.close();
    expect(count(database)).toBe(3);
  });
});
