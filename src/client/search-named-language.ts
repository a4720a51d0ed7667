/**
 * A question in English that names the language it wants an answer in (`Korean guide for accounting sync errors`,
 * `Chinese API quick start`): the cards of that language are asked too, in the glossary's words for what the
 * question names (core/site/glossary.ts), or in its own words when the glossary names nothing; their best card
 * leads, as a glossary answer does (search-engine.ts). Asked in the reader's language alone, the question found the
 * English cards on the topic and never the one in the language the reader named.
 */
import { crossLanguageQueries, type GlossaryEntry } from "../core/site/glossary.ts";
import type { SearchOutcome } from "./search-engine.ts";

/** English names of the site's languages, as a reader writes them. */
const LANGUAGE_NAMES: Readonly<Record<string, string>> = { korean: "ko", hangul: "ko", chinese: "zh", mandarin: "zh", japanese: "ja", english: "en" };

/** The language a Latin-script question names and the question without the name, asked of that language; none when it names none other than the reader's. */
export function namedLanguageQuery(query: string, readerLang: string, available: Readonly<Record<string, number>>, glossary: readonly GlossaryEntry[], fold?: Readonly<Record<string, string>>): [string, string][] {
  if (/[^\p{Script=Latin}\p{N}\p{P}\p{S}\s]/u.test(query)) return [];
  const words = query.toLowerCase().split(/[^\p{L}\p{N}_-]+/u).filter((w) => w.length > 0);
  const named = words.map((w) => LANGUAGE_NAMES[w]).find((lang) => lang !== undefined);
  if (!named || named === readerLang || !Object.hasOwn(available, named) || words.length < 2) return [];
  const rest = words.filter((w) => LANGUAGE_NAMES[w] === undefined).join(" ");
  return [[named, crossLanguageQueries(rest, readerLang, glossary, fold, true).get(named) ?? rest]];
}

/** An outcome with no results. */
export function emptyOutcome(query: string, lang: string): SearchOutcome {
  return { query, readerLang: lang, lang, hits: [], mode: "none", analysis: { terms: [], corrections: [], unknown: [], suggestions: [] } };
}
