/**
 * Which of a site's cards' aliases (old URLs) become redirect pages on that site. An alias is a
 * folder of the site with a page in it: on the help center it may not lie at or under a page only the
 * wiki has, an internal card, a collection without public cards, or a card the help center withholds
 * (expired under `expiredPublicCards: withhold`; see file-audience.ts, {@link hiddenPageAbove}), since
 * its address names that page. The wiki keeps every redirect. A refused alias is reported at its
 * card's `aliases` line, so the author sees why the help center has no redirect there.
 */
import type { Card } from "../cards/load.ts";
import type { SiteName } from "./audience.ts";
import { hiddenPageAbove, type HiddenPages } from "./file-audience.ts";
import { normaliseSitePath } from "./links.ts";
import { isReservedName } from "./reserved-paths.ts";

export interface Redirect {
  from: string;
  to: string;
  title: string;
}

export interface RefusedAlias {
  /** `content/help/page.md:6`: the card's `aliases` line. */
  place: string;
  alias: string;
  /** The page only the wiki has that the alias names (`the internal card /help/escalation/`). */
  page: string;
}

/**
 * The redirects of `cards` (the site's own, in page order) on `site`. `taken` holds the site's other
 * addresses (its cards, collections and language homes), which no alias takes.
 */
export function siteRedirects(cards: readonly Card[], site: SiteName, taken: ReadonlySet<string>, hidden: HiddenPages): { redirects: Redirect[]; refused: RefusedAlias[] } {
  const used = new Set(taken);
  const redirects: Redirect[] = [];
  const refused: RefusedAlias[] = [];
  for (const card of cards) {
    for (const alias of card.data.aliases ?? []) {
      const from = normaliseSitePath(alias);
      if (used.has(from) || from === "/" || isReservedName(from.split("/")[1]!)) continue;
      const page = site === "public" ? hiddenPageAbove(from, hidden) : undefined;
      if (page) {
        refused.push({ place: `${card.relPath}:${card.fieldLines.aliases ?? 1}`, alias: from, page });
        continue;
      }
      used.add(from);
      redirects.push({ from, to: card.url, title: card.data.title });
    }
  }
  return { redirects, refused };
}

/** The build's line for a refused alias. */
export function refusedAliasMessage(refused: RefusedAlias): string {
  return `${refused.place}: the alias ${refused.alias} is not redirected on the public site: its address names ${refused.page}, a page only the internal wiki has (the wiki keeps the redirect). Remove the alias, or use an address outside that page.`;
}
