/** A site's URLs from its data: what pages (through site-runtime) and the build's own writers share. */
import type { SiteData } from "./site-data.ts";

/** A site path (`/billing/refunds/`) under the site's base path. */
export function siteHref(site: Pick<SiteData, "base">, sitePath: string): string {
  return `${site.base.replace(/\/$/, "")}${sitePath}`;
}

/** The absolute URL of a site path, for canonical links, Open Graph, the sitemap and Markdown copies. */
export function siteAbsoluteUrl(site: Pick<SiteData, "base" | "url">, sitePath: string): string {
  return `${site.url}${siteHref(site, sitePath)}`;
}
