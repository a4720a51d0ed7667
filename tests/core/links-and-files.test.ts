/** Links lint must see (raw HTML, MDX, absolute site URLs, pages) and files with an audience. */
import { linkSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadProject } from "../../src/core/project/project.ts";
import { createFileAudience, hiddenPagesOf } from "../../src/core/site/file-audience.ts";
import { flatMessages, lintJson, makeProject, removeTemps } from "../helpers.ts";
import { FRESHNESS_RULES, UNLINKED_AT_DEPLOY_RULES } from "../../src/core/lint/freshness.ts";

afterAll(removeTemps);

const TODAY = ["--today", "2026-11-22"];
const CONFIG = "sites:\n  public:\n    url: https://help.acme.example\n    base: /\n  internal:\n    url: https://wiki.acme.example\n    base: /wiki/\n";
const card = (title: string, audience: string, body: string, extra = "") =>
  `---\ntitle: ${title}\nowner: "@acme/team"\naudience: ${audience}\nverify_by: 2027-01-01\n${extra}---\n\n${body}\n`;

function project(body: string, files: Record<string, string> = {}, format = "md") {
  return makeProject({
    "verity.config.yml": CONFIG,
    "content/ops/_collection.yml": "title: Ops\ndefaults:\n  audience: internal\n",
    "content/ops/runbook.md": card("Runbook", "internal", "PIN 4711.", "tags: [secret-ops]\n"),
    "content/help/other.md": card("Other", "external", "Fine.", "tags: [billing]\n"),
    [`content/help/page.${format}`]: card("Page", "external", body),
    ...files,
  });
}

async function findingsOf(dir: string) {
  const { results } = await lintJson(dir, TODAY);
  return flatMessages(results, dir).filter((m) => m.file.startsWith("content/help/page"));
}

