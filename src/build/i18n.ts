/**
 * What pages call for interface text in the page's language: `t(lang, key, vars)`, dates and
 * language names. The messages come from src/locales (loaded once per build into the site data).
 */
import { getSite } from "./site-runtime.ts";
import { pickLocale } from "./locales.ts";

/** Interface text for `key` in `lang` (falling back to the site language, then English), `{name}` filled from `vars`. */
export function t(lang: string, key: string, vars: Record<string, string | number> = {}): string {
  const { messages } = getSite();
  const locale = localeFor(lang);
  const text = messages[locale]?.[key] ?? messages.en?.[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** The message locale for a page language, chosen once per language (a build renders thousands of pages). */
const locales = new Map<string, string>();
function localeFor(lang: string): string {
  let locale = locales.get(lang);
  if (locale === undefined) {
    const { messages, lang: siteLang } = getSite();
    locale = pickLocale(lang, Object.keys(messages), pickLocale(siteLang, Object.keys(messages)));
    locales.set(lang, locale);
  }
  return locale;
}

/** "3 days" / "3일": a count with its word. */
export function count(lang: string, n: number, word: "days" | "articles"): string {
  return t(lang, `count.${n === 1 ? word.slice(0, -1) : word}`, { count: n });
}

/** A calendar date (YYYY-MM-DD) written the way the language writes dates: "May 14, 2027", "2027년 5월 14일". */
export function formatDate(lang: string, isoDay: string): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDay;
  return dateFormat(lang).format(date);
}

/** Creating an Intl formatter costs far more than using one: one per language. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(lang: string): Intl.DateTimeFormat {
  let format = dateFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "UTC" });
    dateFormats.set(lang, format);
  }
  return format;
}

export { languageName } from "./locales.ts";

/** `t` split at its `{name}` slots, for text around markup: [{ text }, { slot: "date" }, { text }]. */
export function tParts(lang: string, key: string): ({ text: string } | { slot: string })[] {
  return t(lang, key)
    .split(/(\{\w+\})/)
    .filter((part) => part !== "")
    .map((part) => (/^\{\w+\}$/.test(part) ? { slot: part.slice(1, -1) } : { text: part }));
}

/** The verification badge in the page's language: `short` ("Expires in 5 days") and `long` (with the verify_by day). */
export function verificationText(lang: string, card: { verification: { status: string; daysLeft: number }; verifyBy: string }): { short: string; long: string } {
  const { status, daysLeft } = card.verification;
  if (status === "verified") return { short: t(lang, "status.verified"), long: t(lang, "status.verifiedUntil", { date: card.verifyBy }) };
  const short =
    status === "expiring"
      ? daysLeft === 0
        ? t(lang, "status.expiresToday")
        : t(lang, "status.expiresIn", { days: count(lang, daysLeft, "days") })
      : t(lang, "status.expiredAgo", { days: count(lang, -daysLeft, "days") });
  return { short, long: t(lang, "status.withDate", { status: short, date: card.verifyBy }) };
}
