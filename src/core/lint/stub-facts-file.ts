/**
 * The stored facts of a recorded run's cards (lint-facts.json), read by a re-lint of a few edited
 * cards (run-delta.ts). Such a run looks up every card by path, URL, id and alias, but reads the
 * facts of only the few its edited cards link to. So the file holds a small index (each card's
 * keys, and where its facts are) ahead of the facts themselves, and a stub reads its facts from
 * the file only when a check asks for them.
 *
 * Layout: the index's length in bytes (15 digits and a newline), the index (JSON, a column per key:
 * a row per card took twice as long to read back), then each card's facts (JSON) one after the other. The file is written whole (safe-write.ts) and read through one
 * open descriptor, so a run that replaces it meanwhile cannot mix two versions.
 */
import { writeCacheFile } from "../project/cache-folder.ts";
import { closeSync, openSync, readSync } from "node:fs";
import path from "node:path";
import type { Card } from "../cards/load.ts";
import type { SiteName } from "../site/audience.ts";
import type { SitePages } from "../site/links.ts";
import { relatedIds, StubCardRead, stubCard, stubFactsOf, type StubFacts } from "./run-delta.ts";

const VERSION = 5;
const LENGTH_DIGITS = 15;

/**
 * Every card's keys, a column each, in card order: path, URL, id, aliases (0 for none), and where
 * its facts are (the byte offsets of each card's facts and of their end, one more than cards).
 */
interface IndexColumns {
  relPaths: string[];
  urls: string[];
  ids: string[];
  aliases: (string[] | 0)[];
  offsets: number[];
}

interface FactsIndex {
  version: number;
  id: string;
  pages: { collections: [string, readonly SiteName[]][]; tags: [string, readonly SiteName[]][] } | undefined;
  related: string[];
  cards: IndexColumns;
}

/** What a stub knows without reading its facts. */
export type StubKeys = Pick<Card, "relPath" | "url" | "id" | "file">;

/** The facts of a recorded run's cards, and what they make together (all unchanged by an edit that keeps every card's facts). */
export interface RecordedFacts {
  /** A stub of every card, in the recorded order: its path, URL and id at hand, the rest read when asked for. */
  cards: Card[];
  /** Each stub's aliases (without reading its facts). */
  aliases: ReadonlyMap<Card, readonly string[]>;
  /** A stub's path, URL, id and file, read without going through the stub (undefined for another card). */
  keysOf(card: Card): StubKeys | undefined;
  pages: SitePages | undefined;
  /** Ids other cards name as their translation source or companion. */
  related: ReadonlySet<string>;
  /** Closes the file; a stub asked for its facts after that throws StubCardRead. */
  close(): void;
}

/** Writes the facts of `cards` (in their order) and their site pages, for the run `id`. */
export function writeStubFacts(file: string, id: string, cards: readonly Card[], pages: SitePages | undefined): void {
  const columns: IndexColumns = { relPaths: [], urls: [], ids: [], aliases: [], offsets: [0] };
  const bodies: string[] = [];
  let offset = 0;
  for (const card of cards) {
    const json = JSON.stringify(stubFactsOf(card));
    offset += Buffer.byteLength(json);
    columns.relPaths.push(card.relPath);
    columns.urls.push(card.url);
    columns.ids.push(card.id);
    columns.aliases.push(card.data.aliases?.length ? card.data.aliases : 0);
    columns.offsets.push(offset);
    bodies.push(json);
  }
  const index: FactsIndex = {
    version: VERSION,
    id,
    pages: pages && { collections: [...pages.collections], tags: [...pages.tags] },
    related: [...relatedIds(cards)],
    cards: columns,
  };
  const head = JSON.stringify(index);
  writeCacheFile(file, `${String(Buffer.byteLength(head)).padStart(LENGTH_DIGITS, "0")}\n${head}${bodies.join("")}`);
}

