/**
 * The persistent per-card cache of `verity lint`: for each card file, keyed by a hash of its bytes,
 * its place and its collection's settings,
 *
 * - what loading it gave (the card without its tree, or the body-only card, and the loader's
 *   findings), so an unchanged card is not parsed again (its tree is parsed only if a rule asks);
 * - the findings of the card rules and the HTML checks, valid for one hash of the project-wide
 *   facts those rules read (every card's id, URL, frontmatter and heading ids, the collections, the
 *   other files under the content folder, the day, the configuration): when one card's body
 *   changes and no fact does, only that card is checked again; when a fact changes (a heading
 *   another card links to, an id, a `verify_by`, the day), every card's rules run again, from the
 *   cached cards.
 *
 * Style findings have their own cache (`style/lint-cache.ts`). The whole file is valid for one key
 * (Verity's code, the configuration, the files rules read); a missing, damaged or stale cache is
 * simply empty, and it is written atomically.
 */
import { writeCacheFile } from "../project/cache-folder.ts";
import { createHash, type Hash } from "node:crypto";
import { closeSync, existsSync, fstatSync, ftruncateSync, lstatSync, openSync, readdirSync, readFileSync, readlinkSync, writeSync } from "node:fs";
import path from "node:path";
import type { Card, CardLoadCache, CachedCardLoad } from "../cards/load.ts";
import type { Collection } from "../cards/collections.ts";
import type { Project, ProjectContext } from "../project/project.ts";
import { hashRuleInputs } from "./cache-inputs.ts";
import { bytesToHash } from "../cards/safe-read.ts";
import { MAX_SNIPPET_BYTES } from "../cards/snippets.ts";
import type { Finding } from "./findings.ts";
import type { CardRuleCache } from "./lint-project.ts";
import { asciiJson, asciiJsonString } from "../report/ascii-json.ts";

const VERSION = 2;

type StoredFinding = Omit<Finding, "file">;

/** What the cache keeps of one card file besides its hash. */
interface Entry {
  load: CachedCardLoad;
  /** Card rule and HTML findings, valid for the project facts hash `facts`. */
  rules?: { facts: string; findings: StoredFinding[] };
}

/** One card file: the hash of its bytes, place and collection settings, the digest of its facts, the entry. */
interface Line {
  hash: string;
  /** Digest of what the card tells other cards' rules (see `cardFactsDigest`); "" when it did not load. */
  facts: string;
  /** The entry as stored (kept as text until read, and written back unchanged when unchanged). */
  raw: string | undefined;
  entry: Entry | undefined;
}

export interface CardCache {
  /** For the loader (`loadProject(options, cache.load)`). */
  load: CardLoadCache;
  /** For `lintProject`, once the project is loaded: card rule findings under its facts. */
  rulesFor(project: Project): CardRuleCache;
  save(): void;
}

/**
 * Opens (or starts) the cache in `file`, valid for `key` (code, configuration, rule inputs).
 * `reads` holds file contents this run has read already (the run cache's key): they are not read again.
 */
