/**
 * Questions across languages: the glossary (`search-data/glossary.json`) holds the synonym groups
 * written in several languages (style-guide/synonyms.yml) that cards of the site use, with the
 * languages whose cards use them. A question that names such a thing in a language none of whose
 * cards use it ("2단계 인증" on a site with a 2FA card in English only) is also asked, in those words,
 * of the languages whose cards do.
 */
import { normaliseQuery } from "./search-query.ts";

export interface GlossaryEntry {
  /** Lower case words by language, the preferred word first. */
  words: Record<string, string[]>;
  /** Languages with a card of the site that uses the entry. */
  langs: string[];
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * The questions to ask in other languages, by language (the preferred words of each entry the
 * query names, joined), for entries no card of the query's language uses.
 */
export function crossLanguageQueries(query: string, lang: string, glossary: readonly GlossaryEntry[], fold?: Readonly<Record<string, string>>): Map<string, string> {
  const text = normaliseQuery(query, lang === "zh" ? fold : undefined);
  const compact = text.replace(/\s+/g, "");
  const named: { entry: GlossaryEntry; word: string }[] = [];
  for (const entry of glossary) {
    const word = entry.words[lang]?.find((w) => mentions(text, compact, w));
    if (word) named.push({ entry, word });
  }
  // A word inside a longer word the query also names belongs to that one ("키" in "API 키").
  const kept = named.filter((n) => !named.some((o) => o !== n && o.word.length > n.word.length && o.word.includes(n.word)));
  const byLang = new Map<string, string[]>();
  for (const { entry } of kept) {
    if (entry.langs.includes(lang)) continue;
    for (const other of entry.langs) {
      const preferred = entry.words[other]?.[0];
      if (other !== lang && preferred) byLang.set(other, [...(byLang.get(other) ?? []), preferred]);
    }
  }
  return new Map([...byLang].map(([other, words]) => [other, words.join(" ")]));
}

/** Whole words (a plural ending allowed), or for CJK the word anywhere, spaces ignored. */
function mentions(text: string, compact: string, word: string): boolean {
  if (CJK.test(word)) return compact.includes(word.replace(/\s+/g, ""));
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "[\\s-]+");
  return new RegExp(`(?:^|[^\\p{L}\\p{N}_])${escaped}(?:s|es)?(?=$|[^\\p{L}\\p{N}_])`, "u").test(text);
}
