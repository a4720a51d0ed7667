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
 *    from the project, never from what the build rendered (leak-excuses.ts: a card page carries what
 *    its author wrote, less links to what the help center lacks, and the titles and
 *    descriptions of the cards it lists; a listing page the titles and descriptions of its cards; the
 *    sitemap and the search index every public card). Only needles shorter than six characters, and
 *    text the site's own templates print on every page, are skipped, each with its reason.
 * 2. Files. Every file of the public site whose content hash equals a file of the content folder that
 *    no public card uses (attachments of internal and draft cards, their card files, anything in an
 *    internal-only folder) is a leak, whatever its name or extension.
 * 3. Near copies. A public page whose main text (as Pagefind extracted it) is a near copy of an
 *    internal card is a warning, unless `leakCheck.allowCopies` lists the pair.
 */
import { readdirSync, readFileSync, readlinkSync, statSync } from "node:fs";
import path from "node:path";
import { cardsHiddenFromPublic, isOnSite, siteSelectionOf } from "../core/site/audience.ts";
import { siteDescription, siteTitle } from "../core/cards/collections.ts";
import type { Project } from "../core/project/project.ts";
import { readCardHistory } from "./card-history.ts";
import { createPhraseSearch, type PhraseSearch } from "./phrase-search.ts";
import { prepareSites, siteSettings, type SiteData } from "./site-data.ts";
import { loadLocales } from "./locales.ts";
import { normaliseWord } from "../core/site/word-case.ts";
import { decodeForScan, decodeScannable, normaliseForScan, readerText, withPhraseBreaks } from "./scan-text.ts";
import { hashHiddenFiles, sha256 } from "./hidden-files.ts";
import { PIECE_BYTES, pieceOverlap, scanInPieces } from "./scan-pieces.ts";
import { indexHiddenShingles, nearCopies } from "./near-copies.ts";
import { cardNeedles, needleKey, scriptText, searchDataSynonyms, snippetNeedles, synonymExcuses, templateText } from "./leak-needles.ts";
import { publicCardExcuses, publicTruth } from "./leak-excuses.ts";
import { attributeFile, attributePages, type Attribution } from "./page-attribution.ts";
import { appendAll } from "../core/arrays.ts";

