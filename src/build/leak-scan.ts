/**
 * The leak check: the net behind the public site's wall. It proves, for a built public site, that
 * no file carries the text, the files or a near copy of a card the public site must not have.
 *
 * 1. Text. Every card that is not on the public site yields needles: id, URL, title, description,
 *    tags, aliases, owner handles used by no public card, file name, headings, distinctive body
 *    sentences, code lines, link targets and attachment names. Every file of the public site (any
 *    extension; Pagefind's gzip files decompressed) and every file name is scanned for all of them.
 *    A needle is never given up because a public card's source contains it: a hit is excused only
 *    when the public file is expected to carry that same text from a public card, decided per file
 *    from what the public site renders (a card page carries its own card in full and the titles and
 *    descriptions of the cards it lists; a listing page the titles and descriptions of its cards; the
 *    sitemap and the search index every public card). Only needles shorter than six characters, and
 *    text the site's own templates print on every page, are skipped, each with its reason.
 * 2. Files. Every file of the public site whose content hash equals a file of the content folder that
 *    no public card uses (attachments of internal and draft cards, their card files, anything in an
 *    internal-only folder) is a leak, whatever its name or extension.
 * 3. Near copies. A public page whose main text (as Pagefind extracted it) is a near copy of an
 *    internal card is a warning, unless `leakCheck.allowCopies` lists the pair.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { decodeHTML } from "entities";
import type { Code, Heading, InlineCode, Text } from "mdast";
import { toString } from "mdast-util-to-string";
import { visit } from "unist-util-visit";
import { cardsHiddenFromPublic, isOnSite, siteSelectionOf } from "../core/site/audience.ts";
import { normaliseSitePath, resolveLink, type CardIndex } from "../core/site/links.ts";
import type { Card } from "../core/cards/load.ts";
import type { Project } from "../core/project/project.ts";
import { readCardHistory } from "./card-history.ts";
import { snippetsOf } from "../core/cards/snippets.ts";
import { markdownPath } from "./machine-readable.ts";
import { createPhraseSearch, tokenHashes, type PhraseSearch } from "./phrase-search.ts";
import { APP_ROOT } from "./astro-runner.ts";
import type { CardHistory } from "./card-history.ts";
import { prepareSites, type SiteData } from "./site-data.ts";

export type NeedleKind =
  | "id"
  | "url"
  | "title"
  | "description"
  | "tag"
  | "owner"
  | "alias"
  | "file name"
  | "heading"
  | "body text"
  | "code"
  | "link"
  | "collection";

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

export type LeakFindingType = "text" | "file" | "near copy";

export interface LeakFinding {
  type: LeakFindingType;
  /** Errors fail the check; warnings (near copies) are for a reviewer. */
  severity: "error" | "warning";
  /** File in the scanned folder, relative to it. */
  file: string;
  /** Where it was found: the file's content or its name. */
  where: "content" | "file name";
  /** What leaked: the card (path relative to the project root), collection or content file. */
  leaked: string;
  /** The text that was found (text findings). */
  needle?: Needle;
  /** The public card whose page (or search entry) it is, when the file is a card page. */
  page?: string;
  /** Near copies: the shingle resemblance and containment, 0..1. */
  similarity?: { jaccard: number; containment: number };
  /** One sentence: which card or file leaked, where, and the likely cause. */
  message: string;
}

export interface LeakReport {
  scannedFiles: number;
  needles: Needle[];
  skipped: SkippedNeedle[];
  /** Leaks (text and files): any one fails the check. */
  findings: LeakFinding[];
  /** Near copies not allow-listed: shown to a reviewer, never a failure. */
  warnings: LeakFinding[];
  /** Content files compared by hash. */
  hashedFiles: number;
  /** Milliseconds spent in the scan (files read, searched, hashed, compared). */
  scanMs: number;
}

const MIN_NEEDLE_LENGTH = 6;
const BODY_SENTENCES_PER_CARD = 12;
const MIN_PHRASE_LENGTH = 24;
const CODE_LINES_PER_CARD = 8;
const MIN_CODE_LENGTH = 12;
const HEADINGS_PER_CARD = 24;

