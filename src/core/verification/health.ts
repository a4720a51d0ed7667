/**
 * Knowledge health: the trust score overall, per collection and per owner, and the expired and
 * expiring cards grouped by owner. Built on `computeTrustScore` and `toStatusRow`, so it never
 * decides a status itself. Pure: no git, no clock. `verity report` and the internal wiki's
 * knowledge-health page both show it.
 */
import type { CalendarDate } from "./calendar-date.ts";
import type { Collection } from "../cards/collections.ts";
import type { Card } from "../cards/load.ts";
import { toStatusRow, type StatusRow } from "./status.ts";
import { compareUrgency, computeTrustScore, isCountedForTrust, type TrustScore, type VerificationPolicy } from "./verification.ts";

export interface CollectionHealth {
  name: string;
  title: string;
  trust: TrustScore;
}

export interface OwnerHealth {
  /** The owner as written on their first card (handles compare case-insensitively). */
  owner: string;
  trust: TrustScore;
  /** Published cards past their verify_by day, longest overdue first. */
  expired: StatusRow[];
  /** Published cards within the warning window, soonest first. */
  expiring: StatusRow[];
}

export interface KnowledgeHealth {
  today: CalendarDate;
  warnDays: number;
  minTrustScore: number;
  trust: TrustScore;
  /** True when the overall trust score is under the configured floor. */
  isBelowFloor: boolean;
  /** Every collection that has cards, in the collections' display order. */
  collections: CollectionHealth[];
  /** Every owner, most expired cards first, then by name. */
  owners: OwnerHealth[];
  /** Owners with at least one expired or expiring card: who has to act. */
  ownersToRemind: OwnerHealth[];
}

export interface HealthInput {
  cards: readonly Card[];
  collections: readonly Pick<Collection, "name" | "title">[];
  policy: VerificationPolicy;
  config: { warnDays: number; minTrustScore: number };
}

export function computeKnowledgeHealth(input: HealthInput): KnowledgeHealth {
  const { cards, policy } = input;
  const trust = computeTrustScore(cards, policy);

  const byCollection = groupBy(cards, (card) => card.collection);
  const known = new Set(input.collections.map((c) => c.name));
  const collections: CollectionHealth[] = [
    ...input.collections.filter((c) => byCollection.has(c.name)).map((c) => ({ name: c.name, title: c.title })),
    ...[...byCollection.keys()].filter((name) => !known.has(name)).sort().map((name) => ({ name, title: name })),
  ].map((c) => ({ ...c, trust: computeTrustScore(byCollection.get(c.name) ?? [], policy) }));

  const byOwner = groupBy(cards, (card) => card.data.owner.toLowerCase());
  const owners: OwnerHealth[] = [...byOwner.values()].map((ownerCards) => {
    const rows = ownerCards
      .filter(isCountedForTrust)
      .map((card) => toStatusRow(card, { policy }))
      .sort((a, b) => compareUrgency(a, b) || a.path.localeCompare(b.path));
    return {
      owner: ownerCards[0]!.data.owner,
      trust: computeTrustScore(ownerCards, policy),
      expired: rows.filter((row) => row.status === "expired"),
      expiring: rows.filter((row) => row.status === "expiring"),
    };
  });
  owners.sort((a, b) => b.expired.length - a.expired.length || b.expiring.length - a.expiring.length || a.owner.localeCompare(b.owner));

  return {
    today: policy.today,
    warnDays: input.config.warnDays,
    minTrustScore: input.config.minTrustScore,
    trust,
    isBelowFloor: trust.score < input.config.minTrustScore,
    collections,
    owners,
    ownersToRemind: owners.filter((o) => o.expired.length + o.expiring.length > 0),
  };
}

/** Health of the owner `handle` (case-insensitive), or undefined when they own no card. */
export function findOwnerHealth(health: KnowledgeHealth, handle: string): OwnerHealth | undefined {
  return health.owners.find((o) => o.owner.toLowerCase() === handle.toLowerCase());
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
