/**
 * Files -> cards. Every content problem becomes a finding; loading never throws on content, so a
 * user fixes every problem of every card in one pass.
 */
import { realpathSync } from "node:fs";
import { hashBytes, readRegularFile } from "./safe-read.ts";
import { relativePosix } from "./paths.ts";
import path from "node:path";
import type { Root } from "mdast";
import { collectHeadings, type CardHeading } from "../site/anchors.ts";
import { FIELD_ALIASES, FRONTMATTER_KEYS, FrontmatterSchema, type Frontmatter } from "./schema.ts";
import { loadCollection, sortCollections, type Collection } from "./collections.ts";
import type { VerityConfig } from "../project/config.ts";
import { cardFileProblem, discoverCardFiles } from "./discover.ts";
import { codeownersPathProblem } from "./codeowners.ts";
import type { Finding } from "../lint/findings.ts";
import { collectLinks, type CardLink } from "../site/link-extract.ts";
import { formatOf, MarkdownSyntaxError, parseMarkdown, type MarkdownFormat } from "./markdown.ts";
import { tooDeepFinding } from "../lint/rules/markdown-too-deep.ts";
import { formatSchemaIssues } from "./schema-issues.ts";
import { parseYaml } from "./yaml-source.ts";

export interface Card {
  /** Stable id: frontmatter `id`, else `<collection>/<slug>`. */
  id: string;
  /** Absolute path of the file. */
  file: string;
  /** Path relative to the project root, with `/` separators. */
  relPath: string;
  collection: string;
  /** Path inside the collection without extension, e.g. `refunds` or `cards/refunds`. */
  slug: string;
  /** Site path of the card page, relative to the site base: `/billing/refunds/`. */
  url: string;
  format: MarkdownFormat;
  data: Frontmatter;
  /**
   * The audience written in the card's own frontmatter (never a collection default); undefined
   * when the card has no `audience:` line. Only `isOnSite` in audience.ts reads it.
   */
  declaredAudience: Frontmatter["audience"] | undefined;
  /** `data.lang`, else the configured default. */
  lang: string;
  /** File text, without a byte order mark. */
  source: string;
  /** True when the file started with a UTF-8 byte order mark. */
  hasBom: boolean;
  /** sha1 of the file's bytes (hex), when the loader has it (lint's caches key on it). */
  contentHash?: string;
  /** Offset in `source` where the body starts (after the frontmatter). */
  bodyOffset: number;
  tree: Root;
  headings: CardHeading[];
  links: CardLink[];
  /** 1-based line of each frontmatter key in the file. */
  fieldLines: Record<string, number>;
}

/** What loading one card file gave, without its tree and text (a cache keeps it; see lint/card-cache.ts). */
export type CardFacts = Omit<Card, "file" | "source" | "tree" | "contentHash">;

export interface CachedCardLoad {
  /** The card, when it loaded. */
  card?: CardFacts;
  /** The body-only card, when its frontmatter did not load. */
  bodyOnly?: CardFacts;
  /** The loader's findings on the file, without its path. */
  problems: Omit<Finding, "file">[];
}

/**
 * A cache of loaded cards, by project-relative path and content: a card found there is not parsed
 * again; its `tree` is parsed on first use.
 */
export interface CardLoadCache {
  /** The hash of `file`'s bytes (sha1, hex), and the bytes when this run has read them already. */
  read?(file: string): { hash: string; bytes?: Uint8Array } | undefined;
  /** `contentHash`: sha1 of the file's bytes, hex. */
  get(relPath: string, contentHash: string, collection: Collection): CachedCardLoad | undefined;
  set(relPath: string, contentHash: string, collection: Collection, result: CachedCardLoad): void;
}

/** Options of loading: a cache of loaded cards, and a callback for each card as soon as it is loaded. */
export interface LoadHooks {
  cache?: CardLoadCache | undefined;
  /** Called with each card, and each body-only card, right after it loads. */
  onCard?: ((card: Card) => void) | undefined;
}

export interface LoadedCards {
  cards: Card[];
  collections: Collection[];
  /** Card files that exist but could not be loaded (their problems are in `problems`). */
  invalidFiles: string[];
  /**
   * Invalid cards whose body parsed although their frontmatter did not load: `data` is the raw,
   * unvalidated frontmatter (or {}), so only rules that read no frontmatter field run on them.
   * Not part of any site, index or trust score.
   */
  bodyOnlyCards: Card[];
  problems: Finding[];
  contentDir: string;
}