// The render removes links to hidden pages, but an address written as text is published as written.
describe("an internal card's address in an external card's text (address-audience, mandatory)", () => {
  it.each([
    ["a bare URL", "For overrides see https://wiki.acme.example/wiki/ops/runbook/ today.", 8, 19],
    ["the help host", "Or https://help.acme.example/ops/runbook/#pin.", 8, 4],
    ["a site path", "Agents follow /ops/runbook/ here.", 8, 15],
    ["link text other than its href", "[https://wiki.acme.example/wiki/ops/runbook/](../ops/runbook.md)", 8, 2],
    ["an image's alt text", "![/ops/runbook/](pic.png)", 8, 3],
    ["a heading", "## See https://wiki.acme.example/wiki/ops/runbook/", 8, 8],
    ["code", "```sh\ncurl https://wiki.acme.example/wiki/ops/runbook/\n```", 9, 6],
    ["the wiki's host, no page", "Copy: https://wiki.acme.example/wiki/ops/runbook.md", 8, 7],
    ["a one-segment site path of a collection only the wiki has", "Agents track them in /ops/ today.", 8, 22],
    ["the wiki's own health page", "Check /health/ first.", 8, 7],
    // A card's Markdown copy (/ops/runbook.md, on the site that has the card) and a path with dot segments name the card too.
    ["the site path of its Markdown copy", "Agents read /ops/runbook.md here.", 8, 13],
    ["its Markdown copy on the help host", "Or https://help.acme.example/ops/runbook.md today.", 8, 4],
    ["a site path with dot segments", "Agents follow /help/../ops/runbook/ here.", 8, 15],
    // Written as people write addresses in prose: without a scheme or www.
    ["the wiki's host and a path, no scheme", "Agents open wiki.acme.example/wiki/ops/runbook/ daily.", 8, 13],
    ["the wiki's bare host", "Everything is on wiki.acme.example for agents.", 8, 18],
    ["the wiki's host with a port, no scheme", "Agents open WIKI.acme.example:8443/wiki/ops/ daily.", 8, 13],
    ["the help host and a hidden path, no scheme", "Or help.acme.example/ops/runbook/ today.", 8, 4],
    ["a path under the wiki's base, no host", "Agents follow /wiki/ops/runbook/ here.", 8, 15],
    // The wiki's address of a public card is the wiki's address all the same: it names the wiki's host and base.
    ["the wiki's address of a public card", "Agents open https://wiki.acme.example/wiki/help/other/ daily.", 8, 13],
    ["the wiki's address of a public card, no scheme", "Agents open wiki.acme.example/wiki/help/other/ daily.", 8, 13],
    ["an autolink to the wiki's address of a public card", "See <https://wiki.acme.example/wiki/help/other/>.", 8, 6],
  ])("%s is an error at its place that stops the deploy build", async (_name, body, line, column) => {
    const found = (await findingsOf(project(body))).filter((m) => m.ruleId === "address-audience");
    expect(found.map((m) => [m.line, m.column, m.severity])).toEqual([[line, column, 2]]);
    expect(UNLINKED_AT_DEPLOY_RULES.has("address-audience") || FRESHNESS_RULES.has("address-audience")).toBe(false);
  });

  // The page shows these as written too: titles as tooltips, raw HTML's text and attributes, component props.
  it.each([
    ["a link's title", '[example](https://example.com "Agents: https://wiki.acme.example/wiki/ops/runbook/")', "md", 8, 1],
    ["an image's title", '![Chart](pic.png "/ops/runbook/")', "md", 8, 1],
    ["a definition's title", 'Use [the guide][g].\n\n[g]: https://example.com "see /ops/runbook/"', "md", 10, 1],
    ["raw HTML text", "<div>Agents open https://wiki.acme.example/wiki/ops/runbook/ daily</div>", "md", 8, 18],
    ["a raw HTML block's later line", "<details>\n<summary>See /ops/runbook/</summary>\n</details>", "md", 9, 14],
    ["a raw HTML attribute", '<span title="/ops/runbook/">SP</span> inline.', "md", 8, 14],
    ["a component's prop", '<Callout title="See /ops/runbook/">Text.</Callout>', "mdx", 8, 1],
    ["raw HTML with character references", "<div>Agents open &#47;ops&#x2F;runbook&sol; daily</div>", "md", 8, 1],
    // A code block's info string: its language is the code element's class on the page, the rest is in the Markdown copy.
    ["a code block's language", "```https://wiki.acme.example/wiki/ops/runbook/\necho hi\n```", "md", 8, 1],
    ["a code block's info after the language", "```sh /ops/runbook/\necho hi\n```", "md", 8, 1],
    ["a tilde fence's info", "~~~~ title=wiki.acme.example\necho hi\n~~~~", "md", 8, 1],
  ])("in %s is an error too", async (_name, body, format, line, column) => {
    const found = (await findingsOf(project(body, {}, format))).filter((m) => m.ruleId === "address-audience");
    expect(found.map((m) => [m.line, m.column, m.severity])).toEqual([[line, column, 2]]);
  });

  it("in the title, description, tags or keywords (the page, search, feed and llms.txt show them) is an error at the field", async () => {
    const extra = "description: Agents follow /ops/runbook/ first\nkeywords: [refund, https://wiki.acme.example/wiki/ops/runbook/]\n";
    const dir = project("", { "content/help/page.md": card("Page", "external", "Body.", extra) });
    const found = (await findingsOf(dir)).filter((m) => m.ruleId === "address-audience");
    expect(found.map((m) => [m.line, m.column, m.severity])).toEqual([[6, 1, 2], [7, 1, 2]]);
  });

  it("in the title or description a collection shows on the help center is an error at that line of its _collection.yml", async () => {
    const dir = project("Body.", {
      "content/help/_collection.yml": "title: Help\npublicTitle: Help (see /ops/runbook/)\ndescription: Agents also use wiki.acme.example.\n",
      "content/ops/_collection.yml": "title: Ops\ndescription: On https://wiki.acme.example/wiki/ops/ only.\ndefaults:\n  audience: internal\n",
      "content/faq/_collection.yml": "title: FAQ\ndescription: Agents read https://wiki.acme.example/wiki/ops/runbook/.\npublicDescription: Common questions.\n",
      "content/faq/q.md": card("Q", "external", "A."),
    });
    const { results } = await lintJson(dir, TODAY);
    const found = flatMessages(results, dir).filter((m) => m.ruleId === "address-audience");
    expect(found.map((m) => [m.file, m.line, m.severity])).toEqual([["content/help/_collection.yml", 2, 2], ["content/help/_collection.yml", 3, 2]]);
    expect(found[1]!.message).toContain("wiki.acme.example");
  });

  it("in the text of an external snippet an external card includes is an error at the include", async () => {
    const snippet = '---\naudience: external\nowner: "@acme/team"\nverify_by: 2027-01-01\n---\n\nAgents escalate through `https://wiki.acme.example/wiki/ops/runbook/` first.\n';
    const found = (await findingsOf(project('Talk to us.\n\n::snippet{name="contact"}', { "content/_snippets/contact.md": snippet }))).filter((m) => m.ruleId === "address-audience");
    expect(found.map((m) => [m.line, m.column, m.severity])).toEqual([[10, 1, 2]]);
    expect(found[0]!.message).toMatch(/content\/_snippets\/contact\.md:7/);
  });

  it("is not raised by a raw HTML link's own href (link-audience's), a comment, or a public address in HTML", async () => {
    const body = '<a href="/ops/runbook/">the runbook</a>\n\n<!-- /ops/runbook/ -->\n\n<div title="/help/other/">See /help/other/</div>';
    expect((await findingsOf(project(body))).filter((m) => m.ruleId === "address-audience")).toEqual([]);
  });

  it("is silent on public addresses and in internal cards", async () => {
    const dir = project("See https://help.acme.example/help/other/ and /help/other/ and https://example.com/ops/runbook/, help.acme.example/help/other/, example.com/ops/runbook/, Node.js and e.g. report.pdf.", {
      "content/ops/notes.md": card("Notes", "internal", "See https://wiki.acme.example/wiki/ops/runbook/."),
    });
    const { results } = await lintJson(dir, TODAY);
    expect(flatMessages(results, dir).filter((m) => m.ruleId === "address-audience")).toEqual([]);
  });
});

