/**
 * A public card's alias at the old address of a card that was internal when it was deleted or
 * renamed away: on the help center the redirect would publish that card's name, which the leak check
 * cannot see (its needles are today's cards). The build reads the removed cards from git and builds
 * the redirect on the wiki only, and so for the address of a collection all of whose cards were internal
 * when removed; a card that was public at its old address keeps its public redirect.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readSite, runCli, tempDir } from "./helpers.ts";

const dir = tempDir("former-cards");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const env = { ...process.env, GIT_AUTHOR_NAME: "Mina Park", GIT_AUTHOR_EMAIL: "mina@example.com", GIT_COMMITTER_NAME: "Mina Park", GIT_COMMITTER_EMAIL: "mina@example.com" };
const git = (repo: string, args: string[]) => execFileSync("git", args, { cwd: repo, env, stdio: "ignore" });
const card = (title: string, audience: string, body: string, extra = "") =>
  `---\ntitle: ${title}\nowner: "@acme/team"\naudience: ${audience}\nverify_by: 2099-01-01\n${extra}---\n\n${body}\n`;

describe("aliases at the addresses of removed internal cards", () => {
  const repo = path.join(dir, "repo");
  const write = (rel: string, text: string) => {
    mkdirSync(path.dirname(path.join(repo, rel)), { recursive: true });
    writeFileSync(path.join(repo, rel), text);
  };
  write("content/help/refunds.md", card("Refunds", "external", "Ask support for refunds."));
  write("content/help/vault-override-zq.md", card("Vault override", "internal", "The vault override steps."));
  write("content/help/old-public.md", card("Old public", "external", "A public answer."));
  // A collection only the wiki had: all its cards go.
  write("content/aurora-zq/launch-plan.md", card("Launch plan", "internal", "The launch plan."));
  git(repo, ["init", "-q", "-b", "main"]);
  git(repo, ["add", "."]);
  git(repo, ["commit", "-q", "-m", "cards"]);
  // The internal card goes; the public card takes its address (url-removed asks for it). The public card is renamed, keeping its own.
  rmSync(path.join(repo, "content/help/vault-override-zq.md"));
  rmSync(path.join(repo, "content/aurora-zq"), { recursive: true });
  write("content/help/refunds.md", card("Refunds", "external", "Ask support for refunds.", 'aliases: ["/help/vault-override-zq/", "/help/vault-override-zq/steps/", "/aurora-zq/", "/aurora-zq/roadmap/"]\n'));
  renameSync(path.join(repo, "content/help/old-public.md"), path.join(repo, "content/help/new-public.md"));
  write("content/help/new-public.md", card("Old public", "external", "A public answer.", 'aliases: ["/help/old-public/"]\n'));
  git(repo, ["add", "-A"]);
  git(repo, ["commit", "-q", "-m", "move"]);

  it("builds the redirect on the wiki only, says so at the aliases line, and keeps a public card's own old address", async () => {
    const out = path.join(dir, "out");
    const { code, stderr } = await runCli(["build", "--root", repo, "--out-dir", out, "--today", "2026-11-22"]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/content\/help\/refunds\.md:6: the alias \/help\/vault-override-zq\/ is not redirected on the public site: its address names the card \/help\/vault-override-zq\/, internal when it was removed/);
    expect(stderr).toMatch(/content\/help\/refunds\.md:6: the alias \/aurora-zq\/ is not redirected on the public site: its address names the collection \/aurora-zq\/, whose cards were not public when they were removed/);
    expect(readSite(path.join(out, "public")).filter((f) => /vault-override-zq|aurora-zq/.test(f.text) || f.file.includes("aurora-zq")).map((f) => f.file)).toEqual([]);
    expect(existsSync(path.join(out, "internal/aurora-zq/roadmap/index.html"))).toBe(true);
    expect(existsSync(path.join(out, "internal/help/vault-override-zq/index.html"))).toBe(true);
    expect(readFileSync(path.join(out, "public/help/old-public/index.html"), "utf8")).toContain("new-public");
    expect(stderr).not.toMatch(/not checked against removed internal cards/);
  });

  it("warns, as CI annotations show warnings, when a shallow clone leaves the public site's aliases unchecked", async () => {
    const shallow = path.join(dir, "shallow");
    execFileSync("git", ["clone", "-q", "--depth", "1", `file://${repo}`, shallow], { env, stdio: "ignore" });
    const { code, stderr } = await runCli(["build", "--root", shallow, "--out-dir", path.join(dir, "out-shallow"), "--site", "public", "--today", "2026-11-22"]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/verity build: warning: the public site's aliases and file paths were not checked against removed internal cards: history unavailable \(shallow clone\)\. Build from a clone with full history/);
  });
});
