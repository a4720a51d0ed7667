/**
 * The machine-readable side of a site: `llms.txt` (https://llmstxt.org: a title, a summary, then
 * one link list per collection) and the Markdown document of each card. Both are built only from
 * the site's prepared data, so they hold exactly the cards and text the site's pages hold.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { CardView, SiteData } from "./site-data.ts";

/** The Markdown URL of a card page: `/billing/refunds/` -> `/billing/refunds.md`. */
export function markdownPath(cardUrl: string): string {
  return `${cardUrl.replace(/\/$/, "")}.md`;
}

export function cardMarkdownDocument(site: SiteData, card: CardView, pageUrl: string): string {
  const facts = [`Source: ${pageUrl}`];
  if (site.site === "internal") {
    facts.push(`Owner: ${card.owner}`, `Audience: ${card.audience}`, `Verify by: ${card.verifyBy}`);
  }
  if (card.lastChange) facts.push(`Last changed: ${card.lastChange.date}`);
  const description = card.description ? `${card.description}\n\n` : "";
  return `# ${card.title}\n\n${description}${facts.map((f) => `- ${f}`).join("\n")}\n\n${card.markdown}`;
}

/**
 * Writes the Markdown copy of every card of the site into the built site folder, next to its page
 * folder (the collection folder, which holds the page, exists). Asynchronous, a few files at a
 * time, so the build indexes the site meanwhile.
 */
export async function writeMarkdownCopies(siteDir: string, site: SiteData, absoluteUrl: (sitePath: string) => string): Promise<number> {
  let next = 0;
  const worker = async () => {
    while (next < site.cards.length) {
      const card = site.cards[next++]!;
      await writeFile(path.join(siteDir, ...markdownPath(card.url).split("/")), cardMarkdownDocument(site, card, absoluteUrl(card.url)));
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return site.cards.length;
}

export function llmsIndex(site: SiteData, absoluteUrl: (sitePath: string) => string): string {
  const byId = new Map(site.cards.map((card) => [card.id, card]));
  const audience = site.site === "public" ? "Answers for customers" : "Internal support knowledge (all published cards)";
  const lines = [`# ${site.title}`, "", `> ${audience}: ${site.cards.length} cards. Each card links to its Markdown copy.`, ""];
  for (const collection of site.collections) {
    lines.push(`## ${collection.title}`, "");
    for (const id of collection.cardIds) {
      const card = byId.get(id)!;
      lines.push(`- [${escapeLinkText(card.title)}](${absoluteUrl(markdownPath(card.url))})${card.description ? `: ${oneLine(card.description)}` : ""}`);
    }
    lines.push("");
  }
  return lines.join("\n");
}

function escapeLinkText(text: string): string {
  return text.replace(/[[\]\\]/g, (c) => `\\${c}`);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