describe("links in raw HTML and MDX", () => {
  it.each([
    ['<a href="../../ops/runbook/">runbook</a>', 8],
    ['Text <a href="/ops/runbook/">inline</a> text.', 8],
    ['<div>\n\n<p>\n<a\n  href="../ops/runbook.md">x</a></p>\n</div>', 11],
    ['<img src="/ops/runbook/">', 8],
    ['<img srcset="/ops/runbook/ 1x, ok.png 2x">', 8],
    ['<svg><a xlink:href="/ops/runbook/">x</a></svg>', 8],
    ['<form action="/ops/runbook/"><button>go</button></form>', 8],
  ])("an external card linking an internal card in %s is link-audience at the element's line", async (html, line) => {
    const dir = project(html);
    const found = await findingsOf(dir);
    expect(found.map((m) => [m.ruleId, m.line])).toContainEqual(["link-audience", line]);
  });

  // The sites serve each card's Markdown copy at its URL plus .md; a site path is read as a browser reads it (dot segments, backslashes).
  it.each([
    ["[runbook](/ops/runbook.md)", "the Markdown copy of an internal card"],
    ["[runbook](https://help.acme.example/ops/runbook.md)", "the same on the help host"],
    ["[runbook](/help/./../ops/runbook/)", "a site path with dot segments"],
    ['<a href="/ops\\runbook/">runbook</a>', "a raw HTML site path with a backslash"],
  ])("%s (%s) is link-audience, and the public page does not link it", async (markdown) => {
    const dir = project(markdown);
    expect((await findingsOf(dir)).map((m) => m.ruleId)).toEqual(["link-audience"]);
    const { prepareSites } = await import("../../src/build/site-data.ts");
    const sites = prepareSites(loadProject({ cwd: dir, today: "2026-11-22" }), ["public", "internal"], { history: { available: false, reason: "none" } });
    const html = sites.get("public")!.cards.find((c) => c.id === "help/page")!.html;
    expect(html).toContain("runbook");
    expect(html).not.toMatch(/href=[^>]*ops/);
  });

  // A browser drops tabs and newlines anywhere in a URL and control characters around it: /<tab>/wiki.acme.example/ is //wiki.acme.example/.
  it.each([
    ['<a href="/&#9;/wiki.acme.example/help/">x</a>', "a tab between the slashes"],
    ['<a href="/&#10;/wiki.acme.example/">x</a>', "a newline between the slashes"],
    ['<a href="&#1;//wiki.acme.example/">x</a>', "a control character before them"],
    ['<a href="/&#9;/help.acme.example/ops/runbook/">x</a>', "a tab before the help host with an internal card's path"],
    ['<a href="/\\wiki.acme.example/help/">x</a>', "a backslash for the second slash"],
    ['<a href="\\/wiki.acme.example/">x</a>', "a backslash for the first slash"],
  ])("%s (%s) is the address the browser opens: link-audience, and the public page does not link it", async (markdown) => {
    const dir = project(markdown);
    expect((await findingsOf(dir)).map((m) => m.ruleId)).toContain("link-audience");
    const { prepareSites } = await import("../../src/build/site-data.ts");
    const sites = prepareSites(loadProject({ cwd: dir, today: "2026-11-22" }), ["public", "internal"], { history: { available: false, reason: "none" } });
    expect(sites.get("public")!.cards.find((c) => c.id === "help/page")!.html).not.toMatch(/href=[^>]*acme\.example/);
  });

  it("a public card's Markdown copy is a page of both sites, not a broken link", async () => {
    const dir = project("Read [the copy](/help/other.md) or [on the site](https://help.acme.example/help/other.md).");
    expect(await findingsOf(dir)).toEqual([]);
  });

  it("a broken raw HTML link is link-broken", async () => {
    const dir = project('<a href="/nope/nothing/">x</a>');
    expect((await findingsOf(dir)).map((m) => m.ruleId)).toContain("link-broken");
  });

  it("MDX JSX attributes are links too", async () => {
    const dir = project('<a href="/ops/runbook/">x</a>\n\n<Card href="/ops/runbook/" />', {}, "mdx");
    const found = await findingsOf(dir);
    expect(found.filter((m) => m.ruleId === "link-audience").length).toBeGreaterThanOrEqual(1);
  });
});

