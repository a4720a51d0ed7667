/** Issue 18: components, snippets and headings inside them, as the sites render them and lint sees them. */
import { afterAll, describe, expect, it } from "vitest";
import { prepareSites } from "../../src/build/site-data.ts";
import { loadProject } from "../../src/core/project/project.ts";
import { flatMessages, lintJson, makeProject, removeTemps } from "../helpers.ts";

afterAll(removeTemps);

const card = (audience: string, body: string) => `---\ntitle: T\nowner: "@acme/team"\naudience: ${audience}\nverify_by: 2099-01-01\n---\n\n${body}\n`;
const snippet = (audience: string | undefined, body: string) => `---\nowner: "@acme/support"\nverify_by: 2099-01-01\n${audience ? `audience: ${audience}\n` : ""}---\n\n${body}\n`;

const TABS = [
  '<Tabs syncKey="platform">',
  '<Tab label="iOS">',
  "",
  "## Install on iOS",
  "",
  "Open the App Store and search for Acme.",
  "",
  "</Tab>",
  '<Tab label="Android">',
  "",
  "## Install on Android",
  "",
  "Open Google Play and search for Acme.",
  "",
  "</Tab>",
  "</Tabs>",
  "",
  "<Steps>",
  "",
  "1. ### Sign in",
  "   Use your work address.",
  "2. Open [the other card](other.mdx#install-on-android).",
  "",
  "</Steps>",
  "",
  '<Snippet name="contact" />',
].join("\n");

function build(files: Record<string, string>) {
  const root = makeProject(files);
  const project = loadProject({ cwd: root, root, today: "2030-01-01" });
  const sites = prepareSites(project, ["public", "internal"], { history: { available: false, reason: "test" } });
  const html = (site: "public" | "internal", id: string) => sites.get(site)!.cards.find((c) => c.id === id)?.html;
  return { project, html };
}

