/**
 * The address a page carries for a link written in Markdown. A Markdown link's, image's or definition's URL is
 * rendered percent-encoded (micromark's `normalizeUri`, which satteri's HTML applies too): a tab inside `<...>` is
 * `%09` in the page's `href`, a backslash `%5C`, a space `%20`. A browser then reads `../escalate-zebra/%09` as that
 * path, not as `../escalate-zebra/` (it removes only raw tabs and newlines). Every decision on a Markdown link (lint's
 * link rules, the wall that rewrites or drops links on a site, the Markdown copy, the search words) reads this address,
 * so what lint says of a link is what the page does with it. A raw HTML or MDX attribute's value is carried as
 * written (parsed), and is its own page address.
 */
import { normalizeUri } from "micromark-util-sanitize-uri";

/**
 * The address the page carries for the URL of a Markdown link, image or definition: `normalizeUri`'s result. A URL
 * made only of the characters it never escapes (most links) is its own result.
 */
export function markdownLinkHref(url: string): string {
  return UNESCAPED_URL.test(url) ? url : normalizeUri(url);
}

/** The ASCII characters normalizeUri keeps as they are (its own class; `%` is judged with what follows it). */
const UNESCAPED_URL = /^[!#$&-;=?-Z_a-z~]*$/;
