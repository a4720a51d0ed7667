/** `llms.txt`: an index of the site's cards with one-line descriptions and links to their Markdown copies. */
import { absoluteUrl, getSite } from "../build/site-runtime.ts";
import { llmsIndex } from "../build/machine-readable.ts";

export function GET(): Response {
  return new Response(llmsIndex(getSite(), absoluteUrl), { headers: { "content-type": "text/plain; charset=utf-8" } });
}
