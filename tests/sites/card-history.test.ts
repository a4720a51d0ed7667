/** Card history on the wiki: last change from git, and an honest note in a shallow clone. */
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadProject } from "../../src/core/project/project.ts";
import { readCardHistory } from "../../src/build/card-history.ts";
import { tempDir } from "./helpers.ts";

const dir = tempDir("history");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function git(cwd: string, args: string[], date?: string): void {
  const env = { ...process.env, GIT_AUTHOR_NAME: "Mina Park", GIT_AUTHOR_EMAIL: "mina@example.com", GIT_COMMITTER_NAME: "Mina Park", GIT_COMMITTER_EMAIL: "mina@example.com", ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) };
  execFileSync("git", args, { cwd, env, stdio: "ignore" });
}

function commitCard(repo: string, name: string, body: string, date: string): void {
  writeFileSync(path.join(repo, "content", "help", name), `---\ntitle: ${name}\nowner: "@acme/team"\naudience: external\nverify_by: 2099-01-01\n---\n\n${body}\n`);
  git(repo, ["add", "."]);
  git(repo, ["commit", "-q", "-m", `edit ${name}`], date);
}

describe("readCardHistory", () => {
  const repo = path.join(dir, "repo");
  mkdirSync(path.join(repo, "content", "help"), { recursive: true });
  git(repo, ["init", "-q", "-b", "main"]);
  commitCard(repo, "a.md", "First.", "2026-03-01T10:00:00Z");
  commitCard(repo, "b.md", "Second.", "2026-04-02T10:00:00Z");
  commitCard(repo, "a.md", "First, edited.", "2026-05-03T23:30:00Z");

  it("gives each card the day and author of its last commit", async () => {
    const history = await readCardHistory(loadProject({ cwd: repo, root: repo }));
    expect(history).toEqual({
      available: true,
      changes: new Map([
        ["content/help/a.md", { date: "2026-05-03", author: "Mina Park" }],
        ["content/help/b.md", { date: "2026-04-02", author: "Mina Park" }],
      ]),
    });
  });

  it("says history is unavailable in a shallow clone instead of inventing dates", async () => {
    const clone = path.join(dir, "shallow");
    execFileSync("git", ["clone", "-q", "--depth", "1", `file://${repo}`, clone], { stdio: "ignore" });
    const history = await readCardHistory(loadProject({ cwd: clone, root: clone }));
    expect(history).toMatchObject({ available: false, reason: "history unavailable (shallow clone)", detail: expect.stringContaining("git fetch --unshallow") });
  });
});