export function loadCards(root: string, config: VerityConfig, hooks: LoadHooks = {}): LoadedCards {
  const contentDir = path.resolve(root, config.contentDir);
  const problems: Finding[] = [];
  const files = discoverCardFiles(contentDir, problems);
  return loadCardFiles(root, config, files, problems, hooks, true);
}

/**
 * Loads the given card files only (absolute paths under the content folder). `discovered`: the
 * files come straight from `discoverCardFiles`, which never enters a linked folder, so no folder
 * on their path is a link and only the file itself needs checking (reading never follows it).
 */
export function loadCardFiles(root: string, config: VerityConfig, files: readonly string[], problems: Finding[] = [], hooks: LoadHooks = {}, discovered = false): LoadedCards {
  const { cache, onCard } = hooks;
  const contentDir = path.resolve(root, config.contentDir);
  const collections = new Map<string, Collection>();
  const cards: Card[] = [];
  const bodyOnlyCards: Card[] = [];
  const invalidFiles: string[] = [];
  const realContent = discovered ? undefined : realContentDir(contentDir);
  for (const file of files) {
    const rel = relativePosix(contentDir, file).split("/");
    if (rel.length < 2) {
      problems.push(fileProblem("card-location", file, `Cards live in a collection folder: move this file to ${config.contentDir}/<collection>/${rel[0]}.`));
      invalidFiles.push(file);
      continue;
    }
    const linked = discovered ? undefined : cardFileProblem(contentDir, file, realContent);
    if (linked) {
      problems.push(linked);
      invalidFiles.push(file);
      continue;
    }
    const nameProblem = codeownersPathProblem(relativePosix(root, file));
    if (nameProblem) {
      problems.push(fileProblem("file-name", file, `${nameProblem}.`));
      invalidFiles.push(file);
      continue;
    }
    const collectionName = rel[0]!;
    let collection = collections.get(collectionName);
    if (!collection) {
      collection = loadCollection(contentDir, collectionName, problems);
      collections.set(collectionName, collection);
    }
    let card: Card | undefined;
    const bodyOnlyBefore = bodyOnlyCards.length;
    try {
      card = loadCardFile(file, { root, config, collection, slugParts: rel.slice(1), problems, bodyOnly: bodyOnlyCards, cache });
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      problems.push(tooDeepFinding(file)); // a tree too deep for the parser: this card only
    }
    if (card) cards.push(card);
    else invalidFiles.push(file);
    if (onCard) {
      if (card) onCard(card);
      for (let i = bodyOnlyBefore; i < bodyOnlyCards.length; i++) onCard(bodyOnlyCards[i]!);
    }
  }
  return { cards, collections: sortCollections(collections.values()), invalidFiles, bodyOnlyCards, problems, contentDir };
}

interface CardContext {
  root: string;
  config: VerityConfig;
  collection: Collection;
  slugParts: string[];
  problems: Finding[];
  bodyOnly: Card[];
  cache?: CardLoadCache | undefined;
}

