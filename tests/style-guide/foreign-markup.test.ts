/**
 * `foreign-markup`: cards pasted from other writing tools (Obsidian, Notion, Docusaurus, MkDocs,
 * GitBook, Hugo, Zendesk Guide, Confluence, Pandoc) keep markup that Markdown does not have, and the
 * sites would show it as typed. Each case here is written as those tools write it.
 */
import { describe, expect, it } from "vitest";
import { foreignMarkup } from "../../src/core/style/builtin/foreign-markup.ts";
import { runRule } from "./builtin-context.ts";

const card = (body: string): string => `---\ntitle: Pasted card\nowner: "@lumen/docs"\naudience: external\nverify_by: 2027-05-14\n---\n\n${body}\n`;
const find = (body: string) => runRule(foreignMarkup, card(body)).map((f) => ({ line: f.line, column: f.column, message: f.message }));

describe("foreign-markup", () => {
  it("reports wiki links and embeds (Obsidian, Notion, Roam) with the Markdown that replaces them", () => {
    const findings = find("See [[Manage seats]] and [[billing/refunds|the refund policy]].\n\n![[diagram.png]]");
    expect(findings.map((f) => [f.line, f.column])).toEqual([
      [8, 5],
      [8, 26],
      [10, 1],
    ]);
    expect(findings[0]!.message).toContain('"[[Manage seats]]" is a wiki link');
    expect(findings[0]!.message).toContain("[Manage seats](../collection/card.md)");
    expect(findings[1]!.message).toContain("[the refund policy](");
    expect(findings[2]!.message).toContain("wiki embed");
    expect(findings[2]!.message).toContain("![What the image shows](diagram.png)");
  });

  it("reports admonition fences of Docusaurus, VuePress, Pandoc and MkDocs, with the callout to write", () => {
    const findings = find(":::tip\nSave often.\n:::\n\n::: danger Careful\nText.\n:::\n\n::: {.note}\nText.\n:::\n\n!!! warning \"Heads up\"\n    Indented body.\n\n???+ note\n    Collapsible.");
    expect(findings.map((f) => f.line)).toEqual([8, 12, 16, 20, 23]);
    expect(findings[0]!.message).toContain('":::tip" opens an admonition of Docusaurus or VuePress');
    expect(findings[0]!.message).toContain("> [!TIP]");
    expect(findings[1]!.message).toContain("> [!CAUTION]");
    expect(findings[2]!.message).toContain("> [!NOTE]");
    expect(findings[3]!.message).toContain('"!!! warning" opens an admonition of MkDocs');
    expect(findings[3]!.message).toContain("> [!WARNING]");
    expect(findings[4]!.message).toContain("MkDocs");
  });

  it("reads fences inside block quotes and list items, and in the middle of a paragraph", () => {
    expect(find("> :::note\n> Quoted.\n> :::").map((f) => f.line)).toEqual([8]);
    expect(find("- :::info\n  In a list.\n  :::").map((f) => f.line)).toEqual([8]);
    expect(find("Some text\n:::warning\nmore text").map((f) => f.line)).toEqual([9]);
  });

  it("reports template tags, shortcodes and placeholders (GitBook, Jekyll, Hugo, Zendesk Guide)", () => {
    const findings = find('{% hint style="warning" %}\nGitBook hint\n{% endhint %}\n\n{{< note >}}\nHugo note\n{{< /note >}}\n\nHello {{ticket.requester.first_name}}, see {{dc.refund_policy}}.\n\n{{% include "x.md" %}}');
    const messages = findings.map((f) => f.message);
    expect(findings.map((f) => f.line)).toEqual([8, 10, 12, 14, 16, 16, 18]);
    expect(messages[0]).toContain('"{% hint style="warning" %}" is a template tag');
    expect(messages[0]).toContain("> [!WARNING]");
    expect(messages[1]).toContain('"{% endhint %}"');
    expect(messages[1]).toContain("Remove it with the tag it closes.");
    expect(messages[3]).toContain("Remove it with the tag it closes.");
    expect(messages[2]).toContain("Hugo shortcode");
    expect(messages[2]).toContain("> [!NOTE]");
    expect(messages[4]).toContain('"{{ticket.requester.first_name}}" is a template placeholder');
    expect(messages[5]).toContain("{{dc.refund_policy}}");
    expect(messages[4]).toContain("::snippet{name=");
    expect(messages[6]).toContain("Hugo shortcode");
  });

  it("reports Confluence storage tags once per block, and heading attributes", () => {
    const findings = find('<ac:structured-macro ac:name="info"> text </ac:structured-macro>\n\n## Set up billing {#billing-setup}\n\n## Keep this {: .highlight}\n\nA paragraph.\n{: .note}');
    expect(findings.map((f) => [f.line, f.message.slice(0, 30)])).toEqual([
      [8, '"<ac:structured-macro" is Conf'],
      [10, '"{#billing-setup}" sets a head'],
      [12, '"{: .highlight}" is a kramdown'],
      [15, '"{: .note}" is a kramdown attr'],
    ]);
    expect(findings[1]!.column).toBe(19);
  });

  it("reports Jira's and Confluence's wiki markup and MediaWiki headings, alone on their lines", () => {
    const findings = find("h2. Set up billing\n\n{code:java}\nint x = 1;\n{code}\n\n{info}\nRead this.\n{info}\n\n{quote}\nSaid.\n{quote}\n\n== Set up billing ==\n\n=== Details ===");
    expect(findings.map((f) => f.line)).toEqual([8, 10, 12, 14, 16, 18, 20, 22, 24]);
    expect(findings[0]!.message).toContain('"h2." starts a heading in Jira\'s and Confluence\'s wiki markup');
    expect(findings[0]!.message).toContain("Write a Markdown heading: ## and the text.");
    expect(findings[1]!.message).toContain('"{code:java}" is a macro');
    expect(findings[1]!.message).toContain("fenced code block");
    expect(findings[3]!.message).toContain("> [!NOTE]");
    expect(findings[5]!.message).toContain("block quote (>)");
    expect(findings[7]!.message).toContain('"== Set up billing ==" is a heading in MediaWiki');
    expect(findings[8]!.message).toContain("### and the text.");
    expect(find("h2 is the size. Use {code} for the code you got, and {info} in text.\n{code} is a placeholder here.\n\nIf a == b == c, == alone, or == not closed.")).toEqual([]);
  });

  it("leaves code, inline code, HTML, link addresses and escaped brackets alone", () => {
    expect(find("Type `[[name]]` or `{{dc.x}}` in the field.")).toEqual([]);
    expect(find("```liquid\n{% if user %}\n{{ user.name }}\n{% endif %}\n```")).toEqual([]);
    expect(find("    :::tip\n    indented code")).toEqual([]);
    expect(find("<!-- {{dc.hidden}} [[x]] -->")).toEqual([]);
    expect(find("[a page](https://example.com/?q={{x}})")).toEqual([]);
    expect(find("Write \\[\\[Page\\]\\] to link in the old wiki.")).toEqual([]);
    expect(find("::snippet{name=\"contact\"}")).toEqual([]);
    expect(find("A ratio 3:::4 and the word ::: alone, {braces} and {#not-a-heading} in a paragraph, a [link] and [[ ]].")).toEqual([]);
  });

  // A pattern that backtracks would not end within the test's time limit here.
  it("ends on a long line of brackets and braces", () => {
    expect(find("[[".repeat(50_000) + "{{".repeat(50_000) + "{%".repeat(50_000) + "{:".repeat(50_000))).toEqual([]);
  });
});
