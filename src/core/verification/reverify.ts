/**
 * Re-verification: a card's owner checked it, so `verify_by` moves to today + the review
 * interval, `verified_on` becomes today and `verified_by` names who checked. Only those lines of
 * the frontmatter change (see frontmatter-edit.ts); everything else stays byte for byte.
 */
import { addInterval, compareDates, formatInterval, toCalendarDate, type CalendarDate, type Interval } from "./calendar-date.ts";
import { UsageError } from "../errors.ts";
import { formatScalar, insertFieldsAfter, joinLines, readFrontmatterLines, setFieldValue } from "../cards/frontmatter-edit.ts";
import type { Card } from "../cards/load.ts";
import { matchesOwner } from "./status.ts";
import { getCardVerification, reviewInterval, type VerificationPolicy, type VerificationStatus } from "./verification.ts";
import { parseYaml } from "../cards/yaml-source.ts";
import { FrontmatterSchema } from "../cards/schema.ts";

export interface VerificationStamp {
  verifyBy: CalendarDate;
  verifiedOn: CalendarDate;
  verifiedBy: string;
}

export interface ReverifyPlan {
  card: Card;
  oldVerifyBy: CalendarDate;
  newVerifyBy: CalendarDate;
  interval: string;
  /** The new file text (byte order mark included when the file has one). */
  text: string;
  /** False when the file would not change (verified again on the same day by the same person). */
  isChanged: boolean;
  /** True when the new `verify_by` is before the old one (needs `--allow-earlier`). */
  movesEarlier: boolean;
}

export interface ReverifyOptions {
  today: CalendarDate;
  verifiedBy: string;
  /** `--every`: overrides the card's own interval. */
  every?: Interval;
  /** The configured default interval (`verifyEvery`). */
  defaultEvery: string;
}

/** Why `verifiedBy` cannot be written as `verified_by` (lint would refuse it), or undefined when it can. */
export function checkVerifiedBy(verifiedBy: string): string | undefined {
  const result = FrontmatterSchema.shape.verified_by.safeParse(verifiedBy);
  return result.success ? undefined : result.error.issues[0]?.message;
}

/** Plans the re-verification of one card from its current file text. */
export function planReverify(card: Card, fileText: string, options: ReverifyOptions): ReverifyPlan {
  const interval = options.every ?? reviewInterval(card, options.defaultEvery);
  const newVerifyBy = addInterval(options.today, interval);
  if (!newVerifyBy) {
    throw new UsageError(
      `${card.relPath}: verify_by would be ${options.today} + ${formatInterval(interval)}, past 9999-12-31 (the last day a YYYY-MM-DD date can name).`,
      options.every ? "Give a shorter --every, e.g. --every 1y." : "Set a shorter verify_every on the card (or verifyEvery in verity.config.yml), e.g. 1y, or give --every.",
    );
  }
  const text = stampVerification(fileText, { verifyBy: newVerifyBy, verifiedOn: options.today, verifiedBy: options.verifiedBy }, card.relPath);
  const movesEarlier = compareDates(newVerifyBy, card.data.verify_by) < 0;
  return { card, oldVerifyBy: card.data.verify_by, newVerifyBy, interval: formatInterval(interval), text, isChanged: text !== fileText, movesEarlier };
}

/**
 * Sets `verify_by` (or its alias `verify-by`), `verified_on` and `verified_by` in a card's text.
 * Missing `verified_on`/`verified_by` lines are inserted right after `verify_by`.
 */
