/** A card nested thousands of levels deep gets an error of its own; every other card is still linted. */
import { afterAll, describe, expect, it } from "vitest";
import { collectLinks } from "../../src/core/site/link-extract.ts";
import { exampleCard } from "../../src/core/lint/rule-model.ts";
import { deepestLine } from "../../src/core/lint/rules/markdown-too-deep.ts";
import { codeLinesOf, parseMarkdown } from "../../src/core/cards/markdown.ts";
import { forEachNode } from "../../src/core/cards/tree-walk.ts";
import { flatMessages, lintJson, makeProject, removeTemps } from "../helpers.ts";

afterAll(removeTemps);

const quotes = exampleCard({}, `${">".repeat(3000)} deep\n`);
const stars = exampleCard({}, `${"*".repeat(10000)}\n`);

describe("deep trees", () => {
  it.each([
    ["3,000 nested >", quotes],
    ["10,000 *", stars],
  ])("%s: lint names the card (if it cannot check it) and still lints the others", async (_name, text) => {
    const dir = makeProject({
      "verity.config.yml": "minTrustScore: 0\n",
      "content/a/deep.md": text,
      "content/a/other.md": exampleCard({ verify_by: "2020-01-01" }, "See [nothing](missing.md).\n"),
    });
    const { code, results } = await lintJson(dir, ["--today", "2027-01-01", "--no-cache"]);
    expect(code).toBe(1);
    const messages = flatMessages(results, dir);
    expect(messages.filter((m) => m.file === "content/a/other.md").map((m) => m.ruleId).sort()).toEqual(["link-broken", "verify-by-expired"]);
    for (const m of messages.filter((m) => m.file === "content/a/deep.md")) expect(m.ruleId).toBe("markdown-too-deep");
  });

  // Its Markdown is flat (one paragraph): the depth is in its HTML, which only rendering meets. It was an html-removed
  // error, a rule a project may turn off, and then the build stopped with "internal error: Maximum call stack size exceeded".
  it.each([
    ["html-removed: off", "rules:\n  html-removed: off\n"],
    ["every HTML rule off", "rules:\n  html-removed: off\n  attachment-unsafe: off\n  remote-resource: off\n  remote-resource-wiki: off\n"],
  ])("30,000 nested inline HTML elements are markdown-too-deep (mandatory), with %s", async (_name, rules) => {
    const dir = makeProject({
      "verity.config.yml": `minTrustScore: 0\n${rules}`,
      "content/a/deep.md": exampleCard({ audience: "external" }, `Text ${"<span>".repeat(30000)}deep\n`),
      "content/a/other.md": exampleCard({}, "Fine.\n"),
    });
    const { code, results, stderr } = await lintJson(dir, ["--today", "2027-01-01", "--no-cache"]);
    expect(stderr).not.toMatch(/internal error/);
    expect(code).toBe(1);
    const messages = flatMessages(results, dir);
    expect(messages.filter((m) => m.file === "content/a/deep.md").map((m) => [m.ruleId, m.severity])).toEqual([["markdown-too-deep", 2]]);
    expect(messages.find((m) => m.file === "content/a/deep.md")!.message).toMatch(/HTML elements.*too deeply to be rendered/);
    expect(messages.filter((m) => m.file === "content/a/other.md")).toEqual([]);
  });

  it("walks a deep tree without recursion (no stack overflow in forEachNode)", () => {
    let node: { type: string; children: unknown[] } = { type: "text", children: [] };
    for (let i = 0; i < 200_000; i++) node = { type: "blockquote", children: [node] };
    let count = 0;
    forEachNode({ type: "root", children: [node] } as never, () => count++);
    expect(count).toBe(200_002);
  });

  it("collects links from 3,000 nested block quotes", () => {
    const tree = parseMarkdown(`${">".repeat(3000)} [a](b.md)\n`);
    expect(collectLinks(tree).map((l) => l.url)).toEqual(["b.md"]);
  });
});

