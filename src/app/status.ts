/** `status`: every card's verification, most urgent first, and the trust score, as data. */
import { findCompanionDrift, toNeedsReviewRow } from "../core/verification/companion-drift.ts";
import { UsageError } from "../core/errors.ts";
import { openContentHistory } from "../core/git/content-changes.ts";
import { findOutdatedTranslations, type OutdatedTranslation } from "../core/verification/translation-drift.ts";
import type { Finding } from "../core/lint/findings.ts";
import { loadProject, requireContentFolder, type ProjectOptions } from "../core/project/project.ts";
import { buildStatusReport, type StatusFilter, type StatusReport } from "../core/verification/status.ts";
import type { VerificationStatus } from "../core/verification/verification.ts";

const STATUSES: readonly VerificationStatus[] = ["expired", "expiring", "verified"];

export interface StatusRequest {
  project: ProjectOptions;
  owner?: string | undefined;
  collection?: string | undefined;
  /** As typed by the user; checked here. */
  status?: string | undefined;
}

export interface StatusResult {
  report: StatusReport;
  /** Translations whose source changed after they were last verified (git history), among the listed cards. */
  outdated: OutdatedTranslation[];
  /** Cards that do not load, so are not listed (run lint). */
  problems: Finding[];
}

export async function status(request: StatusRequest): Promise<StatusResult> {
  if (request.status && !STATUSES.includes(request.status as VerificationStatus)) {
    throw new UsageError(`Unknown status "${request.status}".`, `Use one of: ${STATUSES.join(", ")}.`);
  }
  const project = loadProject(request.project);
  requireContentFolder(project);
  if (request.collection && !project.collections.some((c) => c.name === request.collection)) {
    throw new UsageError(`There is no collection "${request.collection}".`, `Collections: ${project.collections.map((c) => c.name).join(", ")}.`);
  }
  const filter: StatusFilter = { owner: request.owner, collection: request.collection, status: request.status as VerificationStatus | undefined };
  const report = buildStatusReport(project, filter);
  // Cards whose companion changed after them (git history): listed as needing review.
  const listed = new Set(report.rows.map((row) => row.path));
  report.needsReview = (await findCompanionDrift(project)).map(toNeedsReviewRow).filter((row) => listed.has(row.path));
  const shown = new Set(report.rows.map((row) => row.id));
  const outdated = [...findOutdatedTranslations(project.cards, openContentHistory(project.root)).values()].filter((o) => shown.has(o.translation.id));
  return { report, problems: project.problems, outdated };
}
