/** JSON-LD text cannot end its script element or carry markup, whatever a card's title says. */
import { describe, expect, it } from "vitest";
import { cardStructuredData, faqEntries, jsonLd } from "../../src/build/structured-data.ts";
import type { Card } from "../../src/core/cards/load.ts";
import { parseMarkdown } from "../../src/core/cards/markdown.ts";

describe("jsonLd", () => {
  it("escapes every < so a title cannot close the script element", () => {
    const text = jsonLd(
      cardStructuredData({
        siteTitle: "Help",
        siteUrl: "https://help.example/",
        homeUrl: "https://help.example/",
        pageUrl: "https://help.example/a/b/",
        collectionTitle: "A",
        collectionUrl: "https://help.example/a/",
        title: "</script><script>alert(1)</script>",
        description: "<!-- x --> \u2028",
        lang: "en",
        dateModified: "2026-01-01",
        imageUrl: "https://help.example/og-image.png",
        faq: [{ question: "Why </script>?", answer: "Because." }],
      }),
    );
    expect(text).not.toContain("<");
    expect(text).not.toContain("\u2028");
    const graph = (JSON.parse(text) as { "@graph": { "@type": string; headline?: string }[] })["@graph"];
    expect(graph.find((t) => t["@type"] === "Article")!.headline).toBe("</script><script>alert(1)</script>");
    expect(graph.map((t) => t["@type"])).toEqual(["Article", "BreadcrumbList", "FAQPage"]);
  });
});

describe("faqEntries", () => {
  it("answers with the text the page shows, never what its HTML hides", () => {
    const source = "---\ntitle: FAQ\n---\n## Can I pay later?\n\nYes <script>ops PIN 4711</script> always.[^1]\n\n[^1]: Shown note.\n\n[^ops]: Ops only 4711.\n\n## <template>Secret 4711</template>\n\nAnswer\n";
    const entries = faqEntries({ tree: parseMarkdown(source) } as unknown as Card);
    expect(JSON.stringify(entries)).not.toContain("4711");
    expect(entries[0]).toEqual({ question: "Can I pay later?", answer: expect.stringContaining("Yes always.") });
  });
});
