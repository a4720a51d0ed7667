/**
 * A card's Markdown copy (the `.md` URLs, llms.txt, the MCP server) shows a snippet it includes where
 * the card's page shows it: an external snippet in any card, an internal one only in an internal card.
 * It left out every snippet, so an assistant reading a card got less than its page showed.
 */
import { afterAll, describe, expect, it } from "vitest";
import { isOnSite, type SiteName } from "../../src/core/site/audience.ts";
import { loadProject } from "../../src/core/project/project.ts";
import { markdownCopy } from "../../src/core/site/markdown-copy.ts";
import { shownSnippets } from "../../src/core/cards/snippets.ts";
import { makeProject, removeTemps } from "../helpers.ts";

afterAll(removeTemps);

const head = (audience: string, title: string) => `---\ntitle: ${title}\nowner: "@acme/x"\naudience: ${audience}\nverify_by: 2030-01-01\n---\n`;
const snippetHead = (audience: string) => `---\nowner: "@acme/x"\naudience: ${audience}\nverify_by: 2030-01-01\n---\n`;

function copiesOf(files: Record<string, string>, id: string) {
  const root = makeProject({
    "content/_snippets/contact.md": snippetHead("external") + "\nStill stuck? Read [the refund guide](../help/public-page.md) or write to us.\n",
    "content/_snippets/escalate.md": snippetHead("internal") + "\nPage the on-call lead, PIN 4711.\n",
    "content/help/public-page.md": head("external", "Public page") + "\nHello.\n",
    ...files,
  });
  const project = loadProject({ cwd: root, root, today: "2029-01-01" });
  const card = project.cards.find((c) => c.id === id)!;
  const on = (site: SiteName) =>
    markdownCopy(card, {
      index: project.index,
      isOnSite: (c) => isOnSite(c, site),
      urlOf: (c) => `https://${site}.example${c.url}`,
      snippet: shownSnippets(project.contentDir, project.index, isOnSite(card, "public")),
    });
  return { public: on("public"), internal: on("internal") };
}

describe("snippets in a card's Markdown copy", () => {
  it("shows an external snippet where the card includes it, its links resolved from the snippet's own folder", () => {
    const out = copiesOf({ "content/help/guide.md": head("external", "Guide") + '\nBefore.\n\n::snippet{name="contact"}\n\nAfter.\n' }, "help/guide");
    expect(out.public).toBe("Before.\n\nStill stuck? Read [the refund guide](https://public.example/help/public-page/) or write to us.\n\nAfter.\n");
    expect(out.public).not.toContain("::snippet");
  });

  it("never shows an internal snippet in a public card, on either site, and shows it in an internal card", () => {
    const shown = copiesOf(
      {
        "content/help/guide.md": head("external", "Guide") + '\nBefore.\n\n::snippet{name="escalate"}\n\nAfter.\n',
        "content/help/runbook.md": head("internal", "Runbook") + '\nBefore.\n\n::snippet{name="escalate"}\n',
      },
      "help/guide",
    );
    expect(shown.public).toBe("Before.\n\nAfter.\n");
    expect(shown.internal).not.toContain("4711");
    const internal = copiesOf({ "content/help/runbook.md": head("internal", "Runbook") + '\nBefore.\n\n::snippet{name="escalate"}\n' }, "help/runbook");
    expect(internal.internal).toBe("Before.\n\nPage the on-call lead, PIN 4711.\n");
  });

  it("reads MDX <Snippet name> as the page does, and neither words inside raw HTML nor an unknown name", () => {
    const mdx = copiesOf({ "content/help/guide.mdx": head("external", "Guide") + '\nBefore.\n\n<Snippet name="contact" />\n\nAfter.\n' }, "help/guide");
    expect(mdx.public).toContain("Still stuck? Read [the refund guide](https://public.example/help/public-page/)");
    // Inside raw HTML the words are no include (the page leaves them as text of raw HTML, which no copy has); a Markdown
    // paragraph between two HTML blocks is one, as on the page.
    const raw = copiesOf(
      { "content/help/guide.md": head("external", "Guide") + '\nBefore.\n\n<p>::snippet{name="contact"}</p>\n\n<div>\n\n::snippet{name="contact"}\n\n</div>\n\n::snippet{name="nothing-here"}\n\nAfter.\n' },
      "help/guide",
    );
    expect(raw.public).toBe("Before.\n\nStill stuck? Read [the refund guide](https://public.example/help/public-page/) or write to us.\n\nAfter.\n");
  });
});

describe("a snippet file that starts with a byte order mark", () => {
  it("is copied as the page shows it: the parser skips the mark, so every edit was one character early and showed a character of each hidden part", () => {
    const body = 'Still stuck? <!-- agents: PIN 4711 --> See [the secret](../help/secret.md).\n\n<template>\n\n*4*_7_*1*\n\n</template>\n';
    const files = (mark: string) => ({
      "content/_snippets/bom.md": `${mark}${snippetHead("external")}\n${body}`,
      "content/help/secret.md": head("internal", "Secret") + "\nHidden.\n",
      "content/help/guide.md": head("external", "Guide") + '\nBefore.\n\n::snippet{name="bom"}\n',
    });
    const plain = copiesOf(files(""), "help/guide").public;
    expect(plain).toBe("Before.\n\nStill stuck?  See the secret.\n\n**__**\n");
    expect(copiesOf(files("\uFEFF"), "help/guide").public).toBe(plain);
  });
});
