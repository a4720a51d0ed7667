/**
 * The report's per-language table: for each language, its published cards, how many are
 * translations, how many of those are outdated, how many sources in other languages have no card
 * in it yet (missing), and the trust score of its cards.
 */
import type { Card } from "../cards/load.ts";
import { getTranslations } from "../site/translations.ts";
import type { OutdatedTranslation } from "../verification/translation-drift.ts";
import { computeTrustScore, type VerificationPolicy } from "../verification/verification.ts";

export interface LanguageRow {
  lang: string;
  cards: number;
  translated: number;
  outdated: number;
  missing: number;
  trustScore: number;
}

export function computeLanguageStats(cards: readonly Card[], policy: VerificationPolicy, outdated: ReadonlyMap<Card, OutdatedTranslation>): LanguageRow[] {
  const translations = getTranslations(cards);
  const published = cards.filter((card) => card.data.status === "published");
  const langs = [...new Set(published.map((card) => card.lang))].sort();
  // Cards that are not translations: each could have a version in every other language.
  const originals = published.filter((card) => !translations.sourceOf(card));
  return langs.map((lang) => {
    const inLang = published.filter((card) => card.lang === lang);
    const translated = inLang.filter((card) => translations.sourceOf(card));
    return {
      lang,
      cards: inLang.length,
      translated: translated.length,
      outdated: translated.filter((card) => outdated.has(card)).length,
      missing: originals.filter((card) => card.lang !== lang && !translations.groupOf(card)?.byLang.has(lang)).length,
      trustScore: computeTrustScore(inLang, policy).score,
    };
  });
}
