/**
 * The link graph between cards: relative Markdown links (`../billing/refunds.md#steps`), site
 * links (`/billing/refunds/`) and absolute URLs on a configured site's host
 * (`https://wiki.example.com/billing/refunds/`, `//help.example.com/`) resolve to cards and heading
 * anchors, to the pages the sites build (collections, tags, search, ...), to files, or are broken.
 */
import { existsSync, lstatSync } from "node:fs";
import path from "node:path";
import { isOnSite, SITE_NAMES, type SiteName, type SiteSelection } from "./audience.ts";
import type { VerityConfig } from "../project/config.ts";
import type { Card } from "../cards/load.ts";
import { isSinglePage, reservedPageSites } from "./reserved-paths.ts";
import { parseUrl } from "./embed-policy.ts";
import { tagUrls } from "./tag-pages.ts";

export interface CardIndex {
  byFile: ReadonlyMap<string, Card>;
  byUrl: ReadonlyMap<string, Card>;
  byId: ReadonlyMap<string, Card>;
  /** Card files that exist but failed to load: links to them are not reported twice. */
  invalidFiles: ReadonlySet<string>;
  /** The configured sites: absolute links to their hosts resolve like site paths. */
  sites: readonly SiteAddress[];
  /** Collection and tag pages of each site; undefined when only part of the cards is loaded. */
  pages: SitePages | undefined;
  /** With `pages` undefined (`lint --changed`): the collection folders that exist. */
  partialCollections: ReadonlySet<string> | undefined;
  /** Lower-cased card URLs, so a link differing in case still counts for the audience check. */
  byUrlLower: ReadonlyMap<string, Card>;
}

export interface SiteAddress {
  site: SiteName;
  /** Absolute URL of the site, e.g. https://help.example.com. */
  url: string;
  /** Base path, e.g. `/` or `/help/`. */
  base: string;
}

export interface SitePages {
  /** Collection name -> the sites that have its page. */
  collections: ReadonlyMap<string, readonly SiteName[]>;
  /** Tag page path (`/tags/<slug>/`) -> the sites that have it. */
  tags: ReadonlyMap<string, readonly SiteName[]>;
}

export interface IndexOptions {
  sites?: VerityConfig["sites"] | undefined;
  /** Set when only part of the cards is loaded (`lint --changed`): collection names that exist. */
  partialCollections?: Iterable<string> | undefined;
  /** The site pages of these very cards, when known already (from a recorded lint run). */
  pages?: SitePages | undefined;
  /** A card's aliases, when they are known without reading its frontmatter (stubs of a recorded run). */
  aliasesOf?: ((card: Card) => readonly string[]) | undefined;
  /** A card's file, URL and id, when they are known without going through the card (stubs of a recorded run). */
  keysOf?: ((card: Card) => Pick<Card, "file" | "url" | "id"> | undefined) | undefined;
}

export function buildCardIndex(cards: readonly Card[], invalidFiles: readonly string[] = [], options: IndexOptions = {}): CardIndex {
  const byFile = new Map<string, Card>();
  const byUrl = new Map<string, Card>();
  const byId = new Map<string, Card>();
  for (const card of cards) {
    const { file, url, id } = options.keysOf?.(card) ?? card;
    byFile.set(file, card);
    if (!byUrl.has(url)) byUrl.set(url, card);
    if (!byId.has(id)) byId.set(id, card);
  }
  for (const card of cards) {
    for (const alias of options.aliasesOf ? options.aliasesOf(card) : (card.data.aliases ?? [])) {
      const url = normaliseSitePath(alias);
      if (!byUrl.has(url)) byUrl.set(url, card);
    }
  }
  const configured = options.sites;
  const sites: SiteAddress[] = configured ? SITE_NAMES.map((site) => ({ site, url: configured[site].url, base: configured[site].base })) : [];
  const partial = options.partialCollections ? new Set(options.partialCollections) : undefined;
  // Read only for a link that matches no URL exactly: built on first use (a re-lint of one edited card seldom needs it).
  let byUrlLower: Map<string, Card> | undefined;
  return {
    byFile,
    byUrl,
    byId,
    invalidFiles: new Set(invalidFiles),
    sites,
    pages: partial ? undefined : (options.pages ?? collectSitePages(cards)),
    partialCollections: partial,
    get byUrlLower() {
      if (!byUrlLower) {
        byUrlLower = new Map();
        for (const [url, card] of byUrl) {
          const lower = url.toLowerCase();
          if (!byUrlLower.has(lower)) byUrlLower.set(lower, card);
        }
      }
      return byUrlLower;
    },
  };
}

