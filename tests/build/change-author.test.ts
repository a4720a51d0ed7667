/**
 * The help center names no author of a card's last change: a commit's author is a colleague's name and
 * address, not part of the card. The public site's data holds the day only, so no page, feed or copy
 * made from it can print the author; the wiki's holds both.
 */
import { afterAll, describe, expect, it } from "vitest";
import { exampleCard } from "../../src/core/lint/rule-model.ts";
import { loadProject } from "../../src/core/project/project.ts";
import { prepareSites } from "../../src/build/site-data.ts";
import { makeProject, removeTemps } from "../helpers.ts";

afterAll(removeTemps);

describe("a public card's last change", () => {
  it("is its day on the help center, and its day and author on the wiki", () => {
    const root = makeProject({ "content/help/guide.md": exampleCard({ title: "Guide", audience: "external" }, "Text.\n") });
    const project = loadProject({ cwd: root, root, today: "2026-11-22" });
    const changes = new Map([["content/help/guide.md", { date: "2026-11-20", author: "Mina Park <mina@corp.example>" }]]);
    const sites = prepareSites(project, ["public", "internal"], { history: { available: true, changes } });
    const change = (site: "public" | "internal") => sites.get(site)!.cards.find((c) => c.id === "help/guide")!.lastChange;
    expect(change("public")).toEqual({ date: "2026-11-20" });
    expect(change("internal")).toEqual({ date: "2026-11-20", author: "Mina Park <mina@corp.example>" });
  });
});
