/**
 * The leak check is the net behind the wall (what the build renders for the public site): it must catch a leak the
 * rendering makes, so what it expects a public page to carry may not come from that rendering. It excused a text on a
 * public card's page when the page's rendered data (its HTML, headings, Markdown copy, title, description, tags,
 * collection title) had it: a rendering bug that put an internal card's words there made its own excuse, as the
 * table of contents' `Notes in escalate-zebra.md` once did. Each case below breaks the rendered data the way such a bug
 * would, writes the pages from it, and expects the check to name the internal card; the honest data passes.
 */
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exampleCard } from "../../src/core/lint/rule-model.ts";
import { loadProject } from "../../src/core/project/project.ts";
import { prepareSites, type SiteData } from "../../src/build/site-data.ts";
import { deriveLeakModel, scanForLeaks } from "../../src/build/leak-scan.ts";
import { makeProject, makeTempDir, removeTemps } from "../helpers.ts";

afterAll(removeTemps);

const SENTENCE = "Rotate the vault key with the red lever before noon.";

function project(extra = "", refundsExtra = "") {
  const dir = makeProject({
    "verity.config.yml": "minTrustScore: 0\nrules:\n  link-audience: off\n  link-broken: off\n",
    "content/help/guide.md": exampleCard(
      { title: "Guide to payments", audience: "external", description: "How payments reach you", tags: "[payments]", aliases: "[/old-guide/]" },
      `## Notes in [escalate-zebra.md](escalate-zebra.md)\n\nAsk support about [refunds](refunds.md) at <https://status.example.org/>.\n${extra}`,
    ),
    "content/help/refunds.md": exampleCard({ title: "Refunds explained", audience: "external", tags: "[payments]" }, `Refunds take five days.\n${refundsExtra}`),
    "content/help/escalate-zebra.md": exampleCard(
      { title: "Quokka escalation desk", description: "Where the quokka override lives", tags: "[quokka-override]" },
      `## Vault rotation steps\n\n${SENTENCE}\n\nThe [override form](vault-form.txt).\n`,
    ),
    "content/help/vault-form.txt": "Override form: badge number, vault, reason.\n",
    "content/ops/_collection.yml": "title: Operations backroom\ndefaults:\n  audience: internal\n",
    "content/ops/runbook.md": exampleCard({ title: "Backroom runbook" }, "Steps.\n"),
  });
  return loadProject({ cwd: dir, today: "2026-11-22" });
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

/** The public site's files, written from its data as the templates would show it. */
function writeSite(site: SiteData): string {
  const out = makeTempDir();
  const write = (url: string, body: string) => {
    const file = path.join(out, ...url.split("/").filter(Boolean), "index.html");
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `<!doctype html><html><body><header>${esc(site.title)}</header>${body}</body></html>`);
  };
  const titleOf = (id: string) => site.cards.find((c) => c.id === id);
  const item = (id: string) => ((c) => (c ? `<li><a href="${c.url}">${esc(c.title)}</a><p>${esc(c.description ?? "")}</p></li>` : ""))(titleOf(id));
  write("/", site.collections.map((c) => `<h2>${esc(c.title)}</h2><p>${esc(c.description ?? "")}</p>`).join(""));
  for (const c of site.collections) write(c.url, `<h1>${esc(c.title)}</h1><ul>${c.cardIds.map(item).join("")}</ul>`);
  for (const t of site.tags) write(t.url, `<h1>${esc(t.name)}</h1><ul>${t.cardIds.map(item).join("")}</ul>`);
  for (const r of site.redirects) write(r.from, `<title>${esc(r.title)}</title><a href="${r.to}">${esc(r.title)}</a>`);
  for (const asset of site.assets) {
    const file = path.join(out, ...asset.sitePath.split("/").filter(Boolean));
    mkdirSync(path.dirname(file), { recursive: true });
    copyFileSync(asset.file, file);
  }
  for (const card of site.cards) {
    const toc = card.headings.map((h) => `<a href="#${h.id}">${esc(h.text)}</a>`).join("");
    const tags = card.tags.map((t) => `<a href="${t.url}">${esc(t.name)}</a>`).join("");
    write(card.url, `<p>${esc(card.collectionTitle)}</p><h1>${esc(card.title)}</h1><p>${esc(card.description ?? "")}</p><nav>${toc}</nav>${tags}<div hidden>${esc([...card.searchTerms.strong, ...card.searchTerms.weak].join(", "))}</div><main>${card.html}</main>`);
    writeFileSync(path.join(out, `${card.url.slice(1, -1)}.md`), card.markdown);
  }
  return out;
}

