/**
 * The Markdown parser copies a text node's text once per character reference in it: a card of
 * `&amp;` spread through one long paragraph made lint fail after some 20 s of swapping ("internal
 * error: Cannot create a string longer than 0x1fffffe8 characters"). Such a card gets a
 * markdown-syntax error at its text, at once, and every other card is still linted.
 */
import { afterAll, describe, expect, it } from "vitest";
import { exampleCard } from "../../src/core/lint/rule-model.ts";
import { parseMarkdown, MarkdownSyntaxError } from "../../src/core/cards/markdown.ts";
import { MAX_REFERENCE_COST, referenceRisk } from "../../src/core/cards/reference-guard.ts";
import { flatMessages, lintJson, makeProject, removeTemps } from "../helpers.ts";
import { BODY_LINE, lintStormCard } from "./storm-card.ts";

afterAll(removeTemps);

const storm = `Intro.\n\n${`&amp; ${"word ".repeat(90)}`.repeat(2000)}\n`;

describe("a card with many character references in one text", () => {
  it("is refused before the parser runs, at the text's line, and the other cards are linted", async () => {
    const storms = await lintStormCard(storm);
    expect(storms[0]!.line).toBe(BODY_LINE + 2);
    expect(storms[0]!.message).toMatch(/2,000 character references .* Write the characters themselves/);
  }, 120_000);

  it("parses as before when the same references are in separate paragraphs, list items or table cells", () => {
    const paragraphs = `&amp; ${"word ".repeat(90)}\n\n`.repeat(2000);
    const items = `- &amp; ${"word ".repeat(90)}\n`.repeat(2000);
    const cells = `| a |\n| --- |\n${`| &nbsp; ${"word ".repeat(90)} |\n`.repeat(2000)}`;
    for (const text of [paragraphs, items, cells]) {
      expect(() => parseMarkdown(text)).not.toThrow();
    }
    // Items and cells have no blank line between them: the first bound is passed, and each text node is measured.
    expect(referenceRisk(items, () => [[0, items.length]])).toBeDefined();
    expect(referenceRisk(cells, () => [[0, cells.length]])).toBeDefined();
    expect(parseMarkdown("Fish &amp; chips &#8212; &copy;\n").children).toHaveLength(1);
  });

  it("throws a syntax error with the place, for MDX too", () => {
    for (const format of ["md", "mdx"] as const) {
      let error: unknown;
      try {
        parseMarkdown(`# Title\n\n${`&amp; ${"word ".repeat(90)}`.repeat(2000)}\n`, format);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(MarkdownSyntaxError);
      expect((error as MarkdownSyntaxError).line).toBe(3);
      expect((error as MarkdownSyntaxError).column).toBe(1);
    }
    expect(MAX_REFERENCE_COST).toBeGreaterThan(100 * 20_000);
  });
});

describe("a snippet with many character references in one text", () => {
  it("is a problem of the snippet at its line, not an internal error of lint, and its text is shown nowhere", async () => {
    const { loadSnippets } = await import("../../src/core/cards/snippets.ts");
    const head = '---\nowner: "@acme/team"\naudience: external\nverify_by: 2099-01-01\n---\n';
    const dir = makeProject({
      "verity.config.yml": "minTrustScore: 0\n",
      "content/_snippets/storm.md": head + storm,
      "content/a/card.md": exampleCard({ audience: "external" }, 'Before.\n\n::snippet{name="storm"}\n'),
    });
    const { code, results, stderr } = await lintJson(dir, ["--today", "2027-01-01", "--no-cache"]);
    expect(stderr).not.toMatch(/internal error/);
    expect(code).toBe(1);
    const found = flatMessages(results, dir).filter((m) => m.file === "content/_snippets/storm.md");
    expect(found.map((m) => [m.ruleId, m.line])).toEqual([["snippet-verify-by", head.split("\n").length + 2]]);
    expect(found[0]!.message).toMatch(/2,000 character references/);
    // Its frontmatter is still read (an external snippet stays external: no snippet-audience error); its text is dropped.
    expect(flatMessages(results, dir).filter((m) => m.ruleId === "snippet-audience")).toEqual([]);
    const snippet = loadSnippets(`${dir}/content`).get("storm")!;
    expect(snippet.audience).toBe("external");
    expect(snippet.source).not.toContain("word");
  });
});

describe("a snippet file that is not clean UTF-8 text", () => {
  it.each([
    ["a NUL (git shows the file as binary, so its changes go unreviewed)", Buffer.from("Write to us.\u0000 Call 555 0100.\n", "utf8"), /invisible control character \(U\+0000\)/],
    ["bytes that are not UTF-8", Buffer.concat([Buffer.from("Write to us. "), Buffer.from([0xff, 0xfe]), Buffer.from(" Call 555 0100.\n")]), /not valid UTF-8/],
  ])("with %s is an error of the snippet, as for a card, and no page shows it", async (_name, body, message) => {
    const { loadSnippets } = await import("../../src/core/cards/snippets.ts");
    const head = '---\nowner: "@acme/team"\naudience: external\nverify_by: 2099-01-01\n---\n\n';
    const dir = makeProject({
      "verity.config.yml": "minTrustScore: 0\n",
      "content/_snippets/contact.md": Buffer.concat([Buffer.from(head), body]),
      "content/a/card.md": exampleCard({ audience: "external" }, 'Before.\n\n::snippet{name="contact"}\n'),
    });
    const { code, results } = await lintJson(dir, ["--today", "2027-01-01", "--no-cache"]);
    expect(code).toBe(1);
    const found = flatMessages(results, dir).filter((m) => m.file === "content/_snippets/contact.md");
    expect(found.map((m) => [m.ruleId, m.line])).toEqual([["snippet-verify-by", head.split("\n").length]]);
    expect(found[0]!.message).toMatch(message);
    const snippet = loadSnippets(`${dir}/content`).get("contact")!;
    expect(snippet.audience).toBe("external");
    expect(snippet.source).not.toContain("555");
  });
});
