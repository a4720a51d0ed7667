/**
 * `resolveLink` once per card and link in a lint run: `link-broken`, `link-audience`,
 * `file-audience` and the attachment check all ask where each link of a card goes. The answers
 * live as long as the run's card index (a new load is a new index), so a later run never sees them.
 */
import type { Card } from "../cards/load.ts";
import { resolveLink, type CardIndex, type LinkTarget } from "../site/links.ts";

const memo = new WeakMap<CardIndex, WeakMap<Card, Map<string, LinkTarget>>>();

export function linkTargetOf(card: Card, url: string, index: CardIndex): LinkTarget {
  let byCard = memo.get(index);
  if (!byCard) memo.set(index, (byCard = new WeakMap()));
  let byUrl = byCard.get(card);
  if (!byUrl) byCard.set(card, (byUrl = new Map()));
  let target = byUrl.get(url);
  if (!target) byUrl.set(url, (target = resolveLink(card, url, index)));
  return target;
}
