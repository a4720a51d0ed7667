import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { isShallowRepository, readGitHistory } from "../../src/core/git/history.ts";
import { cardText, createTempRepo, type TempRepo } from "./git-repo.ts";

const repos: TempRepo[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.dispose();
});

function repoWithHistory(): TempRepo {
  const repo = createTempRepo();
  repos.push(repo);
  repo.write({ "content/billing/refunds.md": cardText({ title: "Refunds" }), "content/billing/old.md": cardText({ title: "Old" }) });
  repo.commit("Add refunds and old", "2026-01-10", { name: "Ana", email: "ana@example.com" });
  repo.write({ "content/billing/refunds.md": cardText({ title: "Refunds", verify_by: "2027-05-01" }) });
  repo.commit("Verify refunds", "2026-02-03", { name: "Bo", email: "bo@example.com" });
  repo.git("mv", "content/billing/refunds.md", "content/billing/refund-a-payment.md");
  repo.remove("content/billing/old.md");
  repo.write({ "README.md": "not content\n" });
  repo.commit("Rename refunds, delete old", "2026-03-04T23:30:00Z", { name: "Cy", email: "cy@example.com" });
  return repo;
}

describe("readGitHistory", () => {
  it("returns created and last-changed days per file, following renames", async () => {
    const repo = repoWithHistory();
    const history = await readGitHistory(repo.root, { folder: "content", timeZone: "UTC" });
    expect(history.historyAvailable).toBe(true);
    expect([...history.files.keys()]).toEqual(["content/billing/refund-a-payment.md"]);
    const file = history.files.get("content/billing/refund-a-payment.md")!;
    expect(file.created).toBe("2026-01-10");
    expect(file.createdBy).toBe("Ana");
    expect(file.lastChanged).toBe("2026-03-04");
    expect(file.lastChangedBy).toBe("Cy");
    expect(file.commits.map((c) => [c.subject, c.change.kind])).toEqual([
      ["Rename refunds, delete old", "renamed"],
      ["Verify refunds", "modified"],
      ["Add refunds and old", "added"],
    ]);
    expect(file.commits[0]!.change.oldPath).toBe("content/billing/refunds.md");
    expect(history.commits.map((c) => c.date)).toEqual(["2026-01-10", "2026-02-03", "2026-03-04"]);
    // README.md is outside the folder: not part of the history.
    expect(history.commits.flatMap((c) => c.changes.map((ch) => ch.path))).not.toContain("README.md");
  });

  // The log's records and fields were split at \x1e and \x1f, which a commit subject, an author's name or a file name may hold:
  // "Fix typo\x1esmuggled" made a record of its own with no date, and verity report and build stopped with "Invalid time value";
  // a subject holding a whole header could give the commit's changes another date and author.
  it("reads subjects, names and file names that hold the log's separators as written", async () => {
    const repo = createTempRepo();
    repos.push(repo);
    repo.write({ "content/billing/refunds.md": cardText({ title: "Refunds" }) });
    repo.commit("Add refunds", "2026-01-10", { name: "Ana", email: "ana@example.com" });
    repo.write({ "content/billing/refunds.md": cardText({ title: "Refunds", verify_by: "2027-05-01" }), "content/billing/odd\x1e\x1fname\nx.txt": "file\n" });
    repo.commit(`Fix typo\x1e${"a".repeat(40)}\x1f2001-01-01T00:00:00Z\x1fMallory\x1fm@example.com\x1fforged`, "2026-02-03", { name: "Bo\x1fBo", email: "bo@example.com" });
    const history = await readGitHistory(repo.root, { folder: "content", timeZone: "UTC" });
    expect(history.commits.map((c) => [c.date, c.authorName, c.changes.length])).toEqual([
      ["2026-01-10", "Ana", 1],
      ["2026-02-03", "Bo\x1fBo", 2],
    ]);
    expect(history.commits[1]!.subject).toBe(`Fix typo\x1e${"a".repeat(40)}\x1f2001-01-01T00:00:00Z\x1fMallory\x1fm@example.com\x1fforged`);
    expect(history.commits[1]!.changes.map((c) => c.path).sort()).toEqual(["content/billing/odd\x1e\x1fname\nx.txt", "content/billing/refunds.md"]);
    const file = history.files.get("content/billing/refunds.md")!;
    expect([file.lastChanged, file.lastChangedBy]).toEqual(["2026-02-03", "Bo\x1fBo"]);
  });

  it("turns commit times into calendar days in the configured time zone", async () => {
    const repo = repoWithHistory();
    const seoul = await readGitHistory(repo.root, { folder: "content", timeZone: "Asia/Seoul" });
    const honolulu = await readGitHistory(repo.root, { folder: "content", timeZone: "Pacific/Honolulu" });
    // 2026-03-04T23:30Z is already March 5 in Seoul and still March 4 in Honolulu.
    expect(seoul.files.get("content/billing/refund-a-payment.md")!.lastChanged).toBe("2026-03-05");
    expect(honolulu.files.get("content/billing/refund-a-payment.md")!.lastChanged).toBe("2026-03-04");
  });

  it("maps paths when the project is a subfolder of the repository", async () => {
    const repo = createTempRepo();
    repos.push(repo);
    repo.write({ "docs/kb/content/a/one.md": cardText({}) });
    repo.commit("Add one", "2026-05-05");
    const history = await readGitHistory(path.join(repo.root, "docs/kb"), { folder: "content", timeZone: "UTC" });
    expect([...history.files.keys()]).toEqual(["content/a/one.md"]);
  });

  it("says so when the folder is not a git repository", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "verity-nogit-"));
    try {
      const history = await readGitHistory(dir, { folder: "content", timeZone: "UTC" });
      expect(history.historyAvailable).toBe(false);
      if (!history.historyAvailable) expect(history.reason).toMatch(/not in a git repository/);
      expect(history.files.size).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses to read dates from a shallow clone", async () => {
    const repo = repoWithHistory();
    const clone = mkdtempSync(path.join(tmpdir(), "verity-shallow-"));
    try {
      execFileSync("git", ["clone", "-q", "--depth", "1", `file://${repo.root}`, clone]);
      expect(await isShallowRepository(clone)).toBe(true);
      expect(await isShallowRepository(repo.root)).toBe(false);
      const history = await readGitHistory(clone, { folder: "content", timeZone: "UTC" });
      expect(history.historyAvailable).toBe(false);
      if (!history.historyAvailable) expect(history.reason).toMatch(/shallow clone.*fetch-depth: 0/s);
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  });

  it("returns an empty history for a repository without commits", async () => {
    const repo = createTempRepo();
    repos.push(repo);
    const history = await readGitHistory(repo.root, { folder: "content", timeZone: "UTC" });
    expect(history.historyAvailable).toBe(true);
    expect(history.commits).toEqual([]);
  });
});
