/** sitemap.xml of the public help center (the internal wiki has none), with `hreflang` alternates of translated cards. */
import { escapeUTF8 as escapeXml } from "entities";
import { absoluteUrl, getCard, getSite } from "../build/site-runtime.ts";

export function GET(): Response {
  const site = getSite();
  const homes = [...new Set(Object.values(site.languageHomes))].filter((p) => p !== "/");
  const paths = ["/", ...homes, ...site.collections.map((c) => c.url), ...site.tags.map((t) => t.url), ...site.cards.map((c) => c.url)];
  const lastmod = new Map(site.cards.map((c) => [c.url, c.lastChange?.date ?? c.verifiedOn]));
  const alternates = new Map(
    site.cards
      .filter((c) => c.translations.length > 1)
      .map((c) => [c.url, c.translations.map((member) => ({ lang: member.lang, url: getCard(member.id).url }))]),
  );
  const urls = paths.map((p) => {
    const date = lastmod.get(p);
    const links = (alternates.get(p) ?? []).map((alt) => `<xhtml:link rel="alternate" hreflang="${escapeXml(alt.lang)}" href="${escapeXml(absoluteUrl(alt.url))}"/>`);
    return `  <url><loc>${escapeXml(absoluteUrl(p))}</loc>${date ? `<lastmod>${date}</lastmod>` : ""}${links.join("")}</url>`;
  });
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join("\n")}\n</urlset>\n`;
  return new Response(xml, { headers: { "content-type": "application/xml; charset=utf-8" } });
}
