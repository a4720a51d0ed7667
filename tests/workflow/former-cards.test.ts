/**
 * The addresses of removed cards that were not public when removed (core/git/former-cards.ts): read
 * from git whatever the way the card went (deleted, renamed, deleted and not committed yet), with its
 * aliases, from a project in a subfolder or reached through a linked folder. When git cannot answer
 * (not installed, the answer fails) the build says so in words, never with a stack trace, and never
 * publishes an alias on a guess.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readCardHistory } from "../../src/build/card-history.ts";
import { formerlyHiddenCards } from "../../src/core/git/former-cards.ts";
import { cardText, createTempRepo, type TempRepo } from "./git-repo.ts";

const repos: TempRepo[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.dispose();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function repo(): TempRepo {
  const made = createTempRepo();
  repos.push(made);
  return made;
}

async function formerOf(root: string, content = "content") {
  const history = await readCardHistory({ root, contentDir: path.join(root, content), config: { timeZone: "UTC" } as never });
  if (!history.available) return { history, hidden: undefined };
  return { history, hidden: history.removed ? await formerlyHiddenCards(root, history.removed) : new Map<string, string>() };
}

describe("removed cards that were not public", () => {
  it("knows deleted, renamed, flipped and not yet committed removals, with the removed card's aliases", async () => {
    const r = repo();
    r.write({
      "content/help/deleted-zq.md": cardText({ title: "Deleted", audience: "internal", aliases: '["/help/older-secret-zq/"]' }),
      "content/help/moved-zq.md": cardText({ title: "Moved", audience: "internal" }),
      "content/help/was-internal.md": cardText({ title: "Was internal", audience: "internal" }),
      "content/help/was-external.md": cardText({ title: "Was external" }),
      "content/help/dirty-zq.md": cardText({ title: "Dirty", audience: "internal" }),
      "content/help/keep.md": cardText({ title: "Keep" }),
    });
    r.commit("cards", "2026-01-10");
    r.write({ "content/help/was-internal.md": cardText({ title: "Was internal" }), "content/help/was-external.md": cardText({ title: "Was external", audience: "internal" }) });
    r.commit("flip", "2026-01-11");
    r.git("mv", "content/help/moved-zq.md", "content/help/moved-new.md");
    r.remove("content/help/deleted-zq.md");
    r.remove("content/help/was-internal.md");
    r.remove("content/help/was-external.md");
    r.commit("remove", "2026-01-12");
    // Deleted in the working tree only: a build from this tree must know it too.
    r.remove("content/help/dirty-zq.md");
    const { hidden } = await formerOf(r.root);
    expect(Object.fromEntries(hidden!)).toEqual({
      "/help/deleted-zq/": "content/help/deleted-zq.md",
      "/help/older-secret-zq/": "content/help/deleted-zq.md",
      "/help/moved-zq/": "content/help/moved-zq.md",
      "/help/was-external/": "content/help/was-external.md",
      "/help/dirty-zq/": "content/help/dirty-zq.md",
    });
  });

  it("names a collection whose removed cards were none of them public, and none that had a public one", async () => {
    const r = repo();
    r.write({
      "content/aurora-zq/plan.md": cardText({ title: "Plan", audience: "internal" }),
      "content/aurora-zq/budget.md": cardText({ title: "Budget", audience: "internal" }),
      "content/mixed/secret.md": cardText({ title: "Secret", audience: "internal" }),
      "content/mixed/answer.md": cardText({ title: "Answer" }),
    });
    r.commit("cards", "2026-01-10");
    for (const file of ["content/aurora-zq/plan.md", "content/aurora-zq/budget.md", "content/mixed/secret.md", "content/mixed/answer.md"]) r.remove(file);
    r.commit("remove", "2026-01-11");
    const { hidden } = await formerOf(r.root);
    expect([...hidden!.keys()].sort()).toEqual(["/aurora-zq/", "/aurora-zq/budget/", "/aurora-zq/plan/", "/mixed/secret/"]);
  });

  it("reads a project in a subfolder of the repository, reached through a linked folder", async () => {
    const r = repo();
    r.write({ "docs/verity.config.yml": "timeZone: UTC\n", "docs/content/help/gone-zq.md": cardText({ title: "Gone", audience: "internal" }), "docs/content/help/old-public.md": cardText({ title: "Old" }) });
    r.commit("cards", "2026-01-10");
    r.remove("docs/content/help/gone-zq.md");
    r.remove("docs/content/help/old-public.md");
    r.commit("remove", "2026-01-11");
    const links = mkdtempSync(path.join(tmpdir(), "verity-link-"));
    dirs.push(links);
    symlinkSync(path.join(r.root, "docs"), path.join(links, "docs"));
    const { hidden, history } = await formerOf(path.join(links, "docs"));
    expect(history).toMatchObject({ available: true });
    expect(Object.fromEntries(hidden!)).toEqual({ "/help/gone-zq/": "content/help/gone-zq.md" });
  });
});

describe("when git cannot answer", () => {
  it("says git is not installed, not that there is no repository", async () => {
    const r = repo();
    r.write({ "content/help/a.md": cardText({ title: "A" }) });
    r.commit("cards", "2026-01-10");
    const saved = process.env.PATH;
    process.env.PATH = path.join(r.root, "no-programs-here");
    try {
      const { history } = await formerOf(r.root);
      expect(history).toMatchObject({ available: false, reason: "history unavailable (git is not installed)", detail: expect.stringMatching(/git is not installed \(no git program on PATH\)/) });
    } finally {
      process.env.PATH = saved;
    }
  });

  it("stops with a clear error when git cat-file fails, publishing no alias on a guess", async () => {
    const r = repo();
    r.write({ "content/help/gone-zq.md": cardText({ title: "Gone", audience: "internal" }) });
    r.commit("cards", "2026-01-10");
    r.remove("content/help/gone-zq.md");
    r.commit("remove", "2026-01-11");
    const history = await readCardHistory({ root: r.root, contentDir: path.join(r.root, "content"), config: { timeZone: "UTC" } as never });
    expect(history.available && history.removed).toHaveLength(1);
    // A git that answers everything but cat-file.
    const bin = path.join(r.root, ".bin");
    mkdirSync(bin);
    writeFileSync(path.join(bin, "git"), `#!/bin/sh\nif [ "$1" = cat-file ]; then echo "fatal: unable to read objects" >&2; exit 128; fi\nexec /usr/bin/env PATH="${process.env.PATH}" git "$@"\n`);
    chmodSync(path.join(bin, "git"), 0o755);
    const saved = process.env.PATH;
    process.env.PATH = `${bin}${path.delimiter}${saved}`;
    try {
      await expect(formerlyHiddenCards(r.root, history.available ? history.removed! : [])).rejects.toThrow(/git could not read the last versions of 1 removed card\(s\) \(git cat-file: fatal: unable to read objects\)/);
    } finally {
      process.env.PATH = saved;
    }
  });

  it("says so when the content folder is a link, whose cards git knows under another path", async () => {
    const r = repo();
    r.write({ "real/help/a.md": cardText({ title: "A" }) });
    symlinkSync("real", path.join(r.root, "content"));
    r.commit("cards", "2026-01-10");
    const { history } = await formerOf(r.root);
    expect(history).toMatchObject({ available: false, reason: "history unavailable (the content folder is a link)", detail: expect.stringMatching(/The folder content is a link to .*real, and git keeps its files' history under that path/) });
  });

  it("a repository without commits has no removed cards and no problem", async () => {
    const r = repo();
    r.write({ "content/help/a.md": cardText({ title: "A" }) });
    expect(await formerOf(r.root)).toEqual({ history: { available: true, changes: new Map() }, hidden: new Map() });
  });
});
