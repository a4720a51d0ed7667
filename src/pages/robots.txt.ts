import { absoluteUrl, getSite } from "../build/site-runtime.ts";

/** Public: allow all and point to the sitemap. Internal: disallow everything. */
export function GET(): Response {
  const site = getSite();
  const body = site.site === "internal" ? "User-agent: *\nDisallow: /\n" : `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl("/sitemap.xml")}\n`;
  return new Response(body, { headers: { "content-type": "text/plain; charset=utf-8" } });
}