/** Near copies: word (CJK: character) 5-shingles, hashed, one in {@link SHINGLE_SAMPLE} kept. */
const SHINGLE_SIZE = 5;
const SHINGLE_SAMPLE = 4;
/** A page is a near copy when its sampled shingles resemble an internal card's this much (Jaccard)… */
export const NEAR_COPY_JACCARD = 0.5;
/** …or hold this share of them (containment: the internal card pasted into a longer page). */
export const NEAR_COPY_CONTAINMENT = 0.8;
/** Internal cards with fewer sampled shingles (about 40 words) are too short to judge. */
const MIN_SAMPLED_SHINGLES = 10;
/** Shingles that this many internal cards share are boilerplate, not evidence. */
const BOILERPLATE_CARDS = 50;

/** What a public output file is expected to carry, from the public site's own data. */
interface Attribution {
  /** Public cards shown in full (a card page: its own card). */
  full: number[];
  /** Public cards shown by title and description (lists, pager, related). */
  summary: number[];
  /** Other public strings of the page: collection and tag names, a redirect's old path. */
  extra: string[];
  /** Keys found in `extra`, computed on first use. */
  extraKeys?: Set<number>;
  /** The file aggregates the whole public site (sitemap, search index, feeds). */
  all?: boolean;
  /** Human description for messages. */
  label: string;
}

/**
 * Everything the scan needs, derived once from the project and the public site's data. It holds
 * no card tree or source, so a build can free the project while Astro runs.
 */
export interface LeakModel {
  needles: Needle[];
  skipped: SkippedNeedle[];
  /** The distinct search keys (normalised needle texts) and, per key, the needles that have it. */
  keys: string[];
  needlesOf: number[][];
  /** Searches the keys. */
  search: PhraseSearch;
  /** Per key: public cards whose full page / summary carries it (sparse). */
  inFull: Map<number, Set<number>>;
  inSummary: Map<number, Set<number>>;
  publicCards: { id: string; relPath: string; url: string }[];
  /** Site path (`/billing/refunds/`) -> what that page carries. */
  pages: Map<string, Attribution>;
  base: string;
  /** Keys the public site's title has: every page prints it. */
  siteTitleKeys: Set<number>;
  /** Size -> sha256 -> the content file (relative path) and the cards that use it. */
  files: Map<number, Map<string, { file: string; usedBy: string[] }>>;
  hashedFiles: number;
  /** Near copies: sampled shingles of each card the public site must not have. */
  hiddenShingles: { source: string; id: string; count: number }[];
  shingleIndex: Map<number, number[]>;
  allowCopies: Set<string>;
}

/**
 * Prepares the public site's data as the build does (with git history: the home page lists the
 * recently changed cards) and derives the model from it.
 */
export async function checkLeaks(project: Project, dir: string): Promise<LeakReport> {
  const data = prepareSites(project, ["public"], { history: await readCardHistory(project) }).get("public")!;
  return scanForLeaks(dir, deriveLeakModel(project, data));
}

