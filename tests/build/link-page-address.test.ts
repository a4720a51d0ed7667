/**
 * The wall decides on the address the page carries. A Markdown link's address is rendered percent-encoded
 * (`<../escalate-zebra/\t>` becomes `href="../escalate-zebra/%09"`, a page no site has), so lint and the rendering
 * both read that address; and a public page keeps no live link to an address of its own site that names no page
 * it has (a broken link with `link-broken` off: `../escalate-zebra;x`, `../escalate-zebra/index.md`), since such an
 * address may name a card only the wiki has. Each form below is a link from an external card to the internal card
 * `help/escalate-zebra`, or to an address beside it.
 */
import { afterAll, describe, expect, it } from "vitest";
import { exampleCard } from "../../src/core/lint/rule-model.ts";
import { loadProject } from "../../src/core/project/project.ts";
import { prepareSites } from "../../src/build/site-data.ts";
import { flatMessages, lintJson, makeProject, removeTemps } from "../helpers.ts";

afterAll(removeTemps);

const SITES = "sites:\n  public:\n    url: https://help.acme.example\n    base: /\n  internal:\n    url: https://wiki.acme.example\n    base: /wiki/\n";

/** [name, the link as written (its text is `xN`), the rule lint reports it under]. */
const FORMS: [string, string, "link-broken" | "link-audience"][] = [
  ["a tab inside <...> (rendered %09)", "<../escalate-zebra/\t>", "link-broken"],
  ["a tab before .md inside <...>", "<escalate-zebra\t.md>", "link-broken"],
  ["a tab after .md inside <...>", "<escalate-zebra.md\t>", "link-broken"],
  ["a space inside <...> (rendered %20)", "<../escalate-zebra/ >", "link-broken"],
  ["a backslash (rendered %5C)", "..\\escalate-zebra", "link-broken"],
  ["a ;param", "../escalate-zebra;x", "link-broken"],
  ["a ;param after .md", "escalate-zebra.md;x", "link-broken"],
  ["index.md under the card's address", "../escalate-zebra/index.md", "link-broken"],
  ["a trailing /index", "../escalate-zebra/index", "link-broken"],
  ["a page under the card's address", "../escalate-zebra/steps/", "link-broken"],
  ["the internal card's Markdown copy beside the page", "../escalate-zebra.md", "link-broken"],
  ["an encoded NUL after .md", "escalate-zebra.md%00", "link-broken"],
  ["an encoded slash in ..%2F", "..%2Fescalate-zebra/", "link-broken"],
  ["a double slash", ".//escalate-zebra/", "link-broken"],
  ["the card's address on the help host with a ;param", "https://help.acme.example/help/escalate-zebra;x", "link-broken"],
  // Read as the internal card itself: unlinked as link-audience says.
  ["a percent-encoded letter", "../%65scalate-zebra/", "link-audience"],
  ["another letter case", "../Escalate-Zebra/", "link-audience"],
  ["index.html", "../escalate-zebra/index.html", "link-audience"],
  ["a query and a fragment", "../escalate-zebra/?q=1#vault", "link-audience"],
];

const REFERENCE = "<../escalate-zebra/\t>";

function body(): string {
  const lines = FORMS.map(([, url], i) => `[x${i}](${url})\n`);
  return [
    ...lines,
    `[xref][zebra]\n\n[zebra]: ${REFERENCE}\n`,
    '<a href="../escalate-zebra;x">xhtml</a>\n',
    "![ximg](../escalate-zebra;x.png)\n",
    // A file outside the content folder: never copied, so not named on the help center either.
    "[xoutside](../../verity.config.yml)\n",
    "[ok](refunds.md)\n",
  ].join("\n");
}

function project(rules: string) {
  return makeProject({
    "verity.config.yml": `minTrustScore: 0\n${SITES}rules:\n${rules}`,
    "content/help/guide.md": exampleCard({ title: "Guide", audience: "external" }, body()),
    "content/help/refunds.md": exampleCard({ title: "Refunds", audience: "external" }, "Five days.\n"),
    "content/help/escalate-zebra.md": exampleCard({ title: "Zebra desk" }, "## Vault\n\nSecret.\n"),
  });
}

/** The line of the guide each form is on (the frontmatter takes 6 lines, then a blank one). */
const lineOf = (i: number) => 8 + 2 * i;

