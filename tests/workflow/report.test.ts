import { symlinkSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeReport } from "../../src/core/report/build-report.ts";
import type { OwnerIssue } from "../../src/core/report/owner-issues.ts";
import { runCli } from "./cli.ts";
import { cardText, createTempRepo, type TempRepo } from "./git-repo.ts";

/**
 * A history whose figures are known by construction (see the comments on each commit). Today is
 * 2026-11-15; the report covers 2025-12 to 2026-11.
 */
function buildHistory(): TempRepo {
  const repo = createTempRepo();
  const card = (fields: Record<string, string>) => cardText(fields);
  repo.write({ "verity.config.yml": "warnDays: 14\nminTrustScore: 90\n", "README.md": "x\n", "content/a/_collection.yml": "title: A\n" });
  repo.commit("Config", "2025-11-20");
  // Jan: +2 (one, two). Jan 31: both valid -> 100%.
  repo.write({ "content/a/one.md": card({ owner: '"@a"', verify_by: "2026-03-31" }), "content/a/two.md": card({ owner: '"@a"', verify_by: "2026-06-30" }) });
  repo.commit("Add one and two", "2026-01-10");
  // Feb: +1 (three), 3 cards, +50%. Feb 28: three expired -> 2/3.
  repo.write({ "content/a/three.md": card({ owner: '"@b"', verify_by: "2026-02-20" }) });
  repo.commit("Add three", "2026-02-05");
  // Mar: three verified (1); +1 four (draft, not counted); 4 cards, +33.3%. Mar 31: 3/3.
  repo.write({ "content/a/three.md": card({ owner: '"@b"', verify_by: "2026-06-01" }), "content/b/four.md": card({ owner: '"@a"', verify_by: "2026-12-31", status: "draft" }) });
  repo.commit("Verify three, draft four", "2026-03-03");
  // Apr: one renamed to uno (no verification), two deleted; 3 cards, -25%. Apr 30: uno expired, three valid -> 1/2.
  repo.git("mv", "content/a/one.md", "content/a/uno.md");
  repo.remove("content/a/two.md");
  repo.write({ "README.md": "changed outside the content\n" });
  repo.commit("Rename one, delete two", "2026-04-20");
  // May: uno renamed again and verified in the same commit (1); 0%. May 31: 2/2.
  repo.git("mv", "content/a/uno.md", "content/a/one-again.md");
  repo.write({ "content/a/one-again.md": card({ owner: '"@a"', verify_by: "2026-08-31" }) });
  repo.commit("Rename and verify uno", "2026-05-02");
  // Jun: four re-verified, its verify_by unchanged but a new verified_on (1). Jun 30: one-again
  // valid, three expired (06-01), four a draft -> 1/2.
  repo.write({ "content/b/four.md": card({ owner: '"@a"', verify_by: "2026-12-31", status: "draft", verified_on: "2026-06-10" }) });
  repo.commit("Verify four early", "2026-06-10");
  // Jul: four published (status line removed). Jul 31: one-again, four valid, three expired -> 2/3.
  repo.write({ "content/b/four.md": card({ owner: '"@a"', verify_by: "2026-12-31", verified_on: "2026-06-10" }) });
  repo.commit("Publish four", "2026-07-15");
  // Aug 31: one-again valid on its last day -> 2/3. Sep 30 and Oct 31: only four valid -> 1/3.
  // Nov: +1 five; three's verify_by moved EARLIER (not a verification); 4 cards, +33.3%.
  // Nov 15: one-again and three expired, four and five valid -> 2/4.
  repo.write({ "content/c/five.md": card({ owner: '"@b"', verify_by: "2027-01-01" }), "content/a/three.md": card({ owner: '"@b"', verify_by: "2026-05-01" }) });
  repo.commit("Add five, shorten three", "2026-11-01T23:30:00Z");
  return repo;
}

let repo: TempRepo;
beforeAll(() => {
  repo = buildHistory();
  return () => repo.dispose();
});

const extra: TempRepo[] = [];
afterEach(() => {
  for (const r of extra.splice(0)) r.dispose();
});

async function jsonReport(root: string, ...args: string[]): Promise<KnowledgeReport> {
  const result = await runCli(["report", "--format", "json", "--today", "2026-11-15", ...args], root);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as KnowledgeReport;
}