/**
 * The collection and tag pages each site builds from `cards` (the same selection the sites use):
 * with a build's `selection`, a collection or tag whose only public cards the help center withholds
 * (expired, `expiredPublicCards: withhold`) has no public page.
 */
export function collectSitePages(cards: readonly Card[], selection: SiteSelection = {}): SitePages {
  const collections = new Map<string, SiteName[]>();
  const tags = new Map<string, SiteName[]>();
  for (const site of SITE_NAMES) {
    const onSite = cards.filter((card) => isOnSite(card, site, selection));
    for (const card of onSite) {
      const list = collections.get(card.collection) ?? [];
      if (!list.includes(site)) list.push(site);
      collections.set(card.collection, list);
    }
    for (const url of tagUrls(onSite.flatMap((card) => card.data.tags ?? [])).values()) tags.set(url, [...(tags.get(url) ?? []), site]);
  }
  return { collections, tags };
}

export type LinkTarget =
  | { kind: "external" }
  | { kind: "card"; card: Card; anchor: string | undefined; via?: SiteName }
  | {
      kind: "page";
      path: string;
      sites: readonly SiteName[];
      via?: SiteName;
      /** The path relative to the site's base as a browser resolves the link (dot segments gone, percent-encoded as it sends it): what the page's href becomes. */
      at?: string;
      /** The query and fragment as the link has them (`?q=refunds#results`). */
      rest?: string;
    }
  | { kind: "asset"; file: string }
  | { kind: "unchecked" }
  | { kind: "broken"; reason: string };

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * A URL as a browser's URL parser reads it: tabs and newlines removed wherever they are, control
 * characters and spaces around it stripped. `/<tab>/wiki.example/` opens `//wiki.example/`, another
 * host, not a path of this site. (Other white space is trimmed too, which reads more, never less.)
 */
function browserUrl(rawUrl: string): string {
  return rawUrl.replace(/[\t\n\r]/g, "").replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, "").trim();
}

/** Resolves a link written in `from` to what it points at. */
export function resolveLink(from: Card, rawUrl: string, index: CardIndex): LinkTarget {
  const url = browserUrl(rawUrl);
  if (url === "") return { kind: "external" };
  if (SCHEME.test(url) || /^[\\/][\\/]/.test(url)) {
    const onSite = siteOfUrl(url, index.sites);
    if (!onSite) {
      // On a page of the same scheme, a scheme without // is a reference from that page (`https:/ops/` is /ops/).
      const reference = sameSchemeReference(url);
      return reference === undefined ? { kind: "external" } : resolveLink(from, reference, index);
    }
    if (onSite.path === undefined) {
      // Outside every base on a host the wiki alone has (its bare host, a sign-in page): still the
      // wiki's, which a public page must not point at. On a host the public site shares, it is
      // the rest of that host (e.g. the company website).
      return onSite.site === "internal" && onSite.hostIsWikiOnly ? { kind: "page", path: "/", sites: ["internal"], via: "internal" } : { kind: "external" };
    }
    return withVia(landing(resolveSitePath(from, onSite.path, onSite.hash, index), onSite.path, onSite.rest), onSite.site);
  }
  const hashAt = url.indexOf("#");
  const pathPart = stripQuery(hashAt < 0 ? url : url.slice(0, hashAt));
  const rest = url.slice(pathPart.length);
  const anchor = hashAt < 0 ? undefined : safeDecode(url.slice(hashAt + 1));
  if (pathPart === "") return { kind: "card", card: from, anchor };

  // A relative .md path names a card file; a site path ending in .md is a page of the sites (a card's Markdown copy).
  if (/\.mdx?$/i.test(pathPart) && !/^[\\/]/.test(pathPart)) {
    const file = path.resolve(path.dirname(from.file), safeDecode(pathPart));
    const card = index.byFile.get(file);
    if (card) return { kind: "card", card, anchor };
    if (index.invalidFiles.has(file)) return { kind: "unchecked" };
    const display = path.relative(path.dirname(from.file), file).split(path.sep).join("/");
    return { kind: "broken", reason: existsSync(file) ? `${display} is not a card (names starting with _ or . are not published)` : `there is no card at ${display}` };
  }

  // As a browser reads it: dot segments resolved and backslashes read as slashes, site paths too (/help/../ops/runbook/).
  const sitePath = new URL(pathPart, `https://site.invalid${from.url}`).pathname;
  const looksLikePage = !/\.[a-z0-9]{1,5}$/i.test(sitePath) || /\.html?$/i.test(sitePath);
  if (looksLikePage || /^[\\/]/.test(pathPart)) return landing(resolveSitePath(from, sitePath, anchor, index), sitePath, rest);
  const file = path.resolve(path.dirname(from.file), safeDecode(pathPart));
  if (existsSync(file) || lstatExists(file)) return { kind: "asset", file };
  return { kind: "broken", reason: `the file ${pathPart} does not exist` };
}