export function openCardCache(file: string, key: string, reads?: ReadonlyMap<string, { hash: string; bytes?: Uint8Array }>): CardCache {
  const stored = readLines(file, key);
  const old = stored.lines;
  /** Lines of this run: cards that no longer exist drop out. */
  const lines = new Map<string, Line>();
  /** Cards whose line this run wrote or changed. */
  const changed = new Set<string>();
  const collectionKeys = new WeakMap<Collection, string>();
  let isDirty = false;

  const hashOf = (relPath: string, contentHash: string, collection: Collection): string => {
    let collectionKey = collectionKeys.get(collection);
    if (collectionKey === undefined) collectionKeys.set(collection, (collectionKey = JSON.stringify(collection)));
    // The cache key is part of each line's hash: a line appended under another key never matches.
    return createHash("sha1").update(`${key}\0${relPath}\0${collectionKey}\0${contentHash}`).digest("hex");
  };
  const entryOf = (line: Line): Entry => (line.entry ??= JSON.parse(line.raw!) as Entry);
  const hashes = new Map<string, string>();

  const load: CardLoadCache = {
    read: (path) => reads?.get(path),
    get(relPath, contentHash, collection) {
      const hash = hashOf(relPath, contentHash, collection);
      hashes.set(relPath, hash);
      const line = old.get(relPath);
      if (!line || line.hash !== hash) return undefined;
      lines.set(relPath, line);
      try {
        return entryOf(line).load;
      } catch {
        lines.delete(relPath);
        return undefined;
      }
    },
    set(relPath, contentHash, collection, result) {
      // Only the frontmatter comes from outside Verity's own code (YAML): the rest is plain data.
      if (!isJsonSafe(result.card?.data) || !isJsonSafe(result.bodyOnly?.data)) return;
      const hash = hashes.get(relPath) ?? hashOf(relPath, contentHash, collection);
      const facts = result.card ? cardFactsDigest(result.card) : "";
      lines.set(relPath, { hash, facts, raw: undefined, entry: { load: result } });
      changed.add(relPath);
      isDirty = true;
    },
  };

  return {
    load,
    rulesFor(project) {
      const facts = projectFactsKey(project, (card) => lines.get(card.relPath)?.facts || cardFactsDigest(card));
      const contentDir = project.contentDir;
      return {
        get(card) {
          const line = lines.get(card.relPath);
          let rules: Entry["rules"];
          try {
            rules = line && entryOf(line).rules;
          } catch {
            return undefined; // a damaged line: checked again
          }
          if (!rules || rules.facts !== facts) return undefined;
          return rules.findings.map((f) => ({ ...f, file: card.file }));
        },
        set(card, findings) {
          const line = lines.get(card.relPath);
          if (!line || readsOutsideContent(card, contentDir)) return;
          try {
            entryOf(line).rules = { facts, findings: findings.map(({ file: _file, ...rest }) => rest) };
          } catch {
            return;
          }
          line.raw = undefined;
          changed.add(card.relPath);
          isDirty = true;
        },
      };
    },
    save() {
      if (!isDirty && lines.size === old.size) return;
      // ASCII (ascii-json.ts): one Korean title made the whole text two-byte, and reading it back took half as long again.
      const row = (relPath: string, line: Line) => `${asciiJsonString(relPath)}\t${line.hash}\t${line.facts}\t${line.raw ?? asciiJson(line.entry)}\n`;
      // A few changed cards are appended (a later line wins when read) rather than rewriting every
      // card's line; the file is rewritten whole, without superseded lines, once they would make
      // up a third of it.
      if (stored.isAppendable && changed.size <= Math.max(APPEND_MIN, lines.size / 10) && stored.rows + changed.size <= 1.5 * lines.size) {
        let text = "";
        for (const relPath of changed) text += row(relPath, lines.get(relPath)!);
        if (appendWhole(file, text, stored.size)) return;
      }
      let text = `${JSON.stringify({ version: VERSION, key })}\n`;
      for (const [relPath, line] of lines) text += row(relPath, line);
      writeCacheFile(file, text);
    },
  };
}

interface StoredLines {
  lines: Map<string, Line>;
  /** Rows in the file, superseded ones included. */
  rows: number;
  /** Bytes of the file as read. */
  size: number;
  /** The file is for this key and ends with a whole line: new lines may be appended. */
  isAppendable: boolean;
}

/**
 * The lines of a cache file written for `key` (a later line for the same card wins); empty when it
 * is missing, damaged or for another key. A damaged row (an append cut short) is skipped.
 */
