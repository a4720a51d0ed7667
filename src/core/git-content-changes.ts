/**
 * Has a card's content changed since a commit or a day? Reads one file's history (following
 * renames) with `git log -p -U0` and classifies each commit: a *content* change touches a line other
 * than the ignored ones (by default the verification lines verify_by, verified_on, verified_by), a
 * *verification* touches only those. Generic on purpose: companion drift uses it, and translation
 * drift ("the source changed after the translation was checked") can too.
 */
import path from "node:path";
import { simpleGit } from "simple-git";
import { todayIn, type CalendarDate } from "./calendar-date.ts";
import { getRepositoryInfo } from "./git-history.ts";

export interface FileCommit {
  hash: string;
  /** Committer day in the configured time zone. */
  date: CalendarDate;
  /** Committer time, ISO 8601 with offset: orders commits of the same day. */
  timestamp: string;
  subject: string;
  /** Changed lines other than the ignored ones (added, removed). */
  added: number;
  removed: number;
  /** True when the commit touched an ignored (verification) line. */
  touchedIgnored: boolean;
}

export interface FileCommits {
  /** Commits that touched the file, newest first. */
  commits: FileCommit[];
  /** Newest commit that changed the content beyond the ignored lines. */
  lastContentChange: FileCommit | undefined;
  /** Newest commit that changed the content or an ignored (verification) line: when it was last looked at. */
  lastTouched: FileCommit | undefined;
}

/** The verification lines of a card's frontmatter. */
export const VERIFICATION_LINE = /^(verify[_-]by|verified_on|verified_by)[ \t]*:/;

const RECORD = "\x1e";
const FIELD = "\x1f";
const MAX_COMMITS = 2000;

/** The commits of one file (absolute path), or undefined outside git or in a shallow clone. */
export async function readFileCommits(
  root: string,
  file: string,
  options: { timeZone: string; ignore?: RegExp; /** The caller already checked for a full (not shallow) repository. */ repositoryChecked?: boolean },
): Promise<FileCommits | undefined> {
  if (!options.repositoryChecked) {
    const info = await getRepositoryInfo(root);
    if (!info.isRepository || info.isShallow) return undefined;
  }
  let out: string;
  try {
    out = await simpleGit(root).raw([
      "-c", "core.quotepath=off",
      "log", "--follow", "-p", "-U0", "--no-color", "--no-ext-diff", `--max-count=${MAX_COMMITS}`,
      `--format=${RECORD}%H${FIELD}%cI${FIELD}%s`, "--", path.resolve(root, file),
    ]);
  } catch {
    return undefined;
  }
  const commits = parseFileCommits(out, options.timeZone, options.ignore ?? VERIFICATION_LINE);
  return {
    commits,
    lastContentChange: commits.find((c) => c.added + c.removed > 0),
    lastTouched: commits[0],
  };
}

/** Parses `git log -p -U0 --format=<RECORD>%H<FIELD>%cI<FIELD>%s` of one file. */
export function parseFileCommits(out: string, timeZone: string, ignore: RegExp): FileCommit[] {
  const commits: FileCommit[] = [];
  for (const record of out.split(RECORD)) {
    if (record.trim() === "") continue;
    const lines = record.split("\n");
    const [hash = "", timestamp = "", subject = ""] = lines[0]!.split(FIELD);
    const commit: FileCommit = { hash, timestamp, subject, date: todayIn(timeZone, new Date(timestamp)), added: 0, removed: 0, touchedIgnored: false };
    let inHunk = false;
    for (const line of lines.slice(1)) {
      if (line.startsWith("diff --git ")) inHunk = false;
      else if (line.startsWith("@@")) inHunk = true;
      else if (inHunk && (line.startsWith("+") || line.startsWith("-"))) {
        if (ignore.test(line.slice(1))) commit.touchedIgnored = true;
        else if (line.startsWith("+")) commit.added++;
        else commit.removed++;
      }
    }
    commits.push(commit);
  }
  return commits;
}

/** Content changes of `commits` after `since` (an ISO timestamp), newest first. */
export function contentChangesSince(commits: FileCommits, since: string | undefined): FileCommit[] {
  const after = since === undefined ? Number.NEGATIVE_INFINITY : Date.parse(since);
  return commits.commits.filter((c) => c.added + c.removed > 0 && Date.parse(c.timestamp) > after);
}
