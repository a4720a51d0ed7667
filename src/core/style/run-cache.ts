/**
 * The whole-run lint cache: when nothing that lint reads has changed (every file under the content
 * folder, the configuration, the style rules, the day and the Verity version), the previous run's
 * findings are replayed without loading a card. Any change recomputes everything, so cross-card
 * checks (links, ids, the trust score) are always right; the per-card style cache then makes the
 * recomputation cheap.
 */
import { writeCacheFile } from "../project/cache-folder.ts";
import { createHash, randomUUID, type Hash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, readlinkSync, rmSync } from "node:fs";
import path from "node:path";
import { compareFindings, type Finding } from "../lint/findings.ts";
import type { ProjectContext } from "../project/project.ts";
import type { TrustScore } from "../verification/verification.ts";
import { hashRuleInputs } from "../lint/cache-inputs.ts";
import { findValeConfig, foldersToHash, loadValeConfig } from "./vale-ini.ts";
import { readAndHash, type FileHash, type FileStates } from "../lint/file-states.ts";
import { asciiJson } from "../report/ascii-json.ts";
import { appendAll } from "../arrays.ts";

/** What lint's report needs from a project, when the project itself was not loaded. */
export interface LintedProjectSummary {
  configFile: string | undefined;
  contentDir: string;
  /** Every card, with the id its `companion:` names, if any (companion drift reads git only for those). */
  cards: { file: string; companion?: string }[];
  invalidFiles: string[];
  config: { minTrustScore: number };
}

export interface CachedRun {
  project: LintedProjectSummary;
  findings: Finding[];
  trust: TrustScore;
}

type StoredFinding = Omit<Finding, "file" | "fix">;

/**
 * A run as stored: its findings in two parts (each card's own, by file, in card order; and the
 * rest), so that a run after an edit of a few cards can replace only theirs (lint/run-delta.ts).
 */
export interface RunRecord {
  key: string;
  /** The run key without the cards' text (computeRunKey). */
  frame: string;
  project: LintedProjectSummary;
  trust: TrustScore;
  /** Each loaded card's own findings, by file (cards without any are left out). */
  own: Map<string, StoredFinding[]>;
  rest: Finding[];
  /** Every card file: the hash of its bytes and, for a card that may be re-checked alone (run-delta.ts), a space and its pin. */
  files: Map<string, string>;
  /** The id of the stub facts written with this run (the key of the run that wrote them). */
  factsId: string;
  /**
   * Set on a record read back: the id of the whole record as written, and the cards whose entries
   * come from the edits written since (writeRunRecordEdits).
   */
  stored?: { writeId: string; edited: string[] };
}

/**
 * The record as written. The two maps with an entry per card are stored as pairs of arrays
 * (files, values): a JSON object with thousands of keys takes twice as long to read back.
 */
interface RunCacheFile extends Omit<RunRecord, "stored" | "own" | "files" | "project"> {
  version: 5;
  /** Unique to each write of the whole record: an edits file names the write it applies to. */
  writeId: string;
  /** The cards as a path, or [path, companion]. */
  project: Omit<LintedProjectSummary, "cards"> & { cards: (string | [string, string])[] };
  own: [files: string[], findings: StoredFinding[][]];
  files: [files: string[], values: string[]];
}

/**
 * What re-linting a few edited cards changed in a record (their entries, the key), written next to
 * the record instead of rewriting all of it. It applies only to the write of the record it names.
 */
interface RunEditsFile {
  version: 1;
  base: string;
  key: string;
  /** Each edited card's findings (null: it has none now) and file entry. */
  own: Record<string, StoredFinding[] | null>;
  files: Record<string, string>;
}

/** Past this many edited cards, the whole record is written again (and the edits file dropped). */
const MAX_EDITS = 64;

/** The run key, and the frame: the same hash without the card files' contents (their paths stay in). */
export interface RunKeys {
  key: string;
  frame: string;
}

/** The keys with one more input (one that was not known when the files were hashed). */
export function addToRunKeys(keys: RunKeys, input: string): RunKeys {
  const salted = (value: string) => createHash("sha256").update(`${value}\0${input}`).digest("hex");
  return { key: salted(keys.key), frame: salted(keys.frame) };
}

/**
 * Hash of everything a full lint run reads; `salt` adds the engine and CLI versions. Each file
 * counts by its path and the hash of its bytes, which `states` (see file-states.ts) gives without
 * reading a file that has not changed since the last run. With `reads`, the card files' hashes (and
 * their bytes, when this run read them) are kept there, so a run that misses the cache does not
 * read or hash them again. Two runs with the same frame differ at most in the text of some cards.
 */
