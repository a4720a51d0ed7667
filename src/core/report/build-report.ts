/**
 * The knowledge report: health today (trust score overall, per collection and per owner, cards to
 * verify by owner) and, from git history, growth, verifications and the trust score month by
 * month. `verity report` renders it as Markdown, JSON or HTML.
 */
import path from "node:path";
import { findCompanionDrift, toNeedsReviewRow } from "../verification/companion-drift.ts";
import type { NeedsReviewRow } from "../verification/status.ts";
import type { CalendarDate } from "../verification/calendar-date.ts";
import { createCardPaths } from "../cards/paths.ts";
import { getRepositoryInfo, readGitHistory } from "../git/history.ts";
import { readFieldUpdates } from "../git/verify-history.ts";
import { computeKnowledgeHealth, type KnowledgeHealth } from "../verification/health.ts";
import type { Project } from "../project/project.ts";
import type { UsageReport } from "../usage/usage-report.ts";
import { computeMonthlyHistory, type MonthStats } from "./history-metrics.ts";
import { computeLanguageStats, type LanguageRow } from "./language-stats.ts";
import { openContentHistory } from "../git/content-changes.ts";
import { findOutdatedTranslations } from "../verification/translation-drift.ts";

export type HistorySection =
  | { available: true; months: MonthStats[] }
  | { available: false; reason: string; months: MonthStats[] };

export interface KnowledgeReport {
  today: CalendarDate;
  timeZone: string;
  health: KnowledgeHealth;
  history: HistorySection;
  /** Prefix that turns a card path into a link (e.g. `https://github.com/o/r/blob/main/`), if known. */
  fileLinkBase: string | undefined;
  /** Cards per language: translated, outdated, missing and the trust score (see language-stats.ts). */
  languages?: LanguageRow[];
  /** Usage measurement, when `verity report` was given the collector's events. */
  usage?: UsageReport;
  /** Cards whose companion changed after they were last verified or changed (companion-drift.ts). */
  needsReview: NeedsReviewRow[];
}

export interface ReportOptions {
  /** Months of history (default 12). */
  months?: number;
  fileLinkBase?: string | undefined;
}

export async function buildKnowledgeReport(project: Project, options: ReportOptions = {}): Promise<KnowledgeReport> {
  const health = computeKnowledgeHealth(project);
  const contentRel = path.relative(project.root, project.contentDir).split(path.sep).join("/");
  const history = await readHistorySection(project, contentRel, options.months ?? 12);
  const needsReview = (await findCompanionDrift(project)).map(toNeedsReviewRow);
  const outdated = findOutdatedTranslations(project.cards, history.available ? openContentHistory(project.root) : undefined);
  const languages = computeLanguageStats(project.cards, project.policy, outdated);
  return { today: project.today, timeZone: project.config.timeZone, health, history, fileLinkBase: options.fileLinkBase, needsReview, ...(languages.length > 1 ? { languages } : {}) };
}

async function readHistorySection(project: Project, contentRel: string, months: number): Promise<HistorySection> {
  const history = await readGitHistory(project.root, { folder: contentRel || ".", timeZone: project.config.timeZone });
  if (!history.historyAvailable) return { available: false, reason: history.reason, months: [] };
  const info = await getRepositoryInfo(project.root);
  const updates = history.commits.length === 0 ? new Map() : await readFieldUpdates(project.root, contentRel || ".", info.topLevel ?? project.root);
  const stats = computeMonthlyHistory(history.commits, updates, {
    today: project.today,
    warnDays: project.config.warnDays,
    months,
    isCard: createCardPaths(contentRel).isCard,
  });
  return { available: true, months: stats };
}

/** Link base for card files: the configured repository URL, else GitHub Actions' variables. */
export function resolveFileLinkBase(
  repository: { url?: string | undefined; branch: string },
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  const url = repository.url ?? (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}` : undefined);
  return url ? `${url.replace(/\/$/, "")}/blob/${repository.branch}/` : undefined;
}