/**
 * What follows the scheme of an http(s) URL written without `//` (`https:/ops/runbook/`, `https:../x`): a browser
 * reads it on a page of the same scheme as a reference from the page itself (the WHATWG URL parser's "special
 * relative or authority" state), so `https:/ops/runbook/` is the page's own host's /ops/runbook/. On a page of
 * another scheme it names a host instead, which {@link siteOfUrl} reads. Which scheme a page is served with is
 * not always the configured one (a proxy that adds TLS, a local preview), so both readings are checked.
 */
function sameSchemeReference(url: string): string | undefined {
  const match = /^https?:(?![\\/]{2})/i.exec(url);
  if (!match) return undefined;
  // The parser reads the rest once, as a path: `https:https:/ops/` is the folder `https:` beside the page.
  const rest = url.slice(match[0].length);
  return SCHEME.test(rest) ? `./${rest}` : rest;
}

/**
 * True when a page of `site` may link to the site page `target`: the site has that page, and a
 * public page never links into the internal wiki's host. Lint (`link-audience`) and the rendering
 * both ask this; cards are decided by `isOnSite`.
 */
export function isPageOnSite(target: Extract<LinkTarget, { kind: "page" }>, site: SiteName): boolean {
  return target.sites.includes(site) && !(site === "public" && target.via === "internal");
}

/** A site page target with where the browser lands: its resolved path and the link's query and fragment. */
function landing(target: LinkTarget, at: string, rest: string): LinkTarget {
  return target.kind === "page" ? { ...target, at, rest } : target;
}

/**
 * The href a live link to a site page gets on a page at `pageUrl` (a site path, e.g. `/help/guide/`): the path the
 * browser would land on, relative to the page, and the query and fragment as written. Never the way there as written:
 * `../escalate-zebra/../../tags/` lands on `/tags/`, and its href is `../../tags/`, which names no card.
 */
export function pageLinkHref(target: Extract<LinkTarget, { kind: "page" }>, pageUrl: string): string {
  const at = target.at ?? target.path;
  const fromParts = pageUrl.split("/").filter(Boolean);
  const toParts = at.split("/").slice(1);
  const last = toParts.pop() ?? "";
  let common = 0;
  while (common < fromParts.length && common < toParts.length && fromParts[common] === toParts[common]) common++;
  const up = "../".repeat(fromParts.length - common);
  const rest = [...toParts.slice(common), last].join("/");
  return `${up || "./"}${rest}${target.rest ?? ""}`;
}

/** The address a live link to a site page shows on a page: the path it lands on (relative to the site's base), with its query and fragment. */
export function pageLinkAddress(target: Extract<LinkTarget, { kind: "page" }>): string {
  return `${target.at ?? target.path}${target.rest ?? ""}`;
}

function withVia(target: LinkTarget, via: SiteName): LinkTarget {
  return target.kind === "card" || target.kind === "page" ? { ...target, via } : target;
}

/**
 * A path on a site (relative to its base): a card or alias, a page Verity builds (home, search,
 * collection, tag, ...), a published file under `/_files/`, or nothing.
 */
