/**
 * Companion drift: one card of a pair changed after its companion was last verified or changed, so
 * the companion needs review. Read from git history with git-content-changes.ts.
 */
import type { Card } from "../cards/load.ts";
import type { Project } from "../project/project.ts";
import type { NeedsReviewRow } from "./status.ts";
import { companionOf } from "./companion.ts";
import { getRepositoryInfo } from "../git/history.ts";
import { contentChangesSince, readFileCommits, type FileCommit } from "../git/content-changes.ts";

export interface CompanionDrift {
  /** The card that needs review. */
  card: Card;
  /** Its companion, which changed. */
  changed: Card;
  /** The companion's content changes after `card` was last verified or changed, newest first. */
  changes: FileCommit[];
  /** The newest commit that touched `card` (its last verification or change), if any. */
  since: FileCommit | undefined;
}

/** Every card whose companion changed after it was last verified or changed. Empty outside git. */
export async function findCompanionDrift(project: Pick<Project, "root" | "cards" | "index" | "config">): Promise<CompanionDrift[]> {
  const pairs = project.cards.flatMap((card) => {
    const other = companionOf(card, project.index);
    return other ? [{ card, other }] : [];
  });
  if (pairs.length === 0) return [];
  const info = await getRepositoryInfo(project.root);
  if (!info.isRepository || info.isShallow) return [];
  const history = new Map<Card, Awaited<ReturnType<typeof readFileCommits>>>();
  for (const card of new Set(pairs.flatMap((p) => [p.card, p.other]))) {
    history.set(card, await readFileCommits(project.root, card.file, { timeZone: project.config.timeZone, repositoryChecked: true }));
  }
  const drift: CompanionDrift[] = [];
  for (const { card, other } of pairs) {
    const mine = history.get(card);
    const theirs = history.get(other);
    if (!mine || !theirs) continue;
    const changes = contentChangesSince(theirs, mine.lastTouched?.timestamp);
    if (changes.length > 0 && mine.lastTouched) drift.push({ card, changed: other, changes, since: mine.lastTouched });
  }
  return drift.sort((a, b) => a.card.relPath.localeCompare(b.card.relPath));
}

/** "content/billing/refunds.md changed on 2026-11-20 (abc1234 "Fix the window", +3 -1 lines) after this card was last verified or changed (2026-10-01)." */
export function describeDrift(drift: CompanionDrift): string {
  const newest = drift.changes[0]!;
  const added = drift.changes.reduce((n, c) => n + c.added, 0);
  const removed = drift.changes.reduce((n, c) => n + c.removed, 0);
  const more = drift.changes.length > 1 ? ` and ${drift.changes.length - 1} earlier ${drift.changes.length === 2 ? "commit" : "commits"}` : "";
  return (
    `Its companion ${drift.changed.relPath} changed on ${newest.date} (${newest.hash.slice(0, 7)} "${newest.subject}"${more}; +${added} -${removed} lines) ` +
    `after this card was last verified or changed (${drift.since?.date ?? "never"}). Review it against the companion, then run: verity verify ${drift.card.relPath}`
  );
}

export function toNeedsReviewRow(drift: CompanionDrift): NeedsReviewRow {
  const newest = drift.changes[0]!;
  return {
    path: drift.card.relPath,
    owner: drift.card.data.owner,
    companion: drift.changed.relPath,
    commit: newest.hash,
    date: newest.date,
    added: drift.changes.reduce((n, c) => n + c.added, 0),
    removed: drift.changes.reduce((n, c) => n + c.removed, 0),
    message: describeDrift(drift),
  };
}
