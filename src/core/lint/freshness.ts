/**
 * Which lint findings say only that content is due for review: a card whose verification expired
 * and the trust score under its floor. A pull request fails on them (for the cards it touches);
 * the deploy build reports them and builds anyway, so an overdue review never blocks a deploy.
 */
import type { Finding } from "./findings.ts";

export const FRESHNESS_RULES: ReadonlySet<string> = new Set(["verify-by-expired", "trust-score"]);

export interface DeployGate {
  /** Errors that stop the deploy build: every error except freshness ones. */
  blocking: Finding[];
  /** Freshness errors: reported (stderr, job summary) and built anyway. */
  reported: Finding[];
}

export function splitDeployFindings(findings: readonly Finding[]): DeployGate {
  const errors = findings.filter((f) => f.severity === "error");
  return { blocking: errors.filter((f) => !FRESHNESS_RULES.has(f.ruleId)), reported: errors.filter((f) => FRESHNESS_RULES.has(f.ruleId)) };
}