describe("a deep snippet", () => {
  it("is an error of the snippet that lint reports, and no page shows it: lint passed it and the build stopped with an internal error (Maximum call stack size exceeded) rendering it", async () => {
    const { loadSnippets } = await import("../../src/core/cards/snippets.ts");
    const head = '---\nowner: "@acme/team"\naudience: external\nverify_by: 2099-01-01\n---\n\n';
    const dir = makeProject({
      "verity.config.yml": "minTrustScore: 0\n",
      "content/_snippets/deep.md": `${head}${">".repeat(3000)} deep\n`,
      "content/a/card.md": exampleCard({ audience: "external" }, 'Before.\n\n::snippet{name="deep"}\n'),
    });
    const { code, results, stderr } = await lintJson(dir, ["--today", "2027-01-01", "--no-cache"]);
    expect(stderr).not.toMatch(/internal error/);
    expect(code).toBe(1);
    const found = flatMessages(results, dir).filter((m) => m.file === "content/_snippets/deep.md");
    expect(found.map((m) => m.ruleId)).toEqual(["snippet-verify-by"]);
    expect(found[0]!.message).toMatch(/nested more than 100 levels deep/);
    const snippet = loadSnippets(`${dir}/content`).get("deep")!;
    expect(snippet.audience).toBe("external");
    expect(snippet.source).not.toContain("deep");
  });

  it("nested thousands deep in its HTML alone (one flat paragraph of <span>s) is the snippet's error too, and no page shows it: lint passed it and the build stopped with an internal error rendering the card that includes it", async () => {
    const { loadSnippets } = await import("../../src/core/cards/snippets.ts");
    const head = '---\nowner: "@acme/team"\naudience: external\nverify_by: 2099-01-01\n---\n\n';
    const dir = makeProject({
      "verity.config.yml": "minTrustScore: 0\n",
      "content/_snippets/deep.md": `${head}Text ${"<span>".repeat(30000)}deep\n`,
      "content/a/card.md": exampleCard({ audience: "external" }, 'Before.\n\n::snippet{name="deep"}\n'),
    });
    const { code, results, stderr } = await lintJson(dir, ["--today", "2027-01-01", "--no-cache"]);
    expect(stderr).not.toMatch(/internal error/);
    expect(code).toBe(1);
    const found = flatMessages(results, dir).filter((m) => m.file === "content/_snippets/deep.md");
    expect(found.map((m) => [m.ruleId, m.line])).toEqual([["snippet-verify-by", 7]]);
    expect(found[0]!.message).toMatch(/HTML elements are nested too deeply to be rendered/);
    const snippet = loadSnippets(`${dir}/content`).get("deep")!;
    expect(snippet.audience).toBe("external");
    expect(snippet.source).not.toContain("span");
  });
});

describe("where a card nests too deeply", () => {
  // The finding was at line 1 whatever the line: a long card left its author to search for it.
  it.each([
    ["3,000 nested >", `${">".repeat(3000)} deep`],
    ["30,000 nested <span>", `Text ${"<span>".repeat(30000)}deep`],
  ])("%s: the finding names the line of the nesting", async (_name, deep) => {
    const body = `Intro paragraph.\n\n## Steps\n\n1. One.\n2. Two.\n\n${deep}\n\nAfter.\n`;
    const card = exampleCard({ audience: "external" }, body);
    const line = card.split("\n").indexOf(deep) + 1;
    expect(line).toBeGreaterThan(10);
    const dir = makeProject({ "verity.config.yml": "minTrustScore: 0\n", "content/a/deep.md": card });
    const { results } = await lintJson(dir, ["--today", "2027-01-01", "--no-cache"]);
    const deepFindings = flatMessages(results, dir).filter((m) => m.ruleId === "markdown-too-deep");
    expect(deepFindings.length).toBeGreaterThan(0);
    for (const finding of deepFindings) expect(finding.line).toBe(line);
  });
});

describe("deepestLine", () => {
  it("finds the line of the most > at a line's start, the longest run of * _ [ ~, or the most open HTML elements", () => {
    expect(deepestLine("")).toBe(1);
    expect(deepestLine("a\n> b\n> > > c\n> d\n")).toBe(3);
    expect(deepestLine("a *b*\n\n" + "_".repeat(50) + "x\n[[[[ y\n")).toBe(3);
    // One element per line: the deepest is where most are open.
    expect(deepestLine("<div>\n<div>\n<div>\nx\n</div>\n</div>\n</div>\n")).toBe(3);
    // A > inside a line is no block quote.
    expect(deepestLine("a > b > c > d\n>> e\n")).toBe(2);
  });
});