describe("verity report", () => {
  it("reconstructs growth, verifications and the trust score month by month", async () => {
    const report = await jsonReport(repo.root);
    expect(report.history.available).toBe(true);
    const rows = report.history.months.map((m) => [m.month, m.cardsAdded, m.cardsRemoved, m.cardsAtEnd, m.growthPercent, m.verifications, m.trustScore]);
    expect(rows).toEqual([
      ["2025-12", 0, 0, 0, null, 0, null],
      ["2026-01", 2, 0, 2, null, 0, 100],
      ["2026-02", 1, 0, 3, 50, 0, 66.7],
      ["2026-03", 1, 0, 4, 33.3, 1, 100],
      ["2026-04", 0, 1, 3, -25, 0, 50],
      ["2026-05", 0, 0, 3, 0, 1, 100],
      ["2026-06", 0, 0, 3, 0, 1, 50],
      ["2026-07", 0, 0, 3, 0, 0, 66.7],
      ["2026-08", 0, 0, 3, 0, 0, 66.7],
      ["2026-09", 0, 0, 3, 0, 0, 33.3],
      ["2026-10", 0, 0, 3, 0, 0, 33.3],
      ["2026-11", 1, 0, 4, 33.3, 0, 50],
    ]);
    expect(report.history.months.at(-1)).toMatchObject({ end: "2026-11-15", isPartial: true });
  });

  it("reports today's trust score per collection and owner, and cards to verify by owner", async () => {
    const { health } = await jsonReport(repo.root);
    expect(health.trust).toMatchObject({ score: 50, counted: 4, expired: 2 });
    expect(health.isBelowFloor).toBe(true);
    expect(health.collections.map((c) => [c.name, c.trust.score])).toEqual([["a", 0], ["b", 100], ["c", 100]]);
    expect(health.owners.map((o) => [o.owner, o.trust.score, o.expired.map((r) => r.path)])).toEqual([
      ["@a", 50, ["content/a/one-again.md"]],
      ["@b", 50, ["content/a/three.md"]],
    ]);
  });

  it("follows the configured time zone for commit months", async () => {
    const tz = createTempRepo();
    extra.push(tz);
    tz.write({ "verity.config.yml": "timeZone: Asia/Seoul\n", "content/a/x.md": cardText({ verify_by: "2027-01-01" }) });
    tz.commit("Late on January 31 in UTC, February 1 in Seoul", "2026-01-31T20:00:00Z");
    const report = await jsonReport(tz.root, "--months", "2", "--today", "2026-02-10");
    expect(report.history.months.map((m) => [m.month, m.cardsAdded])).toEqual([["2026-01", 0], ["2026-02", 1]]);
  });

  it("renders Markdown for the job summary", async () => {
    const result = await runCli(["report", "--today", "2026-11-15"], repo.root);
    expect(result.stdout).toContain("**Trust score: 50%** :warning: under the floor of 90%: 2 of 4 published cards verified; 2 expired, 0 expiring within 14 days.");
    expect(result.stdout).toContain("| 2026-02 | 1 | 3 | +50% | 0 | 66.7% |");
    expect(result.stdout).toContain("| 2026-11 (to 2026-11-15) | 1 | 4 | +33.3% | 0 | 50% |");
    expect(result.stdout).toContain("#### @a");
    expect(result.stdout).toContain("`verity verify --owner @b --expired --expiring --commit`");
  });

  it("links cards to the repository when GitHub Actions says where it is", async () => {
    const result = await runCli(["report", "--today", "2026-11-15"], repo.root, { env: { GITHUB_SERVER_URL: "https://github.com", GITHUB_REPOSITORY: "lumen/kb" } });
    expect(result.stdout).toContain("[A card](https://github.com/lumen/kb/blob/main/content/a/three.md)");
  });

  it("writes one standalone HTML page with inline SVG charts", async () => {
    const out = "out/report.html";
    const result = await runCli(["report", "--format", "html", "--out", out, "--today", "2026-11-15"], repo.root);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("Wrote the html report to out/report.html.");
    const html = repo.read(out);
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).toContain("Trust score at each month&apos;s end");
    expect(html).not.toMatch(/<script|<link |\ssrc=|url\(/i);
    expect(html).toContain('<circle cx="');
  });

  // --out naming a folder or an unwritable place was an internal error (EISDIR, EACCES, EEXIST from
  // mkdir), and --out naming a card replaced the card with the report.
  it("--out refuses a folder, a card and a place it cannot write, with the reason, and writes nothing", async () => {
    const before = repo.read("content/a/three.md");
    const cases: [string, string][] = [
      ["content", "--out content is a folder"],
      ["content/a/three.md", "--out content/a/three.md is in the content folder"],
      ["/etc/hostname/report.md", "Could not write --out /etc/hostname/report.md: a part of the path is a file"],
      ["/proc/version", "Could not write --out /proc/version"],
      // Through symbolic links: a link to a card (written through, it would replace the card) and
      // a linked folder (the report became a card there, which lint then failed on).
      ["card-link.md", "--out card-link.md is in the content folder"],
      ["linked/new.md", "--out linked/new.md is in the content folder"],
    ];
    symlinkSync("content/a/three.md", path.join(repo.root, "card-link.md"));
    symlinkSync("content/a", path.join(repo.root, "linked"));
    for (const [out, message] of cases) {
      const result = await runCli(["audit", "--out", out, "--today", "2026-11-15"], repo.root);
      expect(result.stderr, out).not.toMatch(/internal error|\n\s+at /);
      expect(result.code, out).toBe(2);
      expect(result.stderr, out).toContain(message);
    }
    expect(repo.read("content/a/three.md")).toBe(before);
    expect(repo.git("status", "--porcelain", "content")).toBe("");
  });

  it("prints one issue body per owner with cards to verify", async () => {
    const result = await runCli(["report", "--format", "issues", "--today", "2026-11-15"], repo.root);
    const issues = JSON.parse(result.stdout) as OwnerIssue[];
    expect(issues.map((i) => [i.title, i.expired, i.expiring])).toEqual([
      ["Cards to verify: @a", 1, 0],
      ["Cards to verify: @b", 1, 0],
    ]);
    expect(issues[0]!.body).toContain("- [ ] A card (`content/a/one-again.md`): verify_by 2026-08-31, 76 days overdue");
    expect(issues[0]!.body).toContain("verity verify --owner @a --expired --expiring --commit");
  });

  it("says so instead of inventing history outside git", async () => {
    const plain = createTempRepo({ init: false });
    extra.push(plain);
    plain.write({ "content/a/x.md": cardText({}) });
    const result = await runCli(["report", "--format", "json", "--today", "2026-11-15"], plain.root);
    const report = JSON.parse(result.stdout) as KnowledgeReport;
    expect(report.history).toMatchObject({ available: false, months: [] });
    expect(result.stderr).toContain("warning: no history in the report:");
    const markdown = await runCli(["report", "--today", "2026-11-15"], plain.root);
    expect(markdown.stdout).toContain("History is not available:");
  });

  it("keeps the job summary and issue bodies short for owners with many cards", async () => {
    const big = createTempRepo({ init: false });
    extra.push(big);
    const files: Record<string, string> = {};
    for (let i = 0; i < 160; i++) files[`content/a/card-${String(i).padStart(3, "0")}.md`] = cardText({ owner: '"@many"', verify_by: "2026-01-01" });
    big.write(files);
    const markdown = await runCli(["report", "--today", "2026-11-15"], big.root);
    expect(markdown.stdout.match(/^\| A card<br>/gm)).toHaveLength(50);
    expect(markdown.stdout).toContain("… and 110 more: `verity status --owner @many` lists them all.");
    const issues = JSON.parse((await runCli(["report", "--format", "issues", "--today", "2026-11-15"], big.root)).stdout) as OwnerIssue[];
    expect(issues[0]!.body.match(/^- \[ \] /gm)).toHaveLength(150);
    expect(issues[0]!.body).toContain("- … and 10 more: `verity status --owner @many` lists them all.");
    expect(issues[0]!.body.length).toBeLessThan(65_536);
  });

  it("rejects an unknown format", async () => {
    const result = await runCli(["report", "--format", "pdf"], repo.root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown format "pdf".');
  });
});
