/**
 * Last change (date and author) of every card from ONE `git log` over the content folder. In a
 * shallow clone, or outside git, it says history is unavailable instead of inventing dates.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";

export interface CardChange {
  /** Calendar day (UTC) of the last commit touching the file, by author date. */
  date: string;
  author: string;
}

export type GitHistory =
  | { available: true; changes: ReadonlyMap<string, CardChange> }
  | { available: false; reason: string };

/** Maps absolute card file paths to their last change. */
export function readCardChanges(root: string, contentDir: string): GitHistory {
  let top: string;
  try {
    top = git(root, ["rev-parse", "--show-toplevel"]).trim();
  } catch {
    return { available: false, reason: "history unavailable (not a git repository)" };
  }
  if (git(root, ["rev-parse", "--is-shallow-repository"]).trim() === "true") {
    return { available: false, reason: "history unavailable (shallow clone)" };
  }
  let log: string;
  try {
    log = git(top, ["log", "--format=\u0001%at\u0002%an", "--name-only", "--no-renames", "--", path.relative(top, contentDir) || "."]);
  } catch {
    return { available: false, reason: "history unavailable (git log failed)" };
  }
  const changes = new Map<string, CardChange>();
  let current: CardChange | undefined;
  for (const line of log.split("\n")) {
    if (line.startsWith("\u0001")) {
      const [date, author] = line.slice(1).split("\u0002");
      current = { date: new Date(Number(date) * 1000).toISOString().slice(0, 10), author: author ?? "" };
      continue;
    }
    if (!line || !current) continue;
    const file = path.join(top, line);
    if (!changes.has(file)) changes.set(file, current);
  }
  return { available: true, changes };
}

function git(cwd: string, args: string[]): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, stdio: ["ignore", "pipe", "ignore"] });
}
