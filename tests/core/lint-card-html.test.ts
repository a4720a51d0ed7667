/** `html-removed`, `remote-resource` and `remote-resource-wiki` in `verity lint`, each with its own project. */
import { afterAll, describe, expect, it } from "vitest";
import { flatMessages, lintJson, makeProject, removeTemps } from "../helpers.ts";
import { reportCardHtml } from "../../src/core/site/card-html.ts";
import { parseMarkdown } from "../../src/core/cards/markdown.ts";

afterAll(removeTemps);

const card = (audience: string, body: string) =>
  `---\ntitle: A card\nowner: "@acme/team"\naudience: ${audience}\nverify_by: 2099-01-01\n---\n\n${body}\n`;

async function lint(files: Record<string, string>) {
  const dir = makeProject(files);
  const result = await lintJson(dir, ["--today", "2026-11-22"]);
  return { code: result.code, messages: flatMessages(result.results, dir) };
}

describe("html-removed", () => {
  it("reports each removed element, handler and URL at its line, with what to do", async () => {
    const { code, messages } = await lint({
      "content/help/attack.md": card(
        "external",
        "Intro.\n\n<script>window.__xss = 1</script>\n\n<img src=\"a.png\" onerror=\"alert(1)\">\n\n[Click](JaVaScRiPt:alert(1))\n\n<details open ontoggle=\"alert(1)\">\n<summary>More</summary>\n\nText\n\n</details>\n\n<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>\n",
      ),
      "content/help/fine.md": card("external", "<!-- a guidance comment -->\n\n<details>\n<summary>More</summary>\n\nText with <kbd>Ctrl</kbd>.\n\n</details>\n"),
    });
    expect(code).toBe(1);
    const hits = messages.filter((m) => m.ruleId === "html-removed");
    expect(hits.map((m) => [m.file, m.line])).toEqual([
      ["content/help/attack.md", 10],
      ["content/help/attack.md", 12],
      ["content/help/attack.md", 14],
      ["content/help/attack.md", 16],
      ["content/help/attack.md", 23],
    ]);
    expect(hits[0]!.message).toMatch(/<script>.*cannot run scripts/);
    expect(hits[1]!.message).toMatch(/onerror/);
    expect(hits[2]!.message).toMatch(/JaVaScRiPt:alert\(1\).*removed/);
    expect(hits[3]!.message).toMatch(/ontoggle/);
    expect(hits[4]!.message).toMatch(/<iframe>/);
    expect(hits.every((m) => m.severity === 2)).toBe(true);
    expect(messages.filter((m) => m.file === "content/help/fine.md")).toEqual([]);
  });

  it("says when a removed link is an autolink, such as a Confluence tag pasted in, with or without other HTML in the card", () => {
    const messagesOf = (body: string) => {
      const source = card("external", body);
      return reportCardHtml({ source, format: "md", tree: parseMarkdown(source, "md") }).removed.map((r) => [r.line, r.message]);
    };
    const plain = messagesOf("Text <ac:rich-text-body> and [a link](ac:other).");
    expect(plain).toHaveLength(2);
    expect(plain[0]![1]).toMatch(/^<ac:rich-text-body> is read as a link to the URL "ac:rich-text-body" \(Markdown's autolink\).*Confluence's <ac:…>/);
    expect(plain[1]![1]).toMatch(/^The URL "ac:other" in href of <a> is removed/);
    const withHtml = messagesOf("<p>HTML</p>\n\nA <ri:page> tag.");
    expect(withHtml).toEqual([[10, expect.stringMatching(/^<ri:page> is read as a link to the URL "ri:page"/)]]);
  });

  it("reports an HTML comment that a blank line cuts off, whose text the sites would publish", async () => {
    const { code, messages } = await lint({
      "content/help/split.md": card("external", "Intro.\n\n<div>\n<!-- internal note\n\nEscalate to PIN 4711 first.\n\n-->\n</div>\n\n<!--\n\nA whole comment on its own lines is fine.\n\n-->\n\n<div><!-- closed --></div>\n"),
    });
    expect(code).toBe(1);
    const hits = messages.filter((m) => m.ruleId === "html-removed");
    expect(hits.map((m) => [m.file, m.line, m.column])).toEqual([["content/help/split.md", 11, 1]]);
    expect(hits[0]!.message).toMatch(/comment is not closed before the blank line.*published/);
  });

  it("looks for cut-off comments in linear time", () => {
    for (const body of ["<div>\n" + "<!---->".repeat(100_000) + "\n", "<div>\n" + "<!-- a -->".repeat(100_000) + "<!--\n\nx\n"]) {
      const started = performance.now();
      const { removed } = reportCardHtml({ source: body, format: "md", tree: parseMarkdown(body) });
      expect(performance.now() - started).toBeLessThan(10_000);
      expect(removed.length).toBe(body.endsWith("x\n") ? 1 : 0);
    }
  });

  it("checks MDX JSX elements and attributes like HTML", async () => {
    const { messages } = await lint({ "content/help/tips.mdx": card("internal", "<div onClick={() => alert(1)} style={{color: 'red'}}>Hi</div>\n") });
    expect(messages.filter((m) => m.ruleId === "html-removed").map((m) => m.message).join("\n")).toMatch(/onclick/);
  });

  it("can be set to a warning", async () => {
    const { code, messages } = await lint({ "verity.config.yml": "rules:\n  html-removed: warning\n", "content/help/a.md": card("internal", "<font>old</font>") });
    expect(messages.map((m) => [m.ruleId, m.severity])).toEqual([["html-removed", 1]]);
    expect(code).toBe(0);
  });
});

describe("remote-resource", () => {
  const body = "Look:\n\n![chart](https://cdn.other.test/chart.png)\n\n<iframe src=\"https://player.vimeo.com/video/1\"></iframe>\n";

  it("is an error for a public card and a warning for a wiki card, at the line", async () => {
    const { code, messages } = await lint({ "content/help/public.md": card("external", body), "content/help/wiki.md": card("internal", body) });
    expect(code).toBe(1);
    const remote = messages.filter((m) => m.ruleId.startsWith("remote-resource")).map((m) => [m.file, m.ruleId, m.severity, m.line]);
    expect(remote).toEqual([
      ["content/help/public.md", "remote-resource", 2, 10],
      ["content/help/public.md", "remote-resource", 2, 12],
      ["content/help/wiki.md", "remote-resource-wiki", 1, 10],
      ["content/help/wiki.md", "remote-resource-wiki", 1, 12],
    ]);
    const message = messages.find((m) => m.ruleId === "remote-resource")!.message;
    expect(message).toContain("https://cdn.other.test/chart.png");
    expect(message).toContain("sites.public.embeds");
  });

  it("accepts hosts in the site's allow-list, per site", async () => {
    const { code, messages } = await lint({
      "verity.config.yml": "sites:\n  public:\n    embeds: [player.vimeo.com]\n  internal:\n    embeds: [player.vimeo.com, \"*.other.test\"]\n",
      "content/help/public.md": card("external", body),
      "content/help/wiki.md": card("internal", body),
    });
    expect(messages.map((m) => [m.file, m.ruleId, m.line])).toEqual([["content/help/public.md", "remote-resource", 10]]);
    expect(code).toBe(1);
  });

  it("finds protocol-relative and backslash URLs too", async () => {
    const { messages } = await lint({ "content/help/p.md": card("external", "![a](//evil.test/a.png)\n\n<img src=\"\\\\evil.test\\b.png\">\n") });
    expect(messages.filter((m) => m.ruleId === "remote-resource").length).toBe(2);
  });

  it("rejects an embeds entry that is not a host name", async () => {
    const dir = makeProject({ "verity.config.yml": "sites:\n  public:\n    embeds: [\"https://player.vimeo.com/\"]\n", "content/help/a.md": card("external", "Hi") });
    const result = await lintJson(dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/verity\.config\.yml:3.*host name/);
  });
});
