/** The site data and rendering, without Astro: selection, link rewriting, related cards, leak-scan helpers. */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { loadProject } from "../../src/core/project/project.ts";
import { normaliseForScan, readScannable } from "../../src/build/scan-text.ts";
import { relativeSitePath } from "../../src/build/render-card.ts";
import { prepareSites } from "../../src/build/site-data.ts";
import { tempDir } from "./helpers.ts";

const NO_HISTORY = { available: false as const, reason: "history unavailable (not in a git repository)" };
let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

function project(files: Record<string, string>, config = "") {
  const root = tempDir("site-data");
  dirs.push(root);
  writeFileSync(path.join(root, "verity.config.yml"), config);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return loadProject({ cwd: root, root, today: "2030-01-01" });
}

const card = (title: string, audience: string, body: string, extra = "") =>
  `---\ntitle: ${title}\nowner: "@acme/team"\naudience: ${audience}\nverify_by: 2099-01-01\n${extra}---\n\n${body}\n`;

describe("relativeSitePath", () => {
  it("links between directory URLs without the base path", () => {
    expect(relativeSitePath("/billing/refunds/", "/account/seats/")).toBe("../../account/seats/");
    expect(relativeSitePath("/billing/refunds/", "/billing/methods/")).toBe("../methods/");
    expect(relativeSitePath("/billing/cards/refunds/", "/billing/")).toBe("../../");
    expect(relativeSitePath("/a/b/", "/a/b/")).toBe("./");
  });
});

