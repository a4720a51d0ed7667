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

/**
 * A query that may be text copied from a card, an error message or a button (`No free seats in this workspace`, `Allow this
 * customer`): its words as typed, stop words and all, for a phrase search; undefined when it has fewer than `least` words,
 * more than a quoted message has, or a word in another script.
 */
export function quotedPhrase(query: string, least = 2): string | undefined {
  // A longer message that quotes one (`my customer keeps getting 'your card was declined' when she pays`): what it quotes.
  // Or a Korean, Chinese or Japanese question's run of Latin words (`제로 연동 오류 Tax rate not mapped`): the English message it pastes.
  const quote = QUOTED.exec(query.normalize("NFKC"))?.[1] ?? (CJK.test(query) ? query.normalize("NFKC").match(LATIN_RUN)?.sort((a, b) => b.length - a.length)[0] : undefined);
  let words = phraseWords(quote !== undefined && phraseWords(quote).length >= Math.max(least, 3) ? quote : query);
  // A reader reporting what the screen says quotes it after the verb (`sign in page shows no free seats in this workspace`).
  const at = words.findIndex((word) => REPORTING.has(word));
  if (at >= 0 && words.length - at - 1 >= Math.max(least, 3)) words = words.slice(at + 1);
  if (words.length < least || words.length > PHRASE_WORDS || words.some((word) => !/^[a-z0-9'_-]+$/.test(word))) return undefined;
  return words.join(" ");
}

/** The words of a text as a phrase is matched: lower case, punctuation and quotes around words left out. */
export function phraseWords(text: string): string[] {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}'_\s-]+/gu, " ")
    .split(/\s+/)
    .map((word) => word.replace(/^['-]+|['-]+$/g, ""))
    .filter((word) => word.length > 0);
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** Three Latin words or more, one after the other. */
const LATIN_RUN = /[a-z0-9'_-]+(?:[ \t]+[a-z0-9'_-]+){2,}/giu;

/** Text between quotation marks, the opening one not after a letter (`customer's` is no quote). */
const QUOTED = /(?<![\p{L}\p{N}])['"“‘「]([^'"“”‘’「」]+)['"”’」](?![\p{L}\p{N}])/u;

/** Verbs after which a reader quotes what a screen shows; not `says`, after which a customer's words are reported (`my customer says they never got...`). */
const REPORTING = new Set(["shows", "showing", "displays", "displaying", "reads"]);

/** The longest quoted message or label a phrase search is tried for. */
const PHRASE_WORDS = 8;
