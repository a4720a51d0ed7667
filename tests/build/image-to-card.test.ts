/**
 * An image whose address is a card (or a page, or anything the site keeps no file of) shows no picture: the page drops
 * the address, and with it the title, as a link to a card the site lacks keeps no title. Its title is about that
 * target: `![map](escalate-zebra.md "Zebra escalation desk")` named an internal card on the public page, which the
 * Markdown copy (alt text only) and the leak check (no excuse for anything of an image to a hidden card) never allowed.
 */
import { afterAll, describe, expect, it } from "vitest";
import { exampleCard } from "../../src/core/lint/rule-model.ts";
import { loadProject } from "../../src/core/project/project.ts";
import { prepareSites } from "../../src/build/site-data.ts";
import { makeProject, removeTemps } from "../helpers.ts";

afterAll(removeTemps);

describe("an image whose address is a card", () => {
  it("keeps its alt text and loses its address and title on both sites, inline and by reference", () => {
    const body = '![map](escalate-zebra.md "Zebra escalation desk") and ![plan][z] and ![shot](shot.png "Kept title").\n\n[z]: escalate-zebra.md "Zebra escalation desk"\n';
    const dir = makeProject({
      "verity.config.yml": "minTrustScore: 0\nrules:\n  link-audience: off\n  link-broken: off\n",
      "content/help/guide.md": exampleCard({ title: "Guide", audience: "external" }, body),
      "content/help/escalate-zebra.md": exampleCard({ title: "Zebra escalation desk" }, "Secret.\n"),
      "content/help/shot.png": new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]),
    });
    const p = loadProject({ cwd: dir, today: "2026-11-22" });
    const sites = prepareSites(p, ["public", "internal"], { history: { available: false, reason: "test" } });
    for (const site of ["public", "internal"] as const) {
      const html = sites.get(site)!.cards.find((c) => c.id === "help/guide")!.html;
      expect(html, site).toContain('<img alt="map"> and <img alt="plan">');
      expect(html, site).not.toMatch(/zebra/i);
      // A picture the site shows keeps its title.
      expect(html, site).toMatch(/<img src="[^"]*shot\.png" alt="shot" title="Kept title">/);
    }
  });
});