/** The facts written for the run `id` (stubs under `root`), or undefined. */
export function readStubFacts(file: string, id: string, root: string): RecordedFacts | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, "r");
    const prefix = readExactly(fd, 0, LENGTH_DIGITS + 1).toString("latin1");
    if (!/^\d+\n$/.test(prefix)) throw new Error("not a facts file");
    const headLength = Number(prefix.slice(0, LENGTH_DIGITS));
    const index = JSON.parse(readExactly(fd, LENGTH_DIGITS + 1, headLength).toString("utf8")) as FactsIndex;
    if (index.version !== VERSION || index.id !== id || !hasColumns(index.cards)) throw new Error("another run's facts");
    const { relPaths, urls, ids, aliases: aliasColumn, offsets } = index.cards;
    const dataStart = LENGTH_DIGITS + 1 + headLength;
    const open = fd;
    let isOpen = true;
    const read = (at: number): StubFacts => {
      const relPath = relPaths[at]!;
      if (!isOpen) throw new StubCardRead(`${relPath}: the facts of a card read after the run`);
      try {
        const facts = JSON.parse(readExactly(open, dataStart + offsets[at]!, offsets[at + 1]! - offsets[at]!).toString("utf8")) as StubFacts;
        if (facts.relPath === relPath) return facts;
      } catch {
        /* below */
      }
      throw new StubCardRead(`${relPath}: its recorded facts cannot be read`);
    };
    const aliases = new Map<Card, readonly string[]>();
    const keys = new Map<Card, StubKeys>();
    const cards = relPaths.map((relPath, at) => {
      const known: StubKeys = { relPath, url: urls[at]!, id: ids[at]!, file: joinRelPath(root, relPath) };
      const card = lazyStub(known, () => read(at), root);
      aliases.set(card, aliasColumn[at] || NO_ALIASES);
      keys.set(card, known);
      return card;
    });
    const pages = index.pages && { collections: new Map(index.pages.collections), tags: new Map(index.pages.tags) };
    fd = undefined;
    return {
      cards,
      aliases,
      keysOf: (card) => keys.get(card),
      pages,
      related: new Set(index.related),
      close: () => {
        if (isOpen) closeSync(open);
        isOpen = false;
      },
    };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const NO_ALIASES: readonly string[] = Object.freeze([]);

/** Whether the index's columns are there and of one length (the offsets one more). */
function hasColumns(cards: unknown): cards is IndexColumns {
  if (typeof cards !== "object" || cards === null) return false;
  const { relPaths, urls, ids, aliases, offsets } = cards as Partial<IndexColumns>;
  if (!Array.isArray(relPaths) || !Array.isArray(urls) || !Array.isArray(ids) || !Array.isArray(aliases) || !Array.isArray(offsets)) return false;
  const n = relPaths.length;
  return urls.length === n && ids.length === n && aliases.length === n && offsets.length === n + 1;
}

function readExactly(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buffer, done, length - done, position + done);
    if (n === 0) throw new Error("the facts file ends early");
    done += n;
  }
  return buffer;
}

/**
 * A stub whose path, URL, id and file are known; anything else is read from the file on first use
 * (then it is a stub of run-delta.ts: its text, tree and links throw StubCardRead).
 */
function lazyStub(keys: StubKeys, read: () => StubFacts, root: string): Card {
  const known: Record<string, unknown> = { ...keys };
  let full: Card | undefined;
  const facts = () => (full ??= stubCard(read(), root));
  return new Proxy(known, {
    get: (target, key) => (typeof key === "string" && Object.hasOwn(target, key) ? target[key] : Reflect.get(facts(), key)),
    has: (_target, key) => key in facts(),
    ownKeys: () => Reflect.ownKeys(facts()),
    getOwnPropertyDescriptor: (_target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(facts(), key);
      return descriptor && { ...descriptor, configurable: true };
    },
    // Writes go to the stub, as they would to a stub made whole.
    set: (_target, key, value) => Reflect.set(facts(), key, value),
    defineProperty: (_target, key, descriptor) => Reflect.defineProperty(facts(), key, descriptor),
    deleteProperty: (_target, key) => Reflect.deleteProperty(facts(), key),
  }) as unknown as Card;
}

/** `path.join(root, relPath)` for a recorded card path (already normalized, with `/`), without its cost per card. */
function joinRelPath(root: string, relPath: string): string {
  return path.sep === "/" && !root.endsWith("/") && !relPath.startsWith("/") && !relPath.includes("//") && !/(^|\/)\.\.?(\/|$)/.test(relPath) ? `${root}/${relPath}` : path.join(root, relPath);
}
