/**
 * `lint --fix` and `style --fix` on a file they cannot write (read-only, a read-only folder, a full
 * disk): it is left as it is and named with the reason, the other files are fixed, exit 2. Both
 * stopped with "internal error ... This is a bug in Verity" at the first such file.
 */
import { chmodSync, cpSync, linkSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { makeTempDir, removeTemps, runCli } from "../helpers.ts";
import { FIXTURE_PROJECT, fixtureCopy } from "./helpers.ts";

afterEach(removeTemps);

const CARD = (body: string) => `---\ntitle: Refunds\nowner: "@acme/billing"\naudience: external\nverify_by: 2099-01-01\n---\n\n${body}\n`;

describe("--fix on a file it cannot write", () => {
  it("lint --fix: names the read-only card with the reason, fixes the others, exit 2", async () => {
    const dir = makeTempDir("verity-fix-refused-");
    cpSync(FIXTURE_PROJECT, dir, { recursive: true });
    mkdirSync(path.join(dir, "content", "billing"), { recursive: true });
    const locked = path.join(dir, "content", "billing", "locked.md");
    const open = path.join(dir, "content", "billing", "open.md");
    writeFileSync(locked, CARD("Send an e-mail to get a refund."));
    writeFileSync(open, CARD("Send an e-mail to get a refund."));
    chmodSync(locked, 0o444);
    const result = await runCli(["lint", "--fix", "--today", "2026-01-01"], { cwd: dir });
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(result.stderr).toContain("content/billing/locked.md: --fix could not write it (permission denied (EACCES)), so it was left as it is.");
    expect(result.stderr).toContain("fixed 1 problem in 1 file");
    expect(result.code).toBe(2);
    expect(readFileSync(locked, "utf8")).toBe(CARD("Send an e-mail to get a refund."));
    expect(readFileSync(open, "utf8")).toBe(CARD("Send an email to get a refund."));
  });

  it("lint --fix: fixes a card with another name (a hard link) and says that name keeps the text it had", async () => {
    const dir = makeTempDir("verity-fix-linked-");
    cpSync(FIXTURE_PROJECT, dir, { recursive: true });
    mkdirSync(path.join(dir, "content", "billing"), { recursive: true });
    const card = path.join(dir, "content", "billing", "refunds.md");
    writeFileSync(card, CARD("Send an e-mail to get a refund."));
    const other = path.join(makeTempDir("verity-fix-linked-other-"), "refunds.md");
    linkSync(card, other);
    const result = await runCli(["lint", "--fix", "--today", "2026-01-01"], { cwd: dir });
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(result.stderr).toContain("content/billing/refunds.md had another name (a hard link): it is now a file of its own, and the other name keeps the text it had.");
    expect(readFileSync(card, "utf8")).toBe(CARD("Send an email to get a refund."));
    expect(readFileSync(other, "utf8")).toBe(CARD("Send an e-mail to get a refund."));
  });

  it("style --fix: the same, also with --no-exit", async () => {
    const dir = fixtureCopy({ "a.md": "Send an e-mail.\n", "b.md": "Send an e-mail.\n" });
    chmodSync(path.join(dir, "a.md"), 0o444);
    const result = await runCli(["style", "--fix", "--no-exit", "a.md", "b.md"], { cwd: dir });
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(result.stderr).toContain("a.md: --fix could not write it (permission denied (EACCES)), so it was left as it is.");
    expect(result.stderr).toContain("fixed 1 problem in 1 file");
    expect(result.code).toBe(2);
    expect(readFileSync(path.join(dir, "a.md"), "utf8")).toBe("Send an e-mail.\n");
    expect(readFileSync(path.join(dir, "b.md"), "utf8")).toBe("Send an email.\n");
  });

  // A pull request can commit a Markdown-named link to any file of the machine (docs/notes.md ->
  // ~/.bashrc) next to the style rules whose suggestions --fix writes: it must not write through it.
  it("style --fix: leaves a file reached through a symbolic link as it is, names it, fixes the others", async () => {
    const dir = fixtureCopy({ "b.md": "Send an e-mail.\n" });
    const outside = path.join(makeTempDir("verity-outside-"), "profile");
    writeFileSync(outside, "Send an e-mail.\n");
    mkdirSync(path.join(dir, "docs"));
    symlinkSync(outside, path.join(dir, "docs", "notes.md"));
    const result = await runCli(["style", "--fix", "--no-exit"], { cwd: dir });
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(readFileSync(outside, "utf8")).toBe("Send an e-mail.\n");
    expect(result.stderr).toMatch(/docs\/notes\.md: --fix could not write it \(it is a symbolic link, to .*profile;.*\), so it was left as it is\./);
    expect(readFileSync(path.join(dir, "b.md"), "utf8")).toBe("Send an email.\n");
    expect(result.code).toBe(2);
  });
});
