/**
 * Git history of the cards, read with ONE `git log` call: per file the day it was created, the day
 * and author of its last change, and its commits, following renames. When the repository is
 * shallow or not a git repository at all, the result says so (`historyAvailable: false`) instead
 * of inventing dates from whatever commits happen to be there.
 */
import path from "node:path";
import { todayIn, type CalendarDate } from "../verification/calendar-date.ts";
import { projectPathMapper, realRoot } from "./changes.ts";
import { HEADER_MARK, OBJECT_ID_SOURCE } from "./log-marks.ts";

/** One commit, as far as the cards are concerned. Dates are committer dates, as calendar days. */
export interface CommitInfo {
  hash: string;
  /** Committer date in the configured time zone: when the change landed. */
  date: CalendarDate;
  /** Committer timestamp, ISO 8601 with offset (for ordering commits of the same day). */
  timestamp: string;
  authorName: string;
  authorEmail: string;
  subject: string;
}

export type ChangeKind = "added" | "modified" | "renamed" | "deleted";

/** What one commit did to one file. Paths are relative to the project root, with `/`. */
export interface FileChange {
  kind: ChangeKind;
  path: string;
  /** The path before the commit, for renames. */
  oldPath?: string;
}

export interface HistoryCommit extends CommitInfo {
  /** Changes to files under the history's folder, in git's order. */
  changes: FileChange[];
}

export interface FileHistory {
  /** Current path, relative to the project root. */
  path: string;
  /** Day of the commit that first added the file (under any of its earlier names). */
  created: CalendarDate;
  createdBy: string;
  /** Day and author of the last commit that touched the file. */
  lastChanged: CalendarDate;
  lastChangedBy: string;
  /** Commits that touched the file, newest first, with what each did to it. */
  commits: (CommitInfo & { change: FileChange })[];
}

export type GitHistory =
  | {
      historyAvailable: true;
      /** History of every file that exists at HEAD under the folder, keyed by its current path. */
      files: Map<string, FileHistory>;
      /** Every commit that touched the folder, oldest first. */
      commits: HistoryCommit[];
    }
  | {
      historyAvailable: false;
      /** Why there is no history, in words a user can act on. */
      reason: string;
      /** What kind of reason: no repository, a shallow clone, no git program, or git failed. */
      cause: HistoryGap;
      files: Map<string, FileHistory>;
      commits: HistoryCommit[];
    };

export interface GitHistoryOptions {
  /** Folder whose history is read, relative to `root` (usually the content folder). Default: all. */
  folder?: string;
  /** IANA time zone in which commit dates become calendar dates. */
  timeZone: string;
}

export type HistoryGap = "not-repository" | "shallow" | "no-git" | "git-failed" | "linked-folder";

export interface RepositoryInfo {
  isRepository: boolean;
  isShallow: boolean;
  /** Absolute path of the repository's top folder. */
  topLevel?: string;
  /**
   * Why git could not tell, when it is not simply that there is no repository: git is not installed
   * (not on PATH), or it refused the repository (`detected dubious ownership`, a corrupt `.git`).
   */
  problem?: { cause: "no-git" | "git-failed"; message: string };
}

/** Why `git rev-parse` failed, unless it is only that the folder is in no repository. */
function repositoryProblem(error: unknown): RepositoryInfo["problem"] {
  const message = String((error as Error)?.message ?? error);
  if (/\bENOENT\b/.test(message) && /spawn/.test(message)) return { cause: "no-git", message: "git is not installed (no git program on PATH)" };
  if (/not a git repository/i.test(message)) return undefined;
  const line = message.split("\n").find((l) => l.trim() !== "") ?? "git failed";
  return { cause: "git-failed", message: `git could not read the repository: ${line.replace(/^(fatal|error):\s*/, "").trim()}` };
}

/**
 * Each commit's header: a mark, then hash, time, author's name and email, and subject, one a line. None of those
 * can hold a line break (a commit's author is one line of it, and %s joins the subject's lines), while a subject, a
 * name or a file name may hold any other character, the separators \x1e and \x1f the log once used among them.
 * With -z every header and every file name is its own NUL-ended token, and the tokens are read in order (see parseLog).
 */
const LOG_FORMAT = `${HEADER_MARK}%H%n%cI%n%an%n%ae%n%s`;
const HEADER = new RegExp(`^\\n?${HEADER_MARK}(${OBJECT_ID_SOURCE})\\n([^\\n]+)\\n([^\\n]*)\\n([^\\n]*)\\n([^\\n]*)\\n?$`);
const STATUS = /^\n?([ACDMRTUXB])\d*$/;

/** Whether `root` is in a git repository, and whether that repository is a shallow clone. */
export async function getRepositoryInfo(root: string): Promise<RepositoryInfo> {
  try {
    const { simpleGit } = await import("simple-git");
    const out = await simpleGit(root).raw(["rev-parse", "--is-shallow-repository", "--show-toplevel"]);
    const [shallow, topLevel] = out.trim().split("\n");
    return { isRepository: true, isShallow: shallow === "true", topLevel: topLevel ? path.resolve(topLevel) : undefined };
  } catch (error) {
    const problem = repositoryProblem(error);
    return problem ? { isRepository: false, isShallow: false, problem } : { isRepository: false, isShallow: false };
  }
}

export async function isShallowRepository(root: string): Promise<boolean> {
  return (await getRepositoryInfo(root)).isShallow;
}

