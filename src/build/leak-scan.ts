/**
 * The leak check: every card that is not on the public site yields needles (id, URL, title,
 * description, tags, owner, aliases, file name and distinctive body text); every file of a built
 * public site (HTML, JS, CSS, JSON, XML, text, the decompressed Pagefind index and fragments) and
 * every file name is scanned for them. A needle that also occurs in public content is skipped and
 * reported, since finding it would prove nothing.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import type { Text } from "mdast";
import { visit } from "unist-util-visit";
import { cardsHiddenFromPublic, isOnSite, siteSelectionOf } from "../core/audience.ts";
import { normaliseSitePath, resolveLink, type CardIndex } from "../core/links.ts";
import type { Card } from "../core/load-cards.ts";
import type { Project } from "../core/project.ts";
import { headersFile } from "../core/site/csp.ts";
import { createMultiSearch } from "./multi-search.ts";

export type NeedleKind = "id" | "url" | "title" | "description" | "tag" | "owner" | "alias" | "file name" | "body text" | "collection";

export interface Needle {
  /** The text as written in the card. */
  text: string;
  kind: NeedleKind;
  /** The card (path relative to the project root) or collection it comes from. */
  source: string;
}

export interface SkippedNeedle extends Needle {
  reason: string;
}

export interface LeakHit {
  /** File in the scanned folder, relative to it. */
  file: string;
  needle: Needle;
  /** Where it was found: the file's content or its name. */
  where: "content" | "file name";
}

export interface LeakReport {
  scannedFiles: number;
  needles: Needle[];
  skipped: SkippedNeedle[];
  hits: LeakHit[];
}

const MIN_NEEDLE_LENGTH = 6;
const BODY_PHRASES_PER_CARD = 6;
const MIN_PHRASE_LENGTH = 24;

/** Needles of every card the public site must not have, minus those shared with public content. */
export function deriveNeedles(project: Project): { needles: Needle[]; skipped: SkippedNeedle[] } {
  const selection = siteSelectionOf(project);
  const hidden = cardsHiddenFromPublic(project.cards, selection);
  const candidates: Needle[] = [];
  for (const card of hidden) candidates.push(...cardNeedles(card, project.index));
  const publicCards = project.cards.filter((card) => isOnSite(card, "public", selection));
  const publicCollections = new Set(publicCards.map((card) => card.collection));
  for (const collection of project.collections) {
    if (publicCollections.has(collection.name)) continue;
    const source = `${project.config.contentDir}/${collection.name}/`;
    candidates.push({ text: collection.title, kind: "collection", source }, { text: `/${collection.name}/`, kind: "collection", source });
    if (collection.description) candidates.push({ text: collection.description, kind: "collection", source });
  }

  const publicText = [
    project.config.sites.public.title,
    // Every public page carries the security headers (meta and _headers): site text, not card text.
    headersFile({ embeds: project.config.sites.public.embeds, feedbackEndpoint: project.config.feedback?.endpoint }),
    ...project.collections.filter((c) => publicCollections.has(c.name)).flatMap((c) => [c.name, c.title, c.description ?? ""]),
    // A public card's `companion:` line names its internal notes; it is never published, so it must
    // not make the internal card's id count as public text.
    ...publicCards.flatMap((card) => [card.source.replace(/^companion[ \t]*:.*$/m, ""), card.url, card.id, card.relPath, ...(card.data.aliases ?? [])]),
  ].map(normaliseForScan);
  const seen = new Set<string>();
  const usable: Needle[] = [];
  const skipped: SkippedNeedle[] = [];
  for (const needle of candidates) {
    const key = normaliseForScan(needle.text).trim();
    if (seen.has(`${needle.source}\u0000${key}`)) continue;
    seen.add(`${needle.source}\u0000${key}`);
    if (key.length < MIN_NEEDLE_LENGTH) skipped.push({ ...needle, reason: `shorter than ${MIN_NEEDLE_LENGTH} characters` });
    else usable.push(needle);
  }
  const search = createMultiSearch(usable.map((n) => normaliseForScan(n.text).trim()));
  const shared = new Set<number>();
  for (const text of publicText) for (const i of search.findIn(text)) shared.add(i);
  const needles: Needle[] = [];
  usable.forEach((needle, i) => {
    if (shared.has(i)) skipped.push({ ...needle, reason: "also appears in public content" });
    else needles.push(needle);
  });
  return { needles, skipped };
}

