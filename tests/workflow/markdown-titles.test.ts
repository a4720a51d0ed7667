/**
 * A card's title in the Markdown that report, audit and status write (job summaries, issues, pull
 * request comments) reads as written. Each escaped only brackets (or nothing), so a title such as
 * "Shortcuts: <Ctrl> + *K*" lost "<Ctrl>" to GitHub's HTML filter and turned *K* into emphasis.
 */
import { afterAll, describe, expect, it } from "vitest";
import { parseMarkdown } from "../../src/core/cards/markdown.ts";
import { makeProject, removeTemps, runCli } from "../helpers.ts";
import { cardText } from "./git-repo.ts";

afterAll(removeTemps);

const TITLE = "Shortcuts: <Ctrl> + *K* and `Esc`, see #12 ~~old~~";

interface Node {
  type: string;
  value?: string;
  children?: Node[];
}

/** The node types under the paragraphs, list items and table cells of `markdown`, and its text. */
function inline(markdown: string): { types: Set<string>; text: string } {
  const types = new Set<string>();
  let text = "";
  const walk = (node: Node) => {
    types.add(node.type);
    if (node.type === "text") text += node.value;
    for (const child of node.children ?? []) walk(child);
  };
  walk(parseMarkdown(markdown) as unknown as Node);
  return { types, text };
}

function project(): string {
  return makeProject({
    "verity.config.yml": "timeZone: UTC\n",
    "content/billing/_collection.yml": "title: Billing\n",
    "content/billing/keys.md": cardText({ title: JSON.stringify(TITLE), verify_by: "2026-11-01" }),
  });
}

describe("card titles in Markdown output", () => {
  it.each([
    ["audit", ["audit", "--today", "2026-11-22"]],
    ["report", ["report", "--today", "2026-11-22"]],
    ["status --format markdown", ["status", "--format", "markdown", "--today", "2026-11-22"]],
  ])("%s shows the title as written: no HTML tag, emphasis, code span or strikethrough", async (_name, argv) => {
    const result = await runCli(argv, { cwd: project() });
    const line = result.stdout.split("\n").find((l) => l.includes("Shortcuts"));
    expect(line).toBeDefined();
    const { types, text } = inline(line!);
    expect(text).toContain(TITLE);
    // Its text nodes hold the whole title (a tag, a code span or markup would take part of it away).
    for (const type of ["emphasis", "delete"]) expect(types).not.toContain(type);
  });

  it("audit --format issues shows it as written in the issue body", async () => {
    const result = await runCli(["audit", "--format", "issues", "--today", "2026-11-22"], { cwd: project() });
    const [issue] = JSON.parse(result.stdout) as { body: string }[];
    const { types, text } = inline(issue!.body.split("\n").find((l) => l.includes("Shortcuts"))!);
    expect(text).toContain(TITLE);
    // Its text nodes hold the whole title (a tag, a code span or markup would take part of it away).
    for (const type of ["emphasis", "delete"]) expect(types).not.toContain(type);
  });
});