describe("a link is decided on the address the page carries", () => {
  it("lint reports each form under the rule the page's address calls for, at its line", async () => {
    const dir = project("  link-broken: error\n");
    const { results } = await lintJson(dir, ["--today", "2026-11-22"]);
    const found = flatMessages(results, dir).filter((m) => m.file === "content/help/guide.md" && m.ruleId.startsWith("link-"));
    const at = (line: number) => found.filter((m) => m.line === line).map((m) => m.ruleId);
    FORMS.forEach(([name, , rule], i) => expect([name, at(lineOf(i))]).toEqual([name, [rule]]));
    // The tab as the page carries it: %09, never the internal card it would be with the tab removed.
    expect(found.find((m) => m.line === lineOf(0))!.message).toContain("Broken link to ../escalate-zebra/%09: no card has the URL /help/escalate-zebra/%09/.");
    expect(found.filter((m) => m.message.includes("refunds"))).toEqual([]);
  });

  it("the help center's page keeps no live link or source naming the internal card, only the text", () => {
    const p = loadProject({ cwd: project("  link-broken: off\n  link-audience: off\n"), today: "2026-11-22" });
    const sites = prepareSites(p, ["public", "internal"], { history: { available: false, reason: "test" } });
    const html = sites.get("public")!.cards.find((c) => c.id === "help/guide")!.html;
    const live = [...html.matchAll(/<(?:a|img)\b[^>]*>/g)].map((m) => m[0]).filter((tag) => /escalate|zebra|%65/i.test(decodeURIComponent(tag)));
    expect(live).toEqual([]);
    for (const [i] of FORMS.entries()) expect(html).toContain(`<span>x${i}</span>`);
    expect(html).toContain("<span>xref</span>");
    expect(html).toContain("<span>xhtml</span>");
    expect(html).not.toContain("verity.config.yml");
    expect(html).toMatch(/<a href="\.\.\/refunds\/">ok<\/a>/);
    // The wiki keeps the page's own address: a broken link there, as lint says.
    const wiki = sites.get("internal")!.cards.find((c) => c.id === "help/guide")!.html;
    expect(wiki).toContain('href="../escalate-zebra/%09"');
  });

  it("an autolink and an MDX card's JSX links are decided the same way", () => {
    const dir = makeProject({
      "verity.config.yml": `minTrustScore: 0\n${SITES}rules:\n  link-broken: off\n  link-audience: off\n`,
      "content/help/guide.mdx": exampleCard(
        { title: "Guide", audience: "external" },
        'See <a href="../escalate-zebra;x">xjsx</a> and <a href={"../escalate-zebra/\\t"}>xtab</a>.\n\n<Figure src="../escalate-zebra;x.png" alt="xfig" />\n',
      ),
      "content/help/autolink.md": exampleCard({ title: "Autolink", audience: "external" }, "See <https://help.acme.example/help/escalate-zebra;x>.\n"),
      "content/help/escalate-zebra.md": exampleCard({ title: "Zebra desk" }, "Secret.\n"),
    });
    const p = loadProject({ cwd: dir, today: "2026-11-22" });
    const cards = prepareSites(p, ["public"], { history: { available: false, reason: "test" } }).get("public")!.cards;
    const html = cards.find((c) => c.id === "help/guide")!.html;
    expect(html).not.toMatch(/escalate|zebra/i);
    // The autolink's text is its address: it goes with the link.
    expect(cards.find((c) => c.id === "help/autolink")!.html).toBe("<p>See <span></span>.</p>");
    expect(html).toContain("<span>xjsx</span>");
    expect(html).toContain("<span>xtab</span>");
  });

  it("the help center's Markdown copy keeps none of them either", () => {
    const p = loadProject({ cwd: project("  link-broken: off\n  link-audience: off\n"), today: "2026-11-22" });
    const sites = prepareSites(p, ["public"], { history: { available: false, reason: "test" } });
    const markdown = sites.get("public")!.cards.find((c) => c.id === "help/guide")!.markdown;
    expect(markdown).not.toMatch(/escalate|zebra/i);
  });
});

/**
 * A live link to a page the help center has (a collection, a tag, search, a Markdown copy) kept its address as written,
 * so `../escalate-zebra/../../tags/` put an internal card's name on a public page, and the leak check took the written
 * address as the author's excuse. The page's href is now the path a browser resolves it to, relative to the page.
 */
describe("a live link to a site page carries the page's path, not the way there", () => {
  const PAGES: [string, string][] = [
    ["../escalate-zebra/../../tags/", "../../tags/"],
    ["/escalate-zebra/../search/", "../../search/"],
    ["https://help.acme.example/escalate-zebra/../help/", "../"],
    ["../escalate-zebra/%2e%2e/../tags/billing/", "../../tags/billing/"],
    ["/escalate-zebra/../help/refunds.md", "../refunds.md"],
    ["/search/?q=refunds#results", "../../search/?q=refunds#results"],
    ["/sitemap.xml", "../../sitemap.xml"],
  ];

  function site() {
    const dir = makeProject({
      "verity.config.yml": `minTrustScore: 0\n${SITES}`,
      "content/help/guide.md": exampleCard({ title: "Guide", audience: "external" }, PAGES.map(([url], i) => `[p${i}](${url})\n`).join("\n")),
      "content/help/refunds.md": exampleCard({ title: "Refunds", audience: "external", tags: "[billing]" }, "Five days.\n"),
      "content/help/escalate-zebra.md": exampleCard({ title: "Zebra desk" }, "## Vault\n\nSecret.\n"),
    });
    return loadProject({ cwd: dir, today: "2026-11-22" });
  }

  it("on both sites, and lint has nothing to say of them", async () => {
    const p = site();
    const sites = prepareSites(p, ["public", "internal"], { history: { available: false, reason: "test" } });
    for (const name of ["public", "internal"] as const) {
      const html = sites.get(name)!.cards.find((c) => c.id === "help/guide")!.html;
      // The sitemap is the help center's only.
      PAGES.forEach(([url, href], i) => expect(html).toContain(name === "internal" && url === "/sitemap.xml" ? `<span>p${i}</span>` : `<a href="${href}">p${i}</a>`));
      expect(html).not.toMatch(/escalate|zebra|%2e/i);
    }
    const { results } = await lintJson(p.root, ["--today", "2026-11-22"]);
    expect(flatMessages(results, p.root).filter((m) => m.file === "content/help/guide.md" && m.ruleId.startsWith("link-"))).toEqual([]);
  });
});