describe("rich cards on the sites", () => {
  it("headings inside Tabs and Steps get the ids lint computed, and every tab's text is in the HTML (search indexes it)", () => {
    const { project, html } = build({
      "content/help/tabs.mdx": card("external", TABS),
      "content/help/other.mdx": card("external", TABS),
      "content/_snippets/contact.md": snippet("external", "Write to [support](mailto:help@acme.test)."),
    });
    const loaded = project.cards.find((c) => c.id === "help/tabs")!;
    const page = html("public", "help/tabs")!;
    const ids = [...page.matchAll(/<h[1-6] id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(loaded.headings.map((h) => h.id));
    expect(ids).toEqual(["install-on-ios", "install-on-android", "sign-in"]);
    expect(page).toContain("Open the App Store and search for Acme.");
    expect(page).toContain("Open Google Play and search for Acme.");
    expect(page).toMatch(/<div class="steps"><ol>/);
    expect(page).toContain('href="../other/#install-on-android"');
    expect(page).toContain('Write to <a href="mailto:help@acme.test">support</a>.');
  });

  it("the wiki page of a card shows its companion's tabs with ids of their own, so each tab list controls its own panels", () => {
    const tabs = '<Tabs>\n<Tab label="Web">Web steps.</Tab>\n<Tab label="Phone">Phone steps.</Tab>\n</Tabs>';
    const withCompanion = (audience: string, companion: string) => card(audience, tabs).replace("---\n\n", `companion: ${companion}\n---\n\n`);
    const root = makeProject({ "content/help/pay.mdx": withCompanion("external", "help/pay-notes"), "content/help/pay-notes.mdx": withCompanion("internal", "help/pay") });
    const project = loadProject({ cwd: root, root, today: "2030-01-01" });
    const view = prepareSites(project, ["internal"], { history: { available: false, reason: "test" } }).get("internal")!.cards.find((c) => c.id === "help/pay")!;
    const ids = (html: string) => [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
    const own = ids(view.html);
    const companion = ids(view.companion!.html!);
    expect(own.length).toBeGreaterThan(0);
    expect(companion.length).toBe(own.length);
    expect(own.filter((id) => companion.includes(id))).toEqual([]);
    for (const html of [view.html, view.companion!.html!]) {
      const page = ids(html);
      for (const m of html.matchAll(/aria-(?:controls|labelledby)="([^"]+)"/g)) expect(page).toContain(m[1]);
    }
  });

  it("a companion from another collection keeps its links and its ids on the wiki page of the card it accompanies", () => {
    const withCompanion = (audience: string, companion: string, body: string) => card(audience, body).replace("---\n\n", `companion: ${companion}\n---\n\n`);
    const root = makeProject({
      "content/help/pay.md": withCompanion("external", "notes/pay", "## Steps\n\nPay.[^1]\n\n[^1]: Public note."),
      "content/notes/pay.md": withCompanion("internal", "help/pay", "## Steps\n\nSee [the steps](#steps), [the refunds notes](refunds.md) and [these notes](pay.md).[^1]\n\n[^1]: Agent note."),
      "content/notes/refunds.md": card("internal", "Refunds."),
    });
    const project = loadProject({ cwd: root, root, today: "2030-01-01" });
    const view = prepareSites(project, ["internal"], { history: { available: false, reason: "test" } }).get("internal")!.cards.find((c) => c.id === "help/pay")!;
    const ids = (html: string) => [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
    const companion = view.companion!.html!;
    expect(ids(view.html).filter((id) => ids(companion).includes(id))).toEqual([]);
    // Every fragment link of the companion names an id of the companion; its card links resolve from the page /help/pay/.
    for (const m of companion.matchAll(/href="#([^"]+)"/g)) expect(ids(companion)).toContain(m[1]);
    expect(companion).toContain('href="../../notes/refunds/"');
    expect(companion).toContain('href="../../notes/pay/"');
  });

  it("a Markdown card includes a snippet with ::snippet{name}, its relative links rebased to the card", () => {
    const { html } = build({
      "content/help/a.md": card("external", 'Intro.\n\n::snippet{name="contact"}\n\nEnd.'),
      "content/help/b.md": card("external", "Target."),
      "content/_snippets/contact.md": snippet("external", "See [the B card](../help/b.md) or call us."),
    });
    const page = html("public", "help/a")!;
    expect(page).toContain('See <a href="../b/">the B card</a> or call us.');
    expect(page).not.toContain("::snippet");
  });

  it("only a Markdown paragraph includes a snippet: the same words in a raw HTML <p>, which lint does not read as an include, stay text", () => {
    const { html } = build({
      "content/help/a.md": card("external", '<p>::snippet{name="contact"}</p>\n\n<div>\n<p>::snippet{name="contact"}</p>\n</div>'),
      "content/_snippets/contact.md": snippet("external", "Call us at extension 4242. ![Map](../wiki/map.png)"),
    });
    for (const site of ["public", "internal"] as const) {
      expect(html(site, "help/a")).not.toContain("4242");
      expect(html(site, "help/a")).toContain("<p>::snippet{name=\"contact\"}</p>");
    }
  });

  it("an internal snippet never reaches the public site, even when lint is ignored; the wiki shows it in internal cards", () => {
    const { html } = build({
      "content/help/pub.md": card("external", 'Intro.\n\n::snippet{name="escalation"}'),
      "content/help/wiki.md": card("internal", 'Intro.\n\n::snippet{name="escalation"}'),
      "content/_snippets/escalation.md": snippet(undefined, "Page the on-call lead at extension 4242."),
    });
    expect(html("public", "help/pub")).not.toContain("4242");
    expect(html("internal", "help/pub")).not.toContain("4242");
    expect(html("internal", "help/wiki")).toContain("Page the on-call lead at extension 4242.");
  });
});

async function lint(files: Record<string, string>) {
  const dir = makeProject(files);
  const result = await lintJson(dir, ["--today", "2026-11-22"]);
  return { code: result.code, messages: flatMessages(result.results, dir) };
}

describe("snippets in lint", () => {
  it("an internal snippet in an external card is an error at the include line (Markdown and MDX)", async () => {
    const { code, messages } = await lint({
      "content/help/pub.md": card("external", 'Intro.\n\n::snippet{name="escalation"}'),
      "content/help/pub2.mdx": card("external", 'Intro.\n\n<Snippet name="escalation" />'),
      "content/help/wiki.md": card("internal", '::snippet{name="escalation"}'),
      "content/_snippets/escalation.md": snippet("internal", "Page the on-call lead."),
    });
    expect(code).toBe(1);
    const hits = messages.filter((m) => m.ruleId === "snippet-audience").map((m) => [m.file, m.line, m.column]);
    expect(hits).toEqual([
      ["content/help/pub.md", 10, 1],
      ["content/help/pub2.mdx", 10, 1],
    ]);
    expect(messages.find((m) => m.ruleId === "snippet-audience")!.message).toMatch(/internal snippet "escalation" \(content\/_snippets\/escalation.md\)/);
  });

  it("a missing snippet, and a snippet's broken or internal links, are reported at the include line", async () => {
    const { messages } = await lint({
      "content/help/a.md": card("external", '::snippet{name="nope"}\n\n::snippet{name="links"}'),
      "content/help/secret.md": card("internal", "Secret."),
      "content/_snippets/links.md": snippet("external", "See [secret](../help/secret.md) and [gone](../help/gone.md)."),
    });
    const at = (rule: string) => messages.filter((m) => m.ruleId === rule).map((m) => [m.line, m.message]);
    expect(at("snippet-missing")).toEqual([
      [8, expect.stringMatching(/no snippet "nope".*Snippets: links/)],
      [10, expect.stringMatching(/content\/_snippets\/links.md:7 has a broken link to \.\.\/help\/gone.md/)],
    ]);
    expect(at("snippet-audience")).toEqual([[10, expect.stringMatching(/links.md:7 .*links to content\/help\/secret.md, which is internal/)]]);
  });

  it("an expired snippet, or one without an owner, is an error at its line listing the cards that use it", async () => {
    const { messages } = await lint({
      "content/help/a.md": card("internal", '::snippet{name="old"}'),
      "content/help/b.mdx": card("internal", '<Snippet name="old" />'),
      "content/_snippets/old.md": "---\nowner: \"@acme/support\"\nverify_by: 2026-01-31\n---\n\nOld text.\n",
      "content/_snippets/orphan.md": "---\nverify_by: 2099-01-01\n---\n\nNobody owns this.\n",
    });
    const hits = messages.filter((m) => m.ruleId === "snippet-verify-by").map((m) => [m.file, m.line, m.message]);
    expect(hits).toEqual([
      ["content/_snippets/old.md", 3, expect.stringMatching(/verify_by \(2026-01-31\) passed 295 day\(s\) ago: @acme\/support must re-check it.*Used in: content\/help\/a.md, content\/help\/b.mdx\./)],
      ["content/_snippets/orphan.md", 1, expect.stringMatching(/no owner.*No card uses it\./)],
    ]);
  });
});