/** Needles, page attribution, file hashes and shingles; `publicSite` is the public SiteData. */
export function deriveLeakModel(project: Project, publicSite: SiteData): LeakModel {
  // Expired cards withheld from the public site (expiredPublicCards: withhold) are hidden cards too.
  const selection = siteSelectionOf(project);
  const hidden = cardsHiddenFromPublic(project.cards, selection);
  const publicCardsOfProject = project.cards.filter((card) => isOnSite(card, "public", selection));
  const publicOwners = new Set(publicCardsOfProject.flatMap((card) => [card.data.owner, card.data.verified_by ?? ""]).map((o) => o.toLowerCase()));
  const candidates: Needle[] = [];
  // Addresses every public page prints (support link, feedback endpoint, the site itself) prove nothing.
  const { config } = project;
  const publicAddresses = [config.support?.url, config.feedback?.endpoint, config.sites.public.url].flatMap((a) => (a ? [normaliseForScan(a).replace(/\/$/, "")] : []));
  const isPublicAddress = (url: string) => publicAddresses.some((a) => normaliseForScan(url).replace(/\/$/, "").startsWith(a));
  for (const card of hidden) candidates.push(...cardNeedles(card, project.index, publicOwners, isPublicAddress));
  const publicCollections = new Set(publicSite.collections.map((c) => c.name));
  for (const collection of project.collections) {
    if (publicCollections.has(collection.name)) continue;
    const source = `${project.config.contentDir}/${collection.name}/`;
    candidates.push({ text: collection.title, kind: "collection", source }, { text: `/${collection.name}/`, kind: "collection", source });
    if (collection.description) candidates.push({ text: collection.description, kind: "collection", source });
  }

  candidates.push(...snippetNeedles(project));

  const seen = new Set<string>();
  const usable: Needle[] = [];
  const skipped: SkippedNeedle[] = [];
  for (const needle of candidates) {
    const key = needleKey(needle.text);
    if (seen.has(`${needle.source}\u0000${key}`)) continue;
    seen.add(`${needle.source}\u0000${key}`);
    if (key.length < MIN_NEEDLE_LENGTH) skipped.push({ ...needle, reason: `shorter than ${MIN_NEEDLE_LENGTH} characters` });
    else usable.push(needle);
  }
  const inTemplates = createPhraseSearch(usable.map((n) => needleKey(n.text))).findIn(templateText());
  const needles: Needle[] = [];
  usable.forEach((needle, i) => {
    if (inTemplates.has(i)) skipped.push({ ...needle, reason: "the site's own page templates have it (labels, headings, code)" });
    else needles.push(needle);
  });
  const keyIndex = new Map<string, number>();
  const keys: string[] = [];
  const needlesOf: number[][] = [];
  needles.forEach((needle, i) => {
    const key = needleKey(needle.text);
    let k = keyIndex.get(key);
    if (k === undefined) {
      keyIndex.set(key, (k = keys.length));
      keys.push(key);
      needlesOf.push([]);
    }
    needlesOf[k]!.push(i);
  });
  const search = createPhraseSearch(keys);

  // Which public card carries which needle, in full (its page) or in summary (lists).
  const inFull = new Map<number, Set<number>>();
  const inSummary = new Map<number, Set<number>>();
  const note = (map: Map<number, Set<number>>, found: Set<number>, card: number) => {
    for (const i of found) {
      let set = map.get(i);
      if (!set) map.set(i, (set = new Set()));
      set.add(card);
    }
  };
  publicSite.cards.forEach((card, i) => {
    // A list entry names the card's page and its Markdown copy (llms.txt links the copy).
    const summary = decodeForScan([card.title, card.description ?? "", card.url, markdownPath(card.url), card.lang].join("\n"));
    const full = decodeForScan(
      [
        card.id,
        card.collectionTitle,
        ...card.tags.map((t) => t.name),
        ...card.headings.map((h) => h.text),
        card.html,
        stripTags(card.html),
        card.markdown,
        // Hidden search words of the page: keywords, tags and synonym groups (style-guide/synonyms.yml).
        ...card.searchTerms.strong,
        ...card.searchTerms.weak,
      ].join("\n"),
    );
    const s = search.findIn(summary);
    note(inSummary, s, i);
    note(inFull, s, i);
    note(inFull, search.findIn(full), i);
  });

  const byId = new Map(publicSite.cards.map((card, i) => [card.id, i]));
  const relPathOf = new Map(publicCardsOfProject.map((card) => [card.id, card.relPath]));
  const publicCards = publicSite.cards.map((card) => ({ id: card.id, relPath: relPathOf.get(card.id) ?? card.id, url: card.url }));
  const pages = attributePages(publicSite, byId);

  const { files, hashedFiles } = hashHiddenFiles(project, hidden, publicCardsOfProject, publicSite);
  const { hiddenShingles, shingleIndex } = indexHiddenShingles(hidden);
  const allowCopies = new Set((project.config.leakCheck?.allowCopies ?? []).map(([internal, external]) => `${internal}\u0000${external}`));
  return {
    needles,
    skipped,
    keys,
    needlesOf,
    search,
    inFull,
    inSummary,
    publicCards,
    pages,
    base: publicSite.base,
    siteTitleKeys: search.findIn(normaliseForScan(publicSite.title)),
    files,
    hashedFiles,
    hiddenShingles,
    shingleIndex,
    allowCopies,
  };
}

/** The key a needle is searched by: the scan's normal form, trimmed. */
function needleKey(text: string): string {
  return normaliseForScan(text).trim();
}

