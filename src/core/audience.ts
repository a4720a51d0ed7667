/** Which cards each site may contain. The only place that decides what the public can see. */
import type { Card } from "./load-cards.ts";

export type SiteName = "public" | "internal";
export const SITE_NAMES: readonly SiteName[] = ["public", "internal"];

export interface SiteSelection {
  /** Include `status: draft` cards (internal previews only; never on the public site). */
  includeDrafts?: boolean;
}

/** True when `card` may appear on `site`. Public: published external cards only. */
export function isOnSite(card: Card, site: SiteName, options: SiteSelection = {}): boolean {
  if (site === "public") return card.data.audience === "external" && card.data.status === "published";
  return card.data.status === "published" || options.includeDrafts === true;
}

export function selectCardsForSite(cards: readonly Card[], site: SiteName, options: SiteSelection = {}): Card[] {
  return cards.filter((card) => isOnSite(card, site, options));
}

/** Cards that must never reach the public site: everything not selected for it. */
export function cardsHiddenFromPublic(cards: readonly Card[]): Card[] {
  return cards.filter((card) => !isOnSite(card, "public"));
}
