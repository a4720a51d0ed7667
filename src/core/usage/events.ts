/**
 * The usage events, version 1: what the sites send (`src/client/usage.ts`), what `verity collect`
 * accepts and what it stores, one flat row per event in the `events` table. Defined once here;
 * docs/usage-events.md describes them for people and pipelines.
 *
 * Privacy by construction: no cookie, IP address or user agent is ever part of an event; the
 * visit id is random per browser tab; e-mail addresses and long numbers in queries and comments
 * are replaced before anything is stored.
 */
import { z } from "zod";
import { addDays, todayIn, type CalendarDate } from "../verification/calendar-date.ts";
import { dropUnsafeChars, hasUnsafeChars } from "./unsafe-text.ts";

export const USAGE_SCHEMA_VERSION = 1;
export const USAGE_SITES = ["public", "internal"] as const;
export type UsageSite = (typeof USAGE_SITES)[number];

/** Longest query, comment and card id kept. */
export const MAX_QUERY_CHARS = 200;
export const MAX_COMMENT_CHARS = 1000;
export const MAX_EVENTS_PER_BATCH = 50;

/** Text a reader typed: control and reordering characters are dropped (a report or a log shows it as written). */
const typedText = (max: number) => z.string().max(max).transform(dropUnsafeChars);

const CardIdSchema = z
  .string()
  .min(1)
  .max(200)
  .refine((id) => !hasUnsafeChars(id), { message: "a card id has no control characters" });
const QuerySchema = typedText(MAX_QUERY_CHARS);
const LangSchema = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/, { message: "expected a language tag such as en or ko" });

/** A card page was shown. */
export const CardViewEventSchema = z.strictObject({ type: z.literal("card_view"), card: CardIdSchema });

/** A search ran: the query as typed, the page language, how many results, the filters ticked. */
export const SearchEventSchema = z.strictObject({
  type: z.literal("search"),
  query: QuerySchema,
  lang: LangSchema,
  results: z.int().min(0).max(1_000_000),
  // A filter named "__proto__" is refused: zod leaves it out of the parsed object, so the event
  // would be answered 200 and stored without it. No site has a filter by that name.
  filters: z
    .preprocess((value, ctx) => {
      if (typeof value === "object" && value !== null && Object.hasOwn(value, "__proto__")) ctx.addIssue({ code: "custom", message: "no filter is named __proto__", path: ["__proto__"], input: value });
      return value;
    }, z.record(z.string().min(1).max(40).refine((key) => !hasUnsafeChars(key), { message: "a filter name has no control characters" }), z.array(typedText(100)).max(20))
    .refine((filters) => Object.keys(filters).length <= 10, { message: "expected at most 10 filter groups" }))
    .default({}),
});

/** A search result was opened: the query, the card and its rank in the list (1 = first). */
export const ResultOpenEventSchema = z.strictObject({
  type: z.literal("result_open"),
  query: QuerySchema,
  card: CardIdSchema,
  rank: z.int().min(1).max(1000),
});

/** "Was this helpful?": yes or no, and a comment where the site allows one. */
export const HelpfulEventSchema = z.strictObject({
  type: z.literal("helpful"),
  card: CardIdSchema,
  helpful: z.boolean(),
  comment: typedText(MAX_COMMENT_CHARS).optional(),
});

/** "Contact support" was clicked, with the searches and cards of the visit before it (latest last). */
export const SupportClickEventSchema = z.strictObject({
  type: z.literal("support_click"),
  searches: z.array(QuerySchema).max(20).default([]),
  cards: z.array(CardIdSchema).max(20).default([]),
});

export const UsageEventSchema = z.discriminatedUnion("type", [
  CardViewEventSchema,
  SearchEventSchema,
  ResultOpenEventSchema,
  HelpfulEventSchema,
  SupportClickEventSchema,
]);
export type UsageEvent = z.infer<typeof UsageEventSchema>;
export type UsageEventType = UsageEvent["type"];

/** One request body: the events of one visit on one site, sent together. */
export const UsageBatchSchema = z.strictObject({
  /** Schema version; a later version is a new literal here. */
  v: z.literal(USAGE_SCHEMA_VERSION),
  site: z.enum(USAGE_SITES),
  /** Random id made by the page, kept in the tab's sessionStorage only. */
  visit: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, { message: "expected 8 to 64 letters, digits, _ or -" }),
  events: z.array(UsageEventSchema).min(1).max(MAX_EVENTS_PER_BATCH),
});
export type UsageBatch = z.infer<typeof UsageBatchSchema>;

const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "expected a calendar day YYYY-MM-DD" });

/** One row of the `events` table, and one line of the NDJSON file. Absent values are null. */
export const UsageRowSchema = z.object({
  v: z.int().min(1),
  /** When the collector received the event, ISO 8601 UTC with milliseconds. */
  ts: z.string().min(10),
  /** Calendar day of `ts` in the configured time zone, and the Monday of its week. */
  day: DaySchema,
  week: DaySchema,
  site: z.enum(USAGE_SITES),
  visit: z.string().min(1),
  type: z.enum(["card_view", "search", "result_open", "helpful", "support_click"]),
  card: z.string().nullable(),
  query: z.string().nullable(),
  lang: z.string().nullable(),
  results: z.int().nullable(),
  rank: z.int().nullable(),
  /** 1 helpful, 0 not helpful. */
  helpful: z.union([z.literal(0), z.literal(1)]).nullable(),
  comment: z.string().nullable(),
  /** JSON: the filters of a search, or `{ searches, cards }` before a contact-support click. */
  detail: z.string().nullable(),
});
export type UsageRow = z.infer<typeof UsageRowSchema>;

