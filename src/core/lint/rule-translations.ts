/**
 * `translation-source`, `translation-duplicate`, `translation-audience`: the links between a
 * translation and its source (see site/translations.ts, which decides them once for every caller).
 * `translation-outdated` needs git and is made by translation-drift.ts.
 */
import type { Finding } from "./findings.ts";
import type { Card } from "../cards/load.ts";
import { getTranslations } from "../site/translations.ts";

export function translationFindings(cards: readonly Card[]): Finding[] {
  return getTranslations(cards).problems;
}
