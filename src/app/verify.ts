/**
 * `verify`: re-verify cards (one, a folder, a glob, or all of an owner's expired and expiring
 * cards). Every file is planned first, from the text the card was loaded with; nothing is written
 * when one card cannot be stamped, and a card that changed on disk since it was loaded is refused
 * instead of overwritten.
 */
import path from "node:path";
import { isDynamicPattern } from "tinyglobby";
import type { Interval } from "../core/verification/calendar-date.ts";
import { companionOf } from "../core/verification/companion.ts";
import { openContentHistory } from "../core/git/content-changes.ts";
import { getTranslations } from "../core/site/translations.ts";
import { stampSourceRevision } from "../core/verification/translation-drift.ts";
import { UsageError, VerityError } from "../core/errors.ts";
import { commitFiles, listUncommittedFiles, readGitUser } from "../core/git/ops.ts";
import { getRepositoryInfo } from "../core/git/history.ts";
import type { Card } from "../core/cards/load.ts";
import { loadProject, type ProjectOptions } from "../core/project/project.ts";
import { checkVerifiedBy, formatVerifyCommitMessage, planReverify, selectCardsToVerify, type ReverifyPlan } from "../core/verification/reverify.ts";
import { ConcurrentEditError, describeWriteRefusal, replaceFileIfUnchanged } from "../core/cards/safe-write.ts";
import type { CalendarDate } from "../core/verification/calendar-date.ts";
import type { VerificationStatus } from "../core/verification/verification.ts";
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
  /** Also verify cards whose verify_by would move to an earlier day (refused otherwise). */
  allowEarlier?: boolean;
  /** Also verify each selected card's companion. */
  withCompanion?: boolean;
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
  /** Cards left as they were because the system refused the write (a read-only file system or file), with the reason. */
  unwritable: { card: Card; reason: string }[];
  /** Cards written that had other names (hard links), with how many: those names keep the old text (see safe-write.ts). */
  separated: { card: Card; otherNames: number }[];
  /** Drafts a folder, glob or --owner selected and that were left alone (name a draft's file to verify it). */
  draftsLeft: Card[];
  /** Selected cards whose companion was not verified with them (no --with-companion). */
  companionsLeft: { card: Card; other: Card }[];
}

/** A planned verification: each card's new text and the text it was planned from. */
export interface VerifyPlan {
  request: VerifyRequest;
  root: string;
  today: CalendarDate;
  verifiedBy: string;
  plans: { plan: ReverifyPlan; original: string }[];
  draftsLeft: Card[];
  companionsLeft: { card: Card; other: Card }[];
}

