/** Small text helpers shared by the report views. */
import type { StatusRow } from "../verification/status.ts";
import { verifiedCount, type TrustScore } from "../verification/verification.ts";

export function percent(value: number | null): string {
  return value === null ? "–" : `${value}%`;
}

export function signedPercent(value: number | null): string {
  if (value === null) return "–";
  return `${value > 0 ? "+" : ""}${value}%`;
}

/** "3 days overdue", "due today", "due in 5 days". */
export function describeDue(row: Pick<StatusRow, "daysLeft">): string {
  if (row.daysLeft < 0) return `${-row.daysLeft} ${row.daysLeft === -1 ? "day" : "days"} overdue`;
  if (row.daysLeft === 0) return "due today";
  return `due in ${row.daysLeft} ${row.daysLeft === 1 ? "day" : "days"}`;
}

export function trustSentence(trust: TrustScore, warnDays: number): string {
  return (
    `${verifiedCount(trust)} of ${trust.counted} published cards verified; ` +
    `${trust.expired} expired, ${trust.expiring} expiring within ${warnDays} days`
  );
}

export function fileLink(base: string | undefined, relPath: string): string | undefined {
  return base ? `${base}${relPath.split("/").map(encodeURIComponent).join("/")}` : undefined;
}

/** "1 card", "3 cards". */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}