function loadCardFile(file: string, ctx: CardContext): Card | undefined {
  const { config, problems, cache } = ctx;
  const known = cache?.read?.(file);
  let bytes = known?.bytes;
  if (known && !bytes && cache) {
    // Unchanged since the last run (lint/file-states.ts): answered from the cache without reading it.
    const relPath = relativePosix(ctx.root, file);
    const cached = cache.get(relPath, known.hash, ctx.collection);
    if (cached) return fromCache(file, cached, known.hash, undefined, ctx);
  }
  if (!bytes || bytes.length > config.maxCardBytes) {
    const read = readRegularFile(file, config.maxCardBytes);
    if (read.kind === "too-large") {
      problems.push(tooLarge(file, read.size, config));
      return undefined;
    }
    if (read.kind !== "read") {
      problems.push(fileProblem("file-symlink", file, "This file is not a regular file (it was replaced by a symbolic link or a special file while Verity was reading). Put the real card file here."));
      return undefined;
    }
    bytes = read.bytes;
  }
  if (!cache) return readCardFile(file, bytes, ctx);
  const relPath = relativePosix(ctx.root, file);
  const contentHash = known && known.bytes === undefined ? known.hash : hashBytes(bytes);
  const cached = cache.get(relPath, contentHash, ctx.collection);
  if (cached) return fromCache(file, cached, contentHash, bytes, ctx);
  const before = problems.length;
  const bodyOnlyBefore = ctx.bodyOnly.length;
  const card = readCardFile(file, bytes, ctx);
  const bodyOnly = ctx.bodyOnly.length > bodyOnlyBefore ? ctx.bodyOnly[ctx.bodyOnly.length - 1] : undefined;
  if (card) card.contentHash = contentHash;
  if (bodyOnly) bodyOnly.contentHash = contentHash;
  const result: CachedCardLoad = { problems: problems.slice(before).map(({ file: _file, ...rest }) => rest) };
  if (card) result.card = factsOf(card);
  if (bodyOnly) result.bodyOnly = factsOf(bodyOnly);
  cache.set(relPath, contentHash, ctx.collection, result);
  return card;
}

/** A card loaded from these very bytes before: its text is decoded (or read) when something asks for it. */
function fromCache(file: string, cached: CachedCardLoad, contentHash: string, bytes: Uint8Array | undefined, ctx: CardContext): Card | undefined {
  for (const problem of cached.problems) ctx.problems.push({ ...problem, file });
  const facts = cached.bodyOnly ?? cached.card;
  if (!facts) return undefined;
  const card = withLazyTree(withLazySource({ ...facts, file, contentHash }, bytes));
  if (cached.bodyOnly) {
    ctx.bodyOnly.push(card);
    return undefined;
  }
  return card;
}

function factsOf(card: Card): CardFacts {
  const { file: _file, source: _source, tree: _tree, contentHash: _contentHash, ...facts } = card;
  return facts;
}

/**
 * A card from the cache: its text is decoded from `bytes`, or read from its file when this run did
 * not read it (its metadata showed it unchanged, see lint/file-states.ts), on first use.
 */
function withLazySource(card: Omit<Card, "tree" | "source">, bytes: Uint8Array | undefined): Omit<Card, "tree"> {
  let source: string | undefined;
  return Object.defineProperty(card, "source", {
    enumerable: true,
    configurable: true,
    get: () => {
      if (source === undefined) {
        let data = bytes;
        if (!data) {
          const read = readRegularFile(card.file);
          data = read.kind === "read" ? read.bytes : new Uint8Array();
        }
        source = decodeCard(card.file, data, [])?.source ?? "";
      }
      return source;
    },
    set: (value: string) => {
      source = value;
    },
  }) as Omit<Card, "tree">;
}

/** A card from the cache: its tree is parsed (as when it was cached) on first use. */
function withLazyTree(card: Omit<Card, "tree">): Card {
  let tree: Root | undefined;
  return Object.defineProperty(card, "tree", {
    enumerable: true,
    configurable: true,
    get: () => (tree ??= parseMarkdown(card.source, card.format)),
    set: (value: Root) => {
      tree = value;
    },
  }) as Card;
}

function readCardFile(file: string, bytes: Uint8Array, ctx: CardContext): Card | undefined {
  const { config, problems } = ctx;
  const text = decodeCard(file, bytes, problems);
  if (!text) return undefined;
  const { source, hasBom } = text;
  const format = formatOf(file);
  const tree = parseCard(file, source, format, problems);
  if (!tree) return undefined;
  const frontmatter = readFrontmatter(file, source, tree, problems);
  const data = frontmatter ? validateFrontmatter(file, frontmatter, ctx.collection, problems) : undefined;
  const slug = ctx.slugParts.join("/").replace(/\.mdx?$/i, "");
  const collection = ctx.collection.name;
  // What a card is besides its frontmatter: its place, its text and what its tree holds.
  const base = {
    file,
    relPath: relativePosix(ctx.root, file),
    collection,
    slug,
    url: `/${collection}/${slug}/`,
    format,
    source,
    hasBom,
    tree,
    headings: collectHeadings(tree),
    links: collectLinks(tree),
  };
  if (!frontmatter || !data) {
    // The frontmatter is reported; the body is still checked, so every problem shows at once.
    const first = tree.children[0];
    const raw = frontmatter?.data ?? {};
    ctx.bodyOnly.push({
      ...base,
      id: `${collection}/${slug}`,
      data: raw as Frontmatter,
      declaredAudience: undefined,
      lang: typeof raw.lang === "string" ? raw.lang : config.lang,
      bodyOffset: first?.type === "yaml" ? (first.position?.end.offset ?? 0) : 0,
      fieldLines: frontmatter?.lines ?? {},
    });
    return undefined;
  }
  return {
    ...base,
    id: data.id ?? `${collection}/${slug}`,
    data,
    declaredAudience: Object.hasOwn(frontmatter.data, "audience") ? data.audience : undefined,
    lang: data.lang ?? config.lang,
    bodyOffset: frontmatter.bodyOffset,
    fieldLines: frontmatter.lines,
  };
}

