/**
 * What changed since the merge base with a base branch, for `verity lint --changed`: committed,
 * staged, unstaged and untracked changes under one folder, with renames, and the old text of the
 * files that were changed or removed. A fixed handful of git calls, whatever the number of files.
 */
import { realpathSync } from "node:fs";
import path from "node:path";
import { UsageError } from "../errors.ts";
import { batchInput, readBatchAnswer } from "./cat-file.ts";
import { childProcess } from "./child-process.ts";

export interface ChangedFile {
  kind: "added" | "modified" | "renamed" | "deleted";
  /** Path relative to the project root, with `/` (for deletions: the path that was deleted). */
  path: string;
  /** Path before a rename. */
  oldPath?: string;
}

export interface ChangeSet {
  /** The base as given or chosen (`origin/main`, `main`, ...). */
  base: string;
  mergeBase: string;
  changes: ChangedFile[];
  /** Text at the merge base of modified, renamed and deleted files, by old project-relative path. */
  oldTexts: Map<string, string>;
}

export const DEFAULT_BASES = ["origin/main", "main"] as const;

interface Git {
  run(args: string[], input?: string): string;
  runBuffer(args: string[], input: string): Buffer;
  tryRun(args: string[]): string | undefined;
}

function gitIn(root: string): Git {
  const options = { cwd: root, maxBuffer: 512 * 1024 * 1024, stdio: ["pipe", "pipe", "pipe"] as ["pipe", "pipe", "pipe"] };
  return {
    run: (args, input) => childProcess().execFileSync("git", args, { ...options, input, encoding: "utf8" }),
    runBuffer: (args, input) => childProcess().execFileSync("git", args, { ...options, input }),
    tryRun(args) {
      try {
        return childProcess().execFileSync("git", args, { ...options, encoding: "utf8" });
      } catch {
        return undefined;
      }
    },
  };
}

/**
 * Changes of `folder` (relative to `root`) between the merge base of `base` and HEAD, and the
 * working tree. Without `base`, tries origin/main, then main. Throws UsageError with a fix when
 * git, the base or the history is missing.
 */
export function readChangesSince(
  root: string,
  folder: string,
  base: string | undefined,
  options: { isCard: (relPath: string) => boolean; /** Other files whose old text is read too. */ alsoOldText?: (relPath: string) => boolean },
): ChangeSet {
  const git = gitIn(root);
  const info = git.tryRun(["rev-parse", "--show-toplevel", "--is-shallow-repository"]);
  if (info === undefined) throw new UsageError(`--changed needs a git repository, and ${root} is not in one.`, "Run verity lint without --changed to check every card.");
  const [topLevel = root, shallow] = info.trim().split("\n");
  const candidates = base ? [base] : [...DEFAULT_BASES];
  const chosen = candidates.find((name) => git.tryRun(["rev-parse", "--verify", "--quiet", `${name}^{commit}`]) !== undefined);
  if (!chosen) {
    throw new UsageError(
      base ? `The base "${base}" is not a branch, tag or commit in this repository.` : "Neither origin/main nor main exists, so there is nothing to compare with.",
      base ? "Check the name (git branch -a lists branches), or fetch it: git fetch origin <branch>." : "Name the base branch: verity lint --changed <branch>. In GitHub Actions, check out with fetch-depth: 0.",
    );
  }
  const mergeBase = git.tryRun(["merge-base", chosen, "HEAD"])?.trim();
  if (!mergeBase) {
    throw new UsageError(
      `HEAD and ${chosen} have no common commit${shallow === "true" ? " in this shallow clone" : ""}.`,
      shallow === "true" ? "Fetch the full history (git fetch --unshallow, or actions/checkout with fetch-depth: 0)." : `Check that ${chosen} is the branch this one started from.`,
    );
  }
  const toProject = projectPathMapper(path.resolve(topLevel), root);
  const spec = path.resolve(realRoot(root), folder);
  const diff = git.run(["-c", "core.quotepath=off", "diff", "--name-status", "-z", "-M", "--no-color", mergeBase, "--", spec]);
  const changes = parseNameStatus(diff, toProject);
  const untracked = git.run(["-c", "core.quotepath=off", "ls-files", "-z", "--others", "--exclude-standard", "--", spec]);
  // ls-files prints paths relative to the working directory, which is the project root here.
  for (const file of untracked.split("\0").filter(Boolean)) changes.push({ kind: "added", path: file });
  const wantsOld = (rel: string) => options.isCard(rel) || options.alsoOldText?.(rel) === true;
  const oldPaths = changes.filter((c) => c.kind !== "added" && wantsOld(c.oldPath ?? c.path)).map((c) => c.oldPath ?? c.path);
  const rootFromTop = path.relative(path.resolve(topLevel), realRoot(root));
  return { base: chosen, mergeBase, changes, oldTexts: readBlobs(git, mergeBase, oldPaths, rootFromTop) };
}

/** `git diff --name-status -z` output: status, path (and a second path for renames and copies). */
export function parseNameStatus(out: string, toProject: (p: string) => string = (p) => p): ChangedFile[] {
  const tokens = out.split("\0").filter((t) => t !== "");
  const changes: ChangedFile[] = [];
  for (let i = 0; i < tokens.length; ) {
    const code = tokens[i++]!.charAt(0);
    if (code === "R" || code === "C") {
      const oldPath = toProject(tokens[i++]!);
      const newPath = toProject(tokens[i++]!);
      changes.push(code === "R" ? { kind: "renamed", path: newPath, oldPath } : { kind: "added", path: newPath });
    } else {
      const file = toProject(tokens[i++]!);
      changes.push({ kind: code === "A" ? "added" : code === "D" ? "deleted" : "modified", path: file });
    }
  }
  return changes;
}

/** Reads many blobs at `commit` with one `git cat-file --batch`. */
function readBlobs(git: Git, commit: string, projectPaths: readonly string[], rootFromTop: string): Map<string, string> {
  const texts = new Map<string, string>();
  if (projectPaths.length === 0) return texts;
  const out = git.runBuffer(["cat-file", "--batch"], batchInput(() => commit, projectPaths, rootFromTop.split(path.sep).join("/")));
  readBatchAnswer(out, projectPaths.length).forEach((text, i) => {
    if (text !== undefined) texts.set(projectPaths[i]!, text);
  });
  return texts;
}

/**
 * The project root as git names it: its real path. git reports the top folder by its real path and
 * refuses a path through a linked folder as "outside repository", so a project reached through one
 * (macOS's /tmp, a linked checkout) is named by its real path in every pathspec and mapping.
 */
export function realRoot(root: string): string {
  try {
    return realpathSync(root);
  } catch {
    return path.resolve(root);
  }
}

/** Maps a path relative to the repository top to one relative to the project root. */
export function projectPathMapper(topLevel: string, root: string): (gitPath: string) => string {
  const prefix = path.relative(topLevel, realRoot(root)).split(path.sep).join("/");
  if (prefix === "") return (p) => p;
  return (p) => (p.startsWith(`${prefix}/`) ? p.slice(prefix.length + 1) : path.posix.relative(prefix, p));
}