export function stampVerification(text: string, stamp: VerificationStamp, where = "the card"): string {
  const fm = readFrontmatterLines(text);
  if (!fm) throw new UsageError(`${where}: the frontmatter is missing or not closed, so it cannot be verified.`, `Run verity lint ${where} and fix it first.`);
  const dateKey = fm.fields.has("verify_by") ? "verify_by" : fm.fields.has("verify-by") ? "verify-by" : undefined;
  if (!dateKey) {
    throw new UsageError(`${where}: there is no top-level verify_by line to update.`, `Add "verify_by: YYYY-MM-DD" to the frontmatter, then run verity verify again.`);
  }
  const dateField = fm.fields.get(dateKey)!;
  if (toCalendarDate(dateField.value) === undefined) {
    throw new UsageError(`${where}:${dateField.index + 1}: ${dateKey} is "${dateField.raw}", which is not a YYYY-MM-DD date on one line.`, "Write it as verify_by: 2027-03-31, then run verity verify again.");
  }
  // Lines in the file as it was (an inserted key is named at the verify_by line), for the refusal below.
  const lineOf = (key: string) => (fm.fields.get(key) ?? dateField).index + 1;
  const lines = { [dateKey]: lineOf(dateKey), verified_on: lineOf("verified_on"), verified_by: lineOf("verified_by") };
  setFieldValue(fm, dateKey, stamp.verifyBy);
  const missing: { key: string; raw: string }[] = [];
  if (fm.fields.has("verified_on")) setFieldValue(fm, "verified_on", stamp.verifiedOn);
  else missing.push({ key: "verified_on", raw: formatScalar(stamp.verifiedOn, dateField.quote) });
  if (fm.fields.has("verified_by")) setFieldValue(fm, "verified_by", stamp.verifiedBy);
  else missing.push({ key: "verified_by", raw: formatScalar(stamp.verifiedBy, "plain") });
  if (missing.length > 0) insertFieldsAfter(fm, dateKey, missing);
  const result = joinLines(fm);
  assertReadsBack(result, stamp, dateKey, where, lines);
  return result;
}

/**
 * Parses the edited frontmatter again: the new values must read back exactly. A refusal names the
 * line (in the file as it was) of the first key that does not.
 */
function assertReadsBack(text: string, stamp: VerificationStamp, dateKey: string, where: string, lines: Record<string, number>): void {
  const fm = readFrontmatterLines(text)!;
  const yaml = fm.lines.slice(fm.open + 1, fm.close).join("");
  const parsed = parseYaml(yaml);
  const data = (parsed.value ?? {}) as Record<string, unknown>;
  const wrong = [
    toCalendarDate(data[dateKey]) === stamp.verifyBy ? undefined : dateKey,
    toCalendarDate(data.verified_on) === stamp.verifiedOn ? undefined : "verified_on",
    data.verified_by === stamp.verifiedBy ? undefined : "verified_by",
  ].filter((key) => key !== undefined);
  if (parsed.problems.length === 0 && wrong.length === 0) return;
  const key = wrong.sort((a, b) => lines[a]! - lines[b]!)[0];
  const line = key ? lines[key]! : Math.min(...Object.values(lines));
  throw new UsageError(
    `${where}:${line}: ${key ?? "the frontmatter"} could not be updated in place (an unusual layout of verify_by, verified_on or verified_by: a block scalar, a value on several lines).`,
    "Write each of them on one line as key: value, then run verity verify again.",
  );
}

export interface CardSelector {
  owner?: string | undefined;
  /** Keep only cards with one of these statuses (all when empty). */
  statuses: readonly VerificationStatus[];
}

/** Filters cards by owner (case-insensitive) and verification status. */
export function selectCardsToVerify(cards: readonly Card[], selector: CardSelector, policy: VerificationPolicy): Card[] {
  return cards.filter(
    (card) =>
      (!selector.owner || matchesOwner(card, selector.owner)) &&
      (selector.statuses.length === 0 || selector.statuses.includes(getCardVerification(card, policy).status)),
  );
}

/** The commit message of `verity verify --commit`: a count, then one line per card. */
export function formatVerifyCommitMessage(plans: readonly ReverifyPlan[]): string {
  const count = plans.length;
  const lines = plans.map((p) => `- ${p.card.relPath} (verify_by ${p.oldVerifyBy} -> ${p.newVerifyBy})`);
  return `Verify ${count} ${count === 1 ? "card" : "cards"}\n\n${lines.join("\n")}\n`;
}