function readLines(file: string, key: string): StoredLines {
  const empty = (): StoredLines => ({ lines: new Map(), rows: 0, size: 0, isAppendable: false });
  if (!existsSync(file)) return empty();
  const lines = new Map<string, Line>();
  let rows = 0;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
    let at = text.indexOf("\n");
    const header = JSON.parse(text.slice(0, at)) as { version?: unknown; key?: unknown };
    if (header.version !== VERSION || header.key !== key) return empty();
    while (at >= 0 && at < text.length - 1) {
      const next = text.indexOf("\n", at + 1);
      const row = text.slice(at + 1, next < 0 ? undefined : next);
      at = next;
      rows++;
      const t1 = row.indexOf("\t");
      const t2 = row.indexOf("\t", t1 + 1);
      const t3 = row.indexOf("\t", t2 + 1);
      if (t1 < 0 || t2 < 0 || t3 < 0) continue;
      let relPath: unknown;
      try {
        relPath = JSON.parse(row.slice(0, t1));
      } catch {
        continue;
      }
      if (typeof relPath !== "string") continue;
      lines.set(relPath, { hash: row.slice(t1 + 1, t2), facts: row.slice(t2 + 1, t3), raw: row.slice(t3 + 1), entry: undefined });
    }
  } catch {
    return empty(); // A damaged cache is ignored and rewritten.
  }
  return { lines, rows, size: Buffer.byteLength(text), isAppendable: text.endsWith("\n") };
}

/** Lines appended (below this many, always), instead of a rewrite of the whole file. */
const APPEND_MIN = 64;

/**
 * Appends `text` to `file` if it still has the `size` it had when read (no other run rewrote it
 * meanwhile); false when it did not, or the append failed, and the caller rewrites the file.
 */
function appendWhole(file: string, text: string, size: number): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(file, "r+");
    if (fstatSync(fd).size !== size) return false;
    const bytes = Buffer.from(text);
    // One positioned write at the end: a run stopped half-way leaves a cut last row, which the reader skips.
    // A write cut short (a full disk, a file-size limit) is taken back, and the caller rewrites the file.
    if (writeSync(fd, bytes, 0, bytes.length, size) === bytes.length) return true;
    ftruncateSync(fd, size);
    return false;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The key of the whole cache: Verity's code (`codeVersion`), the configuration and the files rules read. */
export function cardCacheKey(context: ProjectContext, codeVersion: string): string {
  const hash = createHash("sha256");
  hash.update(`${VERSION}\0${codeVersion}\0${context.root}\0${JSON.stringify(context.config)}\0`);
  hashRuleInputs(hash, context.root);
  return hash.digest("hex");
}

/**
 * Hash of every project-wide fact a card rule reads about anything but its own card: the other
 * cards (id, place, URL, frontmatter, heading ids), the cards that failed to load, the collections,
 * the other files under the content folder (snippets, attachments: names, kinds and sizes, the
 * text of Markdown and YAML files), the day and the configuration.
 */
export function projectFactsKey(project: Project, digestOf: (card: Card) => string = cardFactsDigest): string {
  const hash = createHash("sha256");
  hash.update(`${project.today}\0${JSON.stringify(project.config)}\0${JSON.stringify(project.collections)}\0`);
  const cardFiles = new Set<string>();
  for (const card of project.cards) {
    cardFiles.add(card.file);
    hash.update(`${card.relPath}\0${digestOf(card)}\0`);
  }
  for (const card of project.bodyOnlyCards ?? []) {
    cardFiles.add(card.file);
    hash.update(`body-only\0${card.relPath}\0`);
  }
  for (const file of [...project.invalidFiles].sort()) hash.update(`invalid\0${file}\0`);
  if (existsSync(project.contentDir)) hashOtherFiles(hash, project.contentDir, cardFiles, Math.max(project.config.maxCardBytes, MAX_SNIPPET_BYTES));
  return hash.digest("hex");
}

/** What one card tells the rules of other cards: its id, place, URL, frontmatter and heading ids. */
export function cardFactsDigest(card: Pick<Card, "relPath" | "id" | "url" | "collection" | "slug" | "lang" | "declaredAudience" | "data" | "headings">): string {
  const facts = [card.relPath, card.id, card.url, card.collection, card.slug, card.lang, card.declaredAudience ?? null, card.data, card.headings.map((h) => h.id)];
  return createHash("sha1").update(JSON.stringify(facts)).digest("hex");
}

const TEXT_FILE = /\.(?:md|mdx|ya?ml|json)$/i;

/**
 * Hashes the files under `dir` that are not loaded cards into `hash`. A text file is hashed by its
 * bytes up to `wholeBytes`, the most any reader reads of one (a card, a snippet); past that, what a
 * rule learns of it is its size (a card too large), so its size, times and inode stand for it: a
 * file of gigabytes was read whole, and past 2 GB lint ended in an internal error.
 */
