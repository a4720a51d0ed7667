/**
 * Which cards each site may contain. The only place that decides what the public can see.
 *
 * Public is an explicit, per-card decision: a card is external only when its own frontmatter says
 * `audience: external` (`Card.declaredAudience`). Collection defaults can only make cards internal
 * (see collections.ts), and a merged or tampered `data.audience` is never trusted alone. A
 * translation (`translation_of`) is its source in another language: the sites and assistants never
 * have it on the public site when that site does not have its source (see {@link siteSelectionOf}).
 */
import type { Audience } from "../cards/schema.ts";
import type { ExpiredPublicCards } from "../project/config.ts";
import type { Card } from "../cards/load.ts";
import { getCardVerification, type VerificationPolicy } from "../verification/verification.ts";
import { hiddenPageAbove, hiddenPagesOf } from "./file-audience.ts";
import type { CardIndex } from "./links.ts";

export type SiteName = "public" | "internal";
export const SITE_NAMES: readonly SiteName[] = ["public", "internal"];

export interface SiteSelection {
  /** Include `status: draft` cards (internal previews only; never on the public site). */
  includeDrafts?: boolean;
  /**
   * What the public site does with expired external cards (`expiredPublicCards`) and the day it
   * is decided on. Every site build, the MCP knowledge base and the leak check pass it (see
   * {@link siteSelectionOf}); lint, which checks audiences only, does not.
   */
  expired?: ExpiredCardsRule;
  /**
   * Cards the public site never has whatever their own frontmatter says: translations of a card it
   * does not have (an internal card or a draft). {@link siteSelectionOf} finds them in the project's
   * cards, so every site build, the MCP knowledge base and the leak check leave them out; lint
   * reports them (translation-audience).
   */
  withheld?: ReadonlySet<AudienceFields>;
}

export interface ExpiredCardsRule {
  expiredPublicCards: ExpiredPublicCards;
  policy: VerificationPolicy;
}

/**
 * The selection a project's sites are built with: its `expiredPublicCards` setting on its day, and
 * the cards the public site may not have whatever their own frontmatter says: translations of a
 * hidden card (see {@link publicTranslationsOfHiddenCards}) and, given the project's index, cards
 * whose URL lies under a page only the wiki has (see {@link publicCardsUnderHiddenPages}).
 */
export function siteSelectionOf(project: { config: { expiredPublicCards: ExpiredPublicCards }; policy: VerificationPolicy; cards?: readonly Card[]; index?: CardIndex }): SiteSelection {
  const expired = { expiredPublicCards: project.config.expiredPublicCards, policy: project.policy };
  if (!project.cards) return { expired };
  const translations = publicTranslationsOfHiddenCards(project.cards, expired);
  if (!project.index) return { expired, withheld: translations };
  const nested = publicCardsUnderHiddenPages(project.cards, project.index, { expired, withheld: translations });
  return { expired, withheld: nested.size === 0 ? translations : new Set([...translations, ...nested]) };
}

/** Per card list, per rule and day: the public cards filed under a hidden page. */
const nestedCache = new WeakMap<readonly Card[], Map<string, ReadonlySet<Card>>>();

/**
 * Public cards whose URL lies under a page only the wiki has: `/help/escalation/steps/` under the
 * internal (or withheld) card `/help/escalation/`, in any letter case. The URL is a folder of the
 * public site and names that card, as an alias or a file there would (file-audience.ts,
 * {@link hiddenPageAbove}); lint reports it (address-audience), and the sites, the leak check and
 * the public MCP server leave the card out.
 */
export function publicCardsUnderHiddenPages(cards: readonly Card[], index: CardIndex, selection: SiteSelection): ReadonlySet<Card> {
  const rule = selection.expired;
  const key = rule ? `${rule.expiredPublicCards} ${rule.policy.today} ${rule.policy.warnDays}` : "";
  let byRule = nestedCache.get(cards);
  if (!byRule) nestedCache.set(cards, (byRule = new Map()));
  let found = byRule.get(key);
  if (found) return found;
  // Only a URL of three or more segments lies under another card's page.
  const deep = cards.filter((card) => card.url.split("/").length > 4 && isOnSite(card, "public", selection));
  const hidden = deep.length === 0 ? undefined : hiddenPagesOf(index, selection);
  found = new Set(hidden ? deep.filter((card) => hiddenPageAbove(card.url, hidden) !== undefined) : []);
  byRule.set(key, found);
  return found;
}

/** Per card list, per rule and day: an expired source withholds its translations only from its expiry on. */
const withheldCache = new WeakMap<readonly Card[], Map<string, ReadonlySet<Card>>>();

