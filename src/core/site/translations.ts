/**
 * Translations are linked cards: a translation names its source with `translation_of: <source id>`.
 * A source and its translations form a group (one source, at most one card per language). This
 * module builds the groups once per card list; lint, the sites, status and the report call it.
 */
import { cardAudience } from "./audience.ts";
import type { Finding } from "../lint/findings.ts";
import type { Card } from "../cards/load.ts";

export interface TranslationGroup {
  source: Card;
  /** Valid translations, one per language other than the source's, ordered by language. */
  translations: Card[];
  /** Every member by language, the source included. */
  byLang: Map<string, Card>;
}

export interface Translations {
  groups: TranslationGroup[];
  /** The group a card belongs to (as source or valid translation). */
  groupOf(card: Card): TranslationGroup | undefined;
  /** The source of a valid translation; undefined for sources and standalone cards. */
  sourceOf(card: Card): Card | undefined;
  /** What is wrong with the links, as lint findings (rule ids translation-*). */
  problems: Finding[];
}

const cache = new WeakMap<readonly Card[], Translations>();

/** The translation groups of these cards, built once per card list. */
export function getTranslations(cards: readonly Card[]): Translations {
  let result = cache.get(cards);
  if (!result) {
    result = buildTranslations(cards);
    cache.set(cards, result);
  }
  return result;
}

function buildTranslations(cards: readonly Card[]): Translations {
  const byId = new Map<string, Card>();
  for (const card of cards) if (!byId.has(card.id)) byId.set(card.id, card);
  const problems: Finding[] = [];
  const groups = new Map<Card, TranslationGroup>();
  const memberOf = new Map<Card, TranslationGroup>();
  const at = (card: Card, ruleId: string, message: string): Finding => ({
    ruleId,
    severity: "error",
    file: card.file,
    line: card.fieldLines.translation_of ?? 1,
    column: 1,
    message,
  });
  const sorted = [...cards].filter((c) => c.data.translation_of !== undefined).sort((a, b) => a.relPath.localeCompare(b.relPath));
  for (const card of sorted) {
    const sourceId = card.data.translation_of!;
    const source = byId.get(sourceId);
    if (!source) {
      problems.push(at(card, "translation-source", `translation_of: ${sourceId} names no card. Write the id of the card this one translates (its collection/slug, e.g. ${card.collection}/${card.slug.replace(/-[a-z]{2,3}$/, "")}), or remove the line.`));
      continue;
    }
    if (source === card) {
      problems.push(at(card, "translation-source", `translation_of names the card itself. Write the id of the card in the source language, or remove the line.`));
      continue;
    }
    if (source.data.translation_of !== undefined) {
      problems.push(
        at(card, "translation-source", `${source.relPath} is itself a translation (of ${source.data.translation_of}); a group has one source. Write translation_of: ${source.data.translation_of}`),
      );
      continue;
    }
    if (source.lang === card.lang) {
      problems.push(at(card, "translation-source", `The card and its source ${source.relPath} are both in "${card.lang}". Set lang: to the translation's language (e.g. lang: ko), or remove translation_of.`));
      continue;
    }
    if (cardAudience(card) !== cardAudience(source)) {
      const leak = cardAudience(source) === "internal";
      problems.push({
        ...at(card, "translation-audience", ""),
        line: leak ? (card.fieldLines.audience ?? card.fieldLines.translation_of ?? 1) : (card.fieldLines.translation_of ?? 1),
        message: leak
          ? `This translation is external but its source ${source.relPath} is internal: a translation of an internal card can never be public. Set audience: internal.`
          : `This translation is internal but its source ${source.relPath} is external. To keep it internal, make it a card of its own: remove translation_of. Set audience: external only when it says nothing but what the public source says (a translation is published with its source).`,
      });
      continue;
    }
    if (source.data.status === "draft" && card.data.status !== "draft" && cardAudience(card) === "external") {
      problems.push(
        at(
          card,
          "translation-audience",
          `This translation is published on the public site but its source ${source.relPath} is a draft: a translation of a draft is never published before its source (the sites leave it out). Set status: draft until the source is published.`,
        ),
      );
      continue;
    }
    let group = groups.get(source);
    if (!group) {
      group = { source, translations: [], byLang: new Map([[source.lang, source]]) };
      groups.set(source, group);
      memberOf.set(source, group);
    }
    const taken = group.byLang.get(card.lang);
    if (taken) {
      problems.push(
        at(card, "translation-duplicate", `${taken.relPath} is already the "${card.lang}" version of ${source.id}; a group has one card per language. Merge the two cards, or link this one to another source.`),
      );
      continue;
    }
    group.byLang.set(card.lang, card);
    group.translations.push(card);
    memberOf.set(card, group);
  }
  for (const group of groups.values()) group.translations.sort((a, b) => a.lang.localeCompare(b.lang));
  return {
    groups: [...groups.values()],
    groupOf: (card) => memberOf.get(card),
    sourceOf: (card) => {
      const group = memberOf.get(card);
      return group && group.source !== card ? group.source : undefined;
    },
    problems,
  };
}
