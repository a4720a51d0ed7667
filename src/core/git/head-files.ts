/**
 * The commit HEAD names, read from the files git keeps it in (HEAD, a loose ref, packed-refs)
 * instead of asking `git rev-parse`: a lint run answered from its caches needs HEAD only for its
 * run key, and starting git costs it more than all the rest of reading its caches' first file.
 *
 * Only the plain layouts are read: a repository found by walking up from the project root (a
 * `.git` folder, or a `.git` file naming the folder of a linked worktree, with its `commondir`),
 * HEAD holding a commit or naming a branch, the branch a loose ref or a line of packed-refs.
 * Anything else gives "ask-git", and the caller asks git: an environment variable that moves
 * or bounds the repository (GIT_DIR, GIT_CEILING_DIRECTORIES...), a reftable store, a ref naming
 * another ref, a file that cannot be read or is not what git writes.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { OBJECT_ID_SOURCE } from "./log-marks.ts";

export type HeadFromFiles = { commit: string | undefined } | "ask-git";

/** Variables under which git finds, or bounds, the repository differently from the walk up. */
const REPOSITORY_ENV = ["GIT_DIR", "GIT_WORK_TREE", "GIT_COMMON_DIR", "GIT_CEILING_DIRECTORIES", "GIT_DISCOVERY_ACROSS_FILESYSTEM", "GIT_NAMESPACE", "GIT_OBJECT_DIRECTORY"];
const OBJECT_ID = new RegExp(`^(?:${OBJECT_ID_SOURCE})$`);
/** A ref name HEAD may name: under refs/, no empty, `.` or `..` part. */
const REF_NAME = /^refs\/(?:[^/\0\s.][^/\0\s]*\/)*[^/\0\s.][^/\0\s]*$/;
/** Refs each worktree keeps for itself (git's `is_per_worktree_ref`); every other ref is in the common folder. */
const PER_WORKTREE = /^refs\/(?:bisect|worktree|rewritten)\//;
/** How many folders the walk up looks at: deeper than any real path, and a bound on a cyclic file system. */
const MAX_LEVELS = 256;

class AskGit extends Error {}

/** HEAD's commit (undefined outside a repository, or on a branch without commits), or "ask-git". */
export function readHeadFromFiles(root: string, env: NodeJS.ProcessEnv = process.env): HeadFromFiles {
  if (REPOSITORY_ENV.some((name) => env[name] !== undefined)) return "ask-git";
  try {
    const gitDir = findGitDir(path.resolve(root));
    if (gitDir === undefined) return { commit: undefined };
    const commonDir = commonDirOf(gitDir);
    if (kindOf(path.join(commonDir, "reftable")) !== "missing") return "ask-git";
    const head = readText(path.join(gitDir, "HEAD"));
    if (head === undefined) throw new AskGit();
    const value = head.trim();
    if (OBJECT_ID.test(value)) return { commit: value };
    if (!value.startsWith("ref: ")) throw new AskGit();
    const ref = value.slice(5).trim();
    if (!REF_NAME.test(ref)) throw new AskGit();
    return { commit: resolveRef(ref, PER_WORKTREE.test(ref) ? gitDir : commonDir) };
  } catch {
    return "ask-git";
  }
}

/** The repository folder for `dir`, looking in it and each parent, as git's discovery does. */
function findGitDir(dir: string): string | undefined {
  let current = dir;
  for (let level = 0; level < MAX_LEVELS; level++) {
    // A bare repository (the folder itself) is left to git.
    if (kindOf(path.join(current, "HEAD")) === "file" && kindOf(path.join(current, "objects")) === "dir" && kindOf(path.join(current, "refs")) === "dir") throw new AskGit();
    const dotGit = path.join(current, ".git");
    const kind = kindOf(dotGit);
    if (kind === "dir") return dotGit;
    if (kind === "file") {
      const text = readText(dotGit);
      const match = text === undefined ? null : /^gitdir: (.+)$/.exec(text.trim());
      if (!match) throw new AskGit();
      return path.resolve(current, match[1]!);
    }
    if (kind === "other") throw new AskGit();
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
  throw new AskGit();
}

function commonDirOf(gitDir: string): string {
  const text = readText(path.join(gitDir, "commondir"));
  return text === undefined ? gitDir : path.resolve(gitDir, text.trim());
}

function resolveRef(ref: string, dir: string): string | undefined {
  const loose = readText(path.join(dir, ...ref.split("/")));
  if (loose !== undefined) {
    const value = loose.trim();
    if (OBJECT_ID.test(value)) return value;
    throw new AskGit();
  }
  const packed = readText(path.join(dir, "packed-refs"));
  if (packed === undefined) return undefined;
  for (const line of packed.split("\n")) {
    if (line.startsWith("#") || line.startsWith("^") || line === "") continue;
    const space = line.indexOf(" ");
    if (space < 0) throw new AskGit();
    if (line.slice(space + 1).trimEnd() !== ref) continue;
    const id = line.slice(0, space);
    if (!OBJECT_ID.test(id)) throw new AskGit();
    return id;
  }
  // The branch has no commit yet: git gives no HEAD either.
  return undefined;
}

function kindOf(file: string): "file" | "dir" | "missing" | "other" {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat) return "missing";
  return stat.isFile() ? "file" : stat.isDirectory() ? "dir" : "other";
}

/** The file's text; undefined when it does not exist (any other failure is left to git). */
function readText(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new AskGit();
  }
}