type Plant = (site: SiteData, internal: SiteData) => void;

function findings(plant?: Plant, extra?: string, refundsExtra?: string) {
  const p = project(extra, refundsExtra);
  const sites = prepareSites(p, ["public", "internal"], { history: { available: false, reason: "test" } });
  const site = sites.get("public")!;
  plant?.(site, sites.get("internal")!);
  return scanForLeaks(writeSite(site), deriveLeakModel(p, site)).findings;
}

const guide = (site: SiteData) => site.cards.find((c) => c.id === "help/guide")!;

describe("the leak check of a public site whose rendering is broken", () => {
  it("finds nothing in the honest rendering (the public card's own words, links and headings)", () => {
    expect(findings().map((f) => f.message)).toEqual([]);
  });

  const cases: [string, Plant, string][] = [
    [
      "a heading's text and id in the table of contents made from a dropped link's text",
      (site) => guide(site).headings.splice(0, 1, { depth: 2, text: "Notes in escalate-zebra.md", id: "notes-in-escalate-zebramd" }),
      "file name",
    ],
    ["the page's HTML", (site) => void (guide(site).html += `<p>${SENTENCE}</p>`), "body text"],
    ["the Markdown copy", (site) => void (guide(site).markdown += "\n## Vault rotation steps\n"), "heading"],
    ["the card's title, as the lists show it", (site) => void (guide(site).title = "Quokka escalation desk"), "title"],
    ["the card's description", (site) => void (guide(site).description = "Where the quokka override lives"), "description"],
    [
      "a tag of the card",
      (site) => {
        guide(site).tags.push({ name: "quokka-override", url: "/tags/quokka-override/" });
        site.tags.push({ name: "quokka-override", url: "/tags/quokka-override/", cardIds: ["help/guide"] });
      },
      "tag",
    ],
    [
      "the card's hidden search words, as if a synonym group gave them",
      (site) => void guide(site).searchTerms.weak.push("vault rotation steps"),
      "heading",
    ],
    ["the card's collection title", (site) => void (guide(site).collectionTitle = "Operations backroom"), "collection"],
    ["an internal card among the public cards", (site, internal) => void site.cards.push(internal.cards.find((c) => c.id === "help/escalate-zebra")!), "title"],
    [
      "an internal-only collection among the public collections",
      (site, internal) => void site.collections.push(internal.collections.find((c) => c.name === "ops")!),
      "collection",
    ],
    ["the site's title every page prints", (site) => void (site.title = "Quokka escalation desk"), "title"],
    [
      "a redirect page at an internal card's address",
      (site) => void site.redirects.push({ from: "/help/escalate-zebra/", to: "/help/guide/", title: "Guide to payments" }),
      "url",
    ],
  ];
  it("takes no excuse from the text of a link to a card the help center lacks: the page shows it, the check judges it", () => {
    const found = findings(undefined, "\nAsk the [Quokka escalation desk](escalate-zebra.md).\n");
    expect(found.map((f) => [f.file, f.needle?.kind])).toContainEqual(["help/guide/index.html", "title"]);
  });

  it("takes no excuse from the label of an image by reference to a card the help center lacks: the page shows its alt only", () => {
    const extra = "\nA diagram ![diagram][Quokka escalation desk] here.\n\n[Quokka escalation desk]: escalate-zebra.md\n";
    expect(findings(undefined, extra).map((f) => f.message)).toEqual([]);
    // The Markdown copy once kept the reference as written while it dropped the definition.
    const keptReference = (site: SiteData) => void (guide(site).markdown = guide(site).markdown.replace("A diagram diagram here.", "A diagram ![diagram][Quokka escalation desk] here."));
    expect(findings(keptReference, extra).map((f) => [f.file, f.needle?.kind])).toContainEqual(["help/guide.md", "title"]);
  });

  // The wall keeps neither link live (link-text.ts isTargetLive: an address of nothing the help center has is text there);
  // a wall that did, as it once did, would make the page below, which the check must still catch.
  const keptLive = (href: string, text: string) => (site: SiteData) => {
    const card = guide(site);
    expect(card.html).toContain(`<span>${text}</span>`);
    card.html = card.html.replace(`<span>${text}</span>`, `<a href="${href}">${text}</a>`);
  };

  it("takes no excuse from the text of a link to an address of nothing the help center has: the page shows it, the check judges it", () => {
    const found = findings(undefined, "\nAsk the [Quokka escalation desk](../escalate-zebra;x).\n");
    expect(found.map((f) => [f.file, f.needle?.kind])).toContainEqual(["help/guide/index.html", "title"]);
  });

  it("takes no excuse from an address that names nothing the help center has", () => {
    // A typo of the internal card's address kept live (link-broken off): the page names the internal card.
    const typo = findings(keptLive("../help/escalate-zebra/?q=1", "the steps"), "\nSee [the steps](../help/escalate-zebra/?q=1).\n");
    expect(typo.filter((f) => f.file === "help/guide/index.html").map((f) => f.needle?.kind)).toContain("file name");
  });

  it("finds an internal card's address kept live with a tab in it, which the page carries as %09", () => {
    const found = findings(keptLive("../escalate-zebra/%09", "the steps"), "\nSee [the steps](<../escalate-zebra/\t>).\n");
    // The page would link ../escalate-zebra/%09 (link-broken off): a 404 on the help center, still naming the internal card.
    expect(found.filter((f) => f.file === "help/guide/index.html").map((f) => f.needle?.kind)).toContain("file name");
  });

  it("finds an internal card's name in the way a live link to a public page goes, which the wall writes as the page's path", () => {
    const extra = "\nSee [the tags](../escalate-zebra/../../tags/).\n";
    expect(findings(undefined, extra).map((f) => f.message)).toEqual([]);
    const kept = (site: SiteData) => {
      const card = guide(site);
      expect(card.html).toContain('<a href="../../tags/">the tags</a>');
      card.html = card.html.replace('<a href="../../tags/">', '<a href="../escalate-zebra/../../tags/">');
    };
    expect(findings(kept, extra).filter((f) => f.file === "help/guide/index.html").map((f) => f.needle?.kind)).toContain("file name");
  });

  it("finds nothing where the wall turns such links into their text", () => {
    const found = findings(undefined, "\nSee [the steps](<../escalate-zebra/\t>) and [more](../escalate-zebra;x) and [index](../escalate-zebra/index.md).\n");
    expect(found.map((f) => f.message)).toEqual([]);
  });

  it("takes no excuse from a link to a public card's heading by the id lint made from a dropped link's text", () => {
    // A link to a public card's heading whose id lint made from a dropped link's text, as a rendering bug would keep it.
    const anchor = findings(
      (site) => void (site.cards.find((c) => c.id === "help/refunds")!.html += '<a href="../guide/#ask-escalate-zebra">Ask</a>'),
      "\n## Ask [escalate zebra](escalate-zebra.md)\n",
      "\nSee [the guide](guide.md#ask-escalate-zebra).\n",
    );
    expect(anchor.filter((f) => f.file === "help/refunds/index.html").map((f) => f.needle?.kind)).toContain("file name");
  });

  it("finds an internal card's attachment the data lists among the files the help center publishes", () => {
    const found = findings((site, internal) => void site.assets.push(internal.assets.find((a) => a.file.endsWith("vault-form.txt"))!));
    expect(found.filter((f) => f.type === "file").map((f) => [f.file, f.leaked])).toEqual([["_files/help/vault-form.txt", "content/help/vault-form.txt"]]);
  });

  it.each(cases)("finds the internal text a broken rendering put in %s", (_, plant, kind) => {
    const found = findings(plant);
    expect(found.map((f) => f.needle?.kind)).toContain(kind);
    expect(found.every((f) => f.leaked === "content/help/escalate-zebra.md" || f.leaked === "content/ops/")).toBe(true);
  });
});
