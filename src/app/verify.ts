/**
 * `verify`: re-verify cards (one, a folder, a glob, or all of an owner's expired and expiring
 * cards). Every file is planned first, from the text the card was loaded with; nothing is written
 * when one card cannot be stamped, and a card that changed on disk since it was loaded is refused
 * instead of overwritten.
 */
import type { Interval } from "../core/calendar-date.ts";
import { UsageError, VerityError } from "../core/errors.ts";
import { commitFiles, listUncommittedFiles, readGitUser } from "../core/git-ops.ts";
import { getRepositoryInfo } from "../core/git-history.ts";
import type { Card } from "../core/load-cards.ts";
import { loadProject, type ProjectOptions } from "../core/project.ts";
import { formatVerifyCommitMessage, planReverify, selectCardsToVerify, type ReverifyPlan } from "../core/reverify.ts";
import { ConcurrentEditError, replaceFileIfUnchanged } from "../core/safe-write.ts";
import type { CalendarDate } from "../core/calendar-date.ts";
import type { VerificationStatus } from "../core/verification.ts";
import { resolveCardTargets } from "./card-targets.ts";

export interface VerifyRequest {
  project: ProjectOptions;
  targets: readonly string[];
  every?: Interval | undefined;
  by?: string | undefined;
  owner?: string | undefined;
  statuses: readonly VerificationStatus[];
  commit?: boolean;
  force?: boolean;
  dryRun?: boolean;
}

export interface VerifyResult {
  /** Empty when no card matched. */
  plans: ReverifyPlan[];
  today: CalendarDate;
  verifiedBy: string;
  /** The commit made with `commit`. */
  commitHash?: string;
  /** Cards left as they were because another process changed them meanwhile. */
  refused: Card[];
}

/** A planned verification: each card's new text and the text it was planned from. */
export interface VerifyPlan {
  request: VerifyRequest;
  root: string;
  today: CalendarDate;
  verifiedBy: string;
  plans: { plan: ReverifyPlan; original: string }[];
}

/** Plans and writes (unless `dryRun`) in one call. */
export async function verify(request: VerifyRequest): Promise<VerifyResult> {
  const planned = await planVerify(request);
  return request.dryRun ? { plans: planned.plans.map((p) => p.plan), today: planned.today, verifiedBy: planned.verifiedBy, refused: [] } : applyVerify(planned);
}

/** Selects the cards and plans their new text from the text they were loaded with; writes nothing. */
export async function planVerify(request: VerifyRequest): Promise<VerifyPlan> {
  if (request.targets.length === 0 && !request.owner && request.statuses.length === 0) {
    throw new UsageError(
      "Name the cards to verify, or select them with --owner, --expired or --expiring.",
      "Examples: verity verify content/billing/refunds.md   verity verify --owner @acme/billing --expired --expiring",
    );
  }
  const project = loadProject(request.project);
  const candidates = request.targets.length === 0 ? project.cards : resolveCardTargets(request.targets, project, request.project.cwd);
  const cards = selectCardsToVerify(candidates, { owner: request.owner, statuses: request.statuses }, project.policy);
  if (cards.length === 0) return { request, root: project.root, plans: [], today: project.today, verifiedBy: request.by ?? "" };
  const verifiedBy = request.by?.trim() || (await readGitUser(project.root));
  if (!verifiedBy) {
    throw new UsageError("Who verified the cards? There is no --by and no git user.", 'Pass --by "@your-handle", or set git config user.name "Your Name".');
  }
  if (request.commit) await refuseUncommitted(project.root, cards, request.force === true);

  const plans: { plan: ReverifyPlan; original: string }[] = [];
  const errors: string[] = [];
  for (const card of cards) {
    try {
      const original = `${card.hasBom ? "\uFEFF" : ""}${card.source}`;
      plans.push({ plan: planReverify(card, original, { today: project.today, verifiedBy, every: request.every, defaultEvery: project.config.verifyEvery }), original });
    } catch (error) {
      if (!(error instanceof VerityError)) throw error;
      errors.push(`${error.message}${error.hint ? ` ${error.hint}` : ""}`);
    }
  }
  if (errors.length > 0) throw new UsageError(`No card was changed, because:\n  ${errors.join("\n  ")}`);
  return { request, root: project.root, plans, today: project.today, verifiedBy };
}

/**
 * Writes the planned cards, each atomically and only if it still holds the text it was planned
 * from (else it is refused and left as it is); commits them with `commit` when none was refused.
 */
export async function applyVerify(planned: VerifyPlan): Promise<VerifyResult> {
  const { request, plans } = planned;
  const result: VerifyResult = { plans: plans.map((p) => p.plan), today: planned.today, verifiedBy: planned.verifiedBy, refused: [] };
  for (const { plan, original } of plans) {
    if (!plan.isChanged) continue;
    try {
      replaceFileIfUnchanged(plan.card.file, original, plan.text, plan.card.relPath);
    } catch (error) {
      if (!(error instanceof ConcurrentEditError)) throw error;
      result.refused.push(plan.card);
    }
  }
  if (request.commit && result.refused.length === 0) {
    result.commitHash = await commitFiles(planned.root, result.plans.map((p) => p.card.file), formatVerifyCommitMessage(result.plans));
  }
  return result;
}

async function refuseUncommitted(root: string, cards: readonly Card[], force: boolean): Promise<void> {
  const info = await getRepositoryInfo(root);
  if (!info.isRepository) throw new UsageError("--commit needs a git repository, and this project is not in one.", "Run without --commit.");
  if (force) return;
  const dirty = await listUncommittedFiles(root, cards.map((c) => c.file));
  const blocked = cards.filter((c) => dirty.has(c.file));
  if (blocked.length === 0) return;
  throw new UsageError(
    `${blocked.length === 1 ? "This card has" : "These cards have"} uncommitted changes, which --commit would sweep into the verification commit:\n  ` +
      blocked.map((c) => c.relPath).join("\n  "),
    "Commit or undo those changes first, or pass --force to commit them together with the verification.",
  );
}
