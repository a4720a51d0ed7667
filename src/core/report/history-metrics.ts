/**
 * Month-by-month figures reconstructed from git history: cards added, cards at the month's end,
 * growth, verifications and the trust score as it was at each month's end.
 *
 * Definitions (also in the README):
 * - cards added: commits that add a card file (renames are not additions), by commit month;
 * - growth: (cards at the end of the month - cards at the end of the previous month) / cards at
 *   the end of the previous month, in percent; null when the previous month ended with none;
 * - verifications: commits that set a new verified_on on an existing card (what `verity verify`
 *   does) or move its verify_by to a later date (a hand edit), one per card and commit;
 * - trust score at a month's end: the share of published cards present at that day whose
 *   verify_by, as committed by then, had not passed (the current month: as of today).
 * Dates are commit dates as calendar days in the configured time zone.
 */
import type { CalendarDate } from "../verification/calendar-date.ts";
import { takeRenamed, type HistoryCommit } from "../git/history.ts";
import type { FieldUpdates } from "../git/verify-history.ts";
import { computeTrustScore, type VerifiableCard } from "../verification/verification.ts";

export interface MonthStats {
  /** `YYYY-MM`. */
  month: string;
  /** The month's last day, or today for the current month. */
  end: CalendarDate;
  isPartial: boolean;
  cardsAdded: number;
  cardsRemoved: number;
  cardsAtEnd: number;
  /** Net growth over the month in percent (one decimal), null when the month started with no cards. */
  growthPercent: number | null;
  verifications: number;
  /** Trust score at `end` (one decimal), null when no published card had a known verify_by. */
  trustScore: number | null;
}

export interface HistoryOptions {
  today: CalendarDate;
  warnDays: number;
  /** How many months, ending with today's month. */
  months: number;
  isCard(relPath: string): boolean;
}

interface CardState {
  verifyBy: CalendarDate | undefined;
  verifiedOn: CalendarDate | undefined;
  status: "draft" | "published";
}

export function computeMonthlyHistory(commits: readonly HistoryCommit[], updates: FieldUpdates, options: HistoryOptions): MonthStats[] {
  const months = listMonths(options.today, options.months);
  const counters = new Map(months.map((m) => [m, { added: 0, removed: 0, verifications: 0 }]));
  const live = new Map<string, CardState>();
  let next = 0;

  const apply = (commit: HistoryCommit) => {
    const counter = counters.get(commit.date.slice(0, 7));
    const fileUpdates = updates.get(commit.hash);
    const moved = takeRenamed(commit.changes, live);
    for (const change of commit.changes) {
      if (change.kind === "deleted") {
        if (live.delete(change.path) && counter) counter.removed++;
        continue;
      }
      const update = fileUpdates?.get(change.path) ?? {};
      const before = change.kind === "renamed" ? moved.get(change.path) : live.get(change.path);
      if (!options.isCard(change.path)) {
        if (change.kind === "renamed" && before && counter) counter.removed++; // moved out of the content
        continue;
      }
      // A modification of a card never seen before (or an addition of one already there) comes
      // from history cut by the path filter; the first sighting counts as the addition.
      const isNew = change.kind === "renamed" ? before === undefined : !live.has(change.path);
      if (isNew && counter) counter.added++;
      const state: CardState = {
        verifyBy: update.verifyBy ?? before?.verifyBy,
        verifiedOn: update.verifiedOn ?? before?.verifiedOn,
        status: update.status ?? before?.status ?? "published",
      };
      const isExtended = before?.verifyBy !== undefined && update.verifyBy !== undefined && update.verifyBy > before.verifyBy;
      const isStamped = before !== undefined && update.verifiedOn !== undefined && update.verifiedOn !== before.verifiedOn;
      if ((isExtended || isStamped) && counter) counter.verifications++;
      live.set(change.path, state);
    }
  };

  const advanceTo = (end: CalendarDate) => {
    while (next < commits.length && commits[next]!.date <= end) apply(commits[next++]!);
  };

  const previousEnd = lastDayOf(previousMonth(months[0]!));
  advanceTo(previousEnd);
  let previousCount = live.size;
  const result: MonthStats[] = [];
  for (const month of months) {
    const isPartial = month === options.today.slice(0, 7);
    const end = isPartial ? options.today : lastDayOf(month);
    advanceTo(end);
    const counted: VerifiableCard[] = [];
    for (const state of live.values()) if (state.verifyBy) counted.push({ data: { verify_by: state.verifyBy, status: state.status } });
    const trust = computeTrustScore(counted, { today: end, warnDays: options.warnDays });
    const counter = counters.get(month)!;
    result.push({
      month,
      end,
      isPartial,
      cardsAdded: counter.added,
      cardsRemoved: counter.removed,
      cardsAtEnd: live.size,
      growthPercent: previousCount === 0 ? null : Math.round(((live.size - previousCount) / previousCount) * 1000) / 10,
      verifications: counter.verifications,
      trustScore: trust.counted === 0 ? null : trust.score,
    });
    previousCount = live.size;
  }
  return result;
}

/** The `count` months ending with the month of `today`, oldest first, as `YYYY-MM`. */
export function listMonths(today: CalendarDate, count: number): string[] {
  const months: string[] = [];
  let month = today.slice(0, 7);
  for (let i = 0; i < count; i++) {
    months.unshift(month);
    month = previousMonth(month);
  }
  return months;
}

function previousMonth(month: string): string {
  const [year, m] = month.split("-").map(Number) as [number, number];
  return m === 1 ? `${String(year - 1).padStart(4, "0")}-12` : `${String(year).padStart(4, "0")}-${String(m - 1).padStart(2, "0")}`;
}

function lastDayOf(month: string): CalendarDate {
  const [year, m] = month.split("-").map(Number) as [number, number];
  const day = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, "0")}` as CalendarDate;
}
