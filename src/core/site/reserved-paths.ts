/**
 * The site paths Verity's own pages and files use, besides cards and collections: the one list
 * that link resolution (links.ts) and the site builder (site-data.ts) both read.
 */
import type { SiteName } from "./audience.ts";

/** First path segments the sites use for their own pages and files; no collection may take them. */
export const RESERVED_PATHS: ReadonlySet<string> = new Set(["tags", "search", "search-data", "health", "pagefind", "404", "robots.txt", "sitemap.xml", "_files", "_astro"]);

/** Which sites have a page or file under each reserved first segment (tag pages are decided per tag). */
const RESERVED_ON: Readonly<Record<string, readonly SiteName[]>> = {
  tags: ["public", "internal"],
  search: ["public", "internal"],
  health: ["internal"],
  pagefind: ["public", "internal"],
  "404": ["public", "internal"],
  "robots.txt": ["public", "internal"],
  "sitemap.xml": ["public"],
  _astro: ["public", "internal"],
};

/** True when a collection folder name would clash with a reserved path. */
export function isReservedName(name: string): boolean {
  return RESERVED_PATHS.has(name.toLowerCase());
}

/** The sites that have the reserved page `first` (a first path segment), or undefined when `first` is not reserved. */
export function reservedPageSites(first: string): readonly SiteName[] | undefined {
  return RESERVED_ON[first.toLowerCase()];
}
