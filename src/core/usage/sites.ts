/**
 * Which sites are measured and what the collector accepts from each: decided from the project's
 * configuration and cards (the same cards the sites are built from), in one place.
 */
import { selectCardsForSite, siteSelectionOf } from "../site/audience.ts";
import type { VerityConfig } from "../project/config.ts";
import type { Project } from "../project/project.ts";
import { USAGE_SITES, type UsageSite, type UsageSiteRules } from "./events.ts";
import type { UsageCardInfo } from "./usage-report.ts";

export interface SiteUsage {
  endpoint: string;
  /** Origin of the endpoint, for the pages' Content-Security-Policy `connect-src`. */
  origin: string;
  comments: boolean;
}

/** The usage settings of one site, or undefined when it is not measured. */
export function getSiteUsage(config: Pick<VerityConfig, "sites">, site: UsageSite): SiteUsage | undefined {
  const usage = config.sites[site].usage;
  return usage ? { endpoint: usage.endpoint, origin: new URL(usage.endpoint).origin, comments: usage.comments } : undefined;
}

export function measuredSites(config: Pick<VerityConfig, "sites">): UsageSite[] {
  return USAGE_SITES.filter((site) => getSiteUsage(config, site) !== undefined);
}

/** What a site's usage is counted against: the project's cards, day and audience rules. */
export type UsageProject = Pick<Project, "config" | "cards" | "policy" | "index">;

/**
 * The cards a site shows, as the build selects them (siteSelectionOf): on the help center, not the
 * external cards it withholds (filed under a page only the wiki has, translating an internal card,
 * expired under `expiredPublicCards: withhold`), whose ids may name what only the wiki has.
 */
function siteCards(project: UsageProject, site: UsageSite) {
  return selectCardsForSite(project.cards, site, siteSelectionOf(project));
}

/** What the collector accepts per measured site: that site's cards, and comments if allowed. */
export function getUsageSiteRules(project: UsageProject): Map<UsageSite, UsageSiteRules> {
  const { config } = project;
  const rules = new Map<UsageSite, UsageSiteRules>();
  for (const site of measuredSites(config)) {
    rules.set(site, {
      cards: new Set(siteCards(project, site).map((card) => card.id)),
      comments: getSiteUsage(config, site)!.comments,
      private: site === "internal",
    });
  }
  return rules;
}

/** Origins whose pages may send events: each measured site's URL, plus the configured extras. */
export function getCollectorOrigins(config: Pick<VerityConfig, "sites" | "collect">, extra: readonly string[] = []): Set<string> {
  const origins = new Set<string>();
  for (const site of measuredSites(config)) origins.add(new URL(config.sites[site].url).origin);
  for (const url of [...config.collect.allowedOrigins, ...extra]) origins.add(new URL(url).origin);
  return origins;
}

/**
 * The site a page origin belongs to, when exactly one measured site has that origin: events from
 * it must name that site (a help-center page cannot send wiki events). Other allowed origins may
 * send for any measured site.
 */
export function getOriginSites(config: Pick<VerityConfig, "sites">): Map<string, UsageSite> {
  const bySite = new Map<string, UsageSite[]>();
  for (const site of measuredSites(config)) {
    const origin = new URL(config.sites[site].url).origin;
    bySite.set(origin, [...(bySite.get(origin) ?? []), site]);
  }
  return new Map([...bySite].filter(([, sites]) => sites.length === 1).map(([origin, sites]) => [origin, sites[0]!]));
}

/** The cards of the given sites, as the usage report names them. */
export function getUsageCards(project: UsageProject, sites: readonly UsageSite[]): UsageCardInfo[] {
  return sites.flatMap((site) => siteCards(project, site).map((card) => ({ site, id: card.id, title: card.data.title, collection: card.collection })));
}
