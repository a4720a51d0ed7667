/**
 * Has a card's content changed since a commit (or a day)? Content is the body after the
 * frontmatter: re-verifying a card (new verify_by) is not a change of what it says. Read from git
 * history, never from file dates. Used for translation drift; meant for any "B changed since X"
 * question (companion drift asks the same).
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

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

export function openContentHistory(root: string): ContentHistory | undefined {
  const run = (args: string[]): string | undefined => {
    try {
      return execFileSync("git", args, { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, stdio: ["ignore", "pipe", "ignore"] });
    } catch {
      return undefined;
    }
  };
  const head = run(["rev-parse", "--verify", "--quiet", "HEAD"])?.trim();
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
