/**
 * Names that are properties of every JavaScript object (`constructor`, `__proto__`) are ordinary
 * addresses and folder names to an author. Looked up in a plain object they are found all the same
 * (`{}["constructor"]` is the Object function), so a link to `/__proto__/` or `/constructor/`, or a
 * collection folder named `constructor`, was taken for one of the sites' own pages (its "sites" a
 * function): lint reported `target.sites.includes is not a function` instead of the broken link,
 * file-audience `reserved.includes is not a function` for every file of the collection, and the
 * build and the MCP server stopped with the same TypeError.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadProject } from "../../src/core/project/project.ts";
import { prepareSites } from "../../src/build/site-data.ts";
import { reservedPageSites } from "../../src/core/site/reserved-paths.ts";
import { KnowledgeBase } from "../../src/app/knowledge/knowledge-base.ts";
import { flatMessages, lintJson, makeProject, removeTemps, runCli } from "../helpers.ts";

afterAll(removeTemps);

const card = (title: string, audience: string, body: string) =>
  `---\ntitle: ${title}\nowner: "@acme/team"\naudience: ${audience}\nverify_by: 2099-01-01\n---\n\n${body}\n`;
const noHistory = { history: { available: false as const, reason: "none" } };

describe("object property names as site paths", () => {
  it("are no reserved page of the sites", () => {
    for (const name of ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"]) expect(reservedPageSites(name)).toBeUndefined();
    expect(reservedPageSites("search")).toEqual(["public", "internal"]);
  });

  it("a link to /__proto__/ or /constructor/ is a broken link, and the sites and the public MCP server are built", async () => {
    const dir = makeProject({
      "verity.config.yml": "minTrustScore: 0\n",
      "content/help/refunds.md": card("Refunds", "external", "See [one](/__proto__/), [two](/constructor/) and [three](/Constructor/steps/)."),
    });
    const { results } = await lintJson(dir);
    const messages = flatMessages(results, dir);
    expect(messages.filter((m) => /is not a function|internal error/i.test(m.message))).toEqual([]);
    expect(messages.filter((m) => m.ruleId === "link-broken").length).toBeGreaterThanOrEqual(3);
    const project = loadProject({ cwd: dir, today: "2026-11-22" });
    expect(() => prepareSites(project, ["public", "internal"], { ...noHistory, snapshotDir: `${dir}/.snap` })).not.toThrow();
    expect(KnowledgeBase.load({ cwd: dir, today: "2026-11-22", site: "public" }).size).toBe(1);
  });

  it("a collection folder named constructor publishes its card's image, and the wiki is built", async () => {
    const dir = makeProject({
      "verity.config.yml": "minTrustScore: 0\n",
      "content/constructor/guide.md": card("Builder guide", "external", "![Diagram](diagram.png)"),
      "content/constructor/diagram.png": "PNG",
    });
    const { results } = await lintJson(dir);
    expect(flatMessages(results, dir).filter((m) => /is not a function|internal error/i.test(m.message))).toEqual([]);
    const sites = prepareSites(loadProject({ cwd: dir, today: "2026-11-22" }), ["public", "internal"], { ...noHistory, snapshotDir: `${dir}/.snap` });
    expect(sites.get("public")!.assets.map((a) => a.sitePath)).toEqual(["/_files/constructor/diagram.png"]);
    expect(sites.get("internal")!.trustCards).toEqual({ constructor: ["2099-01-01"] });
  });
});

describe("a template placeholder named like an object property", () => {
  const templateProject = (template: string) =>
    makeProject({
      "verity.config.yml": "minTrustScore: 0\n",
      "content/help/_collection.yml": 'title: Help\ndefaults:\n  owner: "@acme/team"\n',
      "style-guide/templates/how-to.md": template,
    });
  const head = '---\ntitle: "{{title}}"\nowner: "{{owner}}"\naudience: {{audience}}\nverify_by: {{verify_by}}\n';

  it("stays as written in the body, never the text of a JavaScript function", async () => {
    const dir = templateProject(`${head}---\n\nSee {{toString}} and {{constructor}}.\n`);
    const result = await runCli(["new", "how-to", "help/guide", "--title", "Guide", "--audience", "internal", "--today", "2026-11-22"], { cwd: dir });
    expect(result.stderr).toBe("");
    const text = readFileSync(path.join(dir, "content/help/guide.md"), "utf8");
    expect(text).toContain("See {{toString}} and {{constructor}}.");
    expect(text).not.toContain("native code");
  });

  it("in the frontmatter is the template's problem, not an internal error", async () => {
    const dir = templateProject(`${head}description: {{constructor}}\n---\n\nBody.\n`);
    const result = await runCli(["new", "how-to", "help/guide", "--title", "Guide", "--audience", "internal", "--today", "2026-11-22"], { cwd: dir });
    expect(result.stderr).not.toMatch(/internal error|is not a function/);
  });
});

describe("a --format named like an object property", () => {
  it("is an unknown format (exit 2), not an internal error", async () => {
    const dir = makeProject({ "verity.config.yml": "minTrustScore: 0\n", "content/help/refunds.md": card("Refunds", "external", "Public.") });
    for (const argv of [["lint", "--format", "constructor"], ["lint", "--format", "toString"], ["report", "--format", "constructor"], ["report", "--format", "__proto__"]]) {
      const result = await runCli(argv, { cwd: dir });
      expect(result.stderr).not.toMatch(/internal error/);
      expect(result.stderr).toMatch(/Unknown format/);
      expect(result.code).toBe(2);
    }
  });
});

describe("an MDX card's HTML attribute named like an object property", () => {
  it("is removed and reported as any unknown attribute, not an internal error that stops lint and the build", async () => {
    const dir = makeProject({
      "verity.config.yml": "minTrustScore: 0\n",
      "content/help/refunds.md": card("Refunds", "external", "Public."),
      "content/help/guide.mdx": card("Guide", "external", '<a constructor="x" toString="y" href="/help/refunds/">Refunds</a>\n\n<p __proto__="z">Text.</p>'),
    });
    const { results, stderr } = await lintJson(dir);
    expect(stderr).not.toMatch(/internal error/);
    const removed = flatMessages(results, dir).filter((m) => m.ruleId === "html-removed").map((m) => m.message);
    expect(removed.some((m) => /attribute constructor on <a>/.test(m))).toBe(true);
    const sites = prepareSites(loadProject({ cwd: dir, today: "2026-11-22" }), ["public"], { ...noHistory, snapshotDir: `${dir}/.snap` });
    const html = sites.get("public")!.cards.find((c) => c.id === "help/guide")!.html;
    expect(html).toMatch(/<a href="[^"]*refunds\/">Refunds<\/a>/);
    expect(html).not.toMatch(/constructor|toString|__proto__/);
  });
});