/** Field aliases, collection defaults and the schema: the frontmatter a card loads with, or undefined (problems added). */
function validateFrontmatter(file: string, frontmatter: FrontmatterBlock, collection: Collection, problems: Finding[]): Frontmatter | undefined {
  const input: Record<string, unknown> = { ...frontmatter.data };
  for (const [alias, key] of Object.entries(FIELD_ALIASES)) {
    if (!Object.hasOwn(input, alias)) continue;
    if (Object.hasOwn(input, key)) {
      problems.push(schemaProblem(file, frontmatter.lineOf(alias), `Both "${alias}" and "${key}" are set. Keep only "${key}".`));
      return undefined;
    }
    input[key] = input[alias];
    delete input[alias];
    frontmatter.lines[key] = frontmatter.lines[alias]!;
  }
  const defaults = collection.defaults;
  for (const [key, value] of Object.entries(defaults)) {
    if (value !== undefined && !Object.hasOwn(input, key)) input[key] = value;
  }
  const result = FrontmatterSchema.safeParse(input);
  if (!result.success) {
    for (const issue of formatSchemaIssues(result.error, () => [...FRONTMATTER_KEYS, ...Object.keys(FIELD_ALIASES)])) {
      const key = String(issue.path[0] ?? "");
      const line = frontmatter.lineOfPath(issue.path) ?? frontmatter.lines[key] ?? frontmatter.startLine;
      problems.push(schemaProblem(file, line, issue.message));
    }
    return undefined;
  }
  return result.data;
}

const FRONTMATTER_TEXT = /^(---[ \t]*\r?\n)([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/**
 * The frontmatter a card would load with, read from its text without parsing the Markdown body
 * (aliases, collection defaults and the schema applied exactly as when loading), or undefined when
 * the card would not load. `lint --changed` counts the cards it does not lint with this, so its
 * trust score is the full lint's.
 */
export function readCardFrontmatter(file: string, bytes: Uint8Array, config: VerityConfig, collection: Collection): Frontmatter | undefined {
  const problems: Finding[] = [];
  if (bytes.length > config.maxCardBytes) return undefined;
  const text = decodeCard(file, bytes, problems);
  if (!text) return undefined;
  const { source } = text;
  // Markdown always parses; MDX may not, and then the card does not load.
  if (formatOf(file) === "mdx" && !parseCard(file, source, "mdx", problems)) return undefined;
  const match = FRONTMATTER_TEXT.exec(source);
  if (!match) return undefined;
  const node = { type: "yaml", value: match[2]!, position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: match[0].length } } };
  const frontmatter = readFrontmatter(file, source, { type: "root", children: [node] } as Root, problems);
  return frontmatter ? validateFrontmatter(file, frontmatter, collection, problems) : undefined;
}

interface FrontmatterBlock {
  data: Record<string, unknown>;
  /** Line of the first YAML line in the file. */
  startLine: number;
  bodyOffset: number;
  lines: Record<string, number>;
  lineOf(key: string): number;
  lineOfPath(path: (string | number)[]): number | undefined;
}