/** Column order of the table and of every insert. */
export const USAGE_COLUMNS = ["v", "ts", "day", "week", "site", "visit", "type", "card", "query", "lang", "results", "rank", "helpful", "comment", "detail"] as const satisfies readonly (keyof UsageRow)[];

/** What the collector knows about each site it accepts events for. */
export interface UsageSiteRules {
  /** Ids of the cards that site shows. */
  cards: ReadonlySet<string>;
  /** Comments on helpful votes are accepted. */
  comments: boolean;
  /**
   * The site's card ids are not public (the wiki): the collector must not tell which exist, so an
   * event naming a card the site does not have is dropped without saying so, and events are
   * accepted only from the site's pages (a request with an allowed Origin).
   */
  private: boolean;
}

export interface BatchProblem {
  status: 400 | 422;
  reason: string;
  issues?: { path: string; message: string }[];
}

export interface CheckedBatch {
  /** The events to store. */
  batch: UsageBatch;
  /** How many events the request held, all of them taken (the answer's `accepted`). */
  received: number;
  /** Events of a private site left out because they name a card it does not have. */
  dropped: UsageEvent[];
}

/**
 * Validates a parsed request body: the schema first, then the site and its cards. On a private
 * site, unknown cards do not make a problem (its answer would tell which ids exist): their events
 * are dropped and counted.
 */
export function checkUsageBatch(body: unknown, sites: ReadonlyMap<UsageSite, UsageSiteRules>): CheckedBatch | { problem: BatchProblem } {
  const parsed = UsageBatchSchema.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 20).map((issue) => ({ path: issue.path.map(String).join(".") || "(body)", message: issue.message }));
    return { problem: { status: 400, reason: "The events do not match the usage event schema (version 1).", issues } };
  }
  const batch = parsed.data;
  const rules = sites.get(batch.site);
  if (!rules) return { problem: { status: 422, reason: `Usage measurement is not turned on for the ${batch.site} site.` } };
  const issues: { path: string; message: string }[] = [];
  const kept: UsageEvent[] = [];
  const dropped: UsageEvent[] = [];
  batch.events.forEach((event, i) => {
    const cards = event.type === "support_click" ? event.cards : "card" in event ? [event.card] : [];
    const unknown = cards.filter((card) => !rules.cards.has(card));
    if (!rules.private) for (const card of unknown) issues.push({ path: `events.${i}`, message: `unknown card ${JSON.stringify(card)} on the ${batch.site} site` });
    if (event.type === "helpful" && event.comment !== undefined && !rules.comments) {
      issues.push({ path: `events.${i}.comment`, message: `comments are not accepted on the ${batch.site} site` });
    }
    (unknown.length === 0 ? kept : dropped).push(event);
  });
  if (issues.length > 0) return { problem: { status: 422, reason: "Some events name a card or a field the site does not have.", issues } };
  return { batch: { ...batch, events: kept }, received: batch.events.length, dropped };
}

/**
 * The rows of a private site's dropped events (see checkUsageBatch), for the `dropped_events`
 * table: as toUsageRows makes them, without the cards they named.
 */
export function toDroppedRows(batch: UsageBatch, dropped: readonly UsageEvent[], received: Date, timeZone: string): UsageRow[] {
  return toUsageRows({ ...batch, events: [...dropped] }, received, timeZone).map((row) => ({ ...row, card: null, detail: row.type === "support_click" ? null : row.detail }));
}

/** Replaces e-mail addresses and long digit runs (phone, card, order numbers) before storing. */
export function redactText(text: string): string {
  return text
    .replace(/[^\s@<>()]{1,64}@[^\s@<>()]{1,255}\.[A-Za-z]{2,24}/g, "[email]")
    .replace(/\d[\d -]{4,}\d/g, (run) => (run.replace(/\D/g, "").length >= 6 ? "[number]" : run));
}

/** The Monday of the week a calendar day falls in. */
export function weekOf(day: CalendarDate): CalendarDate {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7)) ?? day;
}

/** Turns an accepted batch into table rows, stamped with the time the collector received it. */
export function toUsageRows(batch: UsageBatch, received: Date, timeZone: string): UsageRow[] {
  const ts = received.toISOString();
  const day = todayIn(timeZone, received);
  const week = weekOf(day);
  return batch.events.map((event) => {
    const row: UsageRow = {
      v: batch.v,
      ts,
      day,
      week,
      site: batch.site,
      visit: batch.visit,
      type: event.type,
      card: null,
      query: null,
      lang: null,
      results: null,
      rank: null,
      helpful: null,
      comment: null,
      detail: null,
    };
    switch (event.type) {
      case "card_view":
        row.card = event.card;
        break;
      case "search":
        row.query = redactText(event.query.trim());
        row.lang = event.lang;
        row.results = event.results;
        row.detail = Object.keys(event.filters).length > 0 ? JSON.stringify(event.filters) : null;
        break;
      case "result_open":
        row.query = redactText(event.query.trim());
        row.card = event.card;
        row.rank = event.rank;
        break;
      case "helpful":
        row.card = event.card;
        row.helpful = event.helpful ? 1 : 0;
        row.comment = event.comment?.trim() ? redactText(event.comment.trim()) : null;
        break;
      case "support_click":
        row.detail = JSON.stringify({ searches: event.searches.map((q) => redactText(q.trim())), cards: event.cards });
        break;
    }
    return row;
  });
}
