/**
 * One append is all or nothing in the database and the NDJSON file alike: a failure at any step
 * (the disk full while writing the NDJSON, a commit refused) leaves neither a row nor a line, so a
 * retry duplicates nothing and no later line is glued onto a partial one; a locked database fails
 * at once, without waiting, and says so.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterAll, describe, expect, it } from "vitest";
import type { UsageRow } from "../../src/core/usage/events.ts";
import { openUsageReader, openUsageWriter, StoreBusyError } from "../../src/core/usage/store.ts";
import { makeTempDir, removeTemps } from "../helpers.ts";

afterAll(() => removeTemps());

function row(card: string): UsageRow {
  return { v: 1, ts: "2026-12-04T10:00:00.000Z", day: "2026-12-04", week: "2026-11-30", site: "public", visit: "visit-0001", type: "card_view", card, query: null, lang: null, results: null, rank: null, helpful: null, comment: null, detail: null };
}

function count(database: string): number {
  const reader = openUsageReader(database);
  const n = reader.count;
  reader.close();
  return n;
}

function ndjsonCards(file: string): string[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as UsageRow).card!);
}

describe("usage store: an append is atomic across SQLite and NDJSON", () => {
  it("a commit that fails leaves no NDJSON line behind, and the next append is a whole line of its own", () => {
    const dir = makeTempDir("verity-store-");
    const database = path.join(dir, "usage.db");
    const ndjson = path.join(dir, "usage.ndjson");
    openUsageWriter({ database }).close();
    // A deferred foreign key fails at COMMIT, after the NDJSON lines were written and fsynced.
    const setup = new DatabaseSync(database);
    setup.exec(`CREATE TABLE parent (id INTEGER PRIMARY KEY);
      CREATE TABLE child (p INTEGER REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED);
      CREATE TRIGGER poison AFTER INSERT ON events WHEN NEW.card = 'poison' BEGIN INSERT INTO child VALUES (1); END;`);
    setup.close();
    const writer = openUsageWriter({ database, ndjson });
    writer.append([row("a/one")]);
    expect(() => writer.append([row("b/two"), row("poison")])).toThrow(/FOREIGN KEY/);
    writer.append([row("c/three")]);
    writer.close();
    expect(ndjsonCards(ndjson)).toEqual(["a/one", "c/three"]);
    expect(count(database)).toBe(2);
  });

  it("an error after which SQLite has already rolled back (as on a full disk) is reported as itself, not as a failed rollback", () => {
    const dir = makeTempDir("verity-store-");
    const database = path.join(dir, "usage.db");
    const ndjson = path.join(dir, "usage.ndjson");
    openUsageWriter({ database }).close();
    const setup = new DatabaseSync(database);
    setup.exec("CREATE TRIGGER refuse AFTER INSERT ON events WHEN NEW.card = 'refused' BEGIN SELECT RAISE(ROLLBACK, 'the database refused the row'); END;");
    setup.close();
    const writer = openUsageWriter({ database, ndjson });
    expect(() => writer.append([row("a/one"), row("refused")])).toThrow(/the database refused the row/);
    writer.append([row("b/two")]);
    writer.close();
    expect(ndjsonCards(ndjson)).toEqual(["b/two"]);
    expect(count(database)).toBe(1);
  });

  it("a full disk while writing the NDJSON stores no row and reports the disk's error", () => {
    const dir = makeTempDir("verity-store-");
    const database = path.join(dir, "usage.db");
    const writer = openUsageWriter({ database, ndjson: "/dev/full" });
    expect(() => writer.append([row("a/one")])).toThrow(/ENOSPC/);
    writer.close();
    expect(count(database)).toBe(0);
  });

  it("cuts a line left partial by a crash when it opens, and completes a whole last line that only lacks its newline", () => {
    const dir = makeTempDir("verity-store-");
    const crashed = path.join(dir, "crashed.ndjson");
    writeFileSync(crashed, `${JSON.stringify(row("a/one"))}\n{"v":1,"ts":"2026-12-04T1`);
    const first = openUsageWriter({ database: path.join(dir, "one.db"), ndjson: crashed });
    first.append([row("b/two")]);
    first.close();
    expect(ndjsonCards(crashed)).toEqual(["a/one", "b/two"]);

    const edited = path.join(dir, "edited.ndjson");
    writeFileSync(edited, JSON.stringify(row("a/one")));
    const second = openUsageWriter({ database: path.join(dir, "two.db"), ndjson: edited });
    second.append([row("b/two")]);
    second.close();
    expect(ndjsonCards(edited)).toEqual(["a/one", "b/two"]);
  });

  it("fails at once with StoreBusyError while another connection holds the write lock, and stores nothing", () => {
    const dir = makeTempDir("verity-store-");
    const database = path.join(dir, "usage.db");
    const ndjson = path.join(dir, "usage.ndjson");
    const writer = openUsageWriter({ database, ndjson });
    const other = new DatabaseSync(database);
    other.exec("BEGIN IMMEDIATE");
    try {
      expect(() => writer.append([row("a/one")])).toThrow(StoreBusyError);
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
    writer.append([row("b/two")]);
    writer.close();
    expect(ndjsonCards(ndjson)).toEqual(["b/two"]);
    expect(count(database)).toBe(1);
  });
});
