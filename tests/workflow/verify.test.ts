import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { stampVerification } from "../../src/core/verification/reverify.ts";
import { runCli } from "./cli.ts";
import { cardText, createTempRepo, type TempRepo } from "./git-repo.ts";

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/workflow/verify");
const INPUTS = readdirSync(FIXTURES).filter((f) => f.endsWith(".md"));

const repos: TempRepo[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.dispose();
});

function repoWith(files: Record<string, string>): TempRepo {
  const repo = createTempRepo();
  repos.push(repo);
  repo.write(files);
  repo.commit("Initial cards", "2026-01-05");
  return repo;
}

function fixtureRepo(): TempRepo {
  const files: Record<string, string> = {};
  for (const name of INPUTS) files[`content/docs/${name}`] = readFileSync(path.join(FIXTURES, name), "utf8");
  return repoWith(files);
}

describe("verity verify: only the verification lines change", () => {
  it.each(INPUTS)("%s matches its golden file byte for byte", async (name) => {
    const repo = fixtureRepo();
    const result = await runCli(["verify", `content/docs/${name}`, "--by", "@mina", "--today", "2026-11-30"], repo.root);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const actual = readFileSync(path.join(repo.root, "content/docs", name));
    const expected = readFileSync(path.join(FIXTURES, "expected", name));
    expect(actual.toString("utf8")).toBe(expected.toString("utf8"));
    expect(actual.equals(expected)).toBe(true);
  });

  it("keeps CRLF endings, the BOM and the body", async () => {
    const repo = fixtureRepo();
    await runCli(["verify", "content/docs", "--by", "@mina", "--today", "2026-11-30"], repo.root);
    const crlf = repo.read("content/docs/crlf.md");
    expect(crlf.split("\n").slice(0, -1).every((line) => line.endsWith("\r"))).toBe(true);
    const bom = readFileSync(path.join(repo.root, "content/docs/bom-alias.md"));
    expect([...bom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(repo.read("content/docs/plain.md")).toContain("Body text with verify_by: 2020-01-01 inside, which must stay.\n\n  trailing spaces   \n");
  });

  it("prints the old and new date of each card", async () => {
    const repo = fixtureRepo();
    const result = await runCli(["verify", "content/docs/*.md", "--by", "@mina", "--today", "2026-11-30"], repo.root);
    expect(result.stdout).toContain("content/docs/crlf.md       verify_by 2026-10-15 -> 2027-05-30 (every 6m)");
    expect(result.stdout).toContain("content/docs/month-end.md  verify_by 2026-08-31 -> 2027-02-28 (every 3m)");
    expect(result.stdout).toContain("content/docs/plain.md      verify_by 2026-11-01 -> 2027-02-28 (every 90d)");
    expect(result.stdout).toContain("Verified 4 cards on 2026-11-30 as @mina.");
  });
});

describe("stampVerification", () => {
  it("uses the quote style of the date for an inserted verified_on and quotes handles", () => {
    const text = '---\ntitle: T\nverify_by: "2026-01-01"\nowner: a@b.co\n---\n';
    expect(stampVerification(text, { verifyBy: "2026-04-01" as never, verifiedOn: "2026-01-01" as never, verifiedBy: "Mina Park" })).toBe(
      '---\ntitle: T\nverify_by: "2026-04-01"\nverified_on: "2026-01-01"\nverified_by: Mina Park\nowner: a@b.co\n---\n',
    );
  });

  // Lint reads a card whose lines end in a lone CR (classic Mac OS) and tells its owner to run
  // verify on it; verify read the whole frontmatter as one line and said it was "missing or not closed".
  it("edits a card whose lines end in a lone CR, keeping CR endings", () => {
    const text = "---\rtitle: T\rverify_by: 2026-01-01\r---\rBody.\r";
    expect(stampVerification(text, { verifyBy: "2026-04-01" as never, verifiedOn: "2026-01-01" as never, verifiedBy: "Mina Park" })).toBe(
      "---\rtitle: T\rverify_by: 2026-04-01\rverified_on: 2026-01-01\rverified_by: Mina Park\r---\rBody.\r",
    );
  });

  // The refusal named the file only, so the author had to guess which of three lines to rewrite.
  it("names the line of a verified_by it cannot edit in place (a block scalar)", () => {
    const text = "---\ntitle: T\nverify_by: 2026-01-01\nverified_by: >-\n  Old\n  Name\n---\n";
    expect(() => stampVerification(text, { verifyBy: "2026-04-01" as never, verifiedOn: "2026-01-01" as never, verifiedBy: "x" }, "a.md")).toThrow(
      /^a\.md:4: verified_by could not be updated in place/,
    );
  });

  it("refuses a verify_by it cannot edit in place", () => {
    const text = "---\ntitle: T\nverify_by:\n  2026-01-01\n---\n";
    expect(() => stampVerification(text, { verifyBy: "2026-04-01" as never, verifiedOn: "2026-01-01" as never, verifiedBy: "x" }, "a.md")).toThrow(
      /a\.md:3: verify_by is "", which is not a YYYY-MM-DD date on one line/,
    );
  });
});

describe("verity verify: selection, --every, --by, --commit", () => {
  const cards = {
    "verity.config.yml": "verifyEvery: 30d\nwarnDays: 14\n",
    "content/billing/expired.md": cardText({ owner: '"@lumen/billing"', verify_by: "2026-11-01" }),
    "content/billing/expiring.md": cardText({ owner: '"@lumen/billing"', verify_by: "2026-12-05" }),
    "content/billing/fresh.md": cardText({ owner: '"@lumen/billing"', verify_by: "2027-06-01" }),
    "content/api/other.md": cardText({ owner: "dev@example.com", verify_by: "2026-11-01" }),
  };

  it("re-verifies all expired and expiring cards of one owner in one command", async () => {
    const repo = repoWith(cards);
    const result = await runCli(["verify", "--owner", "@LUMEN/billing", "--expired", "--expiring", "--today", "2026-11-30"], repo.root);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("as Test Author.");
    expect(repo.read("content/billing/expired.md")).toContain("verify_by: 2026-12-30\nverified_on: 2026-11-30\nverified_by: Test Author\n");
    expect(repo.read("content/billing/expiring.md")).toContain("verify_by: 2026-12-30\n");
    expect(repo.read("content/billing/fresh.md")).toContain("verify_by: 2027-06-01\n");
    expect(repo.read("content/api/other.md")).toContain("verify_by: 2026-11-01\n");
  });

  it("--every overrides the interval, --dry-run writes nothing", async () => {
    const repo = repoWith(cards);
    const dry = await runCli(["verify", "content/api/other.md", "--every", "1y", "--by", "x@example.com", "--dry-run", "--today", "2026-11-30"], repo.root);
    expect(dry.stdout).toContain("verify_by 2026-11-01 -> 2027-11-30 (every 1y)");
    expect(dry.stdout).toContain("Dry run");
    expect(repo.git("status", "--porcelain")).toBe("");
    const bad = await runCli(["verify", "content/api/other.md", "--every", "90 days"], repo.root);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--every 90 days is not an interval");
  });

  // 2026-11-30 + 9999y is in the year 12025, which YYYY-MM-DD cannot write: the run said "an
  // unusual layout of verify_by" and told the author to rewrite a frontmatter that was fine.
  it("--every past 9999-12-31 says so and changes nothing", async () => {
    const repo = repoWith(cards);
    const result = await runCli(["verify", "content/api/other.md", "--every", "9999y", "--today", "2026-11-30"], repo.root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("content/api/other.md: verify_by would be 2026-11-30 + 9999y, past 9999-12-31");
    expect(result.stderr).toContain("--every 1y");
    expect(result.stderr).not.toContain("unusual layout");
    expect(repo.git("status", "--porcelain")).toBe("");
  });

  // --by "a<newline>b" (a pasted name) or a name with a bidi override was written as verified_by:
  // the card that verify had just "verified" then failed lint (frontmatter-schema).
  it("refuses a --by that lint would refuse in verified_by, and changes nothing", async () => {
    const repo = repoWith(cards);
    for (const by of ["Mina\nPark", "\u202Emina"]) {
      const result = await runCli(["verify", "content/api/other.md", "--by", by, "--today", "2026-11-30"], repo.root);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/--by: "verified_by" holds an invisible control character \(U\+(000A|202E)/);
      expect(repo.git("status", "--porcelain")).toBe("");
    }
  });

  // The refusal said only "the card has errors ... run verity lint": no line, and not what is wrong.
  it("names the line and the problem of a named card that cannot be loaded", async () => {
    const repo = repoWith({ ...cards, "content/api/broken.md": cardText({ description: "42", verify_by: "2026-11-01" }) });
    const result = await runCli(["verify", "content/api/broken.md", "--by", "@mina", "--today", "2026-11-30"], repo.root);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/content\/api\/broken\.md:6: "description" must be text, got 42/);
    expect(result.stderr).toContain("verity lint content/api/broken.md");
    expect(repo.git("status", "--porcelain")).toBe("");
  });

  it("--commit makes one commit listing the cards", async () => {
    const repo = repoWith(cards);
    // fresh.md moves from 2027-06-01 back to 2026-12-30: that needs --allow-earlier.
    const result = await runCli(["verify", "content/billing", "--commit", "--allow-earlier", "--by", "@mina", "--today", "2026-11-30"], repo.root);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Committed [0-9a-f]{7} "Verify 3 cards"/);
    expect(repo.git("log", "-1", "--format=%B")).toBe(
      "Verify 3 cards\n\n- content/billing/expired.md (verify_by 2026-11-01 -> 2026-12-30)\n" +
        "- content/billing/expiring.md (verify_by 2026-12-05 -> 2026-12-30)\n- content/billing/fresh.md (verify_by 2027-06-01 -> 2026-12-30)\n\n",
    );
    expect(repo.git("status", "--porcelain")).toBe("");
    expect(repo.git("rev-list", "--count", "HEAD").trim()).toBe("2");
  });

  // A pre-commit hook (or commit signing, or a missing git identity) that refused the commit was
  // "internal error ... This is a bug in Verity", with the cards already written and staged.
  it("--commit says when git refuses the commit, with git's words, and that the cards were verified", async () => {
    const repo = repoWith(cards);
    writeFileSync(path.join(repo.root, ".git/hooks/pre-commit"), "#!/bin/sh\necho 'lint-staged: 2 problems' >&2\nexit 1\n", { mode: 0o755 });
    const result = await runCli(["verify", "content/api/other.md", "--commit", "--by", "@mina", "--today", "2026-11-30"], repo.root);
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("The cards were verified, but git refused the commit:");
    expect(result.stderr).toContain("lint-staged: 2 problems");
    expect(repo.read("content/api/other.md")).toContain("verified_by:");
    expect(repo.git("rev-list", "--count", "HEAD").trim()).toBe("1");
  });

  it("--commit refuses a card with uncommitted changes unless --force, and leaves other staged files alone", async () => {
    const repo = repoWith(cards);
    repo.write({ "content/billing/expired.md": cardText({ owner: '"@lumen/billing"', verify_by: "2026-11-01" }, "Edited.\n"), "notes.txt": "staged\n" });
    repo.git("add", "notes.txt");
    const refused = await runCli(["verify", "content/billing/expired.md", "--commit", "--by", "@mina", "--today", "2026-11-30"], repo.root);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("uncommitted changes");
    expect(refused.stderr).toContain("content/billing/expired.md");
    expect(refused.stderr).toContain("--force");
    expect(repo.read("content/billing/expired.md")).toContain("verify_by: 2026-11-01");
    const forced = await runCli(["verify", "content/billing/expired.md", "--commit", "--force", "--by", "@mina", "--today", "2026-11-30"], repo.root);
    expect(forced.code).toBe(0);
    expect(repo.git("show", "--name-only", "--format=", "HEAD").trim()).toBe("content/billing/expired.md");
    expect(repo.git("status", "--porcelain").trim()).toBe("A  notes.txt");
  });

  it("fails clearly without targets, on a missing path, and without --by or a git user", async () => {
    const repo = repoWith(cards);
    const none = await runCli(["verify"], repo.root);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("Name the cards to verify, or select them with --owner, --expired or --expiring.");
    const missing = await runCli(["verify", "content/nope.md"], repo.root);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("content/nope.md: no such file or folder.");
    repo.git("config", "--unset", "user.name");
    repo.git("config", "--unset", "user.email");
    const nobody = await runCli(["verify", "content/api/other.md", "--today", "2026-11-30"], repo.root);
    expect(nobody.code).toBe(2);
    expect(nobody.stderr).toContain("There is no --by and no git user");
  });

  it("refuses a card that does not load, and changes no card when one fails", async () => {
    const repo = repoWith({ ...cards, "content/api/broken.md": "---\ntitle: Broken\n---\n" });
    const result = await runCli(["verify", "content/api/broken.md", "content/api/other.md", "--by", "@mina"], repo.root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('content/api/broken.md:2: Missing required field "owner".');
    expect(result.stderr).toContain("The card cannot be processed until it is fixed; verity lint content/api/broken.md lists every problem.");
    expect(repo.git("status", "--porcelain")).toBe("");
  });

  it("says when the selectors match nothing", async () => {
    const repo = repoWith(cards);
    const result = await runCli(["verify", "--owner", "@nobody", "--today", "2026-11-30"], repo.root);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("No card matches (owner @nobody): nothing to verify.");
  });
});

describe("verity verify is explicit about dates and drafts", () => {
  const files = {
    "verity.config.yml": "verifyEvery: 90d\n",
    "content/billing/late.md": cardText({ verify_by: "2027-03-31" }),
    "content/billing/due.md": cardText({ verify_by: "2026-12-01" }),
    "content/billing/draft.md": cardText({ status: "draft", verify_by: "2026-10-01" }),
  };

  it("refuses to move verify_by earlier (2027-03-31 -> 2027-03-02) and changes no card", async () => {
    const repo = repoWith(files);
    const result = await runCli(["verify", "content/billing", "--by", "@mina", "--today", "2026-12-02"], repo.root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("content/billing/late.md: verify_by 2027-03-31 -> 2027-03-02 (every 90d)");
    expect(result.stderr).toContain("--allow-earlier");
    expect(repo.read("content/billing/late.md")).toContain("verify_by: 2027-03-31");
    expect(repo.read("content/billing/due.md")).toContain("verify_by: 2026-12-01");
  });

  it("moves it earlier with --allow-earlier", async () => {
    const repo = repoWith(files);
    const result = await runCli(["verify", "content/billing/late.md", "--allow-earlier", "--by", "@mina", "--today", "2026-12-02"], repo.root);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("verify_by 2027-03-31 -> 2027-03-02 (every 90d) (earlier: --allow-earlier)");
    expect(repo.read("content/billing/late.md")).toContain("verify_by: 2027-03-02");
  });

  it("leaves drafts alone unless their file is named", async () => {
    const repo = repoWith(files);
    const bulk = await runCli(["verify", "--expired", "--expiring", "--by", "@mina", "--today", "2026-12-02"], repo.root);
    expect(bulk.code).toBe(0);
    expect(bulk.stderr).toContain("Left 1 draft alone (name a draft's file to verify it): content/billing/draft.md");
    expect(repo.read("content/billing/draft.md")).toContain("verify_by: 2026-10-01");
    expect(repo.read("content/billing/due.md")).toContain("verify_by: 2027-03-02");
    const named = await runCli(["verify", "content/billing/draft.md", "--by", "@mina", "--today", "2026-12-02"], repo.root);
    expect(named.code).toBe(0);
    expect(repo.read("content/billing/draft.md")).toContain("verify_by: 2027-03-02");
  });
});
