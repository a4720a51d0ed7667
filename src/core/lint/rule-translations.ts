/**
 * `translation-source`, `translation-duplicate`, `translation-audience`: the links between a
 * translation and its source (see site/translations.ts, which decides them once for every caller).
 * `translation-outdated` needs git and is made by translation-drift.ts.
 *
 * With `expiredPublicCards: withhold`, `translation-audience` also warns at a public translation whose
 * source the help center withholds on lint's day (expired): the translation is the same stale text in
 * another language, so the sites, the leak check and the public MCP server withhold it too
 * (site/audience.ts). A warning whatever level `rules:` gives the rule (off turns it off): the cause is
 * the source's expiry, which verify-by-expired reports and the deploy build builds anyway on.
 */
import type { Finding } from "./findings.ts";
import type { Card } from "../cards/load.ts";
import { getTranslations } from "../site/translations.ts";
import { publicTranslationsOfHiddenCards, type ExpiredCardsRule } from "../site/audience.ts";

export function translationFindings(cards: readonly Card[]): Finding[] {
  return getTranslations(cards).problems;
}

/** The public translations the help center withholds only because a source in their chain is expired (`expiredPublicCards: withhold`). */
export function withheldTranslationWarnings(cards: readonly Card[], expired: ExpiredCardsRule): Finding[] {
  if (expired.expiredPublicCards !== "withhold") return [];
  const byAudience = publicTranslationsOfHiddenCards(cards);
  const byId = new Map<string, Card>();
  for (const card of cards) if (!byId.has(card.id)) byId.set(card.id, card);
  const withheld: Finding[] = [];
  for (const card of publicTranslationsOfHiddenCards(cards, expired)) {
    const source = byId.get(card.data.translation_of!);
    if (byAudience.has(card) || !source) continue;
    withheld.push({
      ruleId: "translation-audience",
      severity: "warning",
      file: card.file,
      line: card.fieldLines.translation_of ?? 1,
      column: 1,
      message: `The help center withholds this translation: its source ${source.relPath} is withheld while its verification is expired (expiredPublicCards: withhold), and a translation is the same text in another language. Re-verify the source with verity verify ${source.relPath}, then this translation if needed.`,
    });
  }
  return withheld;
}
