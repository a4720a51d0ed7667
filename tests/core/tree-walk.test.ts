import type { Nodes } from "mdast";
import { visit } from "unist-util-visit";
import { describe, expect, it } from "vitest";
import { collectHeadings } from "../../src/core/site/anchors.ts";
import { collectLinks } from "../../src/core/site/link-extract.ts";
import { parseMarkdown } from "../../src/core/cards/markdown.ts";
import { forEachNode } from "../../src/core/cards/tree-walk.ts";

const SOURCE = `---
title: Walk
---

# Start

> ## Quoted heading
>
> See [the [nested] link](a.md#x) and ![alt](b.png).

- item with [![badge](c.svg)](d.md)
  - nested [link](e.md)

[ref]: https://example.com/ref

## Start

| a | b |
| --- | --- |
| [cell](f.md) | \`code\` |
`;

describe("forEachNode", () => {
  it("visits the same nodes in the same order as unist-util-visit", () => {
    const tree = parseMarkdown(SOURCE);
    const expected: string[] = [];
    visit(tree, (node) => {
      expected.push(`${node.type}@${node.position?.start.offset}`);
    });
    const actual: string[] = [];
    forEachNode(tree, (node: Nodes) => actual.push(`${node.type}@${node.position?.start.offset}`));
    expect(actual).toEqual(expected);
    expect(actual.length).toBeGreaterThan(20);
  });

  it("finds headings inside block quotes and links inside lists, tables and links", () => {
    const tree = parseMarkdown(SOURCE);
    expect(collectHeadings(tree).map((h) => [h.depth, h.id])).toEqual([
      [1, "start"],
      [2, "quoted-heading"],
      [2, "start-1"],
    ]);
    expect(collectLinks(tree).map((l) => `${l.kind}:${l.url}`)).toEqual([
      "link:a.md#x",
      "image:b.png",
      "link:d.md",
      "image:c.svg",
      "link:e.md",
      "definition:https://example.com/ref",
      "link:f.md",
    ]);
  });
});
