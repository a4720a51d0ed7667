/**
 * HEAD read from git's files gives what `git rev-parse --verify HEAD` gives, in every layout it
 * reads, and leaves every other layout to git.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readHead } from "../../src/core/git/content-changes.ts";
import { readHeadFromFiles } from "../../src/core/git/head-files.ts";
import { createTempRepo, type TempRepo } from "./git-repo.ts";

const repos: TempRepo[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.dispose();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function repoWithCommits(count: number): TempRepo {
  const repo = createTempRepo();
  repos.push(repo);
  for (let i = 1; i <= count; i++) {
    repo.write({ [`content/guides/card-${i}.md`]: `# Card ${i}\n` });
    repo.commit(`card ${i}`, `2026-01-0${i}`);
  }
  return repo;
}

/** What git itself answers, as readHead's fallback asks it. */
function gitHead(repo: TempRepo, cwd = repo.root): string | undefined {
  try {
    return execFileSync("git", ["-C", cwd, "rev-parse", "--verify", "--quiet", "HEAD"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

const NO_GIT_ENV = {};

describe("readHeadFromFiles", () => {
  it("reads a branch stored as a loose ref, from the root and from a folder below it", () => {
    const repo = repoWithCommits(2);
    const below = path.join(repo.root, "content", "guides");
    expect(readHeadFromFiles(repo.root, NO_GIT_ENV)).toEqual({ commit: gitHead(repo) });
    expect(readHeadFromFiles(below, NO_GIT_ENV)).toEqual({ commit: gitHead(repo) });
    expect(gitHead(repo)).toMatch(/^[0-9a-f]{40}$/);
  });

  it("reads a branch stored in packed-refs, and the newer loose ref once a commit follows", () => {
    const repo = repoWithCommits(2);
    repo.git("pack-refs", "--all", "--prune");
    expect(readHeadFromFiles(repo.root, NO_GIT_ENV)).toEqual({ commit: gitHead(repo) });
    repo.write({ "content/guides/card-9.md": "# Card 9\n" });
    repo.commit("card 9", "2026-01-09");
    expect(readHeadFromFiles(repo.root, NO_GIT_ENV)).toEqual({ commit: gitHead(repo) });
  });

  it("reads a detached HEAD", () => {
    const repo = repoWithCommits(3);
    const first = repo.git("rev-list", "--max-parents=0", "HEAD").trim();
    repo.git("checkout", "-q", "--detach", first);
    expect(readHeadFromFiles(repo.root, NO_GIT_ENV)).toEqual({ commit: first });
    expect(gitHead(repo)).toBe(first);
  });

  it("gives no commit on a branch without commits, and outside any repository, as git does", () => {
    const repo = createTempRepo();
    repos.push(repo);
    expect(readHeadFromFiles(repo.root, NO_GIT_ENV)).toEqual({ commit: undefined });
    expect(gitHead(repo)).toBeUndefined();
    const outside = mkdtempSync(path.join(tmpdir(), "verity-no-repo-"));
    dirs.push(outside);
    // Only meaningful when no folder above the temporary folder is a repository.
    if (gitHead(repo, outside) === undefined) expect(readHeadFromFiles(outside, NO_GIT_ENV)).toEqual({ commit: undefined });
  });

  it("reads a linked worktree's own HEAD through its .git file and commondir", () => {
    const repo = repoWithCommits(2);
    const first = repo.git("rev-list", "--max-parents=0", "HEAD").trim();
    const worktree = path.join(mkdtempSync(path.join(tmpdir(), "verity-wt-")), "wt");
    dirs.push(path.dirname(worktree));
    repo.git("worktree", "add", "-q", "-b", "older", worktree, first);
    repo.git("pack-refs", "--all", "--prune");
    expect(readHeadFromFiles(worktree, NO_GIT_ENV)).toEqual({ commit: first });
    expect(gitHead(repo, worktree)).toBe(first);
    expect(readHeadFromFiles(repo.root, NO_GIT_ENV)).toEqual({ commit: gitHead(repo) });
  });

  it("leaves to git what it does not read: a variable that moves the repository, a ref naming a ref, a damaged HEAD", () => {
    const repo = repoWithCommits(1);
    expect(readHeadFromFiles(repo.root, { GIT_DIR: path.join(repo.root, ".git") })).toBe("ask-git");
    expect(readHeadFromFiles(repo.root, { GIT_CEILING_DIRECTORIES: tmpdir() })).toBe("ask-git");
    const main = path.join(repo.root, ".git", "refs", "heads", "main");
    const commit = gitHead(repo)!;
    writeFileSync(main, "ref: refs/heads/other\n");
    expect(readHeadFromFiles(repo.root, NO_GIT_ENV)).toBe("ask-git");
    writeFileSync(main, `${commit}\n`);
    writeFileSync(path.join(repo.root, ".git", "HEAD"), "ref: refs/heads/../../config\n");
    expect(readHeadFromFiles(repo.root, NO_GIT_ENV)).toBe("ask-git");
    writeFileSync(path.join(repo.root, ".git", "HEAD"), "not a head\n");
    expect(readHeadFromFiles(repo.root, NO_GIT_ENV)).toBe("ask-git");
  });

  it("leaves a reftable repository to git", () => {
    const repo = repoWithCommits(1);
    mkdirSync(path.join(repo.root, ".git", "reftable"));
    expect(readHeadFromFiles(repo.root, NO_GIT_ENV)).toBe("ask-git");
  });
});

describe("readHead", () => {
  it("answers as git does, from the files or from git", async () => {
    const repo = repoWithCommits(2);
    expect(await readHead(repo.root)).toBe(gitHead(repo));
    writeFileSync(path.join(repo.root, ".git", "refs", "heads", "main"), "ref: refs/heads/other\n");
    // Left to git, which cannot resolve the branch either.
    expect(await readHead(repo.root)).toBe(gitHead(repo));
  });
});
