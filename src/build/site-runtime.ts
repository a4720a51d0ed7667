/** What pages read: the prepared data of the site being built, loaded once per build. */
import dataFile from "virtual:verity/data-file";
import type { CardView, SiteData } from "./site-data.ts";
import { readSiteDataFile } from "./site-data-file.ts";
import { siteAbsoluteUrl, siteHref } from "./site-urls.ts";

/** The ids the card page writes around the card, which no heading takes (core/site/anchors.ts). */
export { PAGE_IDS } from "../core/site/anchors.ts";

let cached: { data: SiteData; byId: Map<string, CardView> } | undefined;

function load(): { data: SiteData; byId: Map<string, CardView> } {
  if (!cached) {
    const shared = (globalThis as { __veritySiteData?: Record<string, SiteData> }).__veritySiteData?.[dataFile];
    const data = shared ?? readSiteDataFile(dataFile);
    cached = { data, byId: new Map(data.cards.map((card) => [card.id, card])) };
  }
  return cached;
}

export function getSite(): SiteData {
  return load().data;
}

export function getCard(id: string): CardView {
  const card = load().byId.get(id);
  if (!card) throw new Error(`No card with id ${id} on this site.`);
  return card;
}

/** A site path (`/billing/refunds/`) under the site's base path. */
export function href(sitePath: string): string {
  return siteHref(getSite(), sitePath);
}

/** The absolute URL of a site path, for canonical links, Open Graph and the sitemap. */
export function absoluteUrl(sitePath: string): string {
  return siteAbsoluteUrl(getSite(), sitePath);
}
