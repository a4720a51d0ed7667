/**
 * The few git operations the workflow commands need besides reading history: who the git user
 * is, which files have uncommitted changes, and committing a set of files.
 */
import path from "node:path";
import { simpleGit } from "simple-git";
import { getRepositoryInfo } from "./history.ts";

/** The configured git user: `user.name`, else `user.email`, else undefined. */
export async function readGitUser(root: string): Promise<string | undefined> {
  const git = simpleGit(root);
  for (const key of ["user.name", "user.email"]) {
    try {
      const value = (await git.raw(["config", "--get", key])).trim();
      if (value) return value;
    } catch {
      // not set, or not a repository: try the next key
    }
  }
  return undefined;
}

/**
 * Absolute paths among `files` that differ from HEAD: modified, staged, untracked or deleted.
 * Throws when `root` is not a git repository.
 */
export async function listUncommittedFiles(root: string, files: readonly string[]): Promise<Set<string>> {
  const info = await getRepositoryInfo(root);
  if (!info.isRepository || !info.topLevel) throw new Error(`${root} is not in a git repository`);
  if (files.length === 0) return new Set();
  const out = await simpleGit(root).raw(["-c", "core.quotepath=off", "status", "--porcelain=v1", "-z", "--untracked-files=all", "--", ...files]);
  const dirty = new Set<string>();
  const tokens = out.split("\0");
  for (let i = 0; i < tokens.length; i++) {
    const entry = tokens[i]!;
    if (entry.length < 4) continue;
    const status = entry.slice(0, 2);
    dirty.add(path.resolve(info.topLevel, entry.slice(3)));
    if (status.startsWith("R") || status.startsWith("C")) i++; // the next token is the old path
  }
  return dirty;
}

/** Stages `files` and commits exactly them (other staged changes stay staged). Returns the hash. */
export async function commitFiles(root: string, files: readonly string[], message: string): Promise<string> {
  const git = simpleGit(root);
  await git.raw(["add", "--", ...files]);
  await git.raw(["commit", "--quiet", "-m", message, "--only", "--", ...files]);
  return (await git.raw(["rev-parse", "HEAD"])).trim();
}