/** Plans and writes (unless `dryRun`) in one call. */
export async function verify(request: VerifyRequest): Promise<VerifyResult> {
  const planned = await planVerify(request);
  return request.dryRun
    ? { plans: planned.plans.map((p) => p.plan), today: planned.today, verifiedBy: planned.verifiedBy, refused: [], unwritable: [], separated: [], draftsLeft: planned.draftsLeft, companionsLeft: planned.companionsLeft }
    : applyVerify(planned);
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
  const selected = selectCardsToVerify(candidates, { owner: request.owner, statuses: request.statuses }, project.policy);
  // Drafts are verified only when their file is named: a folder, glob or --owner leaves them alone.
  const named = new Set(request.targets.filter((t) => !isDynamicPattern(t)).map((t) => path.resolve(request.project.cwd, t)));
  const draftsLeft = selected.filter((card) => card.data.status === "draft" && !named.has(card.file));
  const cards = selected.filter((card) => !draftsLeft.includes(card));
  const companions = cards.flatMap((card) => {
    const other = companionOf(card, project.index);
    return other && !cards.includes(other) ? [{ card, other }] : [];
  });
  if (request.withCompanion) for (const { other } of companions) if (!cards.includes(other)) cards.push(other);
  const companionsLeft = request.withCompanion ? [] : companions;
  if (cards.length === 0) return { request, root: project.root, plans: [], today: project.today, verifiedBy: request.by ?? "", draftsLeft, companionsLeft };
  const verifiedBy = request.by?.trim() || (await readGitUser(project.root));
  if (!verifiedBy) {
    throw new UsageError("Who verified the cards? There is no --by and no git user.", 'Pass --by "@your-handle", or set git config user.name "Your Name".');
  }
  // A value lint refuses (a line break, a bidi override) would leave every card it stamps failing lint.
  const byProblem = checkVerifiedBy(verifiedBy);
  if (byProblem) {
    throw request.by?.trim()
      ? new UsageError(`--by: ${byProblem}`, 'Type the handle again, e.g. --by "@mina".')
      : new UsageError(`Your git user name (verified_by by default): ${byProblem}`, 'Pass --by "@your-handle", or fix git config user.name.');
  }
  if (request.commit) await refuseUncommitted(project.root, cards, request.force === true);

  const plans: { plan: ReverifyPlan; original: string }[] = [];
  const errors: string[] = [];
  // A translation is checked against its source's current revision, recorded as source_revision.
  const translations = getTranslations(project.cards);
  const history = cards.some((card) => translations.sourceOf(card)) ? openContentHistory(project.root) : undefined;
  for (const card of cards) {
    try {
      const original = `${card.hasBom ? "\uFEFF" : ""}${card.source}`;
      const plan = planReverify(card, original, { today: project.today, verifiedBy, every: request.every, defaultEvery: project.config.verifyEvery });
      const source = translations.sourceOf(card);
      const revision = source && history?.lastCommit(source.relPath);
      if (revision) {
        plan.text = stampSourceRevision(plan.text, revision);
        plan.isChanged = plan.text !== original;
      }
      plans.push({ plan, original });
    } catch (error) {
      if (!(error instanceof VerityError)) throw error;
      errors.push(`${error.message}${error.hint ? ` ${error.hint}` : ""}`);
    }
  }
  if (errors.length > 0) throw new UsageError(`No card was changed, because:\n  ${errors.join("\n  ")}`);
  const earlier = plans.map((p) => p.plan).filter((plan) => plan.movesEarlier);
  if (earlier.length > 0 && !request.allowEarlier) {
    throw new UsageError(
      `No card was changed: verifying on ${project.today} would move verify_by earlier, shortening a verification that is still valid:\n  ` +
        earlier.map((p) => `${p.card.relPath}: verify_by ${p.oldVerifyBy} -> ${p.newVerifyBy} (every ${p.interval})`).join("\n  "),
      "Pass --allow-earlier to move it anyway, or --every <a longer interval>, or leave the card until it is due.",
    );
  }
  return { request, root: project.root, plans, today: project.today, verifiedBy, draftsLeft, companionsLeft };
}

/**
 * Writes the planned cards, each atomically and only if it still holds the text it was planned
 * from (else it is refused and left as it is); commits them with `commit` when none was refused.
 */
export async function applyVerify(planned: VerifyPlan): Promise<VerifyResult> {
  const { request, plans } = planned;
  const result: VerifyResult = { plans: plans.map((p) => p.plan), today: planned.today, verifiedBy: planned.verifiedBy, refused: [], unwritable: [], separated: [], draftsLeft: planned.draftsLeft, companionsLeft: planned.companionsLeft };
  for (const { plan, original } of plans) {
    if (!plan.isChanged) continue;
    try {
      const { otherNames } = replaceFileIfUnchanged(plan.card.file, original, plan.text, plan.card.relPath);
      if (otherNames > 0) result.separated.push({ card: plan.card, otherNames });
    } catch (error) {
      if (error instanceof ConcurrentEditError) result.refused.push(plan.card);
      else {
        const reason = describeWriteRefusal(error);
        if (reason === undefined) throw error;
        result.unwritable.push({ card: plan.card, reason });
      }
    }
  }
  if (request.commit && result.refused.length === 0 && result.unwritable.length === 0) {
    try {
      result.commitHash = await commitFiles(planned.root, result.plans.map((p) => p.card.file), formatVerifyCommitMessage(result.plans));
    } catch (error) {
      // A pre-commit hook, commit signing or a missing identity: git's own words say what to fix.
      const said = (error instanceof Error ? error.message : String(error)).trim() || "(git said nothing)";
      throw new VerityError(`The cards were verified, but git refused the commit:\n  ${said.split("\n").join("\n  ")}`, {
        exitCode: 2,
        hint: "Fix what git reports, then commit the verified cards yourself (git add, git commit); verity verify --commit again would refuse them as uncommitted changes unless --force.",
        cause: error,
      });
    }
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
