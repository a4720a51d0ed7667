/** `verity verify <card|folder|glob...>`: re-verify cards, alone or in bulk by owner and status. */
import type { Command } from "commander";
import { verify } from "../../src/app/verify.ts";
import { parseInterval, type Interval } from "../../src/core/verification/calendar-date.ts";
import { UsageError } from "../../src/core/errors.ts";
import type { VerificationStatus } from "../../src/core/verification/verification.ts";
import { displayPath } from "../reporters/paths.ts";
import { separatedNote } from "../../src/core/cards/safe-write.ts";
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
  allowEarlier?: boolean;
  withCompanion?: boolean;
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
    .option("--with-companion", "also verify each card's companion (its external answer or internal notes)")
    .option("--allow-earlier", "also verify cards whose verify_by would move to an earlier day (default: refused)")
    .option("--dry-run", "show what would change without writing anything")
    .option("--today <date>", "verify as if today were this YYYY-MM-DD day")
    .action(async (targets: string[], options: VerifyOptions, command: Command) => {
      const { io } = state;
      const statuses: VerificationStatus[] = [...(options.expired ? (["expired"] as const) : []), ...(options.expiring ? (["expiring"] as const) : [])];
      const result = await verify({
        project: state.projectOptions(command),
        targets,
        every: parseEvery(options.every),
        by: options.by,
        owner: options.owner,
        statuses,
        commit: options.commit === true,
        force: options.force === true,
        dryRun: options.dryRun === true,
        allowEarlier: options.allowEarlier === true,
        withCompanion: options.withCompanion === true,
      });
      const { plans, today, verifiedBy } = result;
      for (const { card, other } of result.companionsLeft) {
        io.stderr(`${displayPath(card.file, io.cwd)} has a companion, ${displayPath(other.file, io.cwd)}: check that it still matches, then verify it too (or run again with --with-companion).\n`);
      }
      if (result.draftsLeft.length > 0) {
        const n = result.draftsLeft.length;
        io.stderr(`Left ${n === 1 ? "1 draft" : `${n} drafts`} alone (name a draft's file to verify it): ${result.draftsLeft.map((c) => displayPath(c.file, io.cwd)).join(", ")}\n`);
      }
      if (plans.length === 0) {
        io.stderr(`No card matches${describeSelection(options, statuses)}: nothing to verify.\n`);
        return;
      }
      const width = Math.max(...plans.map((p) => displayPath(p.card.file, io.cwd).length));
      for (const plan of plans) {
        const where = displayPath(plan.card.file, io.cwd).padEnd(width);
        io.stdout(`${where}  verify_by ${plan.oldVerifyBy} -> ${plan.newVerifyBy} (every ${plan.interval})${plan.movesEarlier ? " (earlier: --allow-earlier)" : ""}\n`);
      }
      const count = (n: number) => `${n} ${n === 1 ? "card" : "cards"}`;
      if (options.dryRun) {
        io.stdout(`Dry run: would verify ${count(plans.length)} on ${today} as ${verifiedBy}; no file was changed.\n`);
        return;
      }
      for (const { card, otherNames } of result.separated) io.stderr(`verity: ${separatedNote(displayPath(card.file, io.cwd), otherNames)}\n`);
      if (result.unwritable.length > 0) {
        const done = plans.length - result.refused.length - result.unwritable.length;
        io.stderr(
          `verity: ${count(result.unwritable.length)} could not be written, so ${result.unwritable.length === 1 ? "it was" : "they were"} left as ${result.unwritable.length === 1 ? "it is" : "they are"}:\n  ` +
            result.unwritable.map((u) => `${displayPath(u.card.file, io.cwd)}: ${u.reason}`).join("\n  ") +
            `\n  Make ${result.unwritable.length === 1 ? "it" : "them"} writable, then run verity verify again${done > 0 ? ` (the other ${count(done)} ${done === 1 ? "was" : "were"} verified${options.commit ? ", nothing was committed" : ""})` : ""}.\n`,
        );
        state.exitCode = 2;
        if (result.refused.length === 0) return;
      }
      if (result.refused.length > 0) {
        const done = plans.length - result.refused.length - result.unwritable.length;
        io.stderr(
          `verity: ${count(result.refused.length)} changed while verity was working on ${result.refused.length === 1 ? "it" : "them"} (another editor or process wrote to ${result.refused.length === 1 ? "it" : "them"}), so ${result.refused.length === 1 ? "it was" : "they were"} left as ${result.refused.length === 1 ? "it is" : "they are"}:\n  ` +
            result.refused.map((c) => displayPath(c.file, io.cwd)).join("\n  ") +
            `\n  Save or finish the other edit, then run verity verify again${done > 0 ? ` (the other ${count(done)} ${done === 1 ? "was" : "were"} verified${options.commit ? ", nothing was committed" : ""})` : ""}.\n`,
        );
        state.exitCode = result.unwritable.length > 0 ? 2 : 1;
        return;
      }
      io.stdout(`Verified ${count(plans.length)} on ${today} as ${verifiedBy}.\n`);
      if (result.commitHash) {
        io.stdout(`Committed ${result.commitHash.slice(0, 7)} "Verify ${count(plans.length)}". Push it and open a pull request (or push to your branch).\n`);
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

function describeSelection(options: VerifyOptions, statuses: readonly string[]): string {
  const parts: string[] = [];
  if (options.owner) parts.push(`owner ${options.owner}`);
  if (statuses.length > 0) parts.push(`status ${statuses.join(" or ")}`);
  return parts.length > 0 ? ` (${parts.join(", ")})` : "";
}
