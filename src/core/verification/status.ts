/** The verification status of every card: what `verity status`, reports and the wiki show. */
import type { CalendarDate } from "./calendar-date.ts";
import { cardAudience } from "../site/audience.ts";
import type { Audience } from "../cards/schema.ts";
import type { Card } from "../cards/load.ts";
import type { Project } from "../project/project.ts";
import { compareUrgency, computeTrustScore, getCardVerification, type TrustScore, type VerificationStatus } from "./verification.ts";

export interface StatusRow {
  id: string;
  /** Path relative to the project root. */
  path: string;
  title: string;
  owner: string;
  audience: Audience;
  collection: string;
  draft: boolean;
  verifyBy: CalendarDate;
  status: VerificationStatus;
  daysLeft: number;
}

export interface StatusFilter {
  owner?: string | undefined;
  collection?: string | undefined;
  status?: VerificationStatus | undefined;
}

export interface StatusReport {
  today: CalendarDate;
  warnDays: number;
  minTrustScore: number;
  /** Trust score of the cards matching the owner and collection filters. */
  trust: TrustScore;
  rows: StatusRow[];
  /** Cards whose companion changed after they were last verified (git history; see companion-drift.ts). */
  needsReview?: NeedsReviewRow[];
}

export interface NeedsReviewRow {
  path: string;
  owner: string;
  /** The companion that changed. */
  companion: string;
  /** Its newest content change: commit, day, lines changed over every change since. */
  commit: string;
  date: CalendarDate;
  added: number;
  removed: number;
  message: string;
}

export function toStatusRow(card: Card, project: Pick<Project, "policy">): StatusRow {
  const verification = getCardVerification(card, project.policy);
  return {
    id: card.id,
    path: card.relPath,
    title: card.data.title,
    owner: card.data.owner,
    audience: cardAudience(card),
    collection: card.collection,
    draft: card.data.status === "draft",
    verifyBy: card.data.verify_by,
    status: verification.status,
    daysLeft: verification.daysLeft,
  };
}

export function matchesOwner(card: Card, owner: string): boolean {
  return card.data.owner.toLowerCase() === owner.toLowerCase();
}

export function buildStatusReport(project: Project, filter: StatusFilter = {}): StatusReport {
  const scoped = project.cards.filter(
    (card) => (!filter.owner || matchesOwner(card, filter.owner)) && (!filter.collection || card.collection === filter.collection),
  );
  const rows = scoped
    .map((card) => toStatusRow(card, project))
    .filter((row) => !filter.status || row.status === filter.status)
    .sort((a, b) => compareUrgency(a, b) || a.path.localeCompare(b.path));
  return {
    today: project.today,
    warnDays: project.config.warnDays,
    minTrustScore: project.config.minTrustScore,
    trust: computeTrustScore(scoped, project.policy),
    rows,
  };
}
