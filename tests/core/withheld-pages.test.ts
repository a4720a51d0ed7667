/**
 * A card the help center withholds (`expiredPublicCards: withhold`, an expired external card) is a
 * page only the wiki has, as an internal card is: a public redirect or attachment whose address lies
 * under it names it, and a collection whose only public cards are withheld has no public page.
 */
import { afterAll, describe, expect, it } from "vitest";
import { loadProject } from "../../src/core/project/project.ts";
import { prepareSites } from "../../src/build/site-data.ts";
import { refusedAliasMessage } from "../../src/core/site/redirects.ts";
import { KnowledgeBase } from "../../src/app/knowledge/knowledge-base.ts";
import { flatMessages, lintJson, makeProject, removeTemps } from "../helpers.ts";

afterAll(removeTemps);

const TODAY = "2026-11-22";
const card = (title: string, verifyBy: string, body: string, extra = "") =>
  `---\ntitle: ${title}\nowner: "@acme/team"\naudience: external\nverify_by: ${verifyBy}\n${extra}---\n\n${body}\n`;

function sitesOf(config: string, refused: string[] = []) {
  const dir = makeProject({
    "verity.config.yml": `${config}minTrustScore: 0\n`,
    "content/a/one.md": card("One", "2027-06-01", "Fresh. ![shot](refunds/shot.png)", 'aliases: ["/a/refunds/old-steps/", "/b/gone/", "/a/one-old/"]\n'),
    "content/a/refunds/shot.png": "PNG",
    "content/a/refunds.md": card("Refunds", "2026-10-01", "Expired text."),
    "content/b/only.md": card("Only", "2026-10-01", "Expired text of the only card in b."),
  });
  return prepareSites(loadProject({ cwd: dir, today: TODAY }), ["public", "internal"], {
    history: { available: false, reason: "none" },
    snapshotDir: `${dir}/.snap`,
    onRefusedAlias: (alias) => refused.push(refusedAliasMessage(alias)),
  });
}

describe("pages the help center withholds while expired", () => {
  it("withhold: no public redirect under a withheld card or in a collection of withheld cards, and no attachment in its folder", () => {
    const refused: string[] = [];
    const sites = sitesOf("expiredPublicCards: withhold\n", refused);
    const pub = sites.get("public")!;
    expect(pub.cards.map((c) => c.url)).toEqual(["/a/one/"]);
    expect(pub.redirects.map((r) => r.from)).toEqual(["/a/one-old/"]);
    expect(pub.assets.map((a) => a.sitePath)).toEqual([]);
    // Nor does the public page name the file it does not copy.
    expect(pub.cards[0]!.html).not.toContain("<img src");
    expect(JSON.stringify(pub)).not.toContain("refunds");
    // Each refused alias is told at its card's aliases line, with the page it names.
    expect(refused).toEqual([expect.stringMatching(/^content\/a\/one\.md:6: the alias \/a\/refunds\/old-steps\/ .*the card \/a\/refunds\/ \(the help center withholds it\)/), expect.stringMatching(/^content\/a\/one\.md:6: the alias \/b\/gone\/ .*collection \/b\//)]);
    // The wiki has every card, so it keeps every redirect and file.
    expect(sites.get("internal")!.redirects.map((r) => r.from).sort()).toEqual(["/a/one-old/", "/a/refunds/old-steps/", "/b/gone/"]);
    expect(sites.get("internal")!.assets.map((a) => a.sitePath)).toEqual(["/_files/a/refunds/shot.png"]);
  });

  it("keep: the expired cards stay public, and so do the redirects and the file", () => {
    const pub = sitesOf("").get("public")!;
    expect(pub.redirects.map((r) => r.from).sort()).toEqual(["/a/one-old/", "/a/refunds/old-steps/", "/b/gone/"]);
    expect(pub.assets.map((a) => a.sitePath)).toEqual(["/_files/a/refunds/shot.png"]);
    expect(pub.cards.find((c) => c.url === "/a/one/")!.html).toContain('src="../../_files/a/refunds/shot.png"');
  });

  // A card's own URL is a folder of the site too: a public card filed under an internal card's (or a withheld card's) folder names it.
  it("a public card whose URL lies under a page only the wiki has is not on the public site, nor served to public assistants", async () => {
    const dir = makeProject({
      "verity.config.yml": "expiredPublicCards: withhold\nminTrustScore: 0\n",
      "content/help/alpha.md": card("Alpha", "2027-06-01", "Alpha."),
      "content/help/beta.md": card("Beta", "2027-06-01", "Agents read /help/escalation-zq/sub/ first."),
      "content/help/escalation-zq.md": card("Escalation", "2027-06-01", "Secret runbook.").replace("audience: external", "audience: internal"),
      "content/help/escalation-zq/sub.md": card("Sub", "2027-06-01", "Sub text."),
      "content/help/Escalation-ZQ/other.md": card("Other", "2027-06-01", "Other text."),
      "content/help/expired-zq.md": card("Expired", "2026-10-01", "Expired text."),
      "content/help/expired-zq/child.md": card("Child", "2027-06-01", "Child text."),
    });
    const project = loadProject({ cwd: dir, today: TODAY });
    const pub = prepareSites(project, ["public", "internal"], { history: { available: false, reason: "none" } });
    expect(pub.get("public")!.cards.map((c) => c.url)).toEqual(["/help/alpha/", "/help/beta/"]);
    expect(pub.get("internal")!.cards.map((c) => c.url).sort()).toEqual(["/help/Escalation-ZQ/other/", "/help/alpha/", "/help/beta/", "/help/escalation-zq/", "/help/escalation-zq/sub/", "/help/expired-zq/", "/help/expired-zq/child/"]);
    const kb = KnowledgeBase.load({ cwd: dir, root: dir, today: TODAY, site: "public" });
    expect(kb.list().map((c) => c.id)).toEqual(["help/alpha"]);
    // beta's text names that card's address, which names the internal card: lint reports it, and public assistants do not serve beta.
    // Lint (audiences only) stops the build on the internal parent, at the card's first line.
    const { results } = await lintJson(dir, ["--today", TODAY]);
    const found = flatMessages(results, dir).filter((m) => m.ruleId === "address-audience");
    expect(found.map((m) => [m.file, m.line])).toEqual([["content/help/Escalation-ZQ/other.md", 1], ["content/help/beta.md", 8], ["content/help/escalation-zq/sub.md", 1]]);
    expect(found[2]!.message).toMatch(/URL \/help\/escalation-zq\/sub\/ lies under the internal card \/help\/escalation-zq\//);
  });
});
