/** Loading: which files are cards, collections and their defaults, MDX, and the loader's own rule ids. */
import { afterAll, describe, expect, it } from "vitest";
import { loadProject } from "../../src/core/project/project.ts";
import { flatMessages, lintJson, makeProject, removeTemps } from "../helpers.ts";

afterAll(removeTemps);

const card = (extra = "", body = "Body.") =>
  `---\ntitle: A card\nowner: "@acme/team"\naudience: external\nverify_by: 2027-01-01\n${extra}---\n\n${body}\n`;

describe("which files are cards", () => {
  it("loads .md and .mdx under collection folders and skips _ and . names", () => {
    const dir = makeProject({
      "content/a/one.md": card(),
      "content/a/two.mdx": card("", "import X from './x.js'\n\n## Heading {1 + 1}\n\nText."),
      "content/a/nested/three.md": card(),
      "content/a/_draft-notes.md": "not a card",
      "content/a/.hidden.md": "not a card",
      "content/_partials/p.md": "not a card",
      "content/.git-like/x.md": "not a card",
      "content/a/readme.txt": "not a card",
    });
    const project = loadProject({ cwd: dir, today: "2026-11-22" });
    expect(project.problems).toEqual([]);
    expect(project.cards.map((c) => [c.relPath, c.id, c.url, c.format])).toEqual([
      ["content/a/nested/three.md", "a/nested/three", "/a/nested/three/", "md"],
      ["content/a/one.md", "a/one", "/a/one/", "md"],
      ["content/a/two.mdx", "a/two", "/a/two/", "mdx"],
    ]);
  });

  it("applies _collection.yml title, order and defaults, and frontmatter wins over defaults", () => {
    const dir = makeProject({
      "content/billing/_collection.yml": 'title: Billing and payments\ndescription: Money.\norder: 2\ndefaults:\n  owner: "@acme/billing"\n  audience: internal\n',
      "content/billing/a.md": "---\ntitle: Inherits\nverify_by: 2027-01-01\n---\n\nBody.\n",
      "content/billing/b.md": card(),
      "content/alpha/c.md": card(),
    });
    const project = loadProject({ cwd: dir, today: "2026-11-22" });
    expect(project.collections.map((c) => [c.name, c.title, c.order])).toEqual([
      ["billing", "Billing and payments", 2],
      ["alpha", "Alpha", 1000],
    ]);
    const byPath = new Map(project.cards.map((c) => [c.relPath, c.data]));
    expect(byPath.get("content/billing/a.md")).toMatchObject({ owner: "@acme/billing", audience: "internal" });
    expect(byPath.get("content/billing/b.md")).toMatchObject({ owner: "@acme/team", audience: "external" });
  });

  it("uses the configured default language", () => {
    const dir = makeProject({ "verity.config.yml": "lang: ko\n", "content/a/x.md": card(), "content/a/y.md": card("lang: zh\n") });
    expect(loadProject({ cwd: dir }).cards.map((c) => c.lang)).toEqual(["ko", "zh"]);
  });
});

describe("loader rule ids", () => {
  it("card-location: a card directly in content/", async () => {
    const dir = makeProject({ "content/stray.md": card(), "content/a/fine.md": card() });
    const { code, results } = await lintJson(dir, ["--today", "2026-11-22"]);
    expect(code).toBe(1);
    expect(flatMessages(results, dir).map((m) => [m.file, m.ruleId, m.message])).toEqual([
      ["content/stray.md", "card-location", "Cards live in a collection folder: move this file to content/<collection>/stray.md."],
    ]);
  });

  it("collection-config: unknown keys and bad values in _collection.yml", async () => {
    const dir = makeProject({ "content/a/_collection.yml": "title: A\norder: first\ndefault:\n  owner: x\n", "content/a/fine.md": card() });
    const { code, results } = await lintJson(dir, ["--today", "2026-11-22"]);
    expect(code).toBe(1);
    const messages = flatMessages(results, dir).map((m) => `${m.file}:${m.line} ${m.ruleId} ${m.message}`);
    expect(messages).toEqual([
      expect.stringMatching(/^content\/a\/_collection\.yml:2 collection-config Invalid "order"/),
      'content/a/_collection.yml:3 collection-config Unknown field "default". Did you mean "defaults"?',
    ]);
  });

  it("markdown-syntax: an MDX card that does not parse, with its line", async () => {
    const dir = makeProject({ "content/a/broken.mdx": card("", "Text.\n\n<Widget prop={ />") });
    const { code, results } = await lintJson(dir, ["--today", "2026-11-22"]);
    expect(code).toBe(1);
    const [message] = flatMessages(results, dir);
    expect(message).toMatchObject({ ruleId: "markdown-syntax", line: 10 });
  });

  it("a valid MDX card with code parses (no markdown-syntax); its code is reported by the MDX rules, never run", async () => {
    const dir = makeProject({ "content/a/fine.mdx": card("", "export const n = 2\n\nThere are {n} steps.\n\n## Steps") });
    const { code, results } = await lintJson(dir, ["--today", "2026-11-22"]);
    expect(flatMessages(results, dir).map((m) => m.ruleId)).toEqual(["mdx-import", "mdx-expression"]);
    expect(code).toBe(1);
  });
});