function cardNeedles(card: Card, index: CardIndex, publicOwners: ReadonlySet<string>, isPublicAddress: (url: string) => boolean): Needle[] {
  const source = card.relPath;
  const list: Needle[] = [
    { text: card.id, kind: "id", source },
    { text: card.url, kind: "url", source },
    { text: card.data.title, kind: "title", source },
    { text: path.basename(card.file), kind: "file name", source },
    { text: path.basename(card.file).replace(/\.mdx?$/i, ""), kind: "file name", source },
  ];
  // An owner handle that also owns public cards is not internal-only: the public site could name it.
  for (const owner of [card.data.owner, card.data.verified_by]) {
    if (owner && !publicOwners.has(owner.toLowerCase())) list.push({ text: owner, kind: "owner", source });
  }
  if (card.data.description) list.push({ text: card.data.description, kind: "description", source });
  for (const tag of card.data.tags ?? []) list.push({ text: tag, kind: "tag", source });
  for (const alias of card.data.aliases ?? []) list.push({ text: normaliseSitePath(alias), kind: "alias", source });
  for (const link of card.links) {
    const target = resolveLink(card, link.url, index);
    if (target.kind === "asset") list.push({ text: path.basename(target.file), kind: "file name", source });
    // Absolute URLs only: a site path such as /search/ is a page every site has.
    else if (target.kind === "external" && /^([a-z][a-z0-9+.-]*:|\/\/)/i.test(link.url) && !isPublicAddress(link.url)) list.push({ text: link.url, kind: "link", source });
  }
  let headings = 0;
  let codeLines = 0;
  const sentences = new Set<string>();
  visit(card.tree, (node) => {
    if (node.type === "heading" && headings < HEADINGS_PER_CARD) {
      headings++;
      list.push({ text: toString(node as Heading), kind: "heading", source });
    } else if (node.type === "code" || node.type === "inlineCode") {
      const value = (node as Code | InlineCode).value;
      for (const line of value.split("\n")) {
        const text = line.trim();
        if (text.length >= MIN_CODE_LENGTH && codeLines < CODE_LINES_PER_CARD) {
          codeLines++;
          list.push({ text, kind: "code", source });
        }
      }
    } else if (node.type === "text") addSentences((node as Text).value, sentences);
  });
  // The longest sentences are the most distinctive; sentences, not paragraphs, so inline markup
  // that splits a paragraph on the page does not hide them.
  for (const text of [...sentences].sort((a, b) => b.length - a.length).slice(0, BODY_SENTENCES_PER_CARD)) list.push({ text, kind: "body text", source });
  return list;
}

/** Sentences of a text long enough to be distinctive (sentences, not paragraphs: inline markup splits paragraphs on the page). */
function addSentences(value: string, into: Set<string>): void {
  for (const sentence of value.replace(/\s+/g, " ").split(/(?<=[.!?])\s+|(?<=[。！？])/u)) {
    const text = sentence.trim();
    if (text.length >= MIN_PHRASE_LENGTH) into.add(text);
  }
}

/** Internal snippets (content/_snippets/, see src/core/cards/snippets.ts): their headings and longest sentences. */
function snippetNeedles(project: Project): Needle[] {
  const list: Needle[] = [];
  for (const snippet of snippetsOf(project.contentDir, project.index).values()) {
    if (snippet.audience === "external") continue;
    const source = path.relative(project.root, snippet.file).split(path.sep).join("/");
    const sentences = new Set<string>();
    visit(snippet.tree, (node) => {
      if (node.type === "heading") list.push({ text: toString(node as Heading), kind: "heading", source });
      else if (node.type === "text") addSentences((node as Text).value, sentences);
    });
    for (const text of [...sentences].sort((a, b) => b.length - a.length).slice(0, BODY_SENTENCES_PER_CARD)) list.push({ text, kind: "body text", source });
  }
  return list;
}

/** Text the site's own templates print (header, footer, labels): not evidence of a leak. */
let templateCache: string | undefined;
function templateText(): string {
  if (templateCache !== undefined) return templateCache;
  const parts: string[] = [];
  for (const folder of ["src/components", "src/layouts", "src/pages", "src/routes"]) {
    const dir = path.join(APP_ROOT, folder);
    try {
      for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
        if (entry.isFile() && /\.(astro|ts)$/.test(entry.name)) parts.push(readFileSync(path.join(entry.parentPath, entry.name), "utf8"));
      }
    } catch {
      // Without templates nothing is skipped for them: stricter, never blinder.
    }
  }
  templateCache = normaliseForScan(parts.join("\n"));
  return templateCache;
}

/**
 * What each page of the public site carries, from its data (the same data the pages render):
 * the card pages, collection, tag and redirect pages. Files not listed here carry no card text.
 */