describe("absolute URLs to the sites' hosts", () => {
  it.each([
    "https://wiki.acme.example/wiki/ops/runbook/",
    "//wiki.acme.example/wiki/ops/runbook/",
    "<https://wiki.acme.example/wiki/ops/runbook/>",
    "HTTPS://WIKI.ACME.EXAMPLE/wiki/ops/runbook",
    "https://wiki.acme.example./wiki/ops/runbook/index.html",
    "http://wiki.acme.example:443/wiki/",
    // Outside the wiki's base, on a host the public site does not share: still the wiki's.
    "https://wiki.acme.example",
    "https://wiki.acme.example/",
    "https://wiki.acme.example/oauth2/sign_in",
  ])("the wiki's host from an external card: %s", async (url) => {
    const dir = project(url.startsWith("<") ? `See ${url}.` : `See [x](${url}).`);
    expect((await findingsOf(dir)).map((m) => m.ruleId)).toContain("link-audience");
  });

  it.each([
    "https://help.acme.example/ops/runbook/",
    "//help.acme.example/ops/runbook",
    "<https://help.acme.example/ops/runbook/>",
    "https://Help.Acme.Example/ops/runbook/index.html",
    "https://help.acme.example/OPS/RUNBOOK/",
    "https://help.acme.example/ops/%72unbook/",
  ])("the help center's host with an internal card's path: %s", async (url) => {
    const dir = project(url.startsWith("<") ? `See ${url}.` : `See [x](${url}).`);
    expect((await findingsOf(dir)).map((m) => m.ruleId)).toContain("link-audience");
  });

  // On a page of the same scheme a browser reads `https:/x` as the path /x of that page's own host, and `https:../x` as ../x:
  // read as a URL to a host named "ops" or "..", they went past link-audience and link-broken, and the help center linked the internal card.
  it.each([
    "https:/ops/runbook/",
    "HTTPS:/ops/runbook/",
    "https:../../ops/runbook/",
    "https:/ops/",
  ])("a scheme without // before an internal page's path (the page's own host on an https page): %s", async (url) => {
    const dir = project(`See [x](${url}).`);
    expect((await findingsOf(dir)).map((m) => m.ruleId)).toContain("link-audience");
  });

  it("a Markdown link's backslashes are the page's %5C: https:\\ops\\runbook is no page (broken), as the page carries it", async () => {
    // The page's href is https:%5Cops%5Crunbook, which a browser reads as a path beside the page, never /ops/runbook/.
    expect((await findingsOf(project("See [x](https:\\ops\\runbook)."))).map((m) => [m.ruleId, m.message.includes("https:%5Cops%5Crunbook")])).toEqual([["link-broken", true]]);
  });

  it("a scheme without // before a public card's path is that card, and before a missing one broken", async () => {
    expect(await findingsOf(project("See [x](https:/help/other/) and <a href=\"https:other.md\">y</a>."))).toEqual([]);
    expect((await findingsOf(project("See [x](https:/help/gone/)."))).map((m) => m.ruleId)).toEqual(["link-broken"]);
    // On an https page http:/ops/ names the host ops, but a site configured as https may be served as http (a local preview) and the other way round: both readings count.
    expect((await findingsOf(project("See [x](http:/ops/runbook/)."))).map((m) => m.ruleId)).toEqual(["link-audience"]);
    expect(await findingsOf(project("See <a href=\"https:/ops/runbook/\">x</a>."))).toEqual([expect.objectContaining({ ruleId: "link-audience" })]);
    expect(await findingsOf(project("See <a href=\"https:..\\..\\ops\\runbook\\\">x</a>."))).toEqual([expect.objectContaining({ ruleId: "link-audience" })]);
  });

  it("a scheme without // before another scheme-like word is a path of the page (a browser reads it once), and a long chain of them is no deep recursion", async () => {
    // On an https page `https:https:/ops/` is the relative path `https:/ops/` (a folder named `https:`), not the page /ops/.
    expect((await findingsOf(project("See [x](https:https:/ops/runbook/)."))).map((m) => m.ruleId)).toEqual(["link-broken"]);
    const chain = `${"https:".repeat(150_000)}/ops/runbook/`;
    expect((await findingsOf(project(`See [x](${chain}).`))).map((m) => m.ruleId)).toEqual(["link-broken"]);
  });

  it("on a host both sites share, a path outside both bases is the rest of that host (the company website)", async () => {
    const shared = "sites:\n  public:\n    url: https://acme.example\n    base: /help/\n  internal:\n    url: https://acme.example\n    base: /wiki/\n";
    const dir = project("See [home](https://acme.example/pricing/) and [runbook](https://acme.example/wiki/ops/runbook/).", { "verity.config.yml": shared });
    expect((await findingsOf(dir)).map((m) => `${m.ruleId}:${m.column}`)).toEqual(["link-audience:47"]);
  });

  it("a help center URL of a public card is fine, and a missing one is broken", async () => {
    expect(await findingsOf(project("See [x](https://help.acme.example/help/other/)."))).toEqual([]);
    expect((await findingsOf(project("See [x](https://help.acme.example/help/gone/)."))).map((m) => m.ruleId)).toEqual(["link-broken"]);
  });
});

