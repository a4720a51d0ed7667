/**
 * The periodic audit: per owner, the published cards due for review by the end of a period (by
 * `verify_by`, expired ones included) and the cards whose companion changed (companion drift), as
 * a Markdown checklist or one issue body per owner. Pure: the drift rows come in from git.
 */
import { addInterval, LAST_DAY, type CalendarDate, type Interval } from "./calendar-date.ts";
import type { Project } from "../project/project.ts";
import { describeDue } from "../report/format.ts";
import { plainMarkdown } from "../report/markdown-text.ts";
import { matchesOwner, toStatusRow, type NeedsReviewRow, type StatusRow } from "./status.ts";
import { compareUrgency, isCountedForTrust } from "./verification.ts";

export interface AuditOwner {
  owner: string;
  /** Published cards whose verify_by is on or before the period's last day, most urgent first. */
  due: StatusRow[];
  /** Cards whose companion changed after they were last verified or changed. */
  drift: NeedsReviewRow[];
}

export interface Audit {
  today: CalendarDate;
  /** Last day of the period: cards due by then are listed. */
  until: CalendarDate;
  owners: AuditOwner[];
}

export function buildAudit(project: Pick<Project, "cards" | "policy" | "today">, options: { within: Interval; owner?: string | undefined; drift: readonly NeedsReviewRow[] }): Audit {
  // Past 9999-12-31 (--within 9999y) every card is due: the last day a verify_by can name.
  const until = addInterval(project.today, options.within) ?? LAST_DAY;
  const owners = new Map<string, AuditOwner>();
  const entry = (owner: string) => {
    const key = owner.toLowerCase();
    let found = owners.get(key);
    if (!found) owners.set(key, (found = { owner, due: [], drift: [] }));
    return found;
  };
  for (const card of project.cards) {
    if (!isCountedForTrust(card) || (options.owner && !matchesOwner(card, options.owner))) continue;
    if (card.data.verify_by > until) continue;
    entry(card.data.owner).due.push(toStatusRow(card, project));
  }
  for (const row of options.drift) {
    if (options.owner && row.owner.toLowerCase() !== options.owner.toLowerCase()) continue;
    entry(row.owner).drift.push(row);
  }
  for (const owner of owners.values()) owner.due.sort((a, b) => compareUrgency(a, b) || a.path.localeCompare(b.path));
  return { today: project.today, until, owners: [...owners.values()].sort((a, b) => a.owner.localeCompare(b.owner)) };
}

function ownerChecklist(owner: AuditOwner): string[] {
  const out: string[] = [];
  if (owner.due.length > 0) {
    out.push("**Due for review**", "");
    for (const row of owner.due) out.push(`- [ ] ${plainMarkdown(row.title)} (\`${row.path}\`): verify_by ${row.verifyBy}, ${describeDue(row)}`);
    out.push("");
  }
  if (owner.drift.length > 0) {
    out.push("**Companion changed (needs review)**", "");
    for (const row of owner.drift) out.push(`- [ ] \`${row.path}\`: ${row.message}`);
    out.push("");
  }
  return out;
}

const HOW_TO =
  "For each card: read it, check it is still relevant and accurate, fix what changed, then re-verify it (`verity verify <card>`, or `--with-companion` for a pair).";

export function renderAuditMarkdown(audit: Audit): string {
  const out = [`# Knowledge audit, ${audit.today} to ${audit.until}`, "", HOW_TO, ""];
  if (audit.owners.length === 0) out.push("No card is due for review in this period.", "");
  for (const owner of audit.owners) out.push(`## ${owner.owner}`, "", ...ownerChecklist(owner));
  return `${out.join("\n")}`;
}

export interface AuditIssue {
  owner: string;
  title: string;
  body: string;
  due: number;
  drift: number;
}

export function buildAuditIssues(audit: Audit): AuditIssue[] {
  return audit.owners.map((owner) => ({
    owner: owner.owner,
    title: `Audit ${audit.today} to ${audit.until}: ${owner.owner}`,
    body: [`${owner.owner}: the cards to audit by ${audit.until}.`, "", ...ownerChecklist(owner), HOW_TO, ""].join("\n"),
    due: owner.due.length,
    drift: owner.drift.length,
  }));
}