/** Reads the history of `options.folder` under `root` with one `git log` call. */
export async function readGitHistory(root: string, options: GitHistoryOptions): Promise<GitHistory> {
  const unavailable = (reason: string, cause: HistoryGap): GitHistory => ({ historyAvailable: false, reason, cause, files: new Map(), commits: [] });
  const info = await getRepositoryInfo(root);
  if (info.problem) return unavailable(`${info.problem.message}, so there are no creation dates, change dates or verification history.`, info.problem.cause);
  if (!info.isRepository || !info.topLevel) {
    return unavailable(`${root} is not in a git repository, so there are no creation dates, change dates or verification history.`, "not-repository");
  }
  if (info.isShallow) {
    return unavailable(
      "The repository is a shallow clone: its history is cut off, so dates read from it would be wrong. " +
        "Fetch the full history (git fetch --unshallow, or actions/checkout with fetch-depth: 0).",
      "shallow",
    );
  }
  // git keeps the files of a folder reached through a link under the real folder's path, not this one.
  const folder = path.resolve(realRoot(root), options.folder ?? ".");
  if (realRoot(folder) !== folder) {
    return unavailable(
      `The folder ${options.folder ?? "."} is a link to ${realRoot(folder)}, and git keeps its files' history under that path. ` +
        "Point the configuration at the real folder (or replace the link with the folder).",
      "linked-folder",
    );
  }
  const { simpleGit } = await import("simple-git");
  const git = simpleGit(root);
  let out: string;
  try {
    out = await git.raw([
      "-c", "core.quotepath=off",
      "log", "-z", "--name-status", "-M", "--reverse", "--no-color", `--format=${LOG_FORMAT}`,
      "--", folder,
    ]);
  } catch (error) {
    const message = (error as Error).message ?? "";
    if (/does not have any commits|bad default revision|unknown revision/i.test(message)) {
      return { historyAvailable: true, files: new Map(), commits: [] };
    }
    return unavailable(`git log failed: ${message.split("\n")[0]}`, "git-failed");
  }
  const toProjectPath = projectPathMapper(info.topLevel, root);
  const commits = parseLog(out, options.timeZone, toProjectPath);
  return { historyAvailable: true, files: buildFileHistories(commits), commits };
}

/**
 * Parses `git log -z --name-status --format=<LOG_FORMAT>` output (oldest first with --reverse): NUL-ended tokens, each
 * commit's header then its changes (a status, then one path, or two for a rename or copy). A token is read as a header
 * only where a status could stand, so a file name is never taken for one, whatever it holds.
 */
export function parseLog(out: string, timeZone: string, toProjectPath: (p: string) => string = (p) => p): HistoryCommit[] {
  const commits: HistoryCommit[] = [];
  const tokens = out.split("\0");
  let commit: HistoryCommit | undefined;
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i++]!;
    const status = STATUS.exec(token)?.[1];
    if (commit && status) {
      if (status === "R" || status === "C") {
        const oldPath = toProjectPath(tokens[i++] ?? "");
        const newPath = toProjectPath(tokens[i++] ?? "");
        commit.changes.push(status === "R" ? { kind: "renamed", path: newPath, oldPath } : { kind: "added", path: newPath });
      } else {
        const file = toProjectPath(tokens[i++] ?? "");
        commit.changes.push({ kind: status === "A" ? "added" : status === "D" ? "deleted" : "modified", path: file });
      }
      continue;
    }
    const header = HEADER.exec(token);
    if (!header) continue;
    const [, hash = "", timestamp = "", authorName = "", authorEmail = "", subject = ""] = header;
    const time = new Date(timestamp);
    if (Number.isNaN(time.getTime())) continue;
    commit = { hash, date: todayIn(timeZone, time), timestamp, authorName, authorEmail, subject, changes: [] };
    commits.push(commit);
  }
  return commits;
}

/** Follows each file through renames, oldest commit first, and keeps the files that still exist. */
/**
 * Takes the entries of renamed files out of `live`, by their new path. Renames are taken out
 * before anything else of the commit applies, so a swap of two names in one commit works.
 */
export function takeRenamed<T>(changes: readonly FileChange[], live: Map<string, T>): Map<string, T | undefined> {
  const moved = new Map<string, T | undefined>();
  for (const change of changes) {
    if (change.kind === "renamed" && change.oldPath !== undefined) {
      moved.set(change.path, live.get(change.oldPath));
      live.delete(change.oldPath);
    }
  }
  return moved;
}

export function buildFileHistories(commits: readonly HistoryCommit[]): Map<string, FileHistory> {
  const live = new Map<string, FileHistory>();
  for (const commit of commits) {
    const info: CommitInfo = {
      hash: commit.hash,
      date: commit.date,
      timestamp: commit.timestamp,
      authorName: commit.authorName,
      authorEmail: commit.authorEmail,
      subject: commit.subject,
    };
    const moved = takeRenamed(commit.changes, live);
    for (const change of commit.changes) {
      if (change.kind === "deleted") {
        live.delete(change.path);
        continue;
      }
      let entry = change.kind === "renamed" ? moved.get(change.path) : change.kind === "added" ? undefined : live.get(change.path);
      if (!entry) {
        entry = { path: change.path, created: commit.date, createdBy: commit.authorName, lastChanged: commit.date, lastChangedBy: commit.authorName, commits: [] };
      }
      entry.path = change.path;
      entry.lastChanged = commit.date;
      entry.lastChangedBy = commit.authorName;
      entry.commits.unshift({ ...info, change });
      live.set(change.path, entry);
    }
  }
  return live;
}