describe("one line nesting a hundred thousand levels", () => {
  // The parser's time grows with the square of the depth one line opens: 100,000 `- ` took 8 s, 200,000 some 40 s.
  it.each([
    ["100,000 nested list items", `Intro.\n\n${"- ".repeat(100_000)}deep\n`],
    ["150,000 nested block quotes", `Intro.\n\n${">".repeat(150_000)} deep\n`],
    ["quotes and ordered items in turn", `Intro.\n\n${"> 1. ".repeat(40_000)}deep\n`],
  ])("%s: a markdown-syntax error at the line, in seconds, and the other cards are linted", async (_name, body) => {
    const dir = makeProject({
      "verity.config.yml": "minTrustScore: 0\n",
      "content/a/deep.md": exampleCard({}, body),
      "content/a/other.md": exampleCard({}, "See [nothing](missing.md).\n"),
    });
    const started = Date.now();
    const { code, results, stderr } = await lintJson(dir, ["--today", "2027-01-01", "--no-cache"]);
    // A bound on a hang, not a speed target (the error's rule shows the guard ran before the parser).
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(stderr).not.toMatch(/internal error/);
    expect(code).toBe(1);
    const messages = flatMessages(results, dir);
    const deep = messages.filter((m) => m.file === "content/a/deep.md");
    expect(deep.map((m) => m.ruleId)).toEqual(["markdown-syntax"]);
    expect(deep[0]!.line).toBe(body.split("\n").findIndex((l) => l.length > 1000) + 1 + exampleCard({}, "").split("\n").length - 1);
    expect(deep[0]!.message).toMatch(/block quotes or list items inside each other.*Flatten the nesting/);
    expect(messages.filter((m) => m.file === "content/a/other.md").map((m) => m.ruleId)).toEqual(["link-broken"]);
  });

  // Inside a code block such a line is text the parser reads at once; the guard's message even suggests moving it there.
  it.each([
    ["a fenced code block", `Intro.\n\n\`\`\`text\n${"- ".repeat(100_000)}deep\n\`\`\`\n`],
    ["a tilde fence", `Intro.\n\n~~~~\n${"> 1. ".repeat(40_000)}deep\n~~~~\n`],
    ["an indented code block", `Intro.\n\n    ${"> ".repeat(100_000)}deep\n`],
    ["a fence in a list item", `- Item:\n\n  \`\`\`\n  ${"> ".repeat(100_000)}deep\n  \`\`\`\n`],
  ])("in %s is the code it shows, not an error", async (_name, body) => {
    const dir = makeProject({ "verity.config.yml": "minTrustScore: 0\n", "content/a/code.md": exampleCard({}, body) });
    const started = Date.now();
    const { stderr, results } = await lintJson(dir, ["--today", "2027-01-01", "--no-cache"]);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(stderr).not.toMatch(/internal error/);
    expect(flatMessages(results, dir).map((m) => m.ruleId)).not.toContain("markdown-syntax");
  });

  it.each([
    ["after a fence closed", `\`\`\`\ncode\n\`\`\`\n${"- ".repeat(20_000)}deep\n`],
    ["after a fence opened in an HTML block (the block's text, not a fence)", `<div>\n\`\`\`\n\n${"- ".repeat(20_000)}deep\n`],
    ["after a fence in a block quote the line leaves", `> \`\`\`\n${"- ".repeat(20_000)}deep\n`],
    ["after four spaces that continue a paragraph", `Intro.\n    ${"> ".repeat(20_000)}deep\n`],
  ])("is still refused %s", async (_name, body) => {
    const { nestingRisk } = await import("../../src/core/cards/nesting-guard.ts");
    const risk = nestingRisk(body, codeLinesOf);
    expect(risk?.message).toMatch(/inside each other/);
    expect(body.slice(risk!.offset).trimStart()).toMatch(/^[->]/);
  });

  it("leaves a long thematic break (`- - - …`) and a deep line in a snippet to their own reading", async () => {
    const { nestingRisk } = await import("../../src/core/cards/nesting-guard.ts");
    expect(nestingRisk(`${"- ".repeat(20_000)}\n`)).toBeUndefined();
    expect(nestingRisk(`${"* ".repeat(20_000)}\n`)).toBeUndefined();
    expect(nestingRisk(`${"- ".repeat(20_000)}a\n`)).toBeDefined();
    const { loadSnippets } = await import("../../src/core/cards/snippets.ts");
    const dir = makeProject({ "content/_snippets/deep.md": `---\nowner: "@acme/team"\naudience: external\nverify_by: 2099-01-01\n---\n\n${"- ".repeat(100_000)}deep\n` });
    const started = Date.now();
    const snippet = loadSnippets(`${dir}/content`).get("deep")!;
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(snippet.problems.map((p) => p.line)).toEqual([7]);
    expect(snippet.source).not.toContain("deep");
  });
});
