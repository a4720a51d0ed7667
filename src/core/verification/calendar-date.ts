/**
 * Calendar dates: a day, not an instant. `verify_by` is compared as a YYYY-MM-DD value in the
 * configured time zone; nothing here ever compares timestamps. `todayIn` is the only clock read.
 */

/** A valid `YYYY-MM-DD` day. Only values checked by {@link parseCalendarDate} carry the brand. */
export type CalendarDate = string & { readonly __calendarDate: true };

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Returns the date when `text` is a real `YYYY-MM-DD` day (so not `2026-02-30`), else undefined. */
export function parseCalendarDate(text: string): CalendarDate | undefined {
  const match = ISO_DAY.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${match[1]}-${match[2]}-${match[3]}` as CalendarDate;
}

/**
 * Reads a YAML value as a calendar date. YAML 1.1 parsers turn an unquoted date into a `Date` at
 * UTC midnight; reading its UTC fields (never local ones) keeps the day the author wrote.
 */
export function toCalendarDate(value: unknown): CalendarDate | undefined {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    return inRange(fromUtcMs(value.getTime()));
  }
  if (typeof value === "string") return parseCalendarDate(value);
  return undefined;
}

/** Why `text` is not a calendar date, for messages: "impossible day" or "not in YYYY-MM-DD form". */
export function describeInvalidDate(text: string): string {
  const match = ISO_DAY.exec(text.trim());
  if (!match) return "it is not a date in YYYY-MM-DD form";
  const [year, month] = [Number(match[1]), Number(match[2])];
  if (month < 1 || month > 12) return `there is no month ${match[2]}`;
  return `${monthName(month)} ${year} has ${daysInMonth(year, month)} days`;
}

/** Today's date in an IANA time zone. The single place where Verity reads the clock. */
export function todayIn(timeZone: string, now: Date = new Date()): CalendarDate {
  // UTC needs no time zone data, whose loading costs more than the rest of a cached lint run.
  if (timeZone === "UTC") return now.toISOString().slice(0, 10) as CalendarDate;
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(now);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}` as CalendarDate;
}

/** True when `timeZone` is an IANA zone name this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  // The default needs no check, which would load the time zone data at every start.
  if (timeZone === "UTC") return true;
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The last day a YYYY-MM-DD date can write. */
export const LAST_DAY = "9999-12-31" as CalendarDate;
/** The first one. */
export const FIRST_DAY = "0000-01-01" as CalendarDate;

/** `days` after `date`; undefined when that is past 9999-12-31 or before 0000-01-01 (no YYYY-MM-DD day). */
export function addDays(date: CalendarDate, days: number): CalendarDate | undefined {
  return inRange(fromUtcMs(toUtcMs(date) + days * MS_PER_DAY));
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / MS_PER_DAY);
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A review interval such as `90d`, `12w`, `6m` or `1y`. */
export interface Interval {
  count: number;
  unit: "d" | "w" | "m" | "y";
}

const INTERVAL = /^([1-9]\d{0,3})([dwmy])$/;

export function parseInterval(text: string): Interval | undefined {
  const match = INTERVAL.exec(text.trim());
  if (!match) return undefined;
  return { count: Number(match[1]), unit: match[2] as Interval["unit"] };
}

export function formatInterval(interval: Interval): string {
  return `${interval.count}${interval.unit}`;
}

/**
 * Adds an interval; months and years keep the day of month, clamped to the month's last day.
 * Undefined when the day would be past 9999-12-31 or before 0000-01-01 (`9999y` from today).
 */
export function addInterval(date: CalendarDate, interval: Interval): CalendarDate | undefined {
  if (interval.unit === "d") return addDays(date, interval.count);
  if (interval.unit === "w") return addDays(date, interval.count * 7);
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const months = interval.unit === "m" ? interval.count : interval.count * 12;
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = (index % 12) + 1;
  const newDay = Math.min(day, daysInMonth(newYear, newMonth));
  return inRange(`${pad(newYear, 4)}-${pad(newMonth, 2)}-${pad(newDay, 2)}` as CalendarDate);
}

function inRange(date: CalendarDate): CalendarDate | undefined {
  return /^\d{4}-/.test(date) ? date : undefined;
}

/** Date.UTC, but the years 0 to 99 are themselves (Date.UTC reads them as 1900 to 1999). */
function utcMs(year: number, monthIndex: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date.getTime();
}

function toUtcMs(date: CalendarDate): number {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return utcMs(year, month - 1, day);
}

function fromUtcMs(ms: number): CalendarDate {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}` as CalendarDate;
}

function daysInMonth(year: number, month: number): number {
  return new Date(utcMs(year, month, 0)).getUTCDate();
}

function monthName(month: number): string {
  return new Date(Date.UTC(2000, month - 1, 1)).toLocaleString("en", { month: "long", timeZone: "UTC" });
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}
