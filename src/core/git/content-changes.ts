/**
 * Has a card's content changed since a commit or a day? Read from git history, never from file
 * dates. Two views of one question, kept in one module:
 * - `readFileCommits` / `contentChangesSince` (companion drift): one file's commits, each classified
 *   as a content change (a line other than verify_by, verified_on, verified_by) or a verification;
 * - `openContentHistory` (translation drift, `source_revision`): the body after the frontmatter
 *   compared between revisions.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { todayIn, type CalendarDate } from "../verification/calendar-date.ts";
import { readHeadFromFiles } from "./head-files.ts";
import { getRepositoryInfo } from "./history.ts";
import { childProcess } from "./child-process.ts";
import { HEADER_LINE, HEADER_MARK } from "./log-marks.ts";

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

/**
 * Each commit's header: a line of a mark and the hash, a line of the time, a line of the subject (%s has no line
 * break; it may hold any other character). A line of the patch starts with a diff letter (+, -, @, diff, index, ...),
 * never with the mark, so the headers are found line by line, and a subject is read as written.
 */
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
    const { simpleGit } = await import("simple-git");
    out = await simpleGit(root).raw([
      "-c", "core.quotepath=off",
      "log", "--follow", "-p", "-U0", "--no-color", "--no-ext-diff", `--max-count=${MAX_COMMITS}`,
      `--format=${HEADER_MARK}%H%n%cI%n%s`, "--", path.resolve(root, file),
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

/** Parses `git log -p -U0 --format=<HEADER_MARK>%H%n%cI%n%s` of one file. */
export function parseFileCommits(out: string, timeZone: string, ignore: RegExp): FileCommit[] {
  const commits: FileCommit[] = [];
  const lines = out.split("\n");
  let commit: FileCommit | undefined;
  let inHunk = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const hash = HEADER_LINE.exec(line)?.[1];
    if (hash !== undefined) {
      const timestamp = lines[i + 1] ?? "";
      const subject = lines[i + 2] ?? "";
      i += 2;
      const time = new Date(timestamp);
      commit = Number.isNaN(time.getTime()) ? undefined : { hash, timestamp, subject, date: todayIn(timeZone, time), added: 0, removed: 0, touchedIgnored: false };
      if (commit) commits.push(commit);
      inHunk = false;
      continue;
    }
    if (!commit) continue;
    if (line.startsWith("diff --git ")) inHunk = false;
    else if (line.startsWith("@@")) inHunk = true;
    else if (inHunk && (line.startsWith("+") || line.startsWith("-"))) {
      if (ignore.test(line.slice(1))) commit.touchedIgnored = true;
      else if (line.startsWith("+")) commit.added++;
      else commit.removed++;
    }
  }
  return commits;
}

/** Content changes of `commits` after `since` (an ISO timestamp), newest first. */
export function contentChangesSince(commits: FileCommits, since: string | undefined): FileCommit[] {
  const after = since === undefined ? Number.NEGATIVE_INFINITY : Date.parse(since);
  return commits.commits.filter((c) => c.added + c.removed > 0 && Date.parse(c.timestamp) > after);
}

export interface ContentCommit {
  /** Short hash. */
  hash: string;
  /** Committer day, YYYY-MM-DD. */
  date: string;
  subject: string;
}

export interface ContentChange {
  /** The commit compared against (short hash). */
  since: string;
  /** Commits after `since` that touched the file, newest first (frontmatter-only ones included). */
  commits: ContentCommit[];
  /** Lines of the body added and removed since then (a line-set comparison, not a minimal diff). */
  added: number;
  removed: number;
  /** True when the working tree holds changes not committed yet. */
  uncommitted: boolean;
}

export type Since = { commit: string } | { date: string };

/** One git runner per repository root; undefined when the root is not in a git repository. */
export interface ContentHistory {
  /** Full hash of HEAD (a cache key: what these answers depend on besides the files). */
  head: string;
  /** Short hash of the last commit that touched the file; undefined when none (new file). */
  lastCommit(relPath: string): string | undefined;
  /**
   * What changed in the body of `relPath` since `since`; undefined when the body is the same,
   * or the commit or day is unknown to this history.
   */
  changesSince(relPath: string, since: Since): ContentChange | undefined;
}

/** git's arguments for the full hash of HEAD (none in a repository without commits). */
const HEAD_HASH = ["rev-parse", "--verify", "--quiet", "HEAD"];

/**
 * The full hash of HEAD, undefined outside a repository or before the first commit. Read from
 * git's files when they are laid out plainly (head-files.ts), else asked of git without blocking,
 * so that the caller works on while git starts.
 */
export function readHead(root: string): Promise<string | undefined> {
  const fromFiles = readHeadFromFiles(root);
  if (fromFiles !== "ask-git") return Promise.resolve(fromFiles.commit);
  return new Promise((resolve) => {
    childProcess().execFile("git", HEAD_HASH, { cwd: root, encoding: "utf8" }, (error, stdout) => resolve((error ? "" : stdout.trim()) || undefined));
  });
}

export function openContentHistory(root: string): ContentHistory | undefined {
  const run = (args: string[]): string | undefined => {
    try {
      return childProcess().execFileSync("git", args, { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, stdio: ["ignore", "pipe", "ignore"] });
    } catch {
      return undefined;
    }
  };
  const head = run(HEAD_HASH)?.trim();
  if (!head) return undefined;
  // `<rev>:./path` is relative to the working directory, which is the project root.
  const spec = (relPath: string) => `./${relPath.split(path.sep).join("/")}`;
  return {
    head,
    lastCommit(relPath) {
      return run(["log", "-1", "--format=%h", "--", relPath])?.trim() || undefined;
    },
    changesSince(relPath, since) {
      const base =
        "commit" in since
          ? run(["rev-parse", "--verify", "--quiet", `${since.commit}^{commit}`])?.trim()
          : run(["rev-list", "-1", `--before=${since.date}T23:59:59`, "HEAD"])?.trim();
      if (!base || !/^[0-9a-f]{7,64}$/.test(base)) return undefined;
      const before = run(["show", `${base}:${spec(relPath)}`]);
      let now: string;
      try {
        now = readFileSync(path.join(root, relPath), "utf8");
      } catch {
        return undefined;
      }
      const oldBody = bodyOf(before ?? "");
      const newBody = bodyOf(now);
      if (oldBody === newBody) return undefined;
      const log = run(["log", "--format=%h%x09%cs%x09%s", `${base}..HEAD`, "--", relPath]) ?? "";
      const commits = log
        .split("\n")
        .filter(Boolean)
        .map((line) => {
          const [hash = "", date = "", ...subject] = line.split("\t");
          return { hash, date, subject: subject.join("\t") };
        });
      const headText = run(["show", `HEAD:${spec(relPath)}`]);
      const { added, removed } = lineDelta(oldBody, newBody);
      return { since: base.slice(0, 7), commits, added, removed, uncommitted: headText === undefined || bodyOf(headText) !== newBody };
    },
  };
}

/** The text after a leading `---` frontmatter block (the whole text when there is none). */
export function bodyOf(text: string): string {
  const clean = text.replace(/^\uFEFF/, "").replace(/\r\n/g, "\n");
  if (!clean.startsWith("---\n")) return clean.trim();
  const end = clean.indexOf("\n---", 4);
  if (end < 0) return clean.trim();
  const after = clean.indexOf("\n", end + 4);
  return after < 0 ? "" : clean.slice(after + 1).trim();
}

function lineDelta(before: string, after: string): { added: number; removed: number } {
  const count = (text: string) => {
    const map = new Map<string, number>();
    for (const line of text.split("\n")) if (line.trim()) map.set(line, (map.get(line) ?? 0) + 1);
    return map;
  };
  const a = count(before);
  const b = count(after);
  let added = 0;
  let removed = 0;
  for (const [line, n] of b) added += Math.max(0, n - (a.get(line) ?? 0));
  for (const [line, n] of a) removed += Math.max(0, n - (b.get(line) ?? 0));
  return { added, removed };
}
