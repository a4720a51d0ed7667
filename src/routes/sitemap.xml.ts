/** sitemap.xml of the public help center (the internal wiki has none). */
import { absoluteUrl, getSite } from "../build/site-runtime.ts";

export function GET(): Response {
  const site = getSite();
  const paths = ["/", ...site.collections.map((c) => c.url), ...site.tags.map((t) => t.url), ...site.cards.map((c) => c.url)];
  const lastmod = new Map(site.cards.map((c) => [c.url, c.lastChange?.date ?? c.verifiedOn]));
  const urls = paths.map((p) => {
    const date = lastmod.get(p);
    return `  <url><loc>${escapeXml(absoluteUrl(p))}</loc>${date ? `<lastmod>${date}</lastmod>` : ""}</url>`;
  });
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("\n")}\n</urlset>\n`;
  return new Response(xml, { headers: { "content-type": "application/xml; charset=utf-8" } });
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
