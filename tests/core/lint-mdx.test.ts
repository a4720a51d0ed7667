/** `mdx-import`, `mdx-expression`, `mdx-component`, and links/HTML inside components, in `verity lint`. */
import { afterAll, describe, expect, it } from "vitest";
import { flatMessages, lintJson, makeProject, removeTemps } from "../helpers.ts";

afterAll(removeTemps);

// The body starts on line 8.
const card = (audience: string, body: string) =>
  `---\ntitle: A card\nowner: "@acme/team"\naudience: ${audience}\nverify_by: 2099-01-01\n---\n\n${body}\n`;

async function lint(files: Record<string, string>) {
  const dir = makeProject(files);
  const result = await lintJson(dir, ["--today", "2026-11-22"]);
  return { code: result.code, messages: flatMessages(result.results, dir) };
}

const GOOD = [
  'import { Callout, Tabs, Tab } from "verity:components";',
  'import Pricing from "../../src/components/cards/Pricing.astro";',
  "",
  "{/* A comment is fine. */}",
  "",
  '<Callout type="warning" title={"Back up first"}>',
  "Deleting a workspace cannot be undone.",
  "</Callout>",
  "",
  '<Tabs syncKey="platform">',
  '<Tab label="iOS">',
  "",
  "Open **Settings**.",
  "",
  "</Tab>",
  "</Tabs>",
  "",
  "<Pricing />",
  '<Figure src="shot.png" alt="The screen" width={640} />',
].join("\n");

describe("MDX cards", () => {
  it("a card using the built-in set, project components, comments and literals has no findings", async () => {
    const { messages } = await lint({ "content/help/good.mdx": card("external", GOOD), "content/help/shot.png": "png" });
    expect(messages).toEqual([]);
  });

  it("mdx-import: anything but verity:components and src/components/cards/ is an error at its line, with the allowed list", async () => {
    const body = [
      'import fs from "node:fs";',
      'import { Callout, Secret } from "verity:components";',
      'import X from "../../src/components/Other.astro";',
      'import Y from "../../src/components/cards/../Other.astro";',
      "export const meta = { a: 1 };",
      "",
      "Text.",
    ].join("\n");
    const { code, messages } = await lint({ "content/help/bad.mdx": card("internal", body) });
    expect(code).toBe(1);
    const hits = messages.filter((m) => m.ruleId === "mdx-import");
    expect(hits.map((m) => m.line)).toEqual([8, 9, 10, 11, 12]);
    expect(hits[0]!.message).toMatch(/cannot import "node:fs".*Callout, Steps, Tabs.*src\/components\/cards\//);
    expect(hits[1]!.message).toMatch(/has no Secret/);
    expect(hits[4]!.message).toMatch(/export runs code/);
    expect(hits.every((m) => m.severity === 2)).toBe(true);
  });

  it("mdx-expression: every expression that is not a plain literal, in text and attributes", async () => {
    const body = [
      "Home is {process.env.HOME}.",
      "",
      '{require("fs").readFileSync("/etc/passwd")}',
      "",
      '<Callout title={import.meta.env.SECRET}>x</Callout>',
      "",
      "<Badge {...props} />",
      "",
      '<Badge text={"ok"} />',
    ].join("\n");
    const { messages } = await lint({ "content/help/expr.mdx": card("internal", body) });
    const hits = messages.filter((m) => m.ruleId === "mdx-expression");
    expect(hits.map((m) => m.line)).toEqual([8, 10, 12, 14]);
    expect(hits[0]!.message).toMatch(/never run or shown/);
    expect(hits[2]!.message).toMatch(/title=\{import\.meta\.env\.SECRET\}.*plain value/);
    expect(hits[3]!.message).toMatch(/spread attribute/);
  });

  it("mdx-component: an unknown component is an error with the allowed list", async () => {
    const { messages } = await lint({ "content/help/c.mdx": card("internal", "Text.\n\n<Carousel>slides</Carousel>\n") });
    const hits = messages.filter((m) => m.ruleId === "mdx-component");
    expect(hits.map((m) => [m.line, m.column])).toEqual([[10, 1]]);
    expect(hits[0]!.message).toMatch(/<Carousel>.*Callout, Steps, Tabs, Tab, Details, Figure, Video, Badge/);
  });

  it("links inside components are resolved and audience-checked at their line; HTML inside them is sanitized and reported", async () => {
    const body = [
      "<Tabs>",
      '<Tab label="Web">',
      "",
      "See [the secret runbook](../ops/runbook.md) and [nowhere](missing.md).",
      "",
      '<b onclick="alert(1)">bold</b>',
      "",
      "</Tab>",
      "</Tabs>",
      "",
      '<Figure src="gone.png" alt="x" />',
      "",
      '<Details summary="More">',
      "",
      "[Runbook](../ops/runbook.md)",
      "",
      "</Details>",
    ].join("\n");
    const { messages } = await lint({ "content/help/tabs.mdx": card("external", body), "content/ops/runbook.md": card("internal", "Steps.") });
    const at = (rule: string) => messages.filter((m) => m.ruleId === rule && m.file === "content/help/tabs.mdx").map((m) => m.line);
    expect(at("link-audience")).toEqual([11, 22]);
    expect(at("link-broken")).toEqual([11, 18]);
    expect(at("html-removed")).toEqual([13]);
  });

  it("an attribute written as a literal expression (`src={\"…\"}`) is checked as the same attribute written as a string", async () => {
    const body = [
      'Picture <img src={"../ops/diagram.png"} alt="one" /> and <img src={"../ops/gone.png"} alt="two" />',
      "",
      '<a href={"../ops/runbook.md"}>Runbook</a> and <a href={"missing.md"}>gone</a>',
      "",
      '<Snippet name={"secret"} />',
    ].join("\n");
    const { messages } = await lint({
      "content/help/literal.mdx": card("external", body),
      "content/ops/runbook.md": card("internal", "Steps.\n\n![Diagram](diagram.png)"),
      "content/ops/diagram.png": "png",
      "content/_snippets/secret.md": "---\naudience: internal\n---\n\nInternal words.\n",
    });
    const at = (rule: string) => messages.filter((m) => m.ruleId === rule && m.file === "content/help/literal.mdx").map((m) => m.line);
    expect(at("link-audience")).toEqual([10]);
    expect(at("link-broken")).toEqual([8, 10]);
    expect(messages.find((m) => m.ruleId === "link-broken" && m.line === 8)?.message).toMatch(/gone\.png/);
    expect(at("snippet-audience")).toEqual([12]);
    expect(at("snippet-missing")).toEqual([]);
  });

  it("an external card may not use a Video from a host outside the public embed allow-list", async () => {
    const { messages } = await lint({
      "verity.config.yml": "sites:\n  public:\n    embeds: [www.youtube-nocookie.com]\n",
      "content/help/v.mdx": card("external", '<Video src="https://www.youtube-nocookie.com/embed/a" title="Ok" />\n\n<Video src="https://evil.test/embed/b" title="No" />'),
    });
    expect(messages.filter((m) => m.ruleId === "remote-resource").map((m) => m.line)).toEqual([10]);
  });
});