function resolveSitePath(from: Card, rawPath: string, anchor: string | undefined, index: CardIndex): LinkTarget {
  const decoded = safeDecode(rawPath);
  const page = normaliseSitePath(decoded);
  const card = index.byUrl.get(page) ?? index.byUrlLower.get(page.toLowerCase());
  if (card) return { kind: "card", card, anchor };
  // A card's Markdown copy (`/billing/refunds.md`): a page of each site that has the card.
  const copyOf = /\.md$/i.test(decoded) ? cardAtUrl(index, normaliseSitePath(decoded.slice(0, -3))) : undefined;
  if (copyOf) return { kind: "page", path: decoded, sites: SITE_NAMES.filter((site) => isOnSite(copyOf, site)) };
  if (page === "/") return { kind: "page", path: page, sites: SITE_NAMES };
  const segments = page.split("/").filter(Boolean);
  const first = segments[0]!;
  if (first.toLowerCase() === "_files") {
    const contentDir = contentDirOfCard(from);
    if (contentDir) return { kind: "asset", file: path.join(contentDir, ...decoded.split("/").filter(Boolean).slice(1)) };
  }
  const reserved = reservedPageSites(first);
  if (reserved) {
    if (first.toLowerCase() === "tags" && segments.length === 2) {
      if (!index.pages) return { kind: "unchecked" };
      const sites = index.pages.tags.get(`/tags/${segments[1]}/`);
      return sites ? { kind: "page", path: page, sites } : { kind: "broken", reason: `no card has a tag with the page ${page}` };
    }
    if ((first.toLowerCase() === "tags" || isSinglePage(first)) && segments.length > 1) return { kind: "broken", reason: `the sites have no page ${page}` };
    return { kind: "page", path: page, sites: reserved };
  }
  if (segments.length === 1) {
    if (!index.pages) return index.partialCollections?.has(first) ? { kind: "unchecked" } : { kind: "broken", reason: `there is no collection ${first}` };
    const sites = index.pages.collections.get(first);
    if (sites) return { kind: "page", path: page, sites };
    return { kind: "broken", reason: `there is no collection ${first} with published cards` };
  }
  return { kind: "broken", reason: `no card has the URL ${shownPath(page)}` };
}

/** The card whose own URL (not an alias: aliases have no Markdown copy) this is, in any letter case. */
function cardAtUrl(index: CardIndex, url: string): Card | undefined {
  const card = index.byUrl.get(url) ?? index.byUrlLower.get(url.toLowerCase());
  return card && card.url.toLowerCase() === url.toLowerCase() ? card : undefined;
}

/** The content folder: the folder above the card's collection folder. */
export function contentDirOfCard(from: Pick<Card, "file" | "url">): string | undefined {
  if (!from.file || !from.url) return undefined;
  let dir = path.dirname(from.file);
  for (let i = 2; i < from.url.split("/").filter(Boolean).length; i++) dir = path.dirname(dir);
  return path.dirname(dir);
}

/**
 * When `url` is an absolute (or protocol-relative) http(s) URL on one of the sites' hosts: which
 * site, and the path relative to its base (undefined when outside every base). Hosts compare as
 * URLs do (case, default ports, a trailing dot); the longest matching base wins, and with equal
 * bases the public site (so a link into the wiki is recognised only where the wiki has its own place).
 */
function siteOfUrl(
  url: string,
  sites: readonly SiteAddress[],
): { site: SiteName; base: string; path: string | undefined; hash: string | undefined; rest: string; hostIsWikiOnly?: boolean } | undefined {
  // A URL with a scheme is absolute even without `//` (`https:wiki.acme.example/x`), as a page of
  // another scheme resolves it: parseUrl decides it for links and embeds alike.
  const parsed = parseUrl(url);
  if (!parsed) return undefined;
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return undefined;
  const host = parsed.hostname.replace(/\.$/, "").toLowerCase();
  const hash = parsed.hash ? safeDecode(parsed.hash.slice(1)) : undefined;
  const rest = `${parsed.search}${parsed.hash}`;
  const matches = sites.filter((site) => hostOf(site.url) === host).sort((a, b) => b.base.length - a.base.length);
  if (matches.length === 0) return undefined;
  const pathname = parsed.pathname;
  for (const site of matches) {
    const base = site.base.endsWith("/") ? site.base : `${site.base}/`;
    const lower = pathname.toLowerCase();
    if (lower.startsWith(base.toLowerCase())) return { site: site.site, base, path: `/${pathname.slice(base.length)}`, hash, rest };
    if (`${lower}/` === base.toLowerCase()) return { site: site.site, base, path: "/", hash, rest };
  }
  return { site: matches[0]!.site, base: matches[0]!.base, path: undefined, hash, rest, hostIsWikiOnly: matches.every((site) => site.site === "internal") };
}