/**
 * Cards that say they are public (external, published) but translate a card that is not: an
 * internal card or a draft, an expired card `expired` withholds (its stale text in another
 * language), or a translation the public site withholds. The translation is that
 * card's text in another language, so it is not public either, even when `rules:` lowers
 * translation-audience or translation-source (which reports a translation of a translation). A
 * translation whose source is missing translates nothing hidden and keeps its own decision.
 */
export function publicTranslationsOfHiddenCards(cards: readonly Card[], expired?: ExpiredCardsRule): ReadonlySet<Card> {
  const key = expired ? `${expired.expiredPublicCards} ${expired.policy.today} ${expired.policy.warnDays}` : "";
  let byRule = withheldCache.get(cards);
  if (!byRule) withheldCache.set(cards, (byRule = new Map()));
  let withheld = byRule.get(key);
  if (withheld) return withheld;
  // From every card the public site does not have, down its translations, theirs, and so on (plan-ja of
  // plan-ko of the internal plan): each public card reached is the hidden text in another language.
  const found = translationsReachedFrom(cards, cards.filter((card) => !isOnSite(card, "public", expired ? { expired } : {})), (card) => isOnSite(card, "public"));
  withheld = found;
  byRule.set(key, withheld);
  return withheld;
}

/**
 * The translations of `sources` among `cards`, their translations, and so on to the end of each chain
 * (cycles included), that `follow` accepts: the sources' text in other languages. Every card that holds
 * a source's id counts as that source: lint and the build stop on a duplicate id, but `verity mcp` does
 * not lint, and a card claiming a hidden card's id must not free that card's translations.
 */
export function translationsReachedFrom(cards: readonly Card[], sources: readonly Card[], follow: (card: Card) => boolean = () => true): Set<Card> {
  const holders = new Map<string, Card[]>();
  for (const card of cards) {
    const list = holders.get(card.id);
    if (list) list.push(card);
    else holders.set(card.id, [card]);
  }
  const translationsOf = new Map<Card, Card[]>();
  for (const card of cards) {
    const sourceId = card.data.translation_of;
    for (const source of sourceId === undefined ? [] : (holders.get(sourceId) ?? [])) {
      if (source === card) continue;
      const list = translationsOf.get(source);
      if (list) list.push(card);
      else translationsOf.set(source, [card]);
    }
  }
  const found = new Set<Card>();
  const queue = [...sources];
  for (let i = 0; i < queue.length; i++) {
    for (const translation of translationsOf.get(queue[i]!) ?? []) {
      if (found.has(translation) || !follow(translation)) continue;
      found.add(translation);
      queue.push(translation);
    }
  }
  return found;
}

/** What the decision reads: the card's own audience line and its merged data. */
export interface AudienceFields {
  data: Pick<Card["data"], "audience" | "status"> & Partial<Pick<Card["data"], "verify_by">>;
  declaredAudience: Card["declaredAudience"];
}

/** The card's audience: `external` only when the card itself says so, else `internal`. */
export function cardAudience(card: AudienceFields): Audience {
  return card.declaredAudience === "external" && card.data.audience === "external" ? "external" : "internal";
}

/**
 * True when `card` may appear on `site`. Public: published cards whose own frontmatter says
 * external, minus expired ones when `expiredPublicCards: withhold` is passed in `options.expired`
 * and the translations of hidden cards passed in `options.withheld`.
 */
export function isOnSite(card: AudienceFields, site: SiteName, options: SiteSelection = {}): boolean {
  if (site === "public") {
    return cardAudience(card) === "external" && card.data.status === "published" && publicTreatment(card, options) !== "withhold" && !options.withheld?.has(card);
  }
  return card.data.status === "published" || options.includeDrafts === true;
}

/**
 * How the public site treats an external card, by its verification on the selection's day:
 * `show` it, show it with a review `notice`, or `withhold` it (`expiredPublicCards`). Cards that
 * are not expired, and every card when no rule is passed, are shown.
 */
export function publicTreatment(card: AudienceFields, options: SiteSelection = {}): "show" | "notice" | "withhold" {
  const rule = options.expired;
  if (!rule || rule.expiredPublicCards === "keep" || card.data.verify_by === undefined) return "show";
  if (getCardVerification({ data: { verify_by: card.data.verify_by, status: card.data.status } }, rule.policy).status !== "expired") return "show";
  return rule.expiredPublicCards;
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
export function cardsHiddenFromPublic(cards: readonly Card[], options: SiteSelection = {}): Card[] {
  return cards.filter((card) => !isOnSite(card, "public", options));
}

/** A card's last change as a site shows it: the day, and on the wiki its author (the help center names none: a commit's author is a colleague, not part of the card). */
export function changeShownOn<C extends { date: string; author: string }>(change: C | undefined, site: SiteName): { date: string; author?: string } | undefined {
  if (!change) return undefined;
  return site === "internal" ? { date: change.date, author: change.author } : { date: change.date };
}
