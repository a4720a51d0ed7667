/**
 * Which cards each site may contain. The only place that decides what the public can see.
 *
 * Public is an explicit, per-card decision: a card is external only when its own frontmatter says
 * `audience: external` (`Card.declaredAudience`). Collection defaults can only make cards internal
 * (see collections.ts), and a merged or tampered `data.audience` is never trusted alone.
 */
import type { Audience } from "./card-schema.ts";
import type { Card } from "./load-cards.ts";

export type SiteName = "public" | "internal";
export const SITE_NAMES: readonly SiteName[] = ["public", "internal"];

export interface SiteSelection {
  /** Include `status: draft` cards (internal previews only; never on the public site). */
  includeDrafts?: boolean;
}

/** What the decision reads: the card's own audience line and its merged data. */
export interface AudienceFields {
  data: Pick<Card["data"], "audience" | "status">;
  declaredAudience: Card["declaredAudience"];
}

/** The card's audience: `external` only when the card itself says so, else `internal`. */
export function cardAudience(card: AudienceFields): Audience {
  return card.declaredAudience === "external" && card.data.audience === "external" ? "external" : "internal";
}

/** True when `card` may appear on `site`. Public: published cards whose own frontmatter says external. */
export function isOnSite(card: AudienceFields, site: SiteName, options: SiteSelection = {}): boolean {
  if (site === "public") return cardAudience(card) === "external" && card.data.status === "published";
  return card.data.status === "published" || options.includeDrafts === true;
}

/**
 * Whether a card text (e.g. a file's text at the merge base) is public, by the same decision:
 * its own frontmatter must say `audience: external`, and it must not be a draft.
 */
export function isTextOnPublicSite(frontmatter: Record<string, unknown> | undefined): boolean {
  const audience = frontmatter?.audience === "external" ? "external" : undefined;
  const status = frontmatter?.status === "draft" ? "draft" : "published";
  return isOnSite({ data: { audience: audience ?? "internal", status }, declaredAudience: audience }, "public");
}

export function selectCardsForSite(cards: readonly Card[], site: SiteName, options: SiteSelection = {}): Card[] {
  return cards.filter((card) => isOnSite(card, site, options));
}

/** Cards that must never reach the public site: everything not selected for it. */
export function cardsHiddenFromPublic(cards: readonly Card[]): Card[] {
  return cards.filter((card) => !isOnSite(card, "public"));
}
