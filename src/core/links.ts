/**
 * The link graph between cards: relative Markdown links (`../billing/refunds.md#steps`) and site
 * links (`/billing/refunds/`) resolve to cards and heading anchors.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { Card } from "./load-cards.ts";

export interface CardIndex {
  byFile: ReadonlyMap<string, Card>;
  byUrl: ReadonlyMap<string, Card>;
  byId: ReadonlyMap<string, Card>;
  /** Card files that exist but failed to load: links to them are not reported twice. */
  invalidFiles: ReadonlySet<string>;
}

export function buildCardIndex(cards: readonly Card[], invalidFiles: readonly string[] = []): CardIndex {
  const byFile = new Map<string, Card>();
  const byUrl = new Map<string, Card>();
  const byId = new Map<string, Card>();
  for (const card of cards) {
    byFile.set(card.file, card);
    if (!byUrl.has(card.url)) byUrl.set(card.url, card);
    if (!byId.has(card.id)) byId.set(card.id, card);
  }
  for (const card of cards) {
    for (const alias of card.data.aliases ?? []) {
      const url = normaliseSitePath(alias);
      if (!byUrl.has(url)) byUrl.set(url, card);
    }
  }
  return { byFile, byUrl, byId, invalidFiles: new Set(invalidFiles) };
}

export type LinkTarget =
  | { kind: "external" }
  | { kind: "card"; card: Card; anchor: string | undefined }
  | { kind: "asset"; file: string }
  | { kind: "unchecked" }
  | { kind: "broken"; reason: string };

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Resolves a link written in `from` to what it points at. */
export function resolveLink(from: Card, rawUrl: string, index: CardIndex): LinkTarget {
  const url = rawUrl.trim();
  if (url === "" || SCHEME.test(url) || url.startsWith("//")) return { kind: "external" };
  const hashAt = url.indexOf("#");
  const pathPart = stripQuery(hashAt < 0 ? url : url.slice(0, hashAt));
  const anchor = hashAt < 0 ? undefined : safeDecode(url.slice(hashAt + 1));
  if (pathPart === "") return { kind: "card", card: from, anchor };

  if (/\.mdx?$/i.test(pathPart)) {
    const file = path.resolve(path.dirname(from.file), safeDecode(pathPart));
    const card = index.byFile.get(file);
    if (card) return { kind: "card", card, anchor };
    if (index.invalidFiles.has(file)) return { kind: "unchecked" };
    const display = path.relative(path.dirname(from.file), file).split(path.sep).join("/");
    return { kind: "broken", reason: existsSync(file) ? `${display} is not a card (names starting with _ or . are not published)` : `there is no card at ${display}` };
  }

  const sitePath = pathPart.startsWith("/") ? pathPart : new URL(pathPart, `https://site.invalid${from.url}`).pathname;
  const looksLikePage = !/\.[a-z0-9]{1,5}$/i.test(sitePath) || /\.html?$/i.test(sitePath);
  if (looksLikePage) {
    const card = index.byUrl.get(normaliseSitePath(safeDecode(sitePath)));
    if (card) return { kind: "card", card, anchor };
    if (isSitePage(sitePath)) return { kind: "external" };
    return { kind: "broken", reason: `no card has the URL ${normaliseSitePath(sitePath)}` };
  }
  const file = path.resolve(path.dirname(from.file), safeDecode(pathPart));
  if (!pathPart.startsWith("/") && existsSync(file)) return { kind: "asset", file };
  if (pathPart.startsWith("/")) return { kind: "external" };
  return { kind: "broken", reason: `the file ${pathPart} does not exist` };
}

/** Pages the sites generate besides card pages; links to them are fine. */
function isSitePage(sitePath: string): boolean {
  const p = normaliseSitePath(sitePath);
  return p === "/" || p.startsWith("/search/") || p.startsWith("/tags/") || p === "/health/" || p.split("/").filter(Boolean).length === 1;
}

/** `/billing/refunds`, `/billing/refunds/index.html` -> `/billing/refunds/`. */
export function normaliseSitePath(sitePath: string): string {
  let p = sitePath.replace(/\/index\.html?$/i, "/").replace(/\.html?$/i, "/");
  if (!p.startsWith("/")) p = `/${p}`;
  if (!p.endsWith("/")) p = `${p}/`;
  return p.replace(/\/{2,}/g, "/");
}

/** True when `card` has a heading with this id. */
export function hasAnchor(card: Card, anchor: string): boolean {
  return card.headings.some((heading) => heading.id === anchor);
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

/**
 * The href a link gets on a built site: card links become the target card's page URL under the
 * site's base path; everything else is left as written.
 */
export function hrefOnSite(from: Card, rawUrl: string, index: CardIndex, base: string): string {
  const target = resolveLink(from, rawUrl, index);
  if (target.kind !== "card") return rawUrl;
  const page = joinBase(base, target.card.url);
  return target.anchor ? `${target.card === from ? "" : page}#${target.anchor}` : page;
}

export function joinBase(base: string, sitePath: string): string {
  return `${base.replace(/\/$/, "")}${sitePath}`;
}
