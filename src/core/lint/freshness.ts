/**
 * Which lint errors the deploy build reports and builds anyway. A pull request fails on all of
 * them (for the cards it touches); a deploy must not wait:
 * - for a review: a card whose verification expired, the trust score under its floor;
 * - for other cards to be edited when a card is taken off the help center: a link from a public
 *   card to a card or page only the wiki has (link-audience). The public render publishes such a
 *   link as plain text (card-html), so blocking the build would only keep the card just made
 *   internal on the deployed help center until every card linking to it is fixed.
 */
import type { Finding } from "./findings.ts";

export const FRESHNESS_RULES: ReadonlySet<string> = new Set(["verify-by-expired", "trust-score"]);

/** Errors the public render makes harmless itself: a link to the wiki becomes plain text. */
export const UNLINKED_AT_DEPLOY_RULES: ReadonlySet<string> = new Set(["link-audience"]);

export interface DeployGate {
  /** Errors that stop the deploy build: every error except those below. */
  blocking: Finding[];
  /** Freshness and link-audience errors: reported (stderr, job summary) and built anyway. */
  reported: Finding[];
}

export function splitDeployFindings(findings: readonly Finding[]): DeployGate {
  const errors = findings.filter((f) => f.severity === "error");
  const isReported = (f: Finding) => FRESHNESS_RULES.has(f.ruleId) || UNLINKED_AT_DEPLOY_RULES.has(f.ruleId);
  return { blocking: errors.filter((f) => !isReported(f)), reported: errors.filter(isReported) };
}
