/**
 * The site data file: every rendered card of a site, which `verity build` writes and the site's
 * Astro process reads (integration.ts, site-runtime.ts). Written with Node's structured
 * serialization (node:v8), which copies strings as they are: for thousands of cards' HTML that
 * takes a fifth of the time JSON takes to escape them, and the Astro process waits for it. Both
 * ends run the same Node (Astro is started from process.execPath).
 */
import { readFileSync } from "node:fs";
import { deserialize, serialize } from "node:v8";
import { writeFileWhole } from "../core/cards/safe-write.ts";
import type { SiteData } from "./site-data.ts";

/** Writes `data` to `file` whole or not at all: Astro reads the file as soon as it exists. */
export function writeSiteDataFile(file: string, data: SiteData): void {
  writeFileWhole(file, serialize(data));
}

export function readSiteDataFile(file: string): SiteData {
  return deserialize(readFileSync(file)) as SiteData;
}
