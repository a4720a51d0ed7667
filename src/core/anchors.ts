/**
 * Heading ids. The site sets heading ids with this same function, so a link's `#anchor` resolves
 * in lint exactly when it resolves in the browser.
 */
import GithubSlugger from "github-slugger";
import type { Root } from "mdast";
import { toString } from "mdast-util-to-string";
import { forEachNode } from "./tree-walk.ts";

export interface CardHeading {
  depth: number;
  text: string;
  id: string;
  line: number;
  column: number;
}

/** Returns a function that gives each heading text of one page its unique id (`steps`, `steps-1`). */
export function createHeadingSlugger(): (text: string) => string {
  const slugger = new GithubSlugger();
  return (text) => slugger.slug(text);
}

export function collectHeadings(tree: Root): CardHeading[] {
  const slug = createHeadingSlugger();
  const headings: CardHeading[] = [];
  forEachNode(tree, (node) => {
    if (node.type !== "heading") return;
    const text = toString(node);
    headings.push({
      depth: node.depth,
      text,
      id: slug(text),
      line: node.position?.start.line ?? 1,
      column: node.position?.start.column ?? 1,
    });
  });
  return headings;
}
