/**
 * The usage section of `verity report`: the figures a knowledge manager steers by, computed by the
 * SQL of `queries.ts` over the `events` table, for a period of calendar days.
 */
import { addDays, addInterval, daysBetween, FIRST_DAY, parseCalendarDate, parseInterval, type CalendarDate } from "../verification/calendar-date.ts";
import { UsageError } from "../errors.ts";
import type { UsageSite } from "./events.ts";
import * as Q from "./queries.ts";
import type { SqlRunner } from "./store.ts";

/** Cards not viewed for this many days are listed as not opened. */
export const NOT_OPENED_DAYS = 90;
const TOP = 20;

export interface UsagePeriod {
  since: CalendarDate;
  until: CalendarDate;
}

/** A card a site shows, as the report names it. */
export interface UsageCardInfo {
  site: UsageSite;
  id: string;
  title: string;
  collection: string;
}

export interface RateRow {
  searches: number;
  zero: number;
  /** Percent with one decimal; null when there is nothing to divide by. */
  zeroRate: number | null;
}

export interface UsageReport {
  /** File the events were read from. */
  source: string;
  period: UsagePeriod;
  /** Events in the period. */
  events: number;
  searches: {
    bySite: (RateRow & { site: string })[];
    byLanguage: (RateRow & { site: string; lang: string })[];
    topZeroResult: { site: string; query: string; searches: number; lastDay: string }[];
  };
  clickThrough: { site: string; searchesWithResults: number; opened: number; rate: number | null; averageRank: number | null }[];
  mostRead: { site: string; card: string; title: string; views: number }[];
  notOpened: { days: number; since: CalendarDate; cards: { site: string; card: string; title: string; collection: string }[] };
  helpful: {
    byCard: { site: string; card: string; title: string; collection: string; yes: number; no: number; ratio: number | null }[];
    byCollection: { collection: string; yes: number; no: number; ratio: number | null }[];
    latestComments: { ts: string; site: string; card: string; title: string; helpful: boolean; comment: string }[];
  };
  selfService: { visits: number; contacted: number; rate: number | null; weeks: { week: string; visits: number; contacted: number; rate: number | null }[] };
}

/** Percent of `part` in `whole` with one decimal, or null. */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}

/**
 * The period from `--since`/`--until` or `--period` (e.g. 30d, 12w, 6m, ending on `--until` or
 * today); the last 30 days by default.
 */
export function resolveUsagePeriod(options: { since?: string | undefined; until?: string | undefined; period?: string | undefined }, today: CalendarDate): UsagePeriod {
  const day = (text: string, flag: string) => {
    const parsed = parseCalendarDate(text);
    if (!parsed) throw new UsageError(`${flag} must be a calendar date YYYY-MM-DD, got "${text}".`);
    return parsed;
  };
  const until = options.until ? day(options.until, "--until") : today;
  if (options.since && options.period) throw new UsageError("Give --since or --period, not both.");
  let since: CalendarDate;
  if (options.since) since = day(options.since, "--since");
  else {
    const text = options.period ?? "30d";
    const interval = parseInterval(text);
    if (!interval) throw new UsageError(`--period must be an interval such as 7d, 12w, 3m or 1y, got "${text}".`);
    since = addDays(addInterval(until, { count: -interval.count, unit: interval.unit }) ?? FIRST_DAY, 1) ?? FIRST_DAY;
  }
  if (daysBetween(since, until) < 0) throw new UsageError(`The period starts (${since}) after it ends (${until}).`);
  return { since, until };
}

const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

