/** `feed.xml`: an Atom feed of the site's new and updated cards, newest first (from git history). */
import { Feed } from "feed";
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
  const home = absoluteUrl("/");
  const feed = new Feed({
    title: site.title,
    description: site.site === "public" ? `New and updated articles of ${site.title}` : `Recently changed cards of ${site.title}`,
    id: home,
    link: home,
    language: site.lang,
    favicon: absoluteUrl("/favicon.ico"),
    copyright: site.title,
    updated: new Date(`${dated[0]?.date ?? site.today}T00:00:00Z`),
    feedLinks: { atom: absoluteUrl("/feed.xml") },
  });
  for (const { card, date } of dated) {
    feed.addItem({
      title: card.title,
      id: absoluteUrl(card.url),
      link: absoluteUrl(card.url),
      description: card.description ?? card.title,
      date: new Date(`${date}T00:00:00Z`),
      category: card.tags.map((tag) => ({ name: tag.name })),
    });
  }
  return new Response(feed.atom1(), { headers: { "content-type": "application/atom+xml; charset=utf-8" } });
}
