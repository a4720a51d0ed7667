/**
 * Pagefind stems each word of a query and matches words that start with the stem. An abbreviation ending in `s` (ACS,
 * SMS, POS) loses it to the English stemmer, and what is left is the start of many words (`ac` begins "account" and
 * "access"): `ACS URL` found every page with "accept" and a URL before the SSO card that names the ACS URL. Such a word
 * is searched on its own as an exact word (a quoted query, which Pagefind does not stem) and the pages that have it lead.
 */
import type { Vocabulary } from "./search-query.ts";

/** The words of a query that a stemmer would cut to a wide prefix: a Latin word of three or four letters the cards use, ending in `s`, whose form without it no card uses. */
export function fragileWords(terms: readonly string[], vocabulary: Vocabulary): string[] {
  return terms.filter((term) => /^[a-z]{2,3}s$/.test(term) && vocabulary.has(term) && !vocabulary.has(term.slice(0, -1)));
}

/** The pages that have every fragile word first, each side in its own order; the pages as they are when none or all do. */
export function exactFirst<T extends { id: string }>(hits: readonly T[], exact: ReadonlySet<string>): T[] {
  const first = hits.filter((hit) => exact.has(hit.id));
  if (first.length === 0 || first.length === hits.length) return [...hits];
  return [...first, ...hits.filter((hit) => !exact.has(hit.id))];
}
