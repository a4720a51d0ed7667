/**
 * Words for what core decided: verification labels and filter values. No decisions are made here.
 * Pure: the wiki's client (src/client/live-status.ts) imports it too, so the words are the same
 * whether the status was computed at build time or when the page is read.
 */
import { plural } from "../core/report/format.ts";
import type { CardView } from "./site-data.ts";

export interface VerificationLabel {
  /** "Verified until 2027-05-14", "Expires in 5 days (2026-11-27)", "Expired 3 days ago (2026-11-19)". */
  long: string;
  /** "Verified", "Expires in 5 days", "Expired 3 days ago". */
  short: string;
  /** Search filter value. */
  filter: string;
}

export function describeVerification(card: Pick<CardView, "verification" | "verifyBy">): VerificationLabel {
  const { status, daysLeft } = card.verification;
  if (status === "verified") return { long: `Verified until ${card.verifyBy}`, short: "Verified", filter: "Verified" };
  if (status === "expiring") {
    const when = daysLeft === 0 ? "today" : `in ${plural(daysLeft, "day")}`;
    return { long: `Expires ${when} (${card.verifyBy})`, short: `Expires ${when}`, filter: "Expiring" };
  }
  const ago = `${plural(-daysLeft, "day")} ago`;
  return { long: `Expired ${ago} (${card.verifyBy})`, short: `Expired ${ago}`, filter: "Expired" };
}

/** The wiki's banner on an expired card: "This card expired 3 days ago (2026-11-19)." */
export function expiredBanner(card: Pick<CardView, "verification" | "verifyBy">): string {
  return `This card expired ${plural(-card.verification.daysLeft, "day")} ago (${card.verifyBy}).`;
}

export function describeAudience(audience: CardView["audience"]): string {
  return audience === "internal" ? "Internal" : "Public";
}

export { plural };
