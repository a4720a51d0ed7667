/**
 * Status computed when the page is read (internal wiki). The build writes each status with the
 * build day's value, which stays as the no-script fallback; this module recomputes it from
 * `verify_by` and the reader's clock, read once, in the configured time zone (`data-time-zone` on
 * <body>). It imports core's pure decision (verification.ts) and the site's words (card-labels.ts):
 * nothing is decided or worded twice.
 */
import { parseCalendarDate, todayIn } from "../core/verification/calendar-date.ts";
import { computeTrustScore, getVerification, verifiedCount, type TrustScore, type VerificationPolicy } from "../core/verification/verification.ts";
import { describeVerification, expiredBanner } from "../build/card-labels.ts";

const STATUS_CLASSES = ["badge-verified", "badge-expiring", "badge-expired"];

/** The reader's verification policy: today in the site's time zone, the site's warnDays. */
export function readerPolicy(body: HTMLElement, now: Date = new Date()): VerificationPolicy | undefined {
  const timeZone = body.dataset.timeZone;
  const warnDays = Number(body.dataset.warnDays);
  if (!timeZone || !Number.isInteger(warnDays)) return undefined;
  try {
    return { today: todayIn(timeZone, now), warnDays };
  } catch {
    return undefined;
  }
}

/** Rewrites every status on the page for `policy`'s day. */
export function applyLiveStatus(doc: Document, policy: VerificationPolicy): void {
  for (const el of doc.querySelectorAll<HTMLElement>("[data-live-status]")) {
    const verifyBy = parseCalendarDate(el.dataset.verifyBy ?? "");
    if (!verifyBy) continue;
    const verification = getVerification(verifyBy, policy);
    const label = describeVerification({ verification, verifyBy });
    const form = el.dataset.liveStatus;
    // A card still verified keeps the words the build wrote (in the page's language): they do not
    // change from day to day. Only a status that moved on is rewritten.
    const built = STATUS_CLASSES.find((c) => el.classList.contains(c))?.slice("badge-".length) ?? (el.hidden ? "verified" : "expired");
    if (verification.status === "verified" && built === "verified") {
      el.dataset.status = verification.status;
      continue;
    }
    if (form === "banner") {
      el.hidden = verification.status !== "expired";
      el.classList.toggle("banner-expired", verification.status === "expired");
      const text = el.querySelector<HTMLElement>("[data-live-text]");
      if (text && verification.status === "expired") text.textContent = expiredBanner({ verification, verifyBy });
    } else {
      el.textContent = form === "short" ? label.short : label.long;
      el.classList.remove(...STATUS_CLASSES);
      el.classList.add(`badge-${verification.status}`);
    }
    el.dataset.status = verification.status;
  }
  for (const el of doc.querySelectorAll<HTMLElement>("[data-live-today]")) el.textContent = policy.today;
  const health = doc.querySelector<HTMLElement>("[data-live-health]");
  if (health) applyHealth(doc, health, policy);
  // The day the page now shows (tests and styles can wait for it).
  doc.body.dataset.statusDay = policy.today;
}

/** The health page: the trust score overall and per collection, from `data-cards` (verify_by of each published card by collection). */
function applyHealth(doc: Document, health: HTMLElement, policy: VerificationPolicy): void {
  let byCollection: Record<string, string[]>;
  try {
    byCollection = JSON.parse(health.dataset.cards ?? "{}") as Record<string, string[]>;
  } catch {
    return;
  }
  const toCards = (days: string[]) =>
    days.flatMap((day) => {
      const verifyBy = parseCalendarDate(day);
      return verifyBy ? [{ data: { verify_by: verifyBy, status: "published" as const } }] : [];
    });
  const floor = Number(health.dataset.minTrustScore);
  const overall = computeTrustScore(toCards(Object.values(byCollection).flat()), policy);
  setValues(health, overall);
  const score = health.querySelector<HTMLElement>("[data-stat=score]");
  if (score && Number.isFinite(floor)) {
    const below = overall.score < floor;
    score.classList.toggle("stat-bad", below);
    score.classList.toggle("stat-ok", !below);
    const label = score.querySelector<HTMLElement>("[data-live-floor]");
    if (label) label.textContent = below ? " – below the floor" : " – at or above the floor";
  }
  for (const row of doc.querySelectorAll<HTMLElement>("[data-collection-row]")) {
    // Own keys only: a collection named `constructor` with no counted card would read the Object function.
    const name = row.dataset.collectionRow ?? "";
    setValues(row, computeTrustScore(toCards(Object.hasOwn(byCollection, name) ? byCollection[name]! : []), policy));
  }
}

function setValues(root: HTMLElement, trust: TrustScore): void {
  const values: Record<string, string> = {
    score: `${trust.score}%`,
    counted: String(trust.counted),
    verified: String(verifiedCount(trust)),
    expiring: String(trust.expiring),
    expired: String(trust.expired),
  };
  for (const el of root.querySelectorAll<HTMLElement>("[data-value]")) {
    const value = values[el.dataset.value ?? ""];
    if (value !== undefined) el.textContent = value;
  }
}

export function startLiveStatus(): void {
  const policy = readerPolicy(document.body);
  if (policy) applyLiveStatus(document, policy);
}