describe("prepareSites", () => {
  it("renders a card once for both sites, and unlinks a link to a hidden card only on the public site", () => {
    const p = project(
      {
        "content/help/public-card.md": card("Public card", "external", "See [the agent notes](agent-notes.md#steps) and [methods](methods.md)."),
        "content/help/methods.md": card("Methods", "external", "Cards and transfers."),
        "content/help/agent-notes.md": card("Agent notes", "internal", "## Steps\n\nSecret steps."),
      },
      "rules:\n  link-audience: off\n",
    );
    const sites = prepareSites(p, ["public", "internal"], { history: NO_HISTORY });
    const pub = sites.get("public")!.cards.find((c) => c.id === "help/public-card")!;
    const internal = sites.get("internal")!.cards.find((c) => c.id === "help/public-card")!;
    expect(internal.html).toContain('<a href="../agent-notes/#steps">the agent notes</a>');
    expect(pub.html).toContain("<span>the agent notes</span>");
    expect(pub.html).not.toContain("agent-notes");
    expect(pub.html).toContain('<a href="../methods/">methods</a>');
    const methodsPublic = sites.get("public")!.cards.find((c) => c.id === "help/methods")!;
    const methodsInternal = sites.get("internal")!.cards.find((c) => c.id === "help/methods")!;
    expect(methodsPublic.html).toBe(methodsInternal.html);
    expect(sites.get("public")!.cards.map((c) => c.id).sort()).toEqual(["help/methods", "help/public-card"]);
  });

  it("names no hidden card's address in a public heading: not in its text, its anchor's label, its id or the table of contents", () => {
    const p = project(
      {
        "content/help/public-card.md": card("Public card", "external", "## Notes in [escalate-zebra.md](escalate-zebra.md)\n\nAsk support.\n\n## Steps\n\nSee [the notes](#notes-in-escalate-zebramd)."),
        "content/help/escalate-zebra.md": card("Runbook", "internal", "The vault steps."),
        "content/help/other.md": card("Other", "external", "See [the notes](public-card.md#notes-in-escalate-zebramd)."),
      },
      "rules:\n  link-audience: off\n",
    );
    const sites = prepareSites(p, ["public", "internal"], { history: NO_HISTORY });
    const pub = sites.get("public")!.cards.find((c) => c.id === "help/public-card")!;
    expect(pub.html).not.toMatch(/zebra/);
    expect(pub.markdown).not.toMatch(/zebra/);
    // A link from another public card to that heading follows it to its new id.
    const other = sites.get("public")!.cards.find((c) => c.id === "help/other")!;
    expect(other.html).toContain('href="../public-card/#notes-in"');
    expect(other.markdown).not.toMatch(/zebra/);
    expect(pub.headings.map((h) => [h.text, h.id])).toEqual([["Notes in", "notes-in"], ["Steps", "steps"]]);
    expect(pub.html).toContain('aria-label="Link to this section: Notes in"');
    // The wiki has the card: its heading keeps the link, its text and the id lint checks anchors against.
    const internal = sites.get("internal")!.cards.find((c) => c.id === "help/public-card")!;
    expect(internal.headings.map((h) => [h.text, h.id])).toEqual([["Notes in escalate-zebra.md", "notes-in-escalate-zebramd"], ["Steps", "steps"]]);
  });

  it("never publishes a link to a page only the wiki has, or to the wiki's host, on the public site (link-audience off)", () => {
    const body = [
      "[ops](/ops/) [secret tag](/tags/secret-tag/) [health](/health/)",
      "[wiki ops](https://wiki.acme.test/ops/) [wiki home](https://wiki.acme.test/) [wiki search](//wiki.acme.test/search/)",
      "[help](/help/) [public tag](/tags/payments/) [search](/search/)",
    ].join("\n\n");
    const p = project(
      {
        "content/help/public-card.md": card("Public card", "external", body, "tags: [payments]\n"),
        "content/ops/_collection.yml": "title: Ops\ndefaults:\n  audience: internal\n",
        "content/ops/runbook.md": card("Runbook", "internal", "Steps.", "tags: [secret-tag]\n"),
      },
      "sites:\n  public:\n    url: https://help.acme.test\n  internal:\n    url: https://wiki.acme.test\nrules:\n  link-audience: off\n",
    );
    const sites = prepareSites(p, ["public", "internal"], { history: NO_HISTORY });
    const pub = sites.get("public")!.cards.find((c) => c.id === "help/public-card")!.html;
    const wiki = sites.get("internal")!.cards.find((c) => c.id === "help/public-card")!.html;
    for (const text of ["ops", "secret tag", "health", "wiki ops", "wiki home", "wiki search"]) expect(pub).toContain(`<span>${text}</span>`);
    expect(pub).not.toMatch(/href="[^"]*(ops|secret-tag|health|wiki\.acme)/);
    // A page the site has is linked by its path relative to the page (links.ts pageLinkHref), as cards are.
    expect(pub).toContain('<a href="../">help</a>');
    expect(pub).toContain('<a href="../../tags/payments/">public tag</a>');
    expect(pub).toContain('<a href="../../search/">search</a>');
    expect(wiki).toContain('<a href="../../ops/">ops</a>');
    expect(wiki).toContain('<a href="../../tags/secret-tag/">secret tag</a>');
    expect(wiki).toContain('<a href="../../ops/">wiki ops</a>');
  });

  it("never publishes a link whose scheme has no // and which an https page reads as a path to a hidden card (link-audience off)", () => {
    const body = "[a](https:/ops/runbook/) [b](https:../../ops/runbook/) [c](HTTPS:\\ops\\runbook) <a href=\"https:/ops/runbook/\">d</a> [e](https:/help/methods/)";
    const p = project(
      {
        "content/help/public-card.md": card("Public card", "external", body),
        "content/help/methods.md": card("Methods", "external", "Cards."),
        "content/ops/_collection.yml": "title: Ops\ndefaults:\n  audience: internal\n",
        "content/ops/runbook.md": card("Runbook", "internal", "Steps."),
      },
      "sites:\n  public:\n    url: https://help.acme.test\n  internal:\n    url: https://wiki.acme.test\nrules:\n  link-audience: off\n",
    );
    const sites = prepareSites(p, ["public", "internal"], { history: NO_HISTORY });
    const pub = sites.get("public")!.cards.find((c) => c.id === "help/public-card")!;
    for (const text of ["a", "b", "d"]) expect(pub.html).toContain(`<span>${text}</span>`);
    expect(pub.html).not.toMatch(/href="[^"]*ops/);
    expect(pub.markdown).not.toMatch(/ops/);
    // To a public card, the link is the card's own address.
    expect(pub.html).toContain('<a href="../methods/">e</a>');
  });

  // An autolink's text is its address: keeping "the link text only" would publish the hidden page's URL, slug and anchor.
  it("drops the text of a link to a hidden page when that text is the address itself (autolinks, bare URLs)", () => {
    const body = [
      "For overrides see https://help.acme.test/help/escalate-zebra/#quokka-heading today.",
      "Or <https://www.acmewiki.test/help/escalate-zebra/> and www.acmewiki.test/help/escalate-zebra/ and [https://help.acme.test/help/escalate-zebra](https://help.acme.test/help/escalate-zebra/).",
      "Relative: [../escalate-zebra/](../escalate-zebra/) and [the runbook](../escalate-zebra/).",
    ].join("\n\n");
    const p = project(
      {
        "content/help/billing.md": card("Billing", "external", body),
        "content/help/escalate-zebra.md": card("Zebra escalation", "internal", "## Quokka heading\n\nSecret."),
      },
      "sites:\n  public:\n    url: https://help.acme.test\n  internal:\n    url: https://www.acmewiki.test\nrules:\n  link-audience: off\n",
    );
    const sites = prepareSites(p, ["public", "internal"], { history: NO_HISTORY });
    const pub = sites.get("public")!.cards.find((c) => c.id === "help/billing")!.html;
    expect(pub).not.toMatch(/escalate-zebra|quokka/i);
    expect(pub).toContain("<span>the runbook</span>");
    expect(pub).toContain("For overrides see <span></span> today.");
    const wiki = sites.get("internal")!.cards.find((c) => c.id === "help/billing")!.html;
    expect(wiki).toContain("escalate-zebra/#quokka-heading");
  });

  it("leaves the text it drops out of the site's search vocabulary and FAQ structured data too (link-audience off)", () => {
    const body = [
      "## Where did the old notes go?",
      "They moved to [escalate-zebra.md](escalate-zebra.md), also [Escalate-Zebra.md][old] and <https://www.acmewiki.test/help/escalate-zebra/>; ask for [the runbook](escalate-zebra.md).",
      "[old]: escalate-zebra.md",
    ].join("\n\n");
    const p = project(
      {
        "content/help/questions.md": card("Questions", "external", body, "template: faq\n"),
        "content/help/escalate-zebra.md": card("Quokka escalation", "internal", "Secret."),
      },
      "sites:\n  public:\n    url: https://help.acme.test\n  internal:\n    url: https://www.acmewiki.test\nrules:\n  link-audience: off\n",
    );
    const sites = prepareSites(p, ["public", "internal"], { history: NO_HISTORY });
    const pub = sites.get("public")!;
    const questions = pub.cards.find((c) => c.id === "help/questions")!;
    expect(questions.html).not.toMatch(/zebra/i);
    // The page shows none of the internal card's address, so neither does what is published about the page.
    expect(JSON.stringify(pub.search)).not.toMatch(/zebra/i);
    expect(JSON.stringify(questions.faq)).not.toMatch(/zebra/i);
    expect(questions.faq?.[0]?.answer).toContain("ask for the runbook");
    // The wiki has the card: its links are live, their text is shown and searched.
    expect(sites.get("internal")!.search.languages.en!.words).toContain("escalatezebra");
  });

  it("leaves out a raw HTML link's text the page drops too (an anchor written in HTML, its address as its text)", () => {
    const body = 'They moved to <a href="escalate-zebra.md">Escalate-Zebra&#46;md</a>; ask for <a href="escalate-zebra.md">the runbook</a>.';
    const p = project(
      {
        "content/help/questions.md": card("Questions", "external", body),
        "content/help/escalate-zebra.md": card("Quokka escalation", "internal", "Secret."),
      },
      "rules:\n  link-audience: off\n",
    );
    const sites = prepareSites(p, ["public", "internal"], { history: NO_HISTORY });
    const pub = sites.get("public")!;
    expect(pub.cards.find((c) => c.id === "help/questions")!.html).not.toMatch(/zebra/i);
    expect(JSON.stringify(pub.search)).not.toMatch(/zebra/i);
    expect(pub.search.languages.en!.words).toContain("runbook");
    expect(sites.get("internal")!.search.languages.en!.words).toContain("zebra");
  });

  it("shows an internal-only collection's own title and description only on the wiki, when an external card puts it on the public site", () => {
    const files = {
      "content/ops/_collection.yml": "title: Zebrafrost Ops Runbooks\ndescription: Quokka runbooks for the vault override team.\ndefaults:\n  audience: internal\n",
      "content/ops/vault.md": card("Vault", "internal", "Secret."),
      "content/ops/status-page.md": card("Status page", "external", "Public answer."),
    };
    const sites = prepareSites(project(files), ["public", "internal"], { history: NO_HISTORY });
    const pub = sites.get("public")!;
    expect(pub.collections.map((c) => [c.title, c.description])).toEqual([["Ops", undefined]]);
    expect(pub.cards.map((c) => c.collectionTitle)).toEqual(["Ops"]);
    expect(JSON.stringify(pub)).not.toMatch(/Zebrafrost|Quokka/);
    expect(sites.get("internal")!.collections.map((c) => [c.title, c.description])).toEqual([["Zebrafrost Ops Runbooks", "Quokka runbooks for the vault override team."]]);
    // Wording written for customers is shown to them.
    const worded = prepareSites(project({ ...files, "content/ops/_collection.yml": `${files["content/ops/_collection.yml"]}publicTitle: Service status\npublicDescription: Is it down?\n` }), ["public"], { history: NO_HISTORY });
    expect(worded.get("public")!.collections.map((c) => [c.title, c.description])).toEqual([["Service status", "Is it down?"]]);
  });

  // A snippet's relative URLs are rebased from its folder to the card's after sanitizing: ../t/javascript:x became javascript:x.
  it("never turns a snippet's relative URL into a scheme when it rebases it to the card", () => {
    const snippet = '---\nowner: "@acme/x"\nverify_by: 2099-01-01\naudience: external\n---\n\nClick [here](../t/javascript:alert(1)) or <a href="../t/javascript:alert(2)">there</a> ![x](../t/data:image/svg+xml,x) [ok](../t/other.md).\n';
    const sites = prepareSites(
      project({ "content/_snippets/evil.md": snippet, "content/t/snip.md": card("Snip", "external", '::snippet{name="evil"}'), "content/t/other.md": card("Other", "external", "Other.") }),
      ["public", "internal"],
      { history: NO_HISTORY },
    );
    for (const site of ["public", "internal"] as const) {
      const html = sites.get(site)!.cards.find((c) => c.id === "t/snip")!.html;
      expect(html, site).toContain("Click");
      expect(html, site).not.toMatch(/(?:href|src)="(?:javascript|data):/i);
      expect(html, site).toContain('href="../other/"');
    }
  });

  it("never publishes a live link to the wiki's host, even to an address the wiki has no page at (link rules off)", () => {
    const p = project(
      { "content/help/a.md": card("A", "external", "[copy](https://wiki.acme.test/ops/runbook.md) and [soon](https://wiki.acme.test/ops/planned/)."), "content/ops/runbook.md": card("Runbook", "internal", "Secret.") },
      "sites:\n  public:\n    url: https://help.acme.test\n  internal:\n    url: https://wiki.acme.test\nrules:\n  link-audience: off\n  link-broken: off\n",
    );
    const sites = prepareSites(p, ["public", "internal"], { history: NO_HISTORY });
    const pub = sites.get("public")!.cards.find((c) => c.id === "help/a")!.html;
    expect(pub).not.toContain("wiki.acme.test");
    expect(pub).toContain("<span>copy</span>");
    expect(sites.get("internal")!.cards.find((c) => c.id === "help/a")!.html).toContain('href="https://wiki.acme.test/ops/planned/"');
  });

  it("ranks related cards by shared tags and orders prev/next by title", () => {
    const p = project({
      "content/help/a.md": card("Alpha", "external", "A.", "tags: [x, y]\n"),
      "content/help/b.md": card("Beta", "external", "B.", "tags: [x, y]\n"),
      "content/help/c.md": card("Gamma", "external", "C.", "tags: [x]\n"),
      "content/help/d.md": card("Delta", "external", "D.", "tags: [z]\n"),
      "content/help/e-ko.md": card("Epsilon", "external", "E.", "tags: [x, y]\nlang: ko\n"),
    });
    const data = prepareSites(p, ["public"], { history: NO_HISTORY }).get("public")!;
    const alpha = data.cards.find((c) => c.id === "help/a")!;
    // Same language first, then most shared tags.
    expect(alpha.related).toEqual(["help/b", "help/c", "help/e-ko"]);
    expect(data.collections[0]!.cardIds).toEqual(["help/a", "help/b", "help/d", "help/e-ko", "help/c"]);
    expect(alpha.next).toBe("help/b");
    expect(alpha.prev).toBeUndefined();
    expect(alpha.historyNote).toBe("history unavailable (not in a git repository)");
    expect(data.tags.map((t) => [t.name, t.url])).toEqual([["x", "/tags/x/"], ["y", "/tags/y/"], ["z", "/tags/z/"]]);
  });

  it("renders an MDX card's prose without its imports and expressions", () => {
    const p = project({
      "content/help/tips.mdx": `---\ntitle: Tips\nowner: "@acme/team"\naudience: external\nverify_by: 2099-01-01\n---\nimport Note from "../note.astro";\n\n## Hello {name}\n\n<Note>Careful.</Note>\n\nTotal {1 + 1} items.\n`,
    });
    const html = prepareSites(p, ["public"], { history: NO_HISTORY }).get("public")!.cards[0]!.html;
    expect(html).not.toContain("import");
    expect(html).not.toContain("{");
    expect(html).toContain("Careful.");
    expect(html).toMatch(/<h2 id="hello">Hello/);
  });

  it("refuses a collection whose URL the sites use for their own pages", () => {
    const p = project({ "content/search/a.md": card("Alpha", "external", "A.") });
    expect(() => prepareSites(p, ["public"], { history: NO_HISTORY })).toThrow(/content\/search\/ would have the URL \/search\//);
  });
});

describe("leak-scan helpers", () => {
  it("normalises entities, JSON escapes, percent-encoding, case and whitespace the same way", () => {
    expect(normaliseForScan("Refunds &amp; Chargebacks")).toBe("refunds & chargebacks");
    expect(normaliseForScan('{"title":"Say \\"hi\\"\\nnow"}')).toBe('{"title":"say "hi" now"}');
    expect(normaliseForScan("/help/%ED%99%98%EB%B6%88/")).toBe("/help/환불/");
    expect(normaliseForScan("a \n\t b")).toBe("a b");
  });

  it("reads gzip files with the Pagefind signature stripped", () => {
    const dir = tempDir("gzip");
    dirs.push(dir);
    writeFileSync(path.join(dir, "x.pf_fragment"), gzipSync(Buffer.from('pagefind_dcd{"content":"secret"}')));
    expect(readScannable(path.join(dir, "x.pf_fragment"))).toBe('{"content":"secret"}');
  });
});
