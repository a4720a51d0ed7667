/** `verity verify <card|folder|glob...>`: re-verify cards, alone or in bulk by owner and status. */
import { readFileSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import { parseInterval, type Interval } from "../../src/core/calendar-date.ts";
import { UsageError, VerityError } from "../../src/core/errors.ts";
import { commitFiles, listUncommittedFiles, readGitUser } from "../../src/core/git-ops.ts";
import { getRepositoryInfo } from "../../src/core/git-history.ts";
import type { Card } from "../../src/core/load-cards.ts";
import { formatVerifyCommitMessage, planReverify, selectCardsToVerify, type ReverifyPlan } from "../../src/core/reverify.ts";
import type { VerificationStatus } from "../../src/core/verification.ts";
import { resolveCardTargets } from "../card-targets.ts";
import { openContentHistory } from "../../src/core/git-content-changes.ts";
import { getTranslations } from "../../src/core/site/translations.ts";
import { stampSourceRevision } from "../../src/core/translation-drift.ts";
import { displayPath } from "../reporters/paths.ts";
import type { RunState } from "../run-state.ts";

interface VerifyOptions {
  every?: string;
  by?: string;
  commit?: boolean;
  force?: boolean;
  owner?: string;
  expired?: boolean;
  expiring?: boolean;
  dryRun?: boolean;
}

export function registerVerify(program: Command, state: RunState): void {
  program
    .command("verify")
    .description("re-verify cards: verify_by = today + interval, verified_on = today, verified_by = you")
    .argument("[cards...]", "card files, folders or globs (quote globs: 'content/billing/*.md')")
    .option("--every <interval>", "review interval to use instead of the card's verify_every or the default, e.g. 90d, 12w, 6m, 1y")
    .option("--by <handle>", "who verified (default: git config user.name, else user.email)")
    .option("--owner <handle>", "only cards of this owner")
    .option("--expired", "only expired cards")
    .option("--expiring", "only expiring cards (within warnDays)")
    .option("--commit", "commit the changed cards in one commit listing them")
    .option("--force", "with --commit: also verify cards that have uncommitted changes (they are committed too)")
    .option("--dry-run", "show what would change without writing anything")
    .option("--today <date>", "verify as if today were this YYYY-MM-DD day")
    .action(async (targets: string[], options: VerifyOptions, command: Command) => {
      const { io } = state;
      const every = parseEvery(options.every);
      const statuses: VerificationStatus[] = [...(options.expired ? (["expired"] as const) : []), ...(options.expiring ? (["expiring"] as const) : [])];
      if (targets.length === 0 && !options.owner && statuses.length === 0) {
        throw new UsageError(
          "Name the cards to verify, or select them with --owner, --expired or --expiring.",
          "Examples: verity verify content/billing/refunds.md   verity verify --owner @acme/billing --expired --expiring",
        );
      }
      const project = state.loadProject(command);
      const candidates = targets.length === 0 ? project.cards : resolveCardTargets(targets, project, io.cwd);
      const cards = selectCardsToVerify(candidates, { owner: options.owner, statuses }, project.policy);
      if (cards.length === 0) {
        io.stderr(`No card matches${describeSelection(options, statuses)}: nothing to verify.\n`);
        return;
      }
      const verifiedBy = options.by?.trim() || (await readGitUser(project.root));
      if (!verifiedBy) {
        throw new UsageError("Who verified the cards? There is no --by and no git user.", 'Pass --by "@your-handle", or set git config user.name "Your Name".');
      }
      if (options.commit) await refuseUncommitted(project.root, cards, options.force === true, io.cwd);

      const plans: ReverifyPlan[] = [];
      const errors: string[] = [];
      // A translation is checked against its source's current revision, recorded as source_revision.
      const translations = getTranslations(project.cards);
      const history = cards.some((card) => translations.sourceOf(card)) ? openContentHistory(project.root) : undefined;
      for (const card of cards) {
        try {
          const text = readFileSync(card.file, "utf8");
          const plan = planReverify(card, text, { today: project.today, verifiedBy, every, defaultEvery: project.config.verifyEvery });
          const source = translations.sourceOf(card);
          const revision = source && history?.lastCommit(source.relPath);
          if (revision) {
            plan.text = stampSourceRevision(plan.text, revision);
            plan.isChanged = plan.text !== text;
          }
          plans.push(plan);
        } catch (error) {
          if (!(error instanceof VerityError)) throw error;
          errors.push(`${error.message}${error.hint ? ` ${error.hint}` : ""}`);
        }
      }
      if (errors.length > 0) throw new UsageError(`No card was changed, because:\n  ${errors.join("\n  ")}`);

      const width = Math.max(...plans.map((p) => displayPath(p.card.file, io.cwd).length));
      for (const plan of plans) {
        const where = displayPath(plan.card.file, io.cwd).padEnd(width);
        io.stdout(`${where}  verify_by ${plan.oldVerifyBy} -> ${plan.newVerifyBy} (every ${plan.interval})\n`);
      }
      const count = `${plans.length} ${plans.length === 1 ? "card" : "cards"}`;
      if (options.dryRun) {
        io.stdout(`Dry run: would verify ${count} on ${project.today} as ${verifiedBy}; no file was changed.\n`);
        return;
      }
      for (const plan of plans) if (plan.isChanged) writeFileSync(plan.card.file, plan.text, "utf8");
      io.stdout(`Verified ${count} on ${project.today} as ${verifiedBy}.\n`);
      if (options.commit) {
        const hash = await commitFiles(project.root, plans.map((p) => p.card.file), formatVerifyCommitMessage(plans));
        io.stdout(`Committed ${hash.slice(0, 7)} "Verify ${count}". Push it and open a pull request (or push to your branch).\n`);
      } else {
        io.stdout(`Next: review with "git diff", then commit, or run again with --commit.\n`);
      }
    });
}

function parseEvery(value: string | undefined): Interval | undefined {
  if (value === undefined) return undefined;
  const interval = parseInterval(value);
  if (!interval) throw new UsageError(`--every ${value} is not an interval.`, "Write a number and a unit d, w, m or y, e.g. --every 90d, 12w, 6m or 1y.");
  return interval;
}

async function refuseUncommitted(root: string, cards: readonly Card[], force: boolean, cwd: string): Promise<void> {
  const info = await getRepositoryInfo(root);
  if (!info.isRepository) throw new UsageError("--commit needs a git repository, and this project is not in one.", "Run without --commit.");
  if (force) return;
  const dirty = await listUncommittedFiles(root, cards.map((c) => c.file));
  const blocked = cards.filter((c) => dirty.has(c.file));
  if (blocked.length === 0) return;
  throw new UsageError(
    `${blocked.length === 1 ? "This card has" : "These cards have"} uncommitted changes, which --commit would sweep into the verification commit:\n  ` +
      blocked.map((c) => displayPath(c.file, cwd)).join("\n  "),
    "Commit or undo those changes first, or pass --force to commit them together with the verification.",
  );
}

function describeSelection(options: VerifyOptions, statuses: readonly string[]): string {
  const parts: string[] = [];
  if (options.owner) parts.push(`owner ${options.owner}`);
  if (statuses.length > 0) parts.push(`status ${statuses.join(" or ")}`);
  return parts.length > 0 ? ` (${parts.join(", ")})` : "";
}