function attributePages(site: SiteData, byId: ReadonlyMap<string, number>): Map<string, Attribution> {
  const pages = new Map<string, Attribution>();
  const ids = (list: readonly (string | undefined)[]) => list.flatMap((id) => (id !== undefined && byId.has(id) ? [byId.get(id)!] : []));
  pages.set("/", {
    full: [],
    summary: ids([...site.home.featured, ...site.home.recent, ...site.home.needsReview]),
    extra: site.collections.flatMap((c) => [c.title, c.description ?? ""]),
    label: "the home page",
  });
  // A language's home page (`/ko/`) lists the collections and their cards in that language.
  for (const [lang, home] of Object.entries(site.languageHomes ?? {})) {
    if (home === "/") continue;
    pages.set(home, {
      full: [],
      summary: ids([...site.home.featured, ...site.home.recent, ...site.collections.flatMap((c) => c.localized[lang] ?? c.cardIds)]),
      extra: site.collections.flatMap((c) => [c.title, c.description ?? ""]),
      label: `the ${lang} home page`,
    });
  }
  for (const collection of site.collections) {
    pages.set(collection.url, { full: [], summary: ids(collection.cardIds), extra: [collection.title, collection.description ?? ""], label: `the collection page of ${collection.name}` });
  }
  pages.set("/search/", { full: [], summary: ids(site.home.popular), extra: site.collections.map((c) => c.title), label: "the search page" });
  pages.set("/tags/", { full: [], summary: [], extra: site.tags.map((t) => t.name), label: "the tag list" });
  for (const tag of site.tags) pages.set(tag.url, { full: [], summary: ids(tag.cardIds), extra: [tag.name], label: `the tag page "${tag.name}"` });
  for (const card of site.cards) {
    pages.set(card.url, {
      full: ids([card.id]),
      summary: ids([card.prev, card.next, ...card.related]),
      extra: [card.collectionTitle],
      label: `the page of public card ${card.id}`,
    });
  }
  for (const redirect of site.redirects) {
    const target = site.cards.find((card) => card.url === redirect.to);
    pages.set(redirect.from, { full: [], summary: ids([target?.id]), extra: [redirect.from, redirect.title], label: `the redirect page ${redirect.from}` });
  }
  return pages;
}

