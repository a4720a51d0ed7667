/**
 * Last change (day and author) of every card, from the one `git log` of `readGitHistory`. In a
 * shallow clone or outside git it says history is unavailable instead of inventing dates.
 */
import path from "node:path";
import { readGitHistory } from "../core/git/history.ts";
import type { Project } from "../core/project/project.ts";
import { removedCards, type RemovedCard } from "../core/git/former-cards.ts";

export interface CardChange {
  date: string;
  author: string;
}

export type CardHistory =
  | {
      available: true;
      /** Keyed by card path relative to the project root. */
      changes: ReadonlyMap<string, CardChange>;
      /** Card files the history removed (deleted or renamed away), for the alias check (core/git/former-cards.ts). */
      removed?: readonly RemovedCard[];
    }
  | {
      available: false;
      /** Shown on the wiki's pages: "history unavailable (shallow clone)". */
      reason: string;
      /** The whole reason, with what to do, for the build's output. */
      detail?: string;
    };

const SHORT_REASON = {
  "not-repository": "history unavailable (not in a git repository)",
  shallow: "history unavailable (shallow clone)",
  "no-git": "history unavailable (git is not installed)",
  "git-failed": "history unavailable (git failed)",
  "linked-folder": "history unavailable (the content folder is a link)",
} as const;

export async function readCardHistory(project: Pick<Project, "root" | "contentDir" | "config">): Promise<CardHistory> {
  const history = await readGitHistory(project.root, {
    folder: path.relative(project.root, project.contentDir) || ".",
    timeZone: project.config.timeZone,
  });
  if (!history.historyAvailable) return { available: false, reason: SHORT_REASON[history.cause], detail: history.reason };
  const changes = new Map<string, CardChange>();
  for (const [file, entry] of history.files) changes.set(file, { date: entry.lastChanged, author: entry.lastChangedBy });
  const removed = removedCards(history.commits, project.root, path.relative(project.root, project.contentDir).split(path.sep).join("/") || ".");
  return removed.length > 0 ? { available: true, changes, removed } : { available: true, changes };
}
