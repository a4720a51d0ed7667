/**
 * Companion cards: an external answer and its internal notes for agents name each other with
 * `companion:`. A pair counts only when both directions hold (lint's `companion` rule reports
 * the rest), so nothing shows or drifts on a half-made pair.
 */
import { cardAudience } from "../site/audience.ts";
import type { CardIndex } from "../site/links.ts";
import type { Card } from "../cards/load.ts";

/** The card's companion when the pair is valid: it exists, has the other audience and names the card back. */
export function companionOf(card: Card, index: Pick<CardIndex, "byId">): Card | undefined {
  const id = card.data.companion;
  if (id === undefined) return undefined;
  const other = index.byId.get(id);
  if (!other || other === card || cardAudience(other) === cardAudience(card) || other.data.companion !== card.id) return undefined;
  return other;
}