function hashOtherFiles(hash: Hash, dir: string, cardFiles: ReadonlySet<string>, wholeBytes: number): void {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return;
  }
  for (const name of names) {
    const full = path.join(dir, name);
    if (cardFiles.has(full)) continue;
    const stat = lstatSync(full, { throwIfNoEntry: false });
    if (!stat) continue;
    if (stat.isSymbolicLink()) hash.update(`link\0${full}\0${readlinkSync(full)}\0`);
    else if (stat.isDirectory()) {
      if (name === "node_modules" || name === ".git") continue;
      hash.update(`dir\0${full}\0`);
      hashOtherFiles(hash, full, cardFiles, wholeBytes);
    } else {
      hash.update(`file\0${full}\0${stat.size}\0`);
      // Only a regular file is read: a named pipe with a card's or YAML name would wait for a writer.
      if (TEXT_FILE.test(name) && stat.isFile() && stat.size <= wholeBytes) {
        const bytes = bytesToHash(full);
        hash.update(typeof bytes === "string" ? `${bytes}\0` : bytes);
      } else if (TEXT_FILE.test(name)) hash.update(`${stat.mtimeMs}\0${stat.ctimeMs}\0${stat.ino}\0`);
      else hash.update(`${stat.mtimeMs}\0`);
    }
  }
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * True when a card links by relative path to a file outside the content folder: the rules then
 * read a file the facts hash does not cover, so the card's rule findings are not cached.
 */
export function readsOutsideContent(card: Pick<Card, "links" | "file">, contentDir: string): boolean {
  let depth: number | undefined;
  for (const link of card.links) {
    const url = link.url.trim();
    if (url === "" || url.startsWith("#") || url.startsWith("/") || url.startsWith("\\") || SCHEME.test(url)) continue;
    // Without ".." (written or percent-encoded) a relative link stays in the card's folder.
    if (!url.includes("..") && !url.includes("%")) continue;
    if (!url.includes("%") && !url.includes("\\")) {
      // Plain "/" segments: counted against the card's depth below the content folder.
      depth ??= folderDepth(card.file, contentDir);
      const stays = staysBelow(url.replace(/[?#].*$/, ""), depth);
      if (stays !== undefined) {
        if (!stays) return true;
        continue;
      }
    }
    let target = url.replace(/[?#].*$/, "");
    try {
      target = decodeURIComponent(target);
    } catch {
      // kept as written
    }
    const resolved = path.resolve(path.dirname(card.file), target);
    const rel = path.relative(contentDir, resolved);
    if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel)) return true;
  }
  return false;
}

/** Folders between the content folder and the card's file (1 for content/<collection>/card.md). */
function folderDepth(file: string, contentDir: string): number {
  if (!file.startsWith(contentDir + path.sep)) {
    const rel = path.relative(contentDir, path.dirname(file));
    return rel === "" ? 0 : rel.split(path.sep).length;
  }
  let depth = 0;
  for (let at = file.indexOf(path.sep, contentDir.length + 1); at >= 0; at = file.indexOf(path.sep, at + 1)) depth++;
  return depth;
}

/**
 * Whether a relative path written with "/" from a folder `depth` levels below the content folder
 * ends strictly inside it; undefined when it climbs above the content folder on the way (left to
 * path.resolve, which may bring it back in).
 */
function staysBelow(target: string, depth: number): boolean | undefined {
  let at = depth;
  for (const segment of target.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (--at < 0) return undefined;
    } else at++;
  }
  return at > 0;
}

/** Only plain data survives JSON unchanged (a YAML date would come back as a string). */
function isJsonSafe(value: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (value === undefined) return true;
  if (Array.isArray(value)) return value.every((item) => item !== undefined && isJsonSafe(item, depth + 1));
  if (typeof value === "object") {
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) return false;
    return Object.values(value as Record<string, unknown>).every((item) => isJsonSafe(item, depth + 1));
  }
  return false;
}
