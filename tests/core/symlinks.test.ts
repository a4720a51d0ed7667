/** Symbolic links in content/: a card is never a link, and nothing leaves content/ through one. */
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isOnSite } from "../../src/core/site/audience.ts";
import { loadProject } from "../../src/core/project/project.ts";
import { snippetsOf } from "../../src/core/cards/snippets.ts";
import { prepareSites } from "../../src/build/site-data.ts";
import { flatMessages, lintJson, makeProject, makeTempDir, removeTemps, runCli } from "../helpers.ts";

afterAll(removeTemps);

const card = (title: string, audience = "external", body = "Body.") =>
  `---\ntitle: ${title}\nowner: "@acme/team"\naudience: ${audience}\nverify_by: 2027-01-01\n---\n\n${body}\n`;
const TODAY = ["--today", "2026-11-22"];

describe("symlinked cards", () => {
  it("a card that is a link to an internal card elsewhere in content/ is an error, never a public card", async () => {
    const dir = makeProject({
      "content/ops/_collection.yml": "title: Ops\ndefaults:\n  audience: internal\n",
      "content/ops/runbook.md": "---\ntitle: Runbook\nowner: \"@acme/ops\"\nverify_by: 2027-01-01\n---\n\nPIN 4711.\n",
      "content/help/fine.md": card("Fine"),
    });
    symlinkSync(path.join(dir, "content/ops/runbook.md"), path.join(dir, "content/help/runbook.md"));
    const { code, results } = await lintJson(dir, TODAY);
    expect(code).toBe(1);
    const finding = flatMessages(results, dir).find((m) => m.file === "content/help/runbook.md");
    expect(finding).toMatchObject({ ruleId: "file-symlink", line: 1 });
    expect(finding!.message).toMatch(/symbolic link/);
    expect(finding!.message).toMatch(/git mv|copy|Copy/);
    const project = loadProject({ cwd: dir, today: "2026-11-22" });
    expect(project.cards.filter((c) => isOnSite(c, "public")).map((c) => c.relPath)).toEqual(["content/help/fine.md"]);
  });

  it("a relative link to a card is an error too", async () => {
    const dir = makeProject({ "content/a/real.md": card("Real"), "content/b/keep.md": card("Keep") });
    symlinkSync("../a/real.md", path.join(dir, "content/b/copy.md"));
    const { results } = await lintJson(dir, TODAY);
    expect(flatMessages(results, dir).map((m) => [m.file, m.ruleId])).toContainEqual(["content/b/copy.md", "file-symlink"]);
  });

  it("a linked folder inside content/ is an error and its cards are not loaded twice", async () => {
    const dir = makeProject({ "content/ops/_collection.yml": "title: Ops\ndefaults:\n  audience: internal\n", "content/ops/x.md": card("X", "internal") });
    symlinkSync(path.join(dir, "content/ops"), path.join(dir, "content/help"));
    const { code, results } = await lintJson(dir, TODAY);
    expect(code).toBe(1);
    expect(flatMessages(results, dir).map((m) => [m.file, m.ruleId])).toContainEqual(["content/help", "file-symlink"]);
    expect(loadProject({ cwd: dir, today: "2026-11-22" }).cards.map((c) => c.relPath)).toEqual(["content/ops/x.md"]);
  });

  it("a card loaded by name is refused when it is a link", () => {
    const dir = makeProject({ "content/a/real.md": card("Real", "internal") });
    symlinkSync(path.join(dir, "content/a/real.md"), path.join(dir, "content/a/public.md"));
    const project = loadProject({ cwd: dir, today: "2026-11-22" });
    expect(project.cards.map((c) => c.relPath)).toEqual(["content/a/real.md"]);
  });
});

describe("any link that leaves content/", () => {
  it("is an error for non-card files too (/etc/passwd, the config, .git)", async () => {
    const dir = makeProject({ "content/help/a.md": card("A"), "verity.config.yml": "lang: en\n" });
    mkdirSync(path.join(dir, ".git"));
    writeFileSync(path.join(dir, ".git/config"), "[core]\n");
    symlinkSync("/etc/passwd", path.join(dir, "content/help/passwd.txt"));
    symlinkSync("../../verity.config.yml", path.join(dir, "content/help/config.png"));
    symlinkSync("../../.git/config", path.join(dir, "content/help/git.pdf"));
    const { code, results } = await lintJson(dir, TODAY);
    expect(code).toBe(1);
    const found = flatMessages(results, dir).filter((m) => m.ruleId === "file-symlink").map((m) => m.file).sort();
    expect(found).toEqual(["content/help/config.png", "content/help/git.pdf", "content/help/passwd.txt"]);
  });

  it("a dangling link is an error", async () => {
    const outside = makeTempDir();
    const dir = makeProject({ "content/help/a.md": card("A") });
    symlinkSync(path.join(outside, "gone.png"), path.join(dir, "content/help/gone.png"));
    const { results } = await lintJson(dir, TODAY);
    expect(flatMessages(results, dir).map((m) => [m.file, m.ruleId])).toContainEqual(["content/help/gone.png", "file-symlink"]);
  });
});

