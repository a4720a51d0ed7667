/** `feed.xml`: an Atom feed of the site's new and updated cards, newest first (from git history). */
import { atomFeed } from "../build/atom-feed.ts";
import { absoluteUrl, getSite } from "../build/site-runtime.ts";

/** How many entries the feed holds. */
const FEED_LENGTH = 50;

export function GET(): Response {
  const site = getSite();
  const dated = site.cards
    .map((card) => ({ card, date: card.lastChange?.date ?? card.verifiedOn }))
    .filter((entry): entry is { card: (typeof site.cards)[number]; date: string } => entry.date !== undefined)
    .sort((a, b) => b.date.localeCompare(a.date) || a.card.title.localeCompare(b.card.title))
    .slice(0, FEED_LENGTH);
  const xml = atomFeed({
    title: site.title,
    description: site.site === "public" ? `New and updated articles of ${site.title}` : `Recently changed cards of ${site.title}`,
    home: absoluteUrl("/"),
    self: absoluteUrl("/feed.xml"),
    favicon: absoluteUrl("/favicon.ico"),
    lang: site.lang,
    today: site.today,
    entries: dated.map(({ card, date }) => ({ title: card.title, url: absoluteUrl(card.url), description: card.description, date, tags: card.tags.map((tag) => tag.name) })),
  });
  return new Response(xml, { headers: { "content-type": "application/atom+xml; charset=utf-8" } });
}