function cardNeedles(card: Card, index: CardIndex): Needle[] {
  const source = card.relPath;
  const list: Needle[] = [
    { text: card.id, kind: "id", source },
    { text: card.url, kind: "url", source },
    { text: card.data.title, kind: "title", source },
    { text: path.basename(card.file).replace(/\.mdx?$/i, ""), kind: "file name", source },
    { text: card.data.owner, kind: "owner", source },
  ];
  if (card.data.description) list.push({ text: card.data.description, kind: "description", source });
  for (const tag of card.data.tags ?? []) list.push({ text: tag, kind: "tag", source });
  for (const alias of card.data.aliases ?? []) list.push({ text: normaliseSitePath(alias), kind: "alias", source });
  if (card.data.verified_by) list.push({ text: card.data.verified_by, kind: "owner", source });
  for (const link of card.links) {
    const target = resolveLink(card, link.url, index);
    if (target.kind === "asset") list.push({ text: path.basename(target.file), kind: "file name", source });
  }
  for (const phrase of bodyPhrases(card)) list.push({ text: phrase, kind: "body text", source });
  return list;
}

/**
 * The longest sentences of plain text in the body: they appear verbatim in HTML and in search
 * fragments. Sentences, not whole paragraphs, so that a paragraph built from sentences that
 * public cards also use is not mistaken for a leak when the page text runs them together.
 */
function bodyPhrases(card: Card): string[] {
  const sentences = new Set<string>();
  visit(card.tree, "text", (node: Text) => {
    for (const sentence of node.value.replace(/\s+/g, " ").split(/(?<=[.!?])\s+|(?<=[。！？])/u)) {
      const text = sentence.trim();
      if (text.length >= MIN_PHRASE_LENGTH) sentences.add(text);
    }
  });
  return [...sentences].sort((a, b) => b.length - a.length).slice(0, BODY_PHRASES_PER_CARD);
}

/** Scans every file under `dir` (contents and names) for the needles. */
export function scanForLeaks(dir: string, needles: readonly Needle[]): { hits: LeakHit[]; scannedFiles: number } {
  const scan = createScan(dir, needles);
  for (const file of scan.files) scan.scanFile(file);
  return { hits: scan.hits, scannedFiles: scan.files.length };
}

/** The same scan, yielding to the event loop between files so a running build's output keeps flowing. */
export async function scanForLeaksAsync(dir: string, needles: readonly Needle[]): Promise<{ hits: LeakHit[]; scannedFiles: number }> {
  const scan = createScan(dir, needles);
  for (let i = 0; i < scan.files.length; i++) {
    scan.scanFile(scan.files[i]!);
    if (i % 200 === 199) await new Promise((resolve) => setImmediate(resolve));
  }
  return { hits: scan.hits, scannedFiles: scan.files.length };
}

function createScan(dir: string, needles: readonly Needle[]) {
  const search = createMultiSearch(needles.map((n) => normaliseForScan(n.text).trim()));
  const hits: LeakHit[] = [];
  const files = listFiles(dir);
  const scanFile = (file: string) => {
    const rel = path.relative(dir, file).split(path.sep).join("/");
    for (const i of search.findIn(normaliseForScan(`/${rel}`))) hits.push({ file: rel, needle: needles[i]!, where: "file name" });
    for (const i of search.findIn(normaliseForScan(readScannable(file)))) hits.push({ file: rel, needle: needles[i]!, where: "content" });
  };
  return { files, hits, scanFile };
}

export function checkLeaks(project: Project, dir: string): LeakReport {
  const { needles, skipped } = deriveNeedles(project);
  const { hits, scannedFiles } = scanForLeaks(dir, needles);
  return { scannedFiles, needles, skipped, hits };
}

/** File text; gzip files (Pagefind's index, fragments and metadata) are decompressed first. */
export function readScannable(file: string): string {
  const bytes = readFileSync(file);
  if (bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      return gunzipSync(bytes).toString("utf8").replace(/^pagefind_dcd/, "");
    } catch {
      return bytes.toString("utf8");
    }
  }
  return bytes.toString("utf8");
}

/**
 * One spelling for comparing: lowercase, HTML entities, JSON and URL escapes decoded, whitespace
 * collapsed. Applied to needles and files alike.
 */
export function normaliseForScan(text: string): string {
  let out = text.toLowerCase();
  if (out.includes("%")) {
    out = out.replace(/(?:%[0-9a-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
  if (out.includes("\\")) {
    out = out
      .replace(/\\u([0-9a-f]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
      .replace(/\\(["\\/])/g, "$1")
      .replace(/\\[nrt]/g, " ");
  }
  if (out.includes("&")) out = out.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/g, (_, entity: string) => decodeEntity(entity));
  return out.replace(/\s+/g, " ");
}

function decodeEntity(entity: string): string {
  if (entity.startsWith("#x")) return String.fromCodePoint(parseInt(entity.slice(2), 16));
  if (entity.startsWith("#")) return String.fromCodePoint(Number(entity.slice(1)));
  return ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " } as Record<string, string>)[entity] ?? "";
}

function listFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) files.push(path.join(entry.parentPath, entry.name));
  }
  return files.sort();
}
