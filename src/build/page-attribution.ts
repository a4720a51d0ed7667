/**
 * What each file of the public site is expected to carry, from the project (what the help center has and
 * what its authors wrote, leak-excuses.ts), never from what the build rendered: a card page its own card in
 * full, the titles of the cards it lists and the addresses of its translations, a listing page the titles
 * and descriptions of its cards, the sitemap and the search index every public card. The leak check excuses a hit only when the file is expected to carry that text.
 */
import { normaliseSitePath } from "../core/site/links.ts";
import type { LeakModel } from "./leak-scan.ts";
import type { SiteData } from "./site-data.ts";
import { redirectExcuse, type PublicTruth } from "./leak-excuses.ts";

/** What a public output file is expected to carry. */
export interface Attribution {
  /** Public cards shown in full (a card page: its own card). */
  full: number[];
  /** Public cards shown by title and description (lists, pager, related). */
  summary: number[];
  /** Other public strings of the page: collection and tag names, the collections' addresses, a redirect's old path. */
  extra: string[];
  /** Keys found in `extra`, computed on first use (or given: the search data's synonym words). */
  extraKeys?: Set<number>;
  /** The file aggregates the whole public site (sitemap, search index, feeds). */
  all?: boolean;
  /** Human description for messages. */
  label: string;
}

/**
 * What each page of the public site carries. Which pages there are comes from its data; what they may carry, from
 * the project (`truth`, leak-excuses.ts): a collection, tag, card or redirect the data has and the project does not
 * put on the help center excuses nothing. Files not listed here carry no card text.
 */
export function attributePages(site: SiteData, byId: ReadonlyMap<string, number>, truth: PublicTruth): Map<string, Attribution> {
  const pages = new Map<string, Attribution>();
  const ids = (list: readonly (string | undefined)[]) => list.flatMap((id) => (id !== undefined && byId.has(id) ? [byId.get(id)!] : []));
  const collectionWords = (names: readonly string[]) => names.flatMap((name) => truth.collections.get(name) ?? []);
  const allCollections = collectionWords(site.collections.map((c) => c.name));
  pages.set("/", {
    full: [],
    summary: ids([...site.home.featured, ...site.home.recent, ...site.home.needsReview]),
    extra: allCollections,
    label: "the home page",
  });
  // A language's home page (`/ko/`) lists the collections and their cards in that language.
  for (const [lang, home] of Object.entries(site.languageHomes ?? {})) {
    if (home === "/") continue;
    pages.set(home, {
      full: [],
      summary: ids([...site.home.featured, ...site.home.recent, ...site.collections.flatMap((c) => c.localized[lang] ?? c.cardIds)]),
      extra: allCollections,
      label: `the ${lang} home page`,
    });
  }
  for (const collection of site.collections) {
    pages.set(collection.url, { full: [], summary: ids(collection.cardIds), extra: collectionWords([collection.name]), label: `the collection page of ${collection.name}` });
  }
  pages.set("/search/", { full: [], summary: ids(site.home.popular), extra: site.collections.map((c) => truth.collections.get(c.name)?.[0] ?? ""), label: "the search page" });
  const tagNames = (names: readonly string[]) => names.filter((name) => truth.tags.has(name));
  pages.set("/tags/", { full: [], summary: [], extra: tagNames(site.tags.map((t) => t.name)), label: "the tag list" });
  for (const tag of site.tags) pages.set(tag.url, { full: [], summary: ids(tag.cardIds), extra: tagNames([tag.name]), label: `the tag page "${tag.name}"` });
  for (const view of site.cards) {
    const card = truth.cards.get(view.id);
    pages.set(view.url, {
      full: ids([view.id]),
      summary: ids([view.prev, view.next, ...view.related]),
      // The language switcher and the hreflang alternates name the addresses of the card's translations (not their text).
      extra: card ? [truth.collections.get(card.collection)?.[0] ?? "", ...truth.translationUrls(card)] : [],
      label: `the page of public card ${view.id}`,
    });
  }
  for (const redirect of site.redirects) {
    const target = site.cards.find((card) => card.url === redirect.to);
    pages.set(redirect.from, { full: [], summary: ids([target?.id]), extra: redirectExcuse(truth, redirect), label: `the redirect page ${redirect.from}` });
  }
  return pages;
}

/** Attribution of one output file, by its path relative to the site folder. */
export function attributeFile(model: LeakModel, rel: string, text: string): Attribution {
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
  // The vocabulary carries the public cards' words; of the synonym aliases and glossary, what a synonym may honestly share.
  if (rel.startsWith("search-data/")) return { ...none, all: true, extraKeys: model.aliasExcuses, label: "the search vocabulary" };
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

/**
 * The site path of a search entry's URL. Pagefind writes the URL percent-encoded
 * (`/billing/%ED%99%98%EB%B6%88/`) and card URLs are written as the browser shows them (a `%` is
 * never in one, see reserved-paths.ts), so it is decoded: else a Korean card's entry was no page's.
 */
function stripBase(base: string, url: string): string {
  let path = url.split("#")[0]!.split("?")[0]!;
  try {
    path = decodeURIComponent(path);
  } catch {
    // Not percent-encoding Pagefind wrote: read as it is.
  }
  const prefix = base.replace(/\/$/, "");
  return normaliseSitePath(prefix && path.startsWith(prefix) ? path.slice(prefix.length) : path);
}