describe("pages the public site does not have", () => {
  it("an internal-only collection page is link-audience", async () => {
    expect((await findingsOf(project("See [ops](/ops/)."))).map((m) => m.ruleId)).toEqual(["link-audience"]);
  });
  it("a tag used only by internal cards is link-audience; a public tag is fine", async () => {
    expect((await findingsOf(project("See [t](/tags/secret-ops/)."))).map((m) => m.ruleId)).toEqual(["link-audience"]);
    expect(await findingsOf(project("See [t](/tags/billing/)."))).toEqual([]);
  });
  it("the wiki's health page is link-audience", async () => {
    expect((await findingsOf(project("See [h](/health/)."))).map((m) => m.ruleId)).toEqual(["link-audience"]);
  });
  it("a collection or tag that does not exist is link-broken", async () => {
    expect((await findingsOf(project("See [x](/nothing/)."))).map((m) => m.ruleId)).toEqual(["link-broken"]);
    expect((await findingsOf(project("See [t](/tags/nothing/)."))).map((m) => m.ruleId)).toEqual(["link-broken"]);
  });
});

describe("files have an audience", () => {
  it("a file in an internal-only collection linked from an external card is file-audience at the link's line", async () => {
    const dir = project("Intro.\n\n![diagram](../ops/diagram.png)", { "content/ops/diagram.png": "PNG" });
    const found = await findingsOf(dir);
    expect(found.map((m) => [m.ruleId, m.line])).toEqual([["file-audience", 10]]);
    expect(found[0]!.message).toMatch(/internal-only collection ops/);
  });
  it.each([
    ["raw HTML", '<a href="../ops/secret.pdf">pdf</a>'],
    ["a site path", "[pdf](/_files/ops/secret.pdf)"],
    ["an absolute URL", "[pdf](https://help.acme.example/_files/ops/secret.pdf)"],
  ])("the same through %s", async (_what, body) => {
    const dir = project(body, { "content/ops/secret.pdf": "%PDF" });
    expect((await findingsOf(dir)).map((m) => m.ruleId)).toContain("file-audience");
  });
  it("a file in a _ folder is internal-only", async () => {
    const dir = project("[x](_private/notes.txt)", { "content/help/_private/notes.txt": "secret" });
    expect((await findingsOf(dir)).map((m) => m.ruleId)).toEqual(["file-audience"]);
  });
  it("a symlinked file inside content/ is never published, on either site", async () => {
    const dir = project("![x](alias.png)", { "content/help/real.png": "PNG" });
    symlinkSync("real.png", path.join(dir, "content/help/alias.png"));
    expect((await findingsOf(dir)).map((m) => m.ruleId)).toEqual(["file-audience"]);
    const decide = createFileAudience(path.join(dir, "content"));
    expect(decide.verdict(path.join(dir, "content/help/alias.png"), "internal").ok).toBe(false);
    expect(decide.verdict(path.join(dir, "content/help/real.png"), "public").ok).toBe(true);
  });
  it("a hard link (a file with other names, maybe outside the repository) is never published, on either site", async () => {
    const dir = project("See [the keys](keys.txt).", { "verity-secrets.txt": "ssh-rsa AAAA secret" });
    linkSync(path.join(dir, "verity-secrets.txt"), path.join(dir, "content/help/keys.txt"));
    const found = await findingsOf(dir);
    expect(found.map((m) => m.ruleId)).toEqual(["file-audience"]);
    expect(found[0]!.message).toMatch(/hard link/);
    const decide = createFileAudience(path.join(dir, "content"));
    expect(decide.verdict(path.join(dir, "content/help/keys.txt"), "internal").ok).toBe(false);
  });
  it("a file linked from a snippet an external card includes is checked too, at the include line", async () => {
    const snippet = '---\nowner: "@acme/team"\naudience: external\nverify_by: 2027-01-01\n---\n\nSee ![the wiring](../ops/wiring.png) and [notes](notes.txt).\n';
    const dir = project("Intro.\n\n::snippet{name=\"steps\"}", {
      "content/_snippets/steps.md": snippet,
      "content/ops/wiring.png": "PNG",
      "content/_snippets/notes.txt": "secret",
    });
    const found = (await findingsOf(dir)).filter((m) => m.ruleId === "file-audience");
    expect(found.map((m) => m.line)).toEqual([10, 10]);
    expect(found[0]!.message).toMatch(/_snippets\/steps\.md:7/);
    expect(found.map((m) => m.message).join("\n")).toMatch(/internal-only collection ops/);
    expect(found.map((m) => m.message).join("\n")).toMatch(/starting with _/);
  });
  it("a file a snippet links from a public folder is fine", async () => {
    const snippet = '---\nowner: "@acme/team"\naudience: external\nverify_by: 2027-01-01\n---\n\nSee ![x](../help/pic.png).\n';
    const dir = project("::snippet{name=\"steps\"}", { "content/_snippets/steps.md": snippet, "content/help/pic.png": "PNG" });
    expect(await findingsOf(dir)).toEqual([]);
  });
  it("a file next to an external card in a public collection is fine", async () => {
    const dir = project("![x](pic.png)", { "content/help/pic.png": "PNG" });
    expect(await findingsOf(dir)).toEqual([]);
  });
  // The public copy's address is /_files/<path under content>: a folder there may name a page only the wiki has.
  it.each([
    ["the folder of an internal card", "![shot](escalation/shot.png)", "content/help/escalation/shot.png", /internal card \/help\/escalation\//],
    ["a collection without public cards", "![logo](../desk/logo.png)", "content/desk/logo.png", /collection \/desk\/ \(no public cards\)/],
    // Links and addresses to these pages count in any letter case (address-audience reads /help/Escalation/ as the card): so do folders.
    ["the folder of an internal card, in other letter case", "![shot](Escalation/shot.png)", "content/help/Escalation/shot.png", /internal card \/help\/escalation\//i],
    ["a collection without public cards, in other letter case", "![logo](../DESK/logo.png)", "content/DESK/logo.png", /collection \/desk\/ \(no public cards\)/i],
    // Under /_files/tags/ and /_files/health/, a folder names a tag page or the health page as well.
    ["the folder of a tag only internal cards carry", "![t](../tags/secret-ops/t.png)", "content/tags/secret-ops/t.png", /tag page \/tags\/secret-ops\//],
    ["that folder in other letter case", "![t](../Tags/Secret-Ops/t.png)", "content/Tags/Secret-Ops/t.png", /tag page \/tags\/secret-ops\//i],
    ["the folder of the wiki's health page", "![h](../health/h.png)", "content/health/h.png", /the page \/health\//],
  ])("a file in %s is not published: its path would name that page", async (_what, body, file, message) => {
    const dir = project(body, {
      [file]: "PNG",
      "content/help/escalation.md": card("Escalation", "internal", "Call the desk."),
      "content/desk/tier-two.md": card("Tier two", "internal", "Desk notes."),
    });
    const found = await findingsOf(dir);
    expect(found.map((m) => m.ruleId)).toEqual(["file-audience"]);
    expect(found[0]!.message).toMatch(message);
    const { prepareSites } = await import("../../src/build/site-data.ts");
    const sites = prepareSites(loadProject({ cwd: dir, today: "2026-11-22" }), ["public", "internal"], { history: { available: false, reason: "none" } });
    expect(sites.get("public")!.assets).toEqual([]);
  });
  // A redirect page's address is a folder of the site: under an internal card's URL or a collection without public cards, it names that page.
  it("an alias under a page only the wiki has is a redirect on the wiki only", async () => {
    const aliases = 'aliases: ["/desk/refund-override/", "/help/escalation/old-steps/", "/help/Escalation/older/", "/Desk/", "/help/page-old/"]\n';
    const dir = project("", {
      "content/help/page.md": card("Page", "external", "Body.", aliases),
      "content/help/escalation.md": card("Escalation", "internal", "Call the desk."),
      "content/desk/tier-two.md": card("Tier two", "internal", "Desk notes."),
    });
    const { prepareSites } = await import("../../src/build/site-data.ts");
    const sites = prepareSites(loadProject({ cwd: dir, today: "2026-11-22" }), ["public", "internal"], { history: { available: false, reason: "none" } });
    expect(sites.get("public")!.redirects.map((r) => r.from)).toEqual(["/help/page-old/"]);
    expect(sites.get("internal")!.redirects.map((r) => r.from).sort()).toEqual(["/Desk/", "/desk/refund-override/", "/help/Escalation/older/", "/help/escalation/old-steps/", "/help/page-old/"]);
  });
  it("the pages a file's folders name are looked up one by one, not every card read (a re-lint of one card reads only the stubs it needs)", () => {
    const dir = project("![shot](escalation/shot.png)", { "content/help/escalation/shot.png": "PNG", "content/help/escalation.md": card("Escalation", "internal", "Call the desk.") });
    const loaded = loadProject({ cwd: dir, today: "2026-11-22" });
    const asked: string[] = [];
    const byUrl = new Map(loaded.index.byUrl);
    const watched = Object.assign(Object.create(Map.prototype) as Map<string, unknown>, {
      get: (url: string) => (asked.push(url), byUrl.get(url)),
      has: (url: string) => byUrl.has(url),
      [Symbol.iterator]: () => {
        throw new Error("every card read");
      },
    });
    const decide = createFileAudience(path.join(dir, "content"), hiddenPagesOf({ ...loaded.index, byUrl: watched as never }));
    expect(decide.verdict(path.join(dir, "content/help/escalation/shot.png"), "public").ok).toBe(false);
    expect(asked).toEqual(["/help/escalation/"]);
  });
  it("a file in the folder of a public card, or of a tag public cards carry, is fine", async () => {
    const dir = project("![x](other/pic.png) ![t](../tags/billing/t.png)", { "content/help/other/pic.png": "PNG", "content/tags/billing/t.png": "PNG" });
    expect(await findingsOf(dir)).toEqual([]);
  });
  it("a collection whose _collection.yml does not parse is treated as internal-only", () => {
    const dir = makeProject({ "content/media/_collection.yml": "title: [\n", "content/media/a.png": "PNG" });
    mkdirSync(path.join(dir, "content/help"), { recursive: true });
    writeFileSync(path.join(dir, "content/help/x.txt"), "x");
    const decide = createFileAudience(path.join(dir, "content"));
    expect(decide.verdict(path.join(dir, "content/media/a.png"), "public").ok).toBe(false);
    expect(decide.verdict(path.join(dir, "content/help/x.txt"), "public").ok).toBe(true);
    expect(loadProject({ cwd: dir }).cards).toEqual([]);
  });
});

describe("the build's asset list comes from file-audience", () => {
  it("copies into the public site only files an external card may publish, and never a symlink", async () => {
    const { prepareSites } = await import("../../src/build/site-data.ts");
    const dir = project("![a](pic.png) ![b](../ops/diagram.png) ![c](alias.png) ![d](_private/n.png) [e](/_files/ops/diagram.png)", {
      "content/help/pic.png": "PNG",
      "content/ops/diagram.png": "PNG",
      "content/help/_private/n.png": "PNG",
      "content/ops/inside.md": card("Inside", "internal", "![i](diagram.png) ![j](../help/alias.png)"),
    });
    symlinkSync("pic.png", path.join(dir, "content/help/alias.png"));
    const loaded = loadProject({ cwd: dir, today: "2026-11-22" });
    const sites = prepareSites(loaded, ["public", "internal"], { history: { available: false, reason: "none" } });
    expect(sites.get("public")!.assets.map((a) => a.sitePath).sort()).toEqual(["/_files/help/pic.png"]);
    expect(sites.get("internal")!.assets.map((a) => a.sitePath).sort()).toEqual(["/_files/help/_private/n.png", "/_files/help/pic.png", "/_files/ops/diagram.png"]);
  });
});

describe("images and media that name a card", () => {
  it("never carry the card's path into a page, even when lint was bypassed", async () => {
    const { prepareSites } = await import("../../src/build/site-data.ts");
    const dir = project('![runbook](../ops/runbook.md) <img src="/ops/runbook/" alt="r"> <video src="../ops/runbook.md"></video> [ok](other.md)');
    const loaded = loadProject({ cwd: dir, today: "2026-11-22" });
    const sites = prepareSites(loaded, ["public", "internal"], { history: { available: false, reason: "none" } });
    for (const site of ["public", "internal"] as const) {
      const page = sites.get(site)!.cards.find((c) => c.id === "help/page")!;
      expect(page.html).not.toMatch(/runbook\.md|ops\/runbook/);
      expect(page.html).toContain('href="../other/"');
    }
  });
});

describe("sites sharing one host", () => {
  const shared = "sites:\n  public:\n    url: https://kb.acme.example\n    base: /help/\n  internal:\n    url: https://kb.acme.example\n    base: /wiki/\n";
  it("a wiki URL is link-audience even to a public card; the host outside both bases is just the website", async () => {
    const dir = makeProject({
      "verity.config.yml": shared,
      "content/help/other.md": card("Other", "external", "Fine."),
      "content/help/page.md": card("Page", "external", "[a](https://kb.acme.example/wiki/help/other/) [b](https://kb.acme.example/help/help/other/) [c](https://kb.acme.example/pricing/)"),
    });
    const found = await findingsOf(dir);
    expect(found.map((m) => [m.ruleId, m.message.includes("/wiki/")])).toEqual([["link-audience", true]]);
  });
});
