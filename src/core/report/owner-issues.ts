/**
 * One issue body per owner with expired or expiring cards, for the scheduled freshness workflow:
 * it opens or updates the issue "Cards to verify: <owner>" and closes it when none are left.
 */
import type { OwnerHealth } from "../verification/health.ts";
import type { KnowledgeReport } from "./build-report.ts";
import { describeDue, fileLink } from "./format.ts";

export const OWNER_ISSUE_TITLE_PREFIX = "Cards to verify: ";

/** Keeps an issue body well under GitHub's 65,536-character limit. */
const MAX_CARDS_PER_ISSUE = 150;

export interface OwnerIssue {
  owner: string;
  title: string;
  body: string;
  expired: number;
  expiring: number;
}

export function buildOwnerIssues(report: KnowledgeReport): OwnerIssue[] {
  const reminded = new Set(report.health.ownersToRemind.map((o) => o.owner.toLowerCase()));
  const drifted = new Set(report.needsReview.map((row) => row.owner.toLowerCase()));
  const owners = [...report.health.ownersToRemind, ...report.health.owners.filter((o) => !reminded.has(o.owner.toLowerCase()) && drifted.has(o.owner.toLowerCase()))];
  return owners.map((owner) => ({
    owner: owner.owner,
    title: `${OWNER_ISSUE_TITLE_PREFIX}${owner.owner}`,
    body: renderOwnerIssueBody(owner, report),
    expired: owner.expired.length,
    expiring: owner.expiring.length,
  }));
}

function renderOwnerIssueBody(owner: OwnerHealth, report: KnowledgeReport): string {
  const { health } = report;
  const drift = report.needsReview.filter((row) => row.owner.toLowerCase() === owner.owner.toLowerCase());
  const count = owner.expired.length + owner.expiring.length + drift.length;
  const out = [
    `${owner.owner}: ${count === 1 ? "this card needs" : `these ${count} cards need`} to be re-checked (as of ${report.today}).`,
    "",
  ];
  let room = MAX_CARDS_PER_ISSUE;
  const section = (heading: string, rows: OwnerHealth["expired"]) => {
    if (rows.length === 0) return;
    out.push(`**${heading}**`, "");
    for (const row of rows.slice(0, room)) {
      const href = fileLink(report.fileLinkBase, row.path);
      const title = row.title.replace(/([[\]])/g, "\\$1");
      out.push(`- [ ] ${href ? `[${title}](${href})` : title} (\`${row.path}\`): verify_by ${row.verifyBy}, ${describeDue(row)}`);
    }
    if (rows.length > room) out.push(`- … and ${rows.length - room} more: \`verity status --owner ${owner.owner}\` lists them all.`);
    room = Math.max(0, room - rows.length);
    out.push("");
  };
  section("Expired", owner.expired);
  section(`Expiring within ${health.warnDays} days`, owner.expiring);
  if (drift.length > 0) {
    out.push("**Companion changed (needs review)**", "");
    for (const row of drift) out.push(`- [ ] \`${row.path}\`: ${row.message}`);
    out.push("");
  }
  out.push(
    "Read each card and fix what is no longer true. Then re-verify them all in one command and open a pull request:",
    "",
    "```sh",
    `git switch -c verify/${report.today}`,
    `verity verify --owner ${owner.owner} --expired --expiring --commit`,
    "git push -u origin HEAD",
    "```",
    "",
    "This issue is updated by the weekly freshness workflow and closed when no card is left to verify.",
    "",
  );
  return out.join("\n");
}
