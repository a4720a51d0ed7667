/**
 * The lists a site shows besides its cards, from the cards on it: tags with their cards, related
 * cards, the popular cards of the home page, and lists in a reader's language.
 */
import type { Card } from "../core/cards/load.ts";
import { tagUrls } from "../core/site/tag-pages.ts";
import type { TranslationGroup } from "../core/site/translations.ts";
import type { CardView, CollectionView, TagView } from "./site-data.ts";

/** The home page's popular cards: the configured `featured` ones, else the first of each collection in `lang`. */
export function popularCards(featured: readonly string[], collections: readonly CollectionView[], views: readonly CardView[], lang: string): string[] {
  const byId = new Map(views.map((view) => [view.id, view]));
  const chosen = featured.filter((id, i) => byId.has(id) && featured.indexOf(id) === i);
  if (chosen.length > 0) return chosen.slice(0, 8);
  return collections
    .map((collection) => collection.cardIds.find((id) => byId.get(id)!.lang === lang) ?? collection.cardIds[0]!)
    .slice(0, 8);
}

/** Every tag of the cards with its page URL and its cards, in tag-page order. */
export function collectTags(cards: readonly Card[]): TagView[] {
  const byName = new Map<string, string[]>();
  for (const card of cards) {
    for (const tag of new Set(card.data.tags ?? [])) {
      const list = byName.get(tag) ?? [];
      list.push(card.id);
      byName.set(tag, list);
    }
  }
  return [...tagUrls(byName.keys())].map(([name, url]) => ({ name, url, cardIds: byName.get(name)! }));
}

/**
 * Up to five cards sharing the most tags with each card, cards in the reader's language first;
 * one pass over the tag lists. Tags on more than 200 cards say little and are skipped. Cards,
 * translation groups and languages are numbered first, so the counting works on arrays.
 */
export function computeRelated(cards: readonly Card[], tags: readonly TagView[], groupOf: (card: Card) => string | undefined, limit = 5): Map<string, string[]> {
  const n = cards.length;
  const indexOf = new Map(cards.map((card, i) => [card.id, i]));
  const members = new Map(tags.map((tag) => [tag.name, Int32Array.from(tag.cardIds.flatMap((id) => (indexOf.has(id) ? [indexOf.get(id)!] : [])))]));
  // Titles ranked once in the order localeCompare gives, so that ranking compares numbers.
  const collator = new Intl.Collator();
  const titleOrder = [...new Set(cards.map((card) => card.data.title))].sort(collator.compare);
  const titleRank = new Map(titleOrder.map((title, i) => [title, i]));
  const numbered = (of: (card: Card) => string) => {
    const numbers = new Map<string, number>();
    return Int32Array.from(cards, (card) => {
      const key = of(card);
      let k = numbers.get(key);
      if (k === undefined) numbers.set(key, (k = numbers.size));
      return k;
    });
  };
  const title = Int32Array.from(cards, (card) => titleRank.get(card.data.title)!);
  const lang = numbered((card) => card.lang);
  const group = numbered((card) => groupOf(card) ?? card.id);
  const shared = new Int32Array(n);
  const touched: number[] = [];
  const best = new Int32Array(n).fill(-1);
  const groupsFound: number[] = [];
  const result = new Map<string, string[]>();
  cards.forEach((card, i) => {
    for (const tag of new Set(card.data.tags ?? [])) {
      const list = members.get(tag);
      if (!list || list.length > 200) continue;
      // The card's own translations are in the language switcher, not among related articles.
      for (const j of list) {
        if (group[j] === group[i]) continue;
        if (shared[j] === 0) touched.push(j);
        shared[j]! += 1;
      }
    }
    // One card per translation group (in the order the groups were first found): the one in the
    // reader's language when there is one, else the first found.
    for (const j of touched) {
      const g = group[j]!;
      const seen = best[g]!;
      if (seen < 0) {
        best[g] = j;
        groupsFound.push(g);
      } else if (lang[j] === lang[i] && lang[seen] !== lang[i]) best[g] = j;
    }
    // The best `limit` by one number: same language first, then most shared tags, then title
    // order; equal keys keep the order found (as a stable sort would).
    const top: { j: number; key: number }[] = [];
    for (const g of groupsFound) {
      const j = best[g]!;
      const key = (lang[j] === lang[i] ? 2 ** 42 : 0) + shared[j]! * 2 ** 21 + (2 ** 21 - 1 - title[j]!);
      if (top.length === limit && key <= top[limit - 1]!.key) continue;
      let at = top.length;
      while (at > 0 && top[at - 1]!.key < key) at--;
      top.splice(at, 0, { j, key });
      if (top.length > limit) top.pop();
    }
    result.set(
      card.id,
      top.map((entry) => cards[entry.j]!.id),
    );
    for (const j of touched) shared[j] = 0;
    for (const g of groupsFound) best[g] = -1;
    touched.length = 0;
    groupsFound.length = 0;
  });
  return result;
}

/**
 * Lists in a reader's language: per translation group one card of the list (the one in `lang`
 * when the list has it, else the source, else the first member listed), cards in `lang` first,
 * each part in the list's order.
 */
export function localizer(groupOf: (card: Card) => TranslationGroup | undefined): (cards: readonly Card[], lang: string) => Card[] {
  return (cards, lang) => {
    const listed = new Set(cards);
    const chosen: Card[] = [];
    const seen = new Set<unknown>();
    for (const card of cards) {
      const group = groupOf(card);
      if (seen.has(group ?? card)) continue;
      seen.add(group ?? card);
      const inLang = group?.byLang.get(lang);
      chosen.push(inLang && listed.has(inLang) ? inLang : group && listed.has(group.source) ? group.source : card);
    }
    return [...chosen.filter((card) => card.lang === lang), ...chosen.filter((card) => card.lang !== lang)];
  };
}
