/**
 * The Markdown copy of each card at its page URL plus `.md` (`/billing/refunds.md`) under
 * `astro dev`. A build writes the same documents as files (`writeMarkdownCopies`): as pages they
 * would double the pages Astro renders.
 */
import type { APIRoute } from "astro";
import { absoluteUrl, getSite } from "../build/site-runtime.ts";
import type { CardView } from "../build/site-data.ts";
import { cardMarkdownDocument } from "../build/machine-readable.ts";

export function getStaticPaths() {
  return getSite().cards.map((card) => {
    const [collection, ...rest] = card.url.split("/").filter(Boolean);
    return { params: { collection, slug: rest.join("/") }, props: { card } };
  });
}

export const GET: APIRoute<{ card: CardView }> = ({ props }) =>
  new Response(cardMarkdownDocument(getSite(), props.card, absoluteUrl(props.card.url)), { headers: { "content-type": "text/markdown; charset=utf-8" } });