/** Attribution of one output file, by its path relative to the site folder. */
function attributeFile(model: LeakModel, rel: string, text: string): Attribution {
  const none: Attribution = { full: [], summary: [], extra: [], label: "" };
  if (rel === "sitemap.xml" || rel === "robots.txt" || /\.(xml|rss|atom)$/i.test(rel) || rel === "llms.txt" || rel === "llms-full.txt") {
    return { ...none, all: true, label: "a file listing the whole public site" };
  }
  if (rel.startsWith("pagefind/fragment/")) {
    // A fragment is one page's search entry: it carries what that page carries.
    const url = /"url":"((?:[^"\\]|\\.)*)"/.exec(text)?.[1];
    const page = url === undefined ? undefined : model.pages.get(stripBase(model.base, url.replace(/\\\//g, "/")));
    return page ? { ...page, label: `the search entry of ${page.label.replace(/^the /, "")}` } : { ...none, label: "a search entry of no public page" };
  }
  if (rel.startsWith("pagefind/")) return { ...none, all: true, label: "the search index" };
  if (rel.startsWith("search-data/")) return { ...none, all: true, label: "the search vocabulary" };
  if (rel.startsWith("_files/")) return { ...none, all: true, label: "an attachment of public cards" };
  if (/(^|\/)index\.html$/.test(rel)) {
    const page = model.pages.get(`/${rel.replace(/(^|\/)index\.html$/, "/")}`.replace(/^\/\/$/, "/"));
    if (page) return page;
  }
  if (/\.md$/i.test(rel)) {
    const page = model.pages.get(normaliseSitePath(`/${rel.replace(/(\/index)?\.md$/i, "/")}`));
    if (page) return { ...page, label: `the Markdown copy of ${page.label.replace(/^the /, "")}` };
  }
  return { ...none, label: "a file of no public card" };
}

function stripBase(base: string, url: string): string {
  const prefix = base.replace(/\/$/, "");
  const p = prefix && url.startsWith(prefix) ? url.slice(prefix.length) : url;
  return normaliseSitePath(p.split("#")[0]!.split("?")[0]!);
}

function isExcused(model: LeakModel, needleIndex: number, attribution: Attribution): boolean {
  if (model.siteTitleKeys.has(needleIndex)) return true;
  if (attribution.all && (model.inFull.has(needleIndex) || model.inSummary.has(needleIndex))) return true;
  const full = model.inFull.get(needleIndex);
  if (full && attribution.full.some((c) => full.has(c))) return true;
  const summary = model.inSummary.get(needleIndex);
  if (summary && attribution.summary.some((c) => summary.has(c))) return true;
  attribution.extraKeys ??= model.search.findIn(normaliseForScan(attribution.extra.join("\n")));
  return attribution.extraKeys.has(needleIndex);
}

/** Scans every file under `dir` (contents, names, hashes, main text) against the model. */
export function scanForLeaks(dir: string, model: LeakModel): LeakReport {
  const scan = createScan(dir, model);
  for (const file of scan.files) scan.scanFile(file);
  return scan.finish();
}

/** The same scan, yielding to the event loop between files so a running build's output keeps flowing. */
export async function scanForLeaksAsync(dir: string, model: LeakModel): Promise<LeakReport> {
  const scan = createScan(dir, model);
  for (let i = 0; i < scan.files.length; i++) {
    scan.scanFile(scan.files[i]!);
    if (i % 200 === 199) await new Promise((resolve) => setImmediate(resolve));
  }
  return scan.finish();
}

function createScan(dir: string, model: LeakModel) {
  const started = performance.now();
  const findings: LeakFinding[] = [];
  const warnings: LeakFinding[] = [];
  const files = listFiles(dir);
  const report = (rel: string, where: LeakFinding["where"], k: number, attribution: Attribution) => {
    // One finding per text and file; the same text of other cards is named by count.
    const owners = model.needlesOf[k]!;
    const needle = model.needles[owners[0]!]!;
    const others = owners.length > 1 ? ` (and ${owners.length - 1} other ${owners.length === 2 ? "card" : "cards"} with the same text)` : "";
    const page = attribution.full.length === 1 ? model.publicCards[attribution.full[0]!] : undefined;
    findings.push({
      type: "text",
      severity: "error",
      file: rel,
      where,
      leaked: needle.source,
      needle,
      page: page?.relPath,
      message: `${describeSource(needle)}'s ${needle.kind} "${truncate(needle.text)}"${others} found in ${where === "file name" ? "the file name of " : ""}${rel} (${attribution.label}) — likely cause: ${textCause(needle, where, attribution, page?.relPath)}`,
    });
  };
  const scanFile = (file: string) => {
    const rel = path.relative(dir, file).split(path.sep).join("/");
    const bytes = readFileSync(file);
    const content = decodeScannable(bytes);
    const attribution = attributeFile(model, rel, content.text);
    const name = decodeForScan(`/${rel}`);
    for (const i of model.search.findIn(name)) {
      if (!isExcused(model, i, attribution)) report(rel, "file name", i, attribution);
    }
    const siteCode = isSiteCode(rel);
    for (const i of model.search.findIn(decodeForScan(content.text))) {
      // Minified code and styles are full of single words (`summary`, `details`): only phrases count there.
      if (siteCode && model.search.tokenCount(i) === 1) continue;
      if (!isExcused(model, i, attribution)) report(rel, "content", i, attribution);
    }
    for (const candidate of content.gunzipped ? [bytes, content.gunzipped] : [bytes]) {
      const match = model.files.get(candidate.length)?.get(sha256(candidate));
      if (match) {
        findings.push({
          type: "file",
          severity: "error",
          file: rel,
          where: "content",
          leaked: match.file,
          message: `${match.file} (${match.usedBy.length > 0 ? `used only by ${match.usedBy.slice(0, 3).join(", ")}${match.usedBy.length > 3 ? ", …" : ""}` : "used by no public card"}) is in the public site as ${rel}${candidate === bytes ? "" : " (compressed)"} — likely cause: an external card links or embeds it, or it was copied into the site under another name`,
        });
        break;
      }
    }
    if (rel.startsWith("pagefind/fragment/")) {
      for (const warning of nearCopies(model, rel, content.text, attribution)) warnings.push(warning);
    }
  };
  const finish = (): LeakReport => ({
    scannedFiles: files.length,
    needles: model.needles,
    skipped: model.skipped,
    findings,
    warnings,
    hashedFiles: model.hashedFiles,
    scanMs: performance.now() - started,
  });
  return { files, scanFile, finish };
}

/** The site's own scripts, styles and Pagefind's program files (not its index or fragments). */
function isSiteCode(rel: string): boolean {
  return /\.(m?js|css|wasm|map)$/i.test(rel) || /^pagefind\/wasm\./.test(rel);
}

function describeSource(needle: Needle): string {
  return needle.kind === "collection" ? `internal-only collection ${needle.source}` : `internal card ${needle.source}`;
}

function textCause(needle: Needle, where: LeakFinding["where"], attribution: Attribution, page: string | undefined): string {
  if (where === "file name") return "a page or file of the internal card was built into the public site (a moved card, an alias, or a file an external card links)";
  if (page) return `the text was copied into external card ${page}, or a link, asset or include pulled it into that page`;
  if (attribution.all) return "a public card, tag or collection carries the text into the whole-site files (sitemap, search index), or an internal page was indexed";
  if (attribution.summary.length > 0 || attribution.extra.length > 0) return "a public card's title, description or tag, or the collection, repeats the internal text";
  return "a file that is no public card's page carries it: Astro's public/ folder, a previous build in the output folder, site configuration (support label, titles) or a template";
}

/** File text; gzip files (Pagefind's index, fragments and metadata) are decompressed first. */
export function readScannable(file: string): string {
  return decodeScannable(readFileSync(file)).text;
}

function decodeScannable(bytes: Buffer): { text: string; gunzipped?: Buffer } {
  if (bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      const gunzipped = gunzipSync(bytes);
      return { text: gunzipped.toString("utf8").replace(/^pagefind_dcd/, ""), gunzipped };
    } catch {
      return { text: bytes.toString("utf8") };
    }
  }
  return { text: bytes.toString("utf8") };
}

