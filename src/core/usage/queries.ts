/**
 * Every SQL statement of usage measurement, in one place: the `events` table and the queries of
 * the usage report. They use plain SQL (no SQLite-only functions), named parameters `:since`,
 * `:until` (calendar days, inclusive), `:cutoff` and `:limit`, and the `day` and `week` columns
 * the collector stores, so the same text runs in a warehouse (DuckDB, BigQuery, Postgres...) over
 * the NDJSON files loaded into a table called `events` (see docs/usage-events.md).
 */

/**
 * The table; one row per event, columns as in `UsageRow`. `dropped_events` has the same shape:
 * the events of a private site that named a card it does not have, stored without the card (see
 * checkUsageBatch), so that storing them costs what storing real events costs.
 */
export function createEventsTable(table: "events" | "dropped_events"): string {
  return `
CREATE TABLE IF NOT EXISTS ${table} (
  id INTEGER PRIMARY KEY,
  v INTEGER NOT NULL,
  ts TEXT NOT NULL,
  day TEXT NOT NULL,
  week TEXT NOT NULL,
  site TEXT NOT NULL,
  visit TEXT NOT NULL,
  type TEXT NOT NULL,
  card TEXT,
  query TEXT,
  lang TEXT,
  results INTEGER,
  rank INTEGER,
  helpful INTEGER,
  comment TEXT,
  detail TEXT
)`;
}

/**
 * Two covering indexes: by type and day for the per-event figures, by day and visit for
 * self-service. They make the report read indexes instead of the table (1,000,000 events in
 * about a second on an idle 2-core machine; see `npm run bench -- --sections usage`).
 */
export function createEventsIndexes(table: "events" | "dropped_events"): string[] {
  return [
    `CREATE INDEX IF NOT EXISTS ${table}_by_type ON ${table} (type, day, site, card, lang, results, rank, helpful, query)`,
    `CREATE INDEX IF NOT EXISTS ${table}_by_visit ON ${table} (day, site, visit, type, week)`,
  ];
}

const PERIOD = "day >= :since AND day <= :until";

/** Events in the period. */
export const EVENTS_IN_PERIOD = `SELECT COUNT(*) AS events FROM events WHERE ${PERIOD}`;

/** Searches, searches without a result and searches with one, per site and language. */
export const SEARCHES_BY_LANGUAGE = `
SELECT site, lang, COUNT(*) AS searches,
  SUM(CASE WHEN results = 0 THEN 1 ELSE 0 END) AS zero,
  SUM(CASE WHEN results > 0 THEN 1 ELSE 0 END) AS with_results
FROM events
WHERE type = 'search' AND ${PERIOD}
GROUP BY site, lang
ORDER BY site, searches DESC, lang`;

/** The queries that found nothing, most frequent first (compared case-insensitively). */
export const TOP_ZERO_RESULT_QUERIES = `
SELECT site, LOWER(query) AS query, COUNT(*) AS searches, MAX(day) AS last_day
FROM events
WHERE type = 'search' AND results = 0 AND query <> '' AND ${PERIOD}
GROUP BY site, LOWER(query)
ORDER BY searches DESC, last_day DESC, query
LIMIT :limit`;

/** Search results opened and their average rank; click-through divides by searches with results. */
export const RESULTS_OPENED = `
SELECT site, COUNT(*) AS opened, AVG(rank) AS average_rank
FROM events
WHERE type = 'result_open' AND ${PERIOD}
GROUP BY site
ORDER BY site`;

/** Card views per card, most read first. */
export const MOST_READ_CARDS = `
SELECT site, card, COUNT(*) AS views
FROM events
WHERE type = 'card_view' AND ${PERIOD}
GROUP BY site, card
ORDER BY views DESC, site, card
LIMIT :limit`;

/** Cards viewed on or after `:cutoff` up to `:until`; the report lists the others as not opened. */
export const CARDS_VIEWED_SINCE = `
SELECT DISTINCT site, card
FROM events
WHERE type = 'card_view' AND day >= :cutoff AND day <= :until`;

/** Helpful votes per card. */
export const HELPFUL_BY_CARD = `
SELECT site, card, SUM(helpful) AS yes, SUM(1 - helpful) AS no
FROM events
WHERE type = 'helpful' AND ${PERIOD}
GROUP BY site, card
ORDER BY site, card`;

/** The latest comments left with a vote. */
export const LATEST_COMMENTS = `
SELECT ts, site, card, helpful, comment
FROM events
WHERE type = 'helpful' AND comment IS NOT NULL AND ${PERIOD}
ORDER BY ts DESC, id DESC
LIMIT :limit`;

/**
 * Self-service per week: visits that searched or read a card, and those of them that clicked
 * "Contact support". A visit is one tab on one calendar day (`day, site, visit`), counted in the
 * week of that day; grouping in the order of the `events_by_visit` index keeps this one pass.
 */
export const SELF_SERVICE_BY_WEEK = `
SELECT week, COUNT(*) AS visits, SUM(support) AS contacted
FROM (
  SELECT day, site, visit, MIN(week) AS week,
    MAX(CASE WHEN type = 'support_click' THEN 1 ELSE 0 END) AS support,
    MAX(CASE WHEN type IN ('search', 'card_view') THEN 1 ELSE 0 END) AS engaged
  FROM events
  WHERE ${PERIOD}
  GROUP BY day, site, visit
) AS visits
WHERE engaged = 1
GROUP BY week
ORDER BY week`;

/** Every report query by name, for `docs/usage-events.md` and warehouse users. */
export const USAGE_REPORT_QUERIES = {
  EVENTS_IN_PERIOD,
  SEARCHES_BY_LANGUAGE,
  TOP_ZERO_RESULT_QUERIES,
  RESULTS_OPENED,
  MOST_READ_CARDS,
  CARDS_VIEWED_SINCE,
  HELPFUL_BY_CARD,
  LATEST_COMMENTS,
  SELF_SERVICE_BY_WEEK,
} as const;
