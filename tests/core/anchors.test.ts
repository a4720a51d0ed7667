/** Heading ids never take an id the card page itself uses, nor one the sanitizer gives author ids. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AUTHOR_ID_PREFIX, collectHeadings, PAGE_IDS } from "../../src/core/site/anchors.ts";
import { CLOBBER_PREFIX } from "../../src/core/site/card-html.ts";
import { parseMarkdown } from "../../src/core/cards/markdown.ts";

const ids = (source: string) => collectHeadings(parseMarkdown(source)).map((h) => h.id);

describe("heading ids", () => {
  it("never take text the page hides: script content in a heading, headings of unused footnotes or MDX snippets", () => {
    const md = collectHeadings(parseMarkdown("## Escalation <script>call ops PIN 4711</script> steps\n\n[^ops]:\n    ## Ops 4711\n"));
    expect(md.map((h) => [h.text, h.id])).toEqual([["Escalation  steps", "escalation--steps"]]);
    const mdx = collectHeadings(parseMarkdown('## Setup <script>PIN 4711</script>\n\n<Snippet name="x">\n\n## Draft 4711\n\n</Snippet>\n', "mdx"));
    expect(JSON.stringify(mdx)).not.toContain("4711");
  });

  it("skip the ids of the page around the card", () => {
    expect(ids("# Main\n\n## Related title\n\n## Companion title\n\n## Header search\n\n## Header search results\n")).toEqual([
      "main-1",
      "related-title-1",
      "companion-title-1",
      "header-search-1",
      "header-search-results-1",
    ]);
  });

  it("never start with the prefix of ids an author writes in HTML", () => {
    expect(ids("## User content fn 1\n\n## user-content-x\n\n## Users\n")).toEqual(["section-user-content-fn-1", "section-user-content-x", "users"]);
  });

  it("never take the ids Verity generates inside a card (tabs)", () => {
    expect(ids("## Verity tabs 0 tab 0\n\n## Verity\n")).toEqual(["section-verity-tabs-0-tab-0", "verity"]);
  });

  it("stay unique and stable for ordinary headings", () => {
    expect(ids("## Steps\n\n## Steps\n\n## Main steps\n")).toEqual(["steps", "steps-1", "main-steps"]);
  });

  it("use the prefix the sanitizer gives author ids", () => {
    expect(CLOBBER_PREFIX).toBe(AUTHOR_ID_PREFIX);
  });

  it("reserve every id the card page's layout writes", () => {
    const templates = ["src/layouts/Base.astro", "src/components/CardPage.astro", "src/components/SearchForm.astro"];
    for (const template of templates) {
      const literal = [...readFileSync(template, "utf8").matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]!);
      expect(literal, `${template} writes ids literally; use PAGE_IDS from src/core/site/anchors.ts`).toEqual([]);
    }
    expect(Object.values(PAGE_IDS)).toEqual(expect.arrayContaining(["main", "related-title", "companion-title", "header-search", "header-search-results"]));
  });
});
