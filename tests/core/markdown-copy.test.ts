/** The Markdown copy of a card: only what the site may show, the author's formatting kept. */
import { afterAll, describe, expect, it } from "vitest";
import { isOnSite, type SiteName } from "../../src/core/site/audience.ts";
import { loadProject } from "../../src/core/project/project.ts";
import { markdownCopy } from "../../src/core/site/markdown-copy.ts";
import { makeProject, removeTemps } from "../helpers.ts";

afterAll(removeTemps);

const head = (audience: string, title: string) => `---\ntitle: ${title}\nowner: "@acme/x"\naudience: ${audience}\nverify_by: 2030-01-01\n---\n`;

function copies(body: string, format: "md" | "mdx" = "md") {
  const root = makeProject({
    [`content/help/guide.${format}`]: head("external", "Guide") + body,
    "content/help/secret-runbook.md": head("internal", "Secret runbook") + "\n## PIN 4711\n",
    "content/help/public-page.md": head("external", "Public page") + "\nHello.\n",
    "content/help/shot.png": new Uint8Array([137, 80, 78, 71]),
  });
  const project = loadProject({ cwd: root, root, today: "2029-01-01" });
  const card = project.cards.find((c) => c.id === "help/guide")!;
  const on = (site: SiteName) =>
    markdownCopy(card, { index: project.index, isOnSite: (c) => isOnSite(c, site), urlOf: (c) => `https://${site}.example${c.url}` });
  return { public: on("public"), internal: on("internal") };
}