export type NeedleKind =
  | "id" | "url" | "title" | "description" | "tag" | "owner" | "alias"
  | "file name" | "heading" | "body text" | "code" | "link" | "collection" | "collection description";

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
  /** Size -> sha256 -> the content file (relative path) and the cards that use it. */
  files: Map<number, Map<string, { file: string; usedBy: string[] }>>;
  hashedFiles: number;
  /** Near copies: sampled shingles of each card the public site must not have. */
  hiddenShingles: { source: string; id: string; count: number }[];
  shingleIndex: Map<number, number[]>;
  allowCopies: Set<string>;
  /** Keys the site's own scripts have (a search hint, `log out` among its phrasal verbs): no evidence in its code files. */
  inScripts: Set<number>;
  /** Keys the search data's synonym words excuse there (synonymExcuses): aliases, and the glossary's words in other languages. */
  aliasExcuses: Set<number>;
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
  // Addresses every public page prints (the site itself, support link, feedback endpoint) prove nothing. Of links, one into
  // the public site is no needle; one under the support or feedback address (`/support/admin/...`) is.
  const { config } = project;
  const publicAddresses = [config.sites.public.url, config.support?.url, config.feedback?.endpoint].flatMap((a) => (a ? [normaliseForScan(a).replace(/\/$/, "")] : []));
  const isPublicAddress = (url: string) => config.sites.public.url !== undefined && normaliseForScan(url).replace(/\/$/, "").startsWith(publicAddresses[0]!);
  for (const card of hidden) appendAll(candidates, cardNeedles(card, project.index, publicOwners, isPublicAddress));
  const publicCollections = new Set(publicSite.collections.map((c) => c.name));
  for (const collection of project.collections) {
    const source = `${project.config.contentDir}/${collection.name}/`;
    if (publicCollections.has(collection.name)) {
      // A collection with public cards whose wording is for agents (see siteTitle): that wording must not show.
      if (siteTitle(collection, "public") !== collection.title) candidates.push({ text: collection.title, kind: "collection", source });
      if (collection.description && siteDescription(collection, "public") !== collection.description) candidates.push({ text: collection.description, kind: "collection description", source });
      continue;
    }
    candidates.push({ text: collection.title, kind: "collection", source }, { text: `/${collection.name}/`, kind: "collection", source });
    // Its own kind: a synonym may share a collection's short name (leak-needles.ts), never its description.
    if (collection.description) candidates.push({ text: collection.description, kind: "collection description", source });
  }

  appendAll(candidates, snippetNeedles(project));

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
  // The addresses every page prints are the site's own text too: an internal link to the company's site (`https://acme.test`) is the start of its support address.
  // What the templates print is read from the configuration and the interface text, not from the site's data: a title the build got wrong is no excuse.
  const templateSite = {
    ...siteSettings(config, "public"),
    title: config.sites.public.title,
    messages: loadLocales(),
    languages: [...new Set([config.lang, ...publicCardsOfProject.map((card) => card.lang)])],
  };
  const inTemplates = createPhraseSearch(usable.map((n) => needleKey(n.text))).findIn(`${templateText(templateSite)}\n${publicAddresses.join("\n")}`);
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

  // Which public card carries which needle, in full (its page) or in summary (lists): from the project, not the rendering.
  const truth = publicTruth(project);
  const { inFull, inSummary } = publicCardExcuses(project, publicSite, truth, { search, needles, needlesOf });
  const byId = new Map(publicSite.cards.map((card, i) => [card.id, i]));
  const relPathOf = new Map(publicCardsOfProject.map((card) => [card.id, card.relPath]));
  const publicCards = publicSite.cards.map((card) => ({ id: card.id, relPath: relPathOf.get(card.id) ?? card.id, url: card.url }));
  const pages = attributePages(publicSite, byId, truth);

  const { files, hashedFiles } = hashHiddenFiles(project, hidden, publicCardsOfProject, publicSite, truth.publicFiles);
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
    files,
    hashedFiles,
    hiddenShingles,
    shingleIndex,
    allowCopies,
    inScripts: search.findIn(scriptText()),
    aliasExcuses: synonymExcuses(search, (k) => needlesOf[k]!.map((n) => needles[n]!), searchDataSynonyms(publicSite.search).filter((word) => truth.synonymWords.has(normaliseWord(word)))),
  };
}