export function computeRunKey(context: ProjectContext, salt: string, reads?: Map<string, FileHash>, states?: FileStates): RunKeys {
  const hash = createHash("sha256");
  const frame = createHash("sha256");
  const both = (text: string | Uint8Array) => {
    hash.update(text);
    frame.update(text);
  };
  both(`${salt}\0${context.root}\0${context.today}\0`);
  if (context.configFile && existsSync(context.configFile)) both(readFileSync(context.configFile));
  const hashFile = (full: string): FileHash => {
    if (states) return states.hashOf(full);
    const { hash, bytes } = readAndHash(full);
    return bytes ? { hash, bytes } : { hash };
  };
  const contentDir = path.resolve(context.root, context.config.contentDir);
  if (existsSync(contentDir)) hashTree(both, hash, contentDir, hashFile, reads);
  hashRuleInputs({ update: both }, context.root);
  const valeFile = findValeConfig(context.root);
  if (valeFile) {
    both(readFileSync(valeFile));
    const folders = foldersToHash(loadValeConfig(valeFile));
    if (!folders) both(randomUUID()); // a configuration that cannot run: no key to match
    for (const folder of folders ?? []) hashTree(both, undefined, folder, hashFile);
  }
  return { key: hash.digest("hex"), frame: frame.digest("hex") };
}

const CARD_FILE = /\.mdx?$/i;

/**
 * Hashes a folder into `both`; with `cards` (the content folder), a card file's content goes into
 * `cards` only (the key), and its path into both.
 */
function hashTree(both: (text: string) => void, cards: Hash | undefined, dir: string, hashFile: (full: string) => FileHash, reads?: Map<string, FileHash>): void {
  // `dir` is resolved and an entry's name holds no separator: joining by hand is path.join's result, without its cost per file.
  const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name === "node_modules" || entry.name === ".git") continue;
    const full = prefix + entry.name;
    both(`${full}\0`);
    // A link's target decides what lint reads (or refuses), so it is part of the key.
    if (entry.isSymbolicLink()) both(`link\0${readlinkSync(full)}\0`);
    else if (entry.isDirectory()) hashTree(both, cards, full, hashFile, reads);
    else if (entry.isFile()) {
      const file = hashFile(full);
      const isCard = CARD_FILE.test(entry.name);
      if (reads && isCard) reads.set(full, file); // cards only: attachments may be large
      if (cards && isCard) cards.update(`card\0${file.hash}\0`);
      else both(`${file.hash}\0`);
    } else both("special\0");
  }
}

/** The record of a run with this `key`, or with this `frame` when `frame` is given (an edit of card text since). */
export function readRunRecord(file: string, key: string, frame?: string): RunRecord | undefined {
  if (!existsSync(file)) return undefined;
  let data: RunCacheFile;
  try {
    data = JSON.parse(readFileSync(file, "utf8")) as RunCacheFile;
  } catch {
    return undefined;
  }
  if (data.version !== 5 || typeof data.writeId !== "string" || typeof data.project?.contentDir !== "string" || !Array.isArray(data.project.cards)) return undefined;
  const { version: _version, writeId, own: storedOwn, files: storedFiles, project: storedProject, ...rest } = data;
  const { absolute } = storedPaths(storedProject.contentDir);
  const own = mapOf(storedOwn, Array.isArray as (value: unknown) => value is StoredFinding[], absolute);
  const files = mapOf(storedFiles, (value): value is string => typeof value === "string", absolute);
  const cards: LintedProjectSummary["cards"] = [];
  for (const card of storedProject.cards as unknown[]) {
    if (typeof card === "string") cards.push({ file: absolute(card) });
    else if (Array.isArray(card) && card.length === 2 && typeof card[0] === "string" && typeof card[1] === "string") cards.push({ file: absolute(card[0]), companion: card[1] });
    else return undefined;
  }
  if (!own || !files) return undefined;
  const record: RunRecord = { ...rest, project: { ...storedProject, cards }, own, files };
  const edits = readEdits(editsFileOf(file), writeId);
  const read: RunRecord = edits ? withEdits(record, edits) : record;
  if (read.key !== key && (frame === undefined || read.frame !== frame)) return undefined;
  return { ...read, stored: { writeId, edited: edits ? Object.keys(edits.files) : [] } };
}

function editsFileOf(file: string): string {
  return file.replace(/\.json$/, "") + "-edits.json";
}

function readEdits(file: string, base: string): RunEditsFile | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const edits = JSON.parse(readFileSync(file, "utf8")) as RunEditsFile;
    const isValid = edits.version === 1 && edits.base === base && typeof edits.key === "string" && typeof edits.own === "object" && typeof edits.files === "object";
    return isValid ? edits : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Card paths are stored relative to the content folder: that folder, repeated for each card in
 * three places, was a sixth of the record's bytes. A path outside it stays absolute.
 */
function storedPaths(contentDir: string): { relative: (file: string) => string; absolute: (stored: string) => string } {
  const prefix = contentDir.endsWith(path.sep) ? contentDir : contentDir + path.sep;
  return {
    relative: (file) => (file.startsWith(prefix) ? file.slice(prefix.length) : file),
    absolute: (stored) => (path.isAbsolute(stored) ? stored : prefix + stored),
  };
}