/**
 * A file's text with what hides words decoded: HTML entities, JSON escapes and URL escapes. The
 * phrase search ignores case, punctuation and spacing itself, so this is all a file needs.
 */
export function decodeForScan(text: string): string {
  let out = text;
  if (out.includes("%")) {
    out = out.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
  if (out.includes("\\")) {
    out = out
      .replace(/\\u([0-9a-f]{4})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
      .replace(/\\(["\\/])/g, "$1")
      .replace(/\\[nrt]/g, " ");
  }
  if (out.includes("&")) out = decodeHTML(out);
  return out;
}

/** One spelling for comparing needles and short texts: decoded, lowercase, whitespace collapsed. */
export function normaliseForScan(text: string): string {
  return decodeForScan(text).toLowerCase().replace(/\s+/g, " ");
}

/** Text of rendered card HTML without tags, as the search index holds it. */
function stripTags(html: string): string {
  return html.replace(/<[^>]*>/g, "");
}

function listFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) files.push(path.join(entry.parentPath, entry.name));
  }
  return files.sort();
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Hashes of every file in the content folder that no public card uses: attachments of internal
 * and draft cards, their card files, files of internal-only folders, unused files. Bytes a public
 * card uses too (the same logo twice) are left out: the public site may carry them.
 */
function hashHiddenFiles(project: Project, hidden: readonly Card[], publicCards: readonly Card[], site: SiteData) {
  const publicFiles = new Set([...site.assets.map((a) => path.resolve(a.file)), ...publicCards.map((c) => path.resolve(c.file))]);
  const usedBy = new Map<string, string[]>();
  for (const card of hidden) {
    usedBy.set(path.resolve(card.file), [card.relPath]);
    for (const link of card.links) {
      const target = resolveLink(card, link.url, project.index);
      if (target.kind !== "asset") continue;
      const file = path.resolve(target.file);
      usedBy.set(file, [...(usedBy.get(file) ?? []), card.relPath]);
    }
  }
  const candidates = new Set(usedBy.keys());
  try {
    for (const entry of readdirSync(project.contentDir, { withFileTypes: true, recursive: true })) {
      if (entry.isFile()) candidates.add(path.resolve(entry.parentPath, entry.name));
    }
  } catch {
    // No content folder: nothing to hash beyond the cards' own files.
  }
  const publicHashes = new Set<string>();
  for (const file of publicFiles) {
    const bytes = readIfFile(file);
    if (bytes) publicHashes.add(sha256(bytes));
  }
  const files = new Map<number, Map<string, { file: string; usedBy: string[] }>>();
  let hashedFiles = 0;
  for (const file of candidates) {
    if (publicFiles.has(file)) continue;
    const bytes = readIfFile(file);
    if (!bytes || bytes.length === 0) continue;
    const hash = sha256(bytes);
    hashedFiles++;
    if (publicHashes.has(hash)) continue;
    let bySize = files.get(bytes.length);
    if (!bySize) files.set(bytes.length, (bySize = new Map()));
    if (!bySize.has(hash)) bySize.set(hash, { file: path.relative(project.root, file).split(path.sep).join("/"), usedBy: [...new Set(usedBy.get(file) ?? [])] });
  }
  return { files, hashedFiles };
}

function readIfFile(file: string): Buffer | undefined {
  try {
    return statSync(file).isFile() ? readFileSync(file) : undefined;
  } catch {
    return undefined;
  }
}

// ---- Near copies ----------------------------------------------------------------------------

/**
 * Sampled shingle hashes of a text: words, {@link SHINGLE_SIZE} at a time, case-insensitive; Han,
 * Kana and Hangul are compared character by character (the phrase search's tokens).
 */
export function shingles(text: string): Set<number> {
  const hashes = tokenHashes(text);
  const out = new Set<number>();
  for (let i = 0; i + SHINGLE_SIZE <= hashes.length; i++) {
    let h = 0x811c9dc5;
    for (let k = 0; k < SHINGLE_SIZE; k++) h = Math.imul(h ^ hashes[i + k]!, 0x01000193);
    h >>>= 0;
    // Broder's mod-m sampling: keeping the shingles whose hash is 0 mod m estimates Jaccard unbiased.
    if (h % SHINGLE_SAMPLE === 0) out.add(h);
  }
  return out;
}

function indexHiddenShingles(hidden: readonly Card[]) {
  const hiddenShingles: LeakModel["hiddenShingles"] = [];
  const shingleIndex = new Map<number, number[]>();
  for (const card of hidden) {
    const set = shingles(`${card.data.title}\n${toString(card.tree)}`);
    const index = hiddenShingles.length;
    hiddenShingles.push({ source: card.relPath, id: card.id, count: set.size });
    for (const h of set) {
      const list = shingleIndex.get(h);
      if (list) list.push(index);
      else shingleIndex.set(h, [index]);
    }
  }
  return { hiddenShingles, shingleIndex };
}

function nearCopies(model: LeakModel, rel: string, fragmentJson: string, attribution: Attribution): LeakFinding[] {
  let content: string;
  try {
    const parsed = JSON.parse(fragmentJson) as { content?: unknown; meta?: { title?: unknown } };
    content = `${typeof parsed.meta?.title === "string" ? parsed.meta.title : ""}\n${typeof parsed.content === "string" ? parsed.content : ""}`;
  } catch {
    return [];
  }
  const page = shingles(content);
  const shared = new Map<number, number>();
  let pageCount = 0;
  for (const h of page) {
    const list = model.shingleIndex.get(h);
    if (list && list.length >= BOILERPLATE_CARDS) continue;
    pageCount++;
    if (list) for (const c of list) shared.set(c, (shared.get(c) ?? 0) + 1);
  }
  const publicCard = attribution.full.length === 1 ? model.publicCards[attribution.full[0]!] : undefined;
  const out: LeakFinding[] = [];
  for (const [c, count] of shared) {
    const hidden = model.hiddenShingles[c]!;
    if (hidden.count < MIN_SAMPLED_SHINGLES) continue;
    const jaccard = count / (hidden.count + pageCount - count);
    const containment = count / hidden.count;
    if (jaccard < NEAR_COPY_JACCARD && containment < NEAR_COPY_CONTAINMENT) continue;
    if (publicCard && model.allowCopies.has(`${hidden.id}\u0000${publicCard.id}`)) continue;
    const where = publicCard ? `public card ${publicCard.relPath} (${rel})` : rel;
    out.push({
      type: "near copy",
      severity: "warning",
      file: rel,
      where: "content",
      leaked: hidden.source,
      page: publicCard?.relPath,
      similarity: { jaccard: round(jaccard), containment: round(containment) },
      message: `${where} is a near copy of internal card ${hidden.source} (resemblance ${percent(jaccard)}, ${percent(containment)} of the internal card) — likely cause: the internal text was pasted into an external card; if that is intended, add [${hidden.id}, ${publicCard?.id ?? "<public card id>"}] to leakCheck.allowCopies in verity.config.yml`,
    });
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}

function truncate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** Findings as lines for people: one per finding, at most `limit`. */
export function formatLeakFindings(findings: readonly LeakFinding[], limit = 50): string {
  const lines = findings.slice(0, limit).map((f) => `  ${f.message}`);
  if (findings.length > limit) lines.push(`  … and ${findings.length - limit} more`);
  return lines.join("\n");
}