function isExcused(model: LeakModel, needleIndex: number, attribution: Attribution): boolean {
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
  const { files, links } = listFiles(dir);
  for (const link of links) findings.push(linkFinding(dir, link));
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
  const overlap = pieceOverlap(Math.max(0, ...model.keys.map((key) => key.length)));
  const scanFile = (file: string) => {
    const rel = path.relative(dir, file).split(path.sep).join("/");
    // A file too large for one string (a video a public card links) is read in pieces (scan-pieces.ts).
    const bytes = statSync(file).size > PIECE_BYTES ? undefined : readFileSync(file);
    const content = bytes ? decodeScannable(bytes) : { text: "", gunzipped: undefined };
    const attribution = attributeFile(model, rel, content.text);
    // A page's file name is read as its URL (`help/index.html` is /help/, the collection page), so a card
    // named index is found where its page would be (help/index/index.html), not in its collection's page.
    const name = decodeForScan(`/${rel}`.replace(/\/index\.html$/, "/"));
    for (const i of model.search.findIn(name)) {
      if (!isExcused(model, i, attribution)) report(rel, "file name", i, attribution);
    }
    const siteCode = isSiteCode(rel);
    const found = new Set<number>();
    const scanText = (text: string) => {
      for (const i of model.search.findIn(decodeForScan(withPhraseBreaks(text, rel)))) found.add(i);
      // Markup is read once more without its tags, as a reader sees it: `over<b>ride</b>` is one word there.
      // Only phrases of a few words count there: words of different elements meet in that reading
      // (a site name beside a tag chip), which would make two-word codes and titles false alarms.
      if (isMarkup(rel)) {
        for (const i of model.search.findIn(decodeForScan(readerText(text)))) if (model.search.tokenCount(i) >= READER_MIN_TOKENS) found.add(i);
      }
    };
    const pieces = bytes ? (scanText(content.text), undefined) : scanInPieces(file, overlap, scanText);
    for (const i of found) {
      // Minified code and styles are full of single words (`summary`, `details`) and the scripts' own phrases: neither counts there.
      if (siteCode && (model.search.tokenCount(i) === 1 || model.inScripts.has(i))) continue;
      if (!isExcused(model, i, attribution)) report(rel, "content", i, attribution);
    }
    const candidates = bytes ? (content.gunzipped ? [bytes, content.gunzipped] : [bytes]) : [pieces!];
    for (const candidate of candidates) {
      const match = "sha256" in candidate ? model.files.get(candidate.size)?.get(candidate.sha256) : model.files.get(candidate.length)?.get(sha256(candidate));
      if (match) {
        findings.push({
          type: "file",
          severity: "error",
          file: rel,
          where: "content",
          leaked: match.file,
          message: `${match.file} (${match.usedBy.length > 0 ? `used only by ${match.usedBy.slice(0, 3).join(", ")}${match.usedBy.length > 3 ? ", …" : ""}` : "used by no public card"}) is in the public site as ${rel}${candidate === content.gunzipped ? " (compressed)" : ""} — likely cause: an external card links or embeds it, or it was copied into the site under another name`,
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

/** Fewest words a needle has to be matched in the reader's view of markup. */
const READER_MIN_TOKENS = 4;

function isMarkup(rel: string): boolean {
  return /\.(x?html?|xml|svg)$/i.test(rel);
}

/** The site's own scripts, styles and Pagefind's program files (not its index or fragments). */
function isSiteCode(rel: string): boolean {
  return /\.(m?js|css|wasm|map)$/i.test(rel) || /^pagefind\/wasm\./.test(rel);
}

function describeSource(needle: Needle): string {
  return needle.kind === "collection" || needle.kind === "collection description" ? `internal-only collection ${needle.source}` : `internal card ${needle.source}`;
}

function textCause(needle: Needle, where: LeakFinding["where"], attribution: Attribution, page: string | undefined): string {
  if (where === "file name") return "a page or file of the internal card was built into the public site (a moved card, an alias, or a file an external card links)";
  if (page) return `the text was copied into external card ${page}, or a link, asset or include pulled it into that page`;
  if (attribution.all) return "a public card, tag or collection carries the text into the whole-site files (sitemap, search index), or an internal page was indexed";
  if (attribution.summary.length > 0 || attribution.extra.length > 0) return "a public card's title, description or tag, or the collection, repeats the internal text";
  return "a file that is no public card's page carries it: Astro's public/ folder, a previous build in the output folder, site configuration (support label, titles) or a template";
}

/**
 * The regular files under `dir`, and its symbolic links apart: a link is never followed (Node's
 * recursive readdir followed a linked folder, so a link to / scanned the whole disk and stopped on
 * the first folder it could not read), and never read as the file it names.
 */
function listFiles(dir: string): { files: string[]; links: string[] } {
  const files: string[] = [];
  const links: string[] = [];
  const folders = [dir];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isSymbolicLink()) links.push(full);
      else if (entry.isDirectory()) folders.push(full);
      else if (entry.isFile()) files.push(full);
    }
  }
  return { files: files.sort(), links: links.sort() };
}

/** A symbolic link in the site: a web server may serve what it leads to, which the scan does not read. */
function linkFinding(dir: string, link: string): LeakFinding {
  const rel = path.relative(dir, link).split(path.sep).join("/");
  let target = "?";
  try {
    target = readlinkSync(link);
  } catch {
    // Gone since it was listed: still named.
  }
  return {
    type: "file",
    severity: "error",
    file: rel,
    where: "content",
    leaked: target,
    message: `${rel} is a symbolic link (to ${target}): a web server may serve whatever it leads to, which this check does not read — likely cause: a link in Astro's public/ folder, or copied into the output folder. Replace it with the file itself, or remove it`,
  };
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
