/** Public is an explicit, per-card decision: only a card's own `audience: external` publishes it. */
import { describe, expect, it } from "vitest";
import { cardAudience, isOnSite } from "../../src/core/site/audience.ts";
import { loadProject } from "../../src/core/project/project.ts";
import { flatMessages, lintJson, makeProject, removeTemps } from "../helpers.ts";
import { afterAll } from "vitest";

afterAll(removeTemps);

const card = (audience: string | undefined, extra = "") =>
  `---\ntitle: A card\nowner: "@acme/team"\n${audience === undefined ? "" : `audience: ${audience}\n`}verify_by: 2027-01-01\n${extra}---\n\nBody.\n`;

describe("collection defaults never publish", () => {
  it("defaults.audience: external is a collection-config error at its line, and its cards are not public", async () => {
    const dir = makeProject({
      "content/help/_collection.yml": "title: Help\ndefaults:\n  audience: external\n",
      "content/help/runbook.md": card(undefined),
    });
    const { code, results } = await lintJson(dir, ["--today", "2026-11-22"]);
    expect(code).toBe(1);
    const messages = flatMessages(results, dir);
    const config = messages.find((m) => m.ruleId === "collection-config");
    expect(config).toMatchObject({ file: "content/help/_collection.yml", line: 3 });
    expect(config!.message).toMatch(/audience: external/);
    // The card has no audience of its own: a schema error, not a public card.
    expect(messages.some((m) => m.file === "content/help/runbook.md" && m.ruleId === "frontmatter-schema" && /audience/.test(m.message))).toBe(true);
    const project = loadProject({ cwd: dir, today: "2026-11-22" });
    expect(project.cards.filter((c) => isOnSite(c, "public"))).toEqual([]);
  });

  it("a card without audience in a collection without an internal default is a schema error", async () => {
    const dir = makeProject({ "content/help/_collection.yml": "title: Help\n", "content/help/a.md": card(undefined) });
    const { results } = await lintJson(dir, ["--today", "2026-11-22"]);
    expect(flatMessages(results, dir).map((m) => [m.file, m.ruleId])).toContainEqual(["content/help/a.md", "frontmatter-schema"]);
  });

  it("an internal default makes cards internal; only the card's own line makes it public", () => {
    const dir = makeProject({
      "content/ops/_collection.yml": "title: Ops\ndefaults:\n  audience: internal\n",
      "content/ops/inherits.md": card(undefined),
      "content/ops/own.md": card("external"),
    });
    const project = loadProject({ cwd: dir, today: "2026-11-22" });
    expect(project.problems).toEqual([]);
    const byPath = new Map(project.cards.map((c) => [c.relPath, c]));
    expect(isOnSite(byPath.get("content/ops/inherits.md")!, "public")).toBe(false);
    expect(cardAudience(byPath.get("content/ops/inherits.md")!)).toBe("internal");
    expect(isOnSite(byPath.get("content/ops/own.md")!, "public")).toBe(true);
  });

  it("warns at the audience line of an external card in an internal-only collection: moving it there did not make it internal", async () => {
    const dir = makeProject({
      "content/ops/_collection.yml": "title: Ops\ndefaults:\n  audience: internal\n",
      "content/ops/inherits.md": card(undefined),
      "content/ops/own.md": card("external"),
      "content/help/answer.md": card("external"),
    });
    const { code, results } = await lintJson(dir, ["--today", "2026-11-22"]);
    expect(code).toBe(0);
    const warnings = flatMessages(results, dir).filter((m) => m.ruleId === "audience-collection");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ file: "content/ops/own.md", line: 4, severity: 1 });
    expect(warnings[0]!.message).toMatch(/published on the public help center.*internal-only collection ops.*set audience: internal/);
  });

  it("decides from the card's own frontmatter, even when merged data says external", () => {
    const dir = makeProject({ "content/ops/_collection.yml": "title: Ops\ndefaults:\n  audience: internal\n", "content/ops/a.md": card(undefined) });
    const [loaded] = loadProject({ cwd: dir, today: "2026-11-22" }).cards;
    const tampered = { ...loaded!, data: { ...loaded!.data, audience: "external" as const } };
    expect(isOnSite(tampered, "public")).toBe(false);
  });

  it("the audience value is exact: quoted, upper-case or padded values are not external", async () => {
    for (const value of ['"External"', "EXTERNAL", "public", "[external]"]) {
      const dir = makeProject({ "content/help/a.md": card(value) });
      const project = loadProject({ cwd: dir, today: "2026-11-22" });
      expect(project.cards.filter((c) => isOnSite(c, "public")), value).toEqual([]);
    }
  });
});