describe("a linked _snippets folder", () => {
  it("is a file-symlink error, and no snippet is read through it: text outside the repository never reaches a site", async () => {
    const outside = makeTempDir();
    writeFileSync(path.join(outside, "leak.md"), '---\naudience: external\nowner: "@acme/x"\nverify_by: 2027-01-01\n---\n\nOutside secret ZZTOP-9931.\n');
    const dir = makeProject({ "content/help/a.md": card("A", "external", 'Intro.\n\n::snippet{name="leak"}') });
    symlinkSync(outside, path.join(dir, "content/_snippets"));
    const { code, results } = await lintJson(dir, TODAY);
    expect(code).toBe(1);
    const finding = flatMessages(results, dir).find((m) => m.file === "content/_snippets");
    expect(finding).toMatchObject({ ruleId: "file-symlink", line: 1 });
    expect(finding!.message).toMatch(/leads outside the content folder/);
    const project = loadProject({ cwd: dir, today: "2026-11-22" });
    expect(snippetsOf(project.contentDir, project.index).size).toBe(0);
    const sites = prepareSites(project, ["public", "internal"], { history: { available: false, reason: "test" } });
    for (const site of sites.values()) expect(site.cards[0]!.html).not.toContain("ZZTOP");
  });

  it("is refused when it links to a folder inside content/ too", async () => {
    const dir = makeProject({
      "content/ops/_collection.yml": "title: Ops\ndefaults:\n  audience: internal\n",
      "content/ops/notes/contact.md": '---\naudience: external\nowner: "@acme/x"\nverify_by: 2027-01-01\n---\n\nCall 555.\n',
      "content/help/a.md": card("A"),
    });
    symlinkSync(path.join(dir, "content/ops/notes"), path.join(dir, "content/_snippets"));
    const { results } = await lintJson(dir, TODAY);
    expect(flatMessages(results, dir).map((m) => [m.file, m.ruleId])).toContainEqual(["content/_snippets", "file-symlink"]);
    const project = loadProject({ cwd: dir, today: "2026-11-22" });
    expect(snippetsOf(project.contentDir, project.index).size).toBe(0);
  });
});

describe("a linked _collection.yml", () => {
  it("is a collection-config error, and its cards count as internal-only for files", async () => {
    const outside = makeTempDir();
    writeFileSync(path.join(outside, "c.yml"), "title: Outside\n");
    const dir = makeProject({ "content/help/a.md": card("A") });
    symlinkSync(path.join(outside, "c.yml"), path.join(dir, "content/help/_collection.yml"));
    const { code, results } = await lintJson(dir, TODAY);
    expect(code).toBe(1);
    expect(flatMessages(results, dir).map((m) => [m.file, m.ruleId])).toContainEqual(["content/help/_collection.yml", "collection-config"]);
  });
});

describe("verity new through a linked folder", () => {
  it("writes nothing when the collection, or a folder of the slug, is a link (out of the repository)", async () => {
    const outside = makeTempDir();
    const dir = makeProject({
      "verity.config.yml": "minTrustScore: 0\n",
      "content/help/_collection.yml": 'title: Help\ndefaults:\n  owner: "@acme/team"\n',
      "content/help/refunds.md": card("Refunds"),
    });
    symlinkSync(outside, path.join(dir, "content/linked"));
    symlinkSync(outside, path.join(dir, "content/help/sub"));
    for (const spec of ["linked/new-card", "help/sub/new-card"]) {
      const result = await runCli(["new", "card", spec, "--title", "New card", "--owner", "@acme/team", "--audience", "internal", ...TODAY], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/symbolic link/);
    }
    expect(readdirSync(outside)).toEqual([]);
  });
});

describe("a template that is a symbolic link", () => {
  it("is refused, and no card is written from the file it leads to", async () => {
    const outside = makeTempDir();
    writeFileSync(path.join(outside, "credentials"), "aws_secret_access_key = SECRET-7c1d\n");
    const dir = makeProject({
      "verity.config.yml": "minTrustScore: 0\n",
      "content/help/_collection.yml": 'title: Help\ndefaults:\n  owner: "@acme/team"\n',
      "style-guide/templates/card.md": '---\ntitle: "{{title}}"\nowner: "{{owner}}"\naudience: {{audience}}\nverify_by: {{verify_by}}\n---\n\nBody.\n',
    });
    symlinkSync(path.join(outside, "credentials"), path.join(dir, "style-guide/templates/how-to.md"));
    const result = await runCli(["new", "how-to", "help/new-card", "--title", "New card", "--owner", "@acme/team", "--audience", "external", ...TODAY], { cwd: dir });
    expect(result.stdout + result.stderr).not.toContain("SECRET");
    expect(result.stderr).toMatch(/symbolic link/);
    expect(result.code).toBe(2);
    expect(readdirSync(path.join(dir, "content/help"))).toEqual(["_collection.yml"]);
    // A real template beside it still works.
    const ok = await runCli(["new", "card", "help/real-card", "--title", "Real card", "--owner", "@acme/team", "--audience", "external", ...TODAY], { cwd: dir });
    expect(ok.code).toBe(0);
  });
});