/** The map stored as a pair of arrays (keys made absolute), or undefined when the pair is damaged. */
function mapOf<T>(pair: unknown, isValue: (value: unknown) => value is T, absolute: (stored: string) => string): Map<string, T> | undefined {
  if (!Array.isArray(pair) || pair.length !== 2) return undefined;
  const [keys, values] = pair as [unknown, unknown];
  if (!Array.isArray(keys) || !Array.isArray(values) || keys.length !== values.length) return undefined;
  const map = new Map<string, T>();
  for (let i = 0; i < keys.length; i++) {
    const key: unknown = keys[i];
    const value: unknown = values[i];
    if (typeof key !== "string" || !isValue(value)) return undefined;
    map.set(absolute(key), value);
  }
  return map;
}

function pairOf<T>(map: ReadonlyMap<string, T>, relative: (file: string) => string): [string[], T[]] {
  return [[...map.keys()].map(relative), [...map.values()]];
}

/** The record with the edits applied (its maps are the record's own, just read: changed in place). */
function withEdits(record: RunRecord, edits: RunEditsFile): RunRecord {
  for (const [card, findings] of Object.entries(edits.own)) {
    if (findings === null) record.own.delete(card);
    else record.own.set(card, findings);
  }
  for (const [card, value] of Object.entries(edits.files)) record.files.set(card, value);
  return { ...record, key: edits.key };
}

/** The findings of a recorded run, in the order lint reports them. */
export function recordedFindings(record: Pick<RunRecord, "own" | "rest">, replaced?: ReadonlyMap<string, readonly Finding[]>): Finding[] {
  const findings: Finding[] = [];
  // Sorted by file first: only the order of one card's own findings matters (and theirs before the rest's).
  for (const [file, own] of record.own) {
    if (replaced?.has(file)) continue;
    for (const finding of own) findings.push({ ...finding, file });
  }
  for (const fresh of replaced?.values() ?? []) appendAll(findings, fresh);
  appendAll(findings, record.rest);
  return findings.sort(compareFindings);
}

/** The summary of a project for the record: its cards carry their frontmatter, so it records their companions. */
export function summarise(project: Omit<LintedProjectSummary, "cards"> & { cards: readonly { file: string; data: { companion?: string | undefined } }[] }): LintedProjectSummary {
  return {
    configFile: project.configFile,
    contentDir: project.contentDir,
    cards: project.cards.map((c) => (c.data.companion === undefined ? { file: c.file } : { file: c.file, companion: c.data.companion })),
    invalidFiles: project.invalidFiles,
    config: { minTrustScore: project.config.minTrustScore },
  };
}

/** Whether a file entry (as `fileEntry` reads it) records `hash` (which holds no space): checked for every card, without taking the entry apart. */
export function entryHasHash(value: string, hash: string): boolean {
  return value.startsWith(hash) && (value.length === hash.length || value.charCodeAt(hash.length) === 32);
}

/** The hash and the pin of a file of `RunRecord.files`. */
export function fileEntry(value: string): { hash: string; pin: string | undefined } {
  const space = value.indexOf(" ");
  return space < 0 ? { hash: value, pin: undefined } : { hash: value.slice(0, space), pin: value.slice(space + 1) };
}

/** Stores `findings` without their fixes (not replayed) and, for own findings, without the file (the key). */
export function storedFindings(findings: readonly Finding[]): StoredFinding[] {
  return findings.map(({ fix: _fix, file: _file, ...rest }) => rest);
}

/** Writes the whole record (and drops the edits of the one it replaces). */
export function writeRunRecord(file: string, record: RunRecord): void {
  const { stored: _stored, ...kept } = record;
  const { relative } = storedPaths(record.project.contentDir);
  const data: RunCacheFile = {
    version: 5,
    writeId: randomUUID(),
    ...kept,
    project: { ...record.project, cards: record.project.cards.map(({ file, companion }) => (companion === undefined ? relative(file) : [relative(file), companion])) },
    own: pairOf(record.own, relative),
    files: pairOf(record.files, relative),
    rest: record.rest.map(({ fix: _fix, ...rest }) => rest),
  };
  // As ASCII: the record is read on every run, and a one-byte string reads back faster.
  writeCacheFile(file, asciiJson(data));
  // Stale edits name the write replaced, so they would be ignored anyway.
  rmSync(editsFileOf(file), { force: true });
}

/**
 * Writes `record`, a record read back with readRunRecord in which only the entries of the cards
 * `edited` changed (and the key), as edits to the record as stored: a few lines instead of every
 * card's entry. The whole record is written when it was not read back or too many cards were edited.
 */
export function writeRunRecordEdits(file: string, record: RunRecord, edited: Iterable<string>): void {
  const cards = new Set([...(record.stored?.edited ?? []), ...edited]);
  if (!record.stored || cards.size > MAX_EDITS) {
    writeRunRecord(file, record);
    return;
  }
  const edits: RunEditsFile = { version: 1, base: record.stored.writeId, key: record.key, own: {}, files: {} };
  for (const card of cards) {
    edits.own[card] = record.own.get(card) ?? null;
    const entry = record.files.get(card);
    if (entry === undefined) {
      writeRunRecord(file, record);
      return;
    }
    edits.files[card] = entry;
  }
  writeCacheFile(editsFileOf(file), asciiJson(edits));
}