/**
 * True when a link's visible text is its address (`https://wiki.example/x/`, `<…>`, a `www.` literal,
 * `[../x/](../x/)`): scheme, a leading `//`, trailing slashes, case and percent-encoding aside. A link
 * to a page a site does not have keeps its text there, but not such text: it would show the address.
 */
export function isAddressText(text: string, href: string): boolean {
  const normal = (value: string) => safeDecode(value.trim()).replace(/^[a-z][a-z0-9+.-]*:(\/\/)?/i, "").replace(/^\/\//, "").replace(/\/+(?=$|[?#])/, "").toLowerCase();
  const shown = normal(text);
  return shown !== "" && shown === normal(href);
}

/** True when `rawUrl` is an absolute http(s) URL on a host only the internal wiki has. */
export function isOnWikiOnlyHost(rawUrl: string, index: Pick<CardIndex, "sites">): boolean {
  const url = browserUrl(rawUrl);
  if (!SCHEME.test(url) && !/^[\\/][\\/]/.test(url)) return false;
  const parsed = parseUrl(url);
  if (!parsed || (parsed.protocol !== "http:" && parsed.protocol !== "https:")) return false;
  const host = parsed.hostname.replace(/\.$/, "").toLowerCase();
  const sites = index.sites.filter((site) => hostOf(site.url) === host);
  return sites.length > 0 && sites.every((site) => site.site === "internal");
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.replace(/\.$/, "").toLowerCase();
  } catch {
    return undefined;
  }
}

function lstatExists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * An address (or a folder name in one) as a case-insensitive disk or host serves it, and in one
 * Unicode form: `/Help/Café/` and `/help/cafe\u0301/` are one page there.
 */
export function foldedAddress(address: string): string {
  return address.normalize("NFC").toLowerCase();
}

/**
 * An address (or a name in one) folded further than {@link foldedAddress}, as the hosts that serve
 * one page for it may: compatibility forms (NFKC: `ſ` and a full-width `ｅ` are `s` and `e`, as macOS
 * and the leak check read them) and each letter's one upper-case form (Windows compares names so:
 * a dotless `ı` is `i` there), then lower case.
 */
export function hostFoldedAddress(address: string): string {
  const upper = Array.from(address.normalize("NFKC"), (char) => {
    const up = char.toUpperCase();
    return up.length === char.length ? up : char;
  }).join("");
  return foldedAddress(upper);
}

/** `/billing/refunds`, `/billing/refunds/index.html` -> `/billing/refunds/`. */
export function normaliseSitePath(sitePath: string): string {
  let p = sitePath.replace(/\/index\.html?$/i, "/").replace(/\.html?$/i, "/");
  if (!p.startsWith("/")) p = `/${p}`;
  if (!p.endsWith("/")) p = `${p}/`;
  // Composed, as card URLs are (cards/paths.ts): `e` + U+0301 and `é` are one address.
  return p.replace(/\/{2,}/g, "/").normalize("NFC");
}

/** True when `card` has a heading with this id. */
export function hasAnchor(card: Card, anchor: string): boolean {
  return card.headings.some((heading) => heading.id === anchor);
}

/** A decoded site path as a message shows it: control characters and spaces (a tab the page carries as %09) percent-encoded again. */
function shownPath(sitePath: string): string {
  return sitePath.replace(/[\x00-\x20\x7f]/g, (c) => encodeURIComponent(c));
}

function stripQuery(value: string): string {
  const q = value.indexOf("?");
  return q < 0 ? value : value.slice(0, q);
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export function joinBase(base: string, sitePath: string): string {
  return `${base.replace(/\/$/, "")}${sitePath}`;
}
