/** Verification status of a card on a given day, and the trust score. The only place that decides them. */
import { daysBetween, parseInterval, type CalendarDate, type Interval } from "./calendar-date.ts";
import type { Card } from "../cards/load.ts";

export type VerificationStatus = "verified" | "expiring" | "expired";

export interface Verification {
  status: VerificationStatus;
  /** Days from today to `verify_by`: 0 on the last verified day, negative once expired. */
  daysLeft: number;
}

export interface VerificationPolicy {
  today: CalendarDate;
  /** Cards whose `verify_by` is within this many days are expiring. */
  warnDays: number;
}

/**
 * A card is verified through its `verify_by` day, expiring when that day is at most `warnDays`
 * away, and expired from the next day on.
 */
export function getVerification(verifyBy: CalendarDate, policy: VerificationPolicy): Verification {
  const daysLeft = daysBetween(policy.today, verifyBy);
  const status: VerificationStatus = daysLeft < 0 ? "expired" : daysLeft <= policy.warnDays ? "expiring" : "verified";
  return { status, daysLeft };
}

/** What verification reads of a card: a full `Card`, or a lightly read one (see `verity lint --changed`). */
export interface VerifiableCard {
  data: Pick<Card["data"], "verify_by" | "status">;
}

export function getCardVerification(card: VerifiableCard, policy: VerificationPolicy): Verification {
  return getVerification(card.data.verify_by, policy);
}

/** Cards that count for the trust score: published ones. */
export function isCountedForTrust(card: VerifiableCard): boolean {
  return card.data.status === "published";
}

export interface TrustScore {
  /** Percent of counted cards that are not expired, to one decimal; 100 when there are none. */
  score: number;
  counted: number;
  expired: number;
  expiring: number;
  /** Cards with the status `verified`: not expired and not within the warning window. */
  verified: number;
}

/**
 * Published cards that are verified: every card not expired, the expiring ones included (a card is
 * verified through its verify_by day). The one count the CLI, reports and the wiki call "verified".
 */
export function verifiedCount(trust: TrustScore): number {
  return trust.counted - trust.expired;
}

/** The trust score's rounding: a share as a percent to one decimal; 100 when nothing is counted. */
export function roundScore(part: number, whole: number): number {
  return whole === 0 ? 100 : Math.round((part / whole) * 1000) / 10;
}

export function computeTrustScore(cards: readonly VerifiableCard[], policy: VerificationPolicy): TrustScore {
  const result = { counted: 0, expired: 0, expiring: 0, verified: 0 };
  for (const card of cards) {
    if (!isCountedForTrust(card)) continue;
    result.counted++;
    result[getCardVerification(card, policy).status]++;
  }
  const score = roundScore(result.counted - result.expired, result.counted);
  return { score, ...result };
}

/** The card's review interval: its own `verify_every`, else the configured default. */
export function reviewInterval(card: Card, defaultEvery: string): Interval {
  return parseInterval(card.data.verify_every ?? defaultEvery) ?? { count: 90, unit: "d" };
}

const STATUS_RANK: Record<VerificationStatus, number> = { expired: 0, expiring: 1, verified: 2 };

/** Most urgent first: expired (longest overdue first), then expiring, then verified. */
export function compareUrgency(a: Verification, b: Verification): number {
  return STATUS_RANK[a.status] - STATUS_RANK[b.status] || a.daysLeft - b.daysLeft;
}
