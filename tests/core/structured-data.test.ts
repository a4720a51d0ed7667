/** JSON-LD text cannot end its script element or carry markup, whatever a card's title says. */
import { describe, expect, it } from "vitest";
import { cardStructuredData, jsonLd } from "../../src/build/structured-data.ts";

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
