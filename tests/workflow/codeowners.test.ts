import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { renderCodeowners, splitCodeowners, CODEOWNERS_MARKER } from "../../src/core/cards/codeowners.ts";
import { runCli } from "./cli.ts";
import { cardText, createTempRepo, type TempRepo } from "./git-repo.ts";

const repos: TempRepo[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.dispose();
});

function project(): TempRepo {
  const repo = createTempRepo({ init: false });
  repos.push(repo);
  repo.write({
    "content/billing/_collection.yml": 'title: Billing\ndefaults:\n  owner: "@lumen/billing"\n',
    "content/billing/refunds.md": cardText({}).replace('owner: "@team/docs"\n', ""),
    "content/billing/taxes.md": cardText({ owner: "tax@example.com" }),
    "content/api/keys with space.md": cardText({ owner: '"@dev"' }),
  });
  return repo;
}

const EXPECTED_GENERATED = `${CODEOWNERS_MARKER}

/content/api/keys\\ with\\ space.md @dev

/content/billing/ @lumen/billing
/content/billing/refunds.md @lumen/billing
/content/billing/taxes.md tax@example.com
`;

describe("verity codeowners", () => {
  it("writes one rule per card, a folder rule for a collection's default owner, and keeps the hand-written head", async () => {
    const repo = project();
    repo.write({ ".github/CODEOWNERS": `# Ours\n* @lumen/kb-admins\n/.github/ @lumen/platform\n\n${CODEOWNERS_MARKER}\n/content/old.md @gone\n` });
    const result = await runCli(["codeowners"], repo.root);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Wrote .github/CODEOWNERS: 3 cards, 3 owners.");
    expect(repo.read(".github/CODEOWNERS")).toBe(`# Ours\n* @lumen/kb-admins\n/.github/ @lumen/platform\n\n${EXPECTED_GENERATED}`);
    const again = await runCli(["codeowners"], repo.root);
    expect(again.stdout).toContain("already up to date");
  });

  it("--check passes when up to date and exits 1 with the difference when a card's owner changed", async () => {
    const repo = project();
    await runCli(["codeowners"], repo.root);
    const ok = await runCli(["codeowners", "--check"], repo.root);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(".github/CODEOWNERS is up to date (3 cards).");
    repo.write({ "content/billing/taxes.md": cardText({ owner: '"@lumen/finance"' }) });
    const stale = await runCli(["codeowners", "--check"], repo.root);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toContain("-/content/billing/taxes.md tax@example.com");
    expect(stale.stdout).toContain("+/content/billing/taxes.md @lumen/finance");
    expect(stale.stderr).toContain('Run "verity codeowners" and commit .github/CODEOWNERS.');
    expect(repo.read(".github/CODEOWNERS")).toContain("tax@example.com");
  });

  it("--check exits 1 when the file does not exist", async () => {
    const repo = project();
    const result = await runCli(["codeowners", "--check"], repo.root);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(".github/CODEOWNERS does not exist.");
  });

  it("the repository's own .github/CODEOWNERS matches the demo cards (regenerate it with verity codeowners)", async () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const result = await runCli(["codeowners", "--check"], root);
    expect(result.stdout + result.stderr).toContain("is up to date");
    expect(result.code).toBe(0);
  });

  // A CODEOWNERS checked out with CRLF (Windows, core.autocrlf) was rewritten with LF, every line
  // of the hand-written part changing, and --check called it out of date on every run there.
  it("keeps CRLF line endings: the hand-written part stays byte for byte, --check passes", async () => {
    const repo = project();
    await runCli(["codeowners"], repo.root);
    const crlf = repo.read(".github/CODEOWNERS").replace(/\n/g, "\r\n");
    repo.write({ ".github/CODEOWNERS": crlf });
    const check = await runCli(["codeowners", "--check"], repo.root);
    expect(check.stdout).toContain("is up to date");
    expect(check.code).toBe(0);
    repo.write({ "content/billing/taxes.md": cardText({ owner: '"@lumen/finance"' }) });
    await runCli(["codeowners"], repo.root);
    expect(repo.read(".github/CODEOWNERS")).toBe(crlf.replace("tax@example.com", "@lumen/finance"));
  });

  it("keeps a file without the marker as the hand-written part", () => {
    expect(splitCodeowners("* @admins").head).toBe("* @admins\n");
    const text = renderCodeowners([], [], "content", "* @admins");
    expect(text).toBe(`* @admins\n\n${CODEOWNERS_MARKER}\n`);
  });

  // A pull request can make .github/CODEOWNERS (or .github) a link: --check printed the target's lines as
  // "Differences" (a CI log shows them), and writing replaced the target, a file anywhere on the machine.
  it("neither reads nor writes through a .github/CODEOWNERS or .github that is a symbolic link", async () => {
    const outside = mkdtempSync(path.join(tmpdir(), "verity-outside-"));
    try {
      const target = path.join(outside, "credentials");
      writeFileSync(target, "token=SECRET-9f8e7d\n");
      for (const link of [".github/CODEOWNERS", ".github"]) {
        const repo = project();
        mkdirSync(path.join(repo.root, ".github"), { recursive: true });
        if (link === ".github") rmSync(path.join(repo.root, ".github"), { recursive: true });
        symlinkSync(link === ".github" ? outside : target, path.join(repo.root, link));
        if (link === ".github") writeFileSync(path.join(outside, "CODEOWNERS"), "token=SECRET-9f8e7d\n");
        for (const argv of [["codeowners", "--check"], ["codeowners"]]) {
          const result = await runCli(argv, repo.root);
          expect(result.stdout + result.stderr).not.toContain("SECRET");
          expect(result.stderr).toMatch(/symbolic link/);
          expect(result.code).toBe(2);
        }
        expect(readFileSync(target, "utf8")).toBe("token=SECRET-9f8e7d\n");
        if (link === ".github") expect(readFileSync(path.join(outside, "CODEOWNERS"), "utf8")).toBe("token=SECRET-9f8e7d\n");
      }
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