/** Runs the report queries. `cards` are the cards each measured site shows, for titles and the not-opened list. */
export function buildUsageReport(db: SqlRunner, options: { source: string; period: UsagePeriod; cards: readonly UsageCardInfo[] }): UsageReport {
  const { since, until } = options.period;
  const period = { since, until };
  const cardInfo = new Map(options.cards.map((card) => [`${card.site}\u0000${card.id}`, card]));
  const titleOf = (site: unknown, card: unknown) => cardInfo.get(`${String(site)}\u0000${String(card)}`)?.title ?? String(card);

  const languageRows = db.all(Q.SEARCHES_BY_LANGUAGE, period);
  const byLanguage = languageRows.map((r) => ({
    site: String(r.site),
    lang: String(r.lang),
    searches: num(r.searches),
    zero: num(r.zero),
    zeroRate: ratio(num(r.zero), num(r.searches)),
  }));
  const sites = new Map<string, { searches: number; zero: number; withResults: number }>();
  for (const row of languageRows) {
    const site = String(row.site);
    const total = sites.get(site) ?? { searches: 0, zero: 0, withResults: 0 };
    total.searches += num(row.searches);
    total.zero += num(row.zero);
    total.withResults += num(row.with_results);
    sites.set(site, total);
  }
  const bySite = [...sites].map(([site, t]) => ({ site, searches: t.searches, zero: t.zero, zeroRate: ratio(t.zero, t.searches) }));
  const topZeroResult = db.all(Q.TOP_ZERO_RESULT_QUERIES, { ...period, limit: TOP }).map((r) => ({
    site: String(r.site),
    query: String(r.query),
    searches: num(r.searches),
    lastDay: String(r.last_day),
  }));
  const opened = new Map(db.all(Q.RESULTS_OPENED, period).map((r) => [String(r.site), r]));
  const clickThrough = [...new Set([...sites.keys(), ...opened.keys()])].sort().map((site) => {
    const row = opened.get(site);
    const searchesWithResults = sites.get(site)?.withResults ?? 0;
    return {
      site,
      searchesWithResults,
      opened: num(row?.opened),
      rate: ratio(num(row?.opened), searchesWithResults),
      averageRank: row?.average_rank === null || row?.average_rank === undefined ? null : Math.round(Number(row.average_rank) * 10) / 10,
    };
  });
  const mostRead = db.all(Q.MOST_READ_CARDS, { ...period, limit: TOP }).map((r) => ({
    site: String(r.site),
    card: String(r.card),
    title: titleOf(r.site, r.card),
    views: num(r.views),
  }));

  const cutoff = addDays(until, 1 - NOT_OPENED_DAYS) ?? FIRST_DAY;
  const viewed = new Set(db.all(Q.CARDS_VIEWED_SINCE, { cutoff, until }).map((r) => `${String(r.site)}\u0000${String(r.card)}`));
  const notOpened = options.cards
    .filter((card) => !viewed.has(`${card.site}\u0000${card.id}`))
    .map((card) => ({ site: card.site, card: card.id, title: card.title, collection: card.collection }));

  const byCard = db.all(Q.HELPFUL_BY_CARD, period).map((r) => {
    const info = cardInfo.get(`${String(r.site)}\u0000${String(r.card)}`);
    const yes = num(r.yes);
    const no = num(r.no);
    return { site: String(r.site), card: String(r.card), title: info?.title ?? String(r.card), collection: info?.collection ?? String(r.card).split("/")[0]!, yes, no, ratio: ratio(yes, yes + no) };
  });
  const collections = new Map<string, { yes: number; no: number }>();
  for (const row of byCard) {
    const total = collections.get(row.collection) ?? { yes: 0, no: 0 };
    total.yes += row.yes;
    total.no += row.no;
    collections.set(row.collection, total);
  }
  const byCollection = [...collections]
    .map(([collection, t]) => ({ collection, ...t, ratio: ratio(t.yes, t.yes + t.no) }))
    .sort((a, b) => (a.ratio ?? 101) - (b.ratio ?? 101) || a.collection.localeCompare(b.collection));
  byCard.sort((a, b) => (a.ratio ?? 101) - (b.ratio ?? 101) || b.no - a.no || a.card.localeCompare(b.card));
  const latestComments = db.all(Q.LATEST_COMMENTS, { ...period, limit: TOP }).map((r) => ({
    ts: String(r.ts),
    site: String(r.site),
    card: String(r.card),
    title: titleOf(r.site, r.card),
    helpful: num(r.helpful) === 1,
    comment: String(r.comment),
  }));

  const weeks = db.all(Q.SELF_SERVICE_BY_WEEK, period).map((r) => {
    const visits = num(r.visits);
    const contacted = num(r.contacted);
    return { week: String(r.week), visits, contacted, rate: ratio(visits - contacted, visits) };
  });
  const visits = weeks.reduce((sum, w) => sum + w.visits, 0);
  const contacted = weeks.reduce((sum, w) => sum + w.contacted, 0);
  const events = num(db.all(Q.EVENTS_IN_PERIOD, period)[0]?.events);

  return {
    source: options.source,
    period,
    events,
    searches: { bySite, byLanguage, topZeroResult },
    clickThrough,
    mostRead,
    notOpened: { days: NOT_OPENED_DAYS, since: cutoff, cards: notOpened },
    helpful: { byCard, byCollection, latestComments },
    selfService: { visits, contacted, rate: ratio(visits - contacted, visits), weeks },
  };
}