function readFrontmatter(file: string, source: string, tree: Root, problems: Finding[]): FrontmatterBlock | undefined {
  const first = tree.children[0];
  if (!first || first.type !== "yaml") {
    const opensFrontmatter = /^---[ \t]*\r?\n/.test(source);
    const message = source.trim() === ""
      ? "The file is empty. A card starts with frontmatter between --- lines: title, owner, audience and verify_by."
      : opensFrontmatter
        ? "The frontmatter opened with --- on line 1 is never closed. End it with a line holding only ---."
        : "The card has no frontmatter. Start the file with a --- line, then title, owner, audience and verify_by, then a closing --- line.";
    problems.push({ ruleId: "frontmatter-yaml", severity: "error", file, line: 1, column: 1, message });
    return undefined;
  }
  const startLine = (first.position?.start.line ?? 1) + 1;
  const parsed = parseYaml(first.value);
  for (const problem of parsed.problems) {
    problems.push({
      ruleId: "frontmatter-yaml",
      severity: "error",
      file,
      line: startLine + problem.line - 1,
      column: problem.column,
      message: `The frontmatter is not valid YAML: ${problem.message}.`,
    });
  }
  if (parsed.problems.length > 0) return undefined;
  const value = parsed.value ?? {};
  if (typeof value !== "object" || Array.isArray(value) || value === null) {
    const kind = Array.isArray(value) ? "a list" : "a single value";
    problems.push({
      ruleId: "frontmatter-yaml",
      severity: "error",
      file,
      line: startLine,
      column: 1,
      message: `The frontmatter is ${kind}, but it must be a mapping of fields ("title: ...", "owner: ...", one per line).`,
    });
    return undefined;
  }
  const lines: Record<string, number> = {};
  for (const key of Object.keys(value)) lines[key] = startLine + (parsed.lineOf([key]) ?? 1) - 1;
  const lineOfPath = (p: (string | number)[]) => {
    const line = parsed.lineOf(p);
    return line === undefined ? undefined : startLine + line - 1;
  };
  return {
    data: value as Record<string, unknown>,
    startLine,
    bodyOffset: first.position?.end.offset ?? 0,
    lines,
    lineOf: (key) => lines[key] ?? startLine,
    lineOfPath,
  };
}

function tooLarge(file: string, size: number, config: VerityConfig): Finding {
  return fileProblem("file-too-large", file, `The card is ${formatBytes(size)}, over the limit of ${formatBytes(config.maxCardBytes)} (maxCardBytes). Split it into several cards.`);
}

/** The card's text without a byte order mark, or undefined (a `file-encoding` problem) when it is not UTF-8. */
function decodeCard(file: string, bytes: Uint8Array, problems: Finding[]): { source: string; hasBom: boolean } | undefined {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    problems.push({
      ruleId: "file-encoding",
      severity: "error",
      file,
      line: decoded.line,
      column: 1,
      message: "The file is not valid UTF-8 text. Re-save it as UTF-8 (most editors offer this under \"Save with encoding\").",
    });
    return undefined;
  }
  const hasBom = decoded.text.startsWith("\uFEFF");
  return { source: hasBom ? decoded.text.slice(1) : decoded.text, hasBom };
}

function parseCard(file: string, source: string, format: MarkdownFormat, problems: Finding[]): Root | undefined {
  try {
    return parseMarkdown(source, format);
  } catch (error) {
    if (!(error instanceof MarkdownSyntaxError)) throw error;
    problems.push({ ruleId: "markdown-syntax", severity: "error", file, line: error.line, column: error.column, message: `${error.message}.` });
    return undefined;
  }
}

function decodeUtf8(bytes: Uint8Array): { ok: true; text: string } | { ok: false; line: number } {
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    const lenient = new TextDecoder("utf-8").decode(bytes);
    const bad = lenient.indexOf("\uFFFD");
    const line = bad < 0 ? 1 : lenient.slice(0, bad).split("\n").length;
    return { ok: false, line };
  }
}

function schemaProblem(file: string, line: number, message: string): Finding {
  return { ruleId: "frontmatter-schema", severity: "error", file, line, column: 1, message };
}

function fileProblem(ruleId: string, file: string, message: string): Finding {
  return { ruleId, severity: "error", file, line: 1, column: 1, message };
}

function formatBytes(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.ceil(bytes / 1000)} kB`;
}

function realContentDir(contentDir: string): string | undefined {
  try {
    return realpathSync.native(contentDir);
  } catch {
    return undefined;
  }
}