describe("markdownCopy", () => {
  it("drops the frontmatter and HTML comments, keeps the prose as written", () => {
    const out = copies("\nIntro with *emphasis*.\n\n<!-- internal note: PIN 4711 -->\n\n- one\n- two\n");
    expect(out.public).toBe("Intro with *emphasis*.\n\n- one\n- two\n");
    expect(out.public).not.toContain("4711");
  });

  it("turns links to cards the site lacks into text, and site links into absolute URLs", () => {
    const body = "\nSee [the runbook](secret-runbook.md#pin-4711) and [the page](public-page.md).\n\nAlso <https://wiki.example.internal/help/secret-runbook/>.\n";
    const out = copies(body);
    expect(out.public).toContain("See the runbook and [the page](https://public.example/help/public-page/).");
    expect(out.public).not.toContain("secret-runbook");
    expect(out.internal).toContain("[the runbook](https://internal.example/help/secret-runbook/#pin-4711)");
  });

  it("drops the text of a link to a card the site lacks when that text is the address, in any case and as a reference, as the page does", () => {
    const body = "\nSee [Secret-Runbook.md](secret-runbook.md), [secret-runbook.md][r] and [the runbook][r].\n\n[r]: secret-runbook.md\n";
    const out = copies(body);
    expect(out.public).not.toMatch(/secret-runbook/i);
    expect(out.internal).toContain("[Secret-Runbook.md](https://internal.example/help/secret-runbook/)");
  });

  it("replaces local images with their alt text and keeps remote ones", () => {
    const out = copies("\n![The refund button](shot.png) and ![logo](https://cdn.example/logo.png)\n");
    expect(out.public).toBe("The refund button and ![logo](https://cdn.example/logo.png)\n");
  });

  it("replaces an image by reference with its alt text as an image is, when its definition is a card the site lacks or a local file: never the reference and its label", () => {
    const body = "\nA diagram ![the diagram][Secret runbook], ![shot][s] and ![Secret runbook][] and ![logo][l].\n\n[Secret runbook]: secret-runbook.md\n[s]: shot.png\n[l]: https://cdn.example/l.png\n";
    const out = copies(body);
    // The page shows "the diagram", "shot" and an alt the author wrote as the label: the copy says the same.
    expect(out.public).toBe("A diagram the diagram, shot and Secret runbook and ![logo][l].\n\n[l]: https://cdn.example/l.png\n");
    expect(out.internal).toContain("A diagram the diagram, shot and Secret runbook and ![logo][l].");
    expect(out.internal).not.toContain("][Secret runbook]");
  });

  it("removes raw HTML and MDX code but keeps the text inside components", () => {
    const out = copies('\nimport X from "./x.js"\n\n<Callout type="warning">\n\nMind the **fee**.\n\n</Callout>\n\nTotal: {1 + 1}\n', "mdx");
    expect(out.public).not.toContain("import");
    expect(out.public).not.toContain("Callout");
    expect(out.public).toContain("Mind the **fee**.");
    expect(out.public).not.toContain("{1 + 1}");
  });

  it("leaves out link definitions that nothing references, as the HTML does", () => {
    const body = '\nSee [the docs][docs].\n\n[docs]: https://docs.example/a\n[vault]: https://vault.corp.example/token?k=4711 "ops only"\n[Old Ref]: secret-runbook.md\n';
    const out = copies(body);
    expect(out.public).toContain("[docs]: https://docs.example/a");
    expect(out.public).not.toContain("vault");
    expect(out.public).not.toContain("4711");
    expect(out.internal).not.toContain("vault");
    expect(out.internal).not.toContain("Old Ref");
  });

  it("keeps a definition that a reference uses under another case", () => {
    const out = copies("\nSee ![Logo][LOGO] and [page][Page].\n\n[logo]: https://cdn.example/l.png\n[page]: public-page.md\n");
    expect(out.public).toContain("[logo]: https://cdn.example/l.png");
    expect(out.public).toContain("[page]: https://public.example/help/public-page/");
  });

  it("leaves out footnotes nothing shown references and second definitions of a name, as the HTML does", () => {
    const body = '\nSee [docs] and a note.[^1]\n\n[docs]: https://docs.example/a\n[docs]: https://vault.corp.example/4711\n\n[^1]: Shown note.[^2]\n[^1]: Second note 4711.\n\n[^2]: Nested note.\n\n[^ops]: Ops only: PIN 4711[^x]\n\n[^x]: Only from ops 4711.\n';
    const out = copies(body);
    expect(out.public).toContain("[docs]: https://docs.example/a");
    expect(out.public).toContain("[^1]: Shown note.[^2]");
    expect(out.public).toContain("[^2]: Nested note.");
    expect(out.public).not.toContain("4711");
  });

  it("leaves out the text raw HTML hides: script, style and template content", () => {
    const out = copies("\nHello <script>PIN 4711</script> there <STYLE type=x>.a{content:'4711'}</STYLE >.\n\nA <template>\n4711 swallowed\n\nStill 4711\n\n</template> back.\n\nAfter.\n");
    expect(out.public).not.toContain("4711");
    expect(out.public).toContain("Hello  there .");
    expect(out.public).toContain("After.");
  });

  it("leaves out MDX script and style elements and the children a component does not show", () => {
    const body = '\n<script>PIN 4711</script>\n\nA <style>{"4711"}</style> b.\n\n<Snippet name="none">Draft 4711</Snippet>\n\n<Badge text="New">Old 4711</Badge>\n\n<Badge>Shown badge</Badge>\n';
    const out = copies(body, "mdx");
    expect(out.public).not.toContain("4711");
    expect(out.public).toContain("Shown badge");
  });

  it("leaves out what an iframe, a video or an audio element holds: fallback no browser shows, removed with the element when its source is not allowed", () => {
    const body = "\nCustomers see this.\n\n<iframe>\n\nAgent note 4711 hidden.\n\n</iframe>\n\n<video src=\"https://evil.test/v.mp4\">\n\nVideo 4711 fallback\n\n</video>\n\nInline <audio src=\"a.mp3\">audio 4711</audio> end.\n\nAfter.\n";
    const out = copies(body);
    expect(out.public).not.toContain("4711");
    expect(out.internal).not.toContain("4711");
    expect(out.public).toContain("Customers see this.");
    expect(out.public).toContain("Inline  end.");
    expect(out.public).toContain("After.");
    const mdx = copies('\nSeen.\n\n<iframe>\n\nMDX 4711 inside\n\n</iframe>\n\n<video src="https://evil.test/v.mp4">Fallback 4711</video>\n\nAfter.\n', "mdx");
    expect(mdx.public).not.toContain("4711");
    expect(mdx.public).toContain("After.");
  });

  it("leaves out a snippet directive: the page shows the snippet there or nothing, never the reference and its name", () => {
    const out = copies('\nBefore.\n\n::snippet{name="escalation-contacts-4711"}\n\nAfter.\n');
    expect(out.public).not.toContain("4711");
    expect(out.internal).not.toContain("4711");
    expect(out.public).toContain("Before.");
    expect(out.public).toContain("After.");
    // Text that only mentions the syntax inside a sentence is prose, and stays.
    expect(copies('\nWrite ::snippet{name="x"} on a line of its own.\n').public).toContain('::snippet{name="x"}');
  });

  it("handles deeply nested content without recursion limits", () => {
    const out = copies(`\n${">".repeat(3000)} deep\n`);
    expect(out.public).toContain("deep");
  });
});
