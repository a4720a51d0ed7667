/** GitHub alerts as callouts (src/core/site/callouts.ts) and <details> kept, after the sanitizer. */
import { toHtml } from "hast-util-to-html";
import { describe, expect, it } from "vitest";
import { parseMarkdown, type MarkdownFormat } from "../../src/core/cards/markdown.ts";
import { cardHtml, reportCardHtml } from "../../src/core/site/card-html.ts";

const FRONT = "---\ntitle: T\n---\n";

function render(body: string, format: MarkdownFormat = "md"): string {
  const source = FRONT + body;
  return toHtml(cardHtml({ source, format, tree: parseMarkdown(source, format) }).tree);
}

describe("GitHub alerts", () => {
  for (const [marker, title] of [
    ["NOTE", "Note"],
    ["TIP", "Tip"],
    ["IMPORTANT", "Important"],
    ["WARNING", "Warning"],
    ["caution", "Caution"],
  ] as const) {
    it(`> [!${marker}] becomes a labelled note region with a title`, () => {
      const html = render(`> [!${marker}]\n> Back up **first**.\n`);
      const type = title.toLowerCase();
      expect(html).toContain(`<div class="callout callout-${type}" role="note" aria-label="${title}">`);
      expect(html).toContain(`<p class="callout-title" aria-hidden="true"><span class="callout-icon" aria-hidden="true"></span>${title}</p>`);
      expect(html).toContain("Back up <strong>first</strong>.");
      expect(html).not.toContain("[!");
      expect(html).not.toContain("<blockquote");
    });
  }

  it("keeps several paragraphs, lists and links of the alert", () => {
    const html = render("> [!TIP]\n> One.\n>\n> - a\n> - [b](https://example.com/)\n");
    expect(html).toMatch(/<div class="callout callout-tip"[^>]*>[\s\S]*<p>One.<\/p>[\s\S]*<li><a href="https:\/\/example.com\/">b<\/a><\/li>[\s\S]*<\/div>/);
  });

  it("is not an alert when the marker is not alone on the first line, unknown, or has no text (as on GitHub)", () => {
    expect(render("> [!NOTE] same line\n")).toContain("<blockquote>");
    expect(render("> [!DANGER]\n> text\n")).toContain("<blockquote>");
    expect(render("> [!NOTE]\n")).toContain("<blockquote>");
    expect(render("> Text [!NOTE]\n> more\n")).toContain("<blockquote>");
  });

  it("works inside lists and in MDX cards", () => {
    expect(render("- item\n\n  > [!WARNING]\n  > Careful.\n")).toContain('class="callout callout-warning"');
    expect(render("> [!NOTE]\n> In MDX.\n", "mdx")).toContain('class="callout callout-note"');
  });

  it("sanitizes the alert's content like any Markdown", () => {
    const html = render('> [!WARNING]\n> <img src="x.png" onerror="alert(1)"> <a href="javascript:alert(1)">x</a>\n');
    expect(html).toContain('class="callout callout-warning"');
    expect(html).not.toMatch(/onerror|javascript:/i);
  });

  it("an author cannot write callout markup: class and role are removed, reported by lint", () => {
    const body = '<div class="callout callout-warning" role="note" aria-label="Warning">Fake</div>\n';
    const html = render(body);
    expect(html).not.toContain("callout");
    expect(html).not.toContain('role="note"');
    const source = FRONT + body;
    const { removed } = reportCardHtml({ source, format: "md", tree: parseMarkdown(source, "md") });
    expect(removed.map((r) => r.attribute)).toContain("class");
  });

  it("lint reports nothing removed for an alert (the callout is made after the sanitizer's report)", () => {
    const source = FRONT + "> [!NOTE]\n> Text with <kbd>Ctrl</kbd>.\n";
    const { removed } = reportCardHtml({ source, format: "md", tree: parseMarkdown(source, "md") });
    expect(removed).toEqual([]);
  });
});

describe("<details><summary>", () => {
  it("is kept with its Markdown content, and loses handlers", () => {
    const html = render("<details ontoggle=alert(1)>\n<summary>Can I get a refund?</summary>\n\nYes, **within 30 days**.\n\n</details>\n");
    expect(html).toContain("<details>");
    expect(html).toContain("<summary>Can I get a refund?</summary>");
    expect(html).toContain("<strong>within 30 days</strong>");
    expect(html).not.toContain("ontoggle");
  });
});
