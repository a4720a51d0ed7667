/** `verity build` runs the checks of `verity lint`, the style guide included, and builds nothing on errors. */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeProject, removeTemps, runCli } from "../helpers.ts";

afterAll(removeTemps);

const card = (body: string) => `---\ntitle: A card\nowner: "@acme/team"\naudience: external\nverify_by: 2027-06-01\n---\n\n${body}\n`;

describe("verity build lints first", () => {
  it("stops on a style-guide error and leaves no output", async () => {
    const dir = makeProject({
      ".vale.ini": "StylesPath = styles\n\n[*.md]\nBasedOnStyles = House\n",
      "styles/House/Banned.yml": "extends: existence\nmessage: \"Do not write '%s'.\"\nlevel: error\ntokens:\n  - foobar\n",
      "content/a/one.md": card("Open the foobar panel."),
    });
    const { code, stderr } = await runCli(["build", "--today", "2026-11-22"], { cwd: dir });
    expect(code).toBe(1);
    expect(stderr).toMatch(/House\.Banned[\s\S]*Lint found 1 error, so nothing was built/);
    expect(existsSync(path.join(dir, "dist"))).toBe(false);
  });

  it("stops on a style-guide error in any card of a project large enough for a second thread", async () => {
    const files: Record<string, string> = {
      ".vale.ini": "StylesPath = styles\n\n[*.md]\nBasedOnStyles = House\n",
      "styles/House/Banned.yml": "extends: existence\nmessage: \"Do not write '%s'.\"\nlevel: error\ntokens:\n  - foobar\n",
    };
    for (let i = 0; i < 150; i++) files[`content/a/card-${String(i).padStart(3, "0")}.md`] = card(i === 7 || i === 148 ? "Open the foobar panel." : `Answer number ${i}.`);
    const dir = makeProject(files);
    const { code, stderr } = await runCli(["build", "--today", "2026-11-22"], { cwd: dir });
    expect(code).toBe(1);
    expect(stderr).toMatch(/card-007\.md[\s\S]*House\.Banned[\s\S]*card-148\.md[\s\S]*House\.Banned[\s\S]*Lint found 2 errors, so nothing was built/);
    expect(existsSync(path.join(dir, "dist"))).toBe(false);
  });

  it("stops on a built-in prose rule error", async () => {
    const dir = makeProject({ "content/a/one.md": card("For the details, [click here](two.md)."), "content/a/two.md": card("Details.") });
    const { code, stderr } = await runCli(["build", "--today", "2026-11-22"], { cwd: dir });
    expect(code).toBe(1);
    expect(stderr).toMatch(/link-text/);
  });
});

describe("verity build never waits for a reviewer", () => {
  const expired = (phrase: string) => `---\ntitle: Refund window\nowner: "@acme/billing"\naudience: external\nverify_by: 2026-10-01\n---\n\n${phrase}\n`;
  const phrase = "Refunds are possible within the marmalade window of thirty days.";

  it("builds with an expired card and a trust score under the floor, and reports both (stderr and job summary)", async () => {
    const dir = makeProject({ "content/a/one.md": card("A fresh public answer."), "content/a/refunds.md": expired(phrase) });
    const summary = path.join(dir, "summary.md");
    const { code, stderr } = await runCli(["build", "--today", "2026-11-22"], { cwd: dir, env: { GITHUB_STEP_SUMMARY: summary } });
    expect(stderr).toMatch(/refunds\.md[\s\S]*Verification expired 52 days ago/);
    expect(stderr).toMatch(/building anyway: 1 expired card, trust score 50% \(floor 97%\)/);
    expect(code).toBe(0);
    expect(readFileSync(summary, "utf8")).toMatch(/Trust score: \*\*50%\*\*[\s\S]*refunds\.md:5` \| error \| `verify-by-expired`/);
    // keep (the default): the expired card stays on the help center, without a notice.
    const page = readFileSync(path.join(dir, "dist/public/a/refunds/index.html"), "utf8");
    expect(page).toContain("marmalade window");
    expect(page).not.toContain("This article is being reviewed");
  });

  it("withhold removes an expired card from the help center (not the wiki), and the leak check then treats it as hidden", async () => {
    const dir = makeProject({
      "verity.config.yml": "expiredPublicCards: withhold\nminTrustScore: 0\n",
      "content/a/one.md": card("A fresh public answer."),
      "content/a/refunds.md": expired(phrase),
    });
    const { code } = await runCli(["build", "--today", "2026-11-22"], { cwd: dir });
    expect(code).toBe(0);
    expect(existsSync(path.join(dir, "dist/public/a/refunds"))).toBe(false);
    expect(readFileSync(path.join(dir, "dist/internal/a/refunds/index.html"), "utf8")).toContain("marmalade window");
    const clean = await runCli(["check-leaks", "dist/public", "--today", "2026-11-22"], { cwd: dir });
    expect(clean.code).toBe(0);
    writeFileSync(path.join(dir, "dist/public/a/one/index.html"), `<p>${phrase}</p>`);
    const leaked = await runCli(["check-leaks", "dist/public", "--today", "2026-11-22"], { cwd: dir });
    expect(leaked.stdout).toContain("content/a/refunds.md");
    expect(leaked.code).toBe(1);
  });

  it("notice keeps an expired card on the help center with \"This article is being reviewed\"", async () => {
    const dir = makeProject({ "verity.config.yml": "expiredPublicCards: notice\n", "content/a/one.md": card("A fresh public answer."), "content/a/refunds.md": expired(phrase) });
    const { code } = await runCli(["build", "--site", "public", "--today", "2026-11-22"], { cwd: dir });
    expect(code).toBe(0);
    expect(readFileSync(path.join(dir, "dist/public/a/refunds/index.html"), "utf8")).toMatch(/This article is being reviewed[\s\S]*marmalade window/);
    expect(readFileSync(path.join(dir, "dist/public/a/one/index.html"), "utf8")).not.toContain("being reviewed");
  });
});
