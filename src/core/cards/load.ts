/**
 * Files -> cards. Every content problem becomes a finding; loading never throws on content, so a
 * user fixes every problem of every card in one pass.
 */
import { readFileSync, realpathSync } from "node:fs";
import { hashBytes, readRegularFile } from "./safe-read.ts";
import { relativePosix, urlOfParts } from "./paths.ts";
import path from "node:path";
import type { Root } from "mdast";
import { collectHeadings, type CardHeading } from "../site/anchors.ts";
import type { Frontmatter } from "./schema.ts";
import { loadCollection, sortCollections, type Collection } from "./collections.ts";
import type { VerityConfig } from "../project/config.ts";
import { cardFileProblem, discoverCardFiles } from "./discover.ts";
import { codeownersPathProblem } from "./codeowners.ts";
import { cardPathProblem, reservedCollectionProblem } from "../site/reserved-paths.ts";
import type { Finding } from "../lint/findings.ts";
import { collectLinks, type CardLink } from "../site/link-extract.ts";
import { formatOf, parseMarkdown, type MarkdownFormat, type SerializedTree } from "./markdown.ts";
import { decodeCard, parseCard } from "./card-text.ts";
import { readFrontmatter, validateFrontmatter } from "./frontmatter-read.ts";
import { tooDeepFinding } from "../lint/rules/markdown-too-deep.ts";

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
  /**
   * Called with each card, and each body-only card, right after it loads; with the parse of its
   * text serialized when it was parsed now (not answered by the cache), for another thread to read.
   */
  onCard?: ((card: Card, serialized?: SerializedTree) => void) | undefined;
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
    const nameProblem = codeownersPathProblem(relativePosix(root, file)) ?? cardPathProblem([...rel.slice(0, -1), rel.at(-1)!.replace(/\.mdx?$/i, "")]);
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
      const reserved = reservedCollectionProblem(config.contentDir, collectionName);
      if (reserved) problems.push(fileProblem("card-location", path.join(contentDir, collectionName), `${reserved.message} ${reserved.fix}`));
    }
    let card: Card | undefined;
    let serialized: SerializedTree | undefined;
    const bodyOnlyBefore = bodyOnlyCards.length;
    try {
      const ctx: CardContext = { root, config, collection, slugParts: rel.slice(1), problems, bodyOnly: bodyOnlyCards, cache };
      card = loadCardFile(file, ctx);
      serialized = ctx.serialized;
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      problems.push(tooDeepFinding(file, textForLines(file))); // a tree too deep for the parser: this card only
    }
    if (card) cards.push(card);
    else invalidFiles.push(file);
    if (onCard) {
      if (card) onCard(card, serialized);
      for (let i = bodyOnlyBefore; i < bodyOnlyCards.length; i++) onCard(bodyOnlyCards[i]!, serialized);
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
  /** Set when the card's text was parsed: the parse, serialized. */
  serialized?: SerializedTree | undefined;
}

function loadCardFile(file: string, ctx: CardContext): Card | undefined {
  const { config, problems, cache } = ctx;
  const known = cache?.read?.(file);
  let bytes = known?.bytes;
  const relPath = relativePosix(ctx.root, file);
  // The cache is asked once: before reading when the file is unchanged since the last run
  // (lint/file-states.ts), so it is answered without being read; else once its bytes are hashed.
  let cached = known && !bytes ? cache?.get(relPath, known.hash, ctx.collection) : undefined;
  if (cached) return fromCache(file, cached, known!.hash, undefined, ctx);
  const asked = known !== undefined && bytes === undefined;
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
  // `known.hash` is the hash of these bytes (run-cache.ts hashed them when it read them).
  const contentHash = known?.hash ?? hashBytes(bytes);
  cached = asked ? undefined : cache.get(relPath, contentHash, ctx.collection);
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

/**
 * Lets a loaded card's tree go: what loading took from it stays (headings, links), and the tree is
 * parsed again only if something asks for it. For a caller that has taken what it needs of the tree.
 */
export function releaseTree(card: Card): void {
  withLazyTree(card);
}

/** Cards whose tree is parsed on first use and has not been asked for yet. */
const unparsed = new WeakSet<object>();

/** False while a card's tree waits to be parsed on first use (a card from the cache, or one whose tree was let go). */
export function isTreeAtHand(card: Card): boolean {
  return !unparsed.has(card);
}

/** A card from the cache: its tree is parsed (as when it was cached) on first use. */
function withLazyTree(card: Omit<Card, "tree">): Card {
  let tree: Root | undefined;
  unparsed.add(card);
  return Object.defineProperty(card, "tree", {
    enumerable: true,
    configurable: true,
    get: () => {
      unparsed.delete(card);
      return (tree ??= parseMarkdown(card.source, card.format));
    },
    set: (value: Root) => {
      unparsed.delete(card);
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
  const parsed = parseCard(file, source, format, problems);
  if (!parsed) return undefined;
  const { tree } = parsed;
  ctx.serialized = parsed.serialized;
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
    url: urlOfParts([collection, ...ctx.slugParts]),
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

function tooLarge(file: string, size: number, config: VerityConfig): Finding {
  return fileProblem("file-too-large", file, `The card is ${formatBytes(size)}, over the limit of ${formatBytes(config.maxCardBytes)} (maxCardBytes). Split it into several cards.`);
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

/** A card's text read again, only to say where it nests too deeply (undefined if it cannot be read). */
function textForLines(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}
