/** Related cards: the counting on numbered cards gives the ranking the site documents, on random tag sets. */
import { describe, expect, it } from "vitest";
import { createRandom } from "../../bench/lib/random.ts";
import type { Card } from "../../src/core/cards/load.ts";
import { collectTags, computeRelated } from "../../src/build/card-lists.ts";

function randomCards(next: () => number, count: number, tagCount: number): { cards: Card[]; groupOf: (card: Card) => string | undefined } {
  const titles = ["Refunds", "refunds", "Payouts", "Éclair", "Zebra", "Alpha", "환불", "退款", "Beta", "beta"];
  const langs = ["en", "en", "en", "ko", "zh-CN"];
  const cards: Card[] = [];
  const groups = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const tags = Array.from({ length: Math.floor(next() * 5) }, () => `t${Math.floor(next() * tagCount)}`);
    const card = { id: `c/${i}`, lang: langs[Math.floor(next() * langs.length)]!, data: { title: titles[Math.floor(next() * titles.length)]!, tags } } as unknown as Card;
    cards.push(card);
    // About a third of the cards are translations of an earlier card (their group is its id).
    if (i > 0 && next() < 0.35) {
      const source = cards[Math.floor(next() * i)]!;
      const group = groups.get(source.id) ?? source.id;
      groups.set(source.id, group);
      groups.set(card.id, group);
    }
  }
  return { cards, groupOf: (card) => groups.get(card.id) };
}

/**
 * The documented ranking, written plainly: cards sharing a tag (tags on more than 200 cards
 * skipped), not of the card's own translation group, one per group (the first found in the
 * reader's language, else the first found), sorted by same language, then shared tags, then
 * title, found order on ties; the first five.
 */
function specification(cards: readonly Card[], groupOf: (card: Card) => string | undefined): Map<string, string[]> {
  const groupKey = (card: Card) => groupOf(card) ?? card.id;
  const byTag = new Map<string, Card[]>();
  for (const card of cards) for (const tag of new Set(card.data.tags ?? [])) byTag.set(tag, [...(byTag.get(tag) ?? []), card]);
  const compareTitles = new Intl.Collator().compare;
  const result = new Map<string, string[]>();
  for (const card of cards) {
    const found: { card: Card; shared: number }[] = [];
    for (const tag of new Set(card.data.tags ?? [])) {
      const list = byTag.get(tag)!;
      if (list.length > 200) continue;
      for (const other of list) {
        if (groupKey(other) === groupKey(card)) continue;
        const entry = found.find((f) => f.card === other);
        if (entry) entry.shared++;
        else found.push({ card: other, shared: 1 });
      }
    }
    const perGroup: { card: Card; shared: number }[] = [];
    for (const entry of found) {
      const at = perGroup.findIndex((p) => groupKey(p.card) === groupKey(entry.card));
      if (at < 0) perGroup.push(entry);
      else if (entry.card.lang === card.lang && perGroup[at]!.card.lang !== card.lang) perGroup[at] = entry;
    }
    const sameLang = (c: Card) => (c.lang === card.lang ? 1 : 0);
    const ranked = perGroup
      .map((entry, order) => ({ ...entry, order }))
      .sort((a, b) => sameLang(b.card) - sameLang(a.card) || b.shared - a.shared || compareTitles(a.card.data.title, b.card.data.title) || a.order - b.order);
    result.set(
      card.id,
      ranked.slice(0, 5).map((entry) => entry.card.id),
    );
  }
  return result;
}

describe("related cards", () => {
  it("match the documented ranking on 200 random projects", () => {
    const { next } = createRandom(20261203);
    for (let round = 0; round < 200; round++) {
      const { cards, groupOf } = randomCards(next, 5 + Math.floor(next() * 60), 2 + Math.floor(next() * 12));
      expect(computeRelated(cards, collectTags(cards), groupOf), `round ${round}`).toEqual(specification(cards, groupOf));
    }
  });

  it("skip a tag that more than 200 cards carry", () => {
    const cards = Array.from({ length: 202 }, (_, i) => ({ id: `c/${i}`, lang: "en", data: { title: `Card ${i}`, tags: i < 2 ? ["everywhere", "pair"] : ["everywhere"] } }) as unknown as Card);
    const related = computeRelated(cards, collectTags(cards), () => undefined);
    expect(related.get("c/0")).toEqual(["c/1"]);
    expect(related.get("c/5")).toEqual([]);
  });
});
