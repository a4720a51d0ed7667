/** `verity status`: rows most urgent first, filters, formats and the trust score. */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { copyFixtureProject, removeTemps, runCli } from "../helpers.ts";

afterAll(removeTemps);

const TODAY = ["--today", "2026-11-22"];

async function statusJson(extra: string[] = [], project = "rules") {
  const { code, stdout, stderr } = await runCli(["status", "--format", "json", ...TODAY, ...extra], { cwd: copyFixtureProject(project) });
  return { code, stderr, report: JSON.parse(stdout) };
}

describe("verity status", () => {
  it("lists every card, most urgent first, with the trust score", async () => {
    const { code, report } = await statusJson();
    expect(code).toBe(0);
    expect(report.today).toBe("2026-11-22");
    expect(report.rows.slice(0, 3).map((r: { path: string; status: string; daysLeft: number }) => [r.path, r.status, r.daysLeft])).toEqual([
      ["content/expiry/overdue.md", "expired", -21],
      ["content/expiry/due-today.md", "expiring", 0],
      ["content/expiry/due-soon.md", "expiring", 9],
    ]);
    expect(report.rows).toHaveLength(12);
    expect(report.rows[0]).toEqual({
      id: "expiry/overdue",
      path: "content/expiry/overdue.md",
      title: "overdue",
      owner: "@acme/team",
      audience: "external",
      collection: "expiry",
      draft: false,
      verifyBy: "2026-11-01",
      status: "expired",
      daysLeft: -21,
    });
    expect(report.trust).toEqual({ score: 90.9, counted: 11, expired: 1, expiring: 2, verified: 8 });
  });

  it("filters by owner, collection and status", async () => {
    const clean = (await statusJson(["--owner", "@ACME/billing"], "clean")).report;
    expect(clean.rows.map((r: { path: string }) => r.path)).toEqual(["content/billing/refunds.md", "content/billing/invoices.md"]);
    const expiring = (await statusJson(["--status", "expiring"])).report;
    expect(expiring.rows.map((r: { status: string }) => r.status)).toEqual(["expiring", "expiring"]);
    const links = (await statusJson(["--collection", "links"])).report;
    expect(links.rows.every((r: { collection: string }) => r.collection === "links")).toBe(true);
  });

  it("rejects an unknown collection, status or format with exit 2", async () => {
    const dir = copyFixtureProject("rules");
    const unknown = await runCli(["status", "--collection", "nope"], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no collection "nope"[\s\S]*Collections: dupes, expiry, links, private/);
    expect((await runCli(["status", "--status", "stale"], { cwd: dir })).code).toBe(2);
    expect((await runCli(["status", "--format", "csv"], { cwd: dir })).code).toBe(2);
  });

  it("prints a table and a Markdown table", async () => {
    const dir = copyFixtureProject("rules");
    const table = (await runCli(["status", ...TODAY], { cwd: dir })).stdout.split("\n");
    expect(table[0]).toMatch(/^path\s+title\s+owner\s+audience\s+verify_by\s+status\s+days left$/);
    expect(table[2]).toMatch(/^content\/expiry\/overdue\.md\s+overdue\s+@acme\/team\s+external\s+2026-11-01\s+expired\s+21 overdue$/);
    expect(table.at(-2)).toMatch(/^Trust score: 90\.9% \(10 of 11 published cards verified; 1 expired, 2 expiring within 14 days; floor 95%\) on 2026-11-22$/);
    const markdown = (await runCli(["status", "--format", "markdown", ...TODAY], { cwd: dir })).stdout;
    expect(markdown).toMatch(/\| path \| title \| owner \| audience \| verify_by \| status \| days left \|\n\| --- \|/);
    expect(markdown).toContain("| content/expiry/overdue.md | overdue | @acme/team | external | 2026-11-01 | expired | 21 overdue |");
  });

  it("marks drafts, which do not count for the trust score", async () => {
    const { report } = await statusJson([], "clean");
    const draft = report.rows.find((r: { draft: boolean }) => r.draft);
    expect(draft).toMatchObject({ path: "content/support/draft.md", status: "expired" });
    expect(report.trust).toMatchObject({ score: 100, counted: 3, expired: 0 });
  });
});

describe("command-line values that cannot work", () => {
  // --root naming a file found no cards and answered "Trust score: 100% (0 of 0 ...)", exit 0.
  it("--root naming a file is a usage error, not an empty project", async () => {
    const dir = copyFixtureProject("clean");
    const result = await runCli(["status", "--root", "content/billing/refunds.md"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("The project folder content/billing/refunds.md is a file, not a folder.");
    expect(result.stdout).toBe("");
  });

  // A typo in contentDir answered "Checked 0 cards: no problems" and a trust score of 100%, exit 0: CI passed with nothing checked.
  it("a contentDir that does not exist is a configuration error at its line for lint and status", async () => {
    const dir = copyFixtureProject("clean");
    writeFileSync(path.join(dir, "verity.config.yml"), "lang: en\ncontentDir: contnet\n");
    for (const command of [["lint"], ["status"]]) {
      const result = await runCli([...command, ...TODAY], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("verity.config.yml:2: contentDir is contnet, and the content folder");
      expect(result.stderr).toContain("does not exist, so there are no cards to check.");
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  // --port 99999 was an internal error from Node (options.port should be >= 0 and < 65536).
  it.each([
    ["mcp", "--site", "public", "--http", "--port", "99999"],
    ["preview", "--port", "65536"],
    ["mcp", "--site", "public", "--http", "--port", ""],
  ])("%s ... %s %s %s %s %s: a port outside 0-65535 is a usage error", async (...argv) => {
    const result = await runCli(argv, { cwd: copyFixtureProject("clean") });
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--port must be a port number from 0 to 65535");
  });

  it.each([
    ["0", "--connections-per-client must be at least 1"],
    ["many", '--connections-per-client must be a whole number, got "many"'],
  ])("mcp --http --connections-per-client %s is a usage error, and nothing starts", async (value, message) => {
    const result = await runCli(["mcp", "--site", "public", "--http", "--port", "0", "--connections-per-client", value], { cwd: copyFixtureProject("clean") });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  // Commander keeps the last value: a script appending `--site internal` made a public server serve every card.
  it.each([
    ["mcp", "--site", "public", "--site", "internal"],
    ["build", "--site", "public", "--site", "internal"],
  ])("%s %s %s %s %s: an option given twice is a usage error, and nothing starts", async (...argv) => {
    const result = await runCli(argv, { cwd: copyFixtureProject("clean") });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--site is given twice ("public", then "internal"); give it once.');
    expect(result.stdout).toBe("");
  });
});
