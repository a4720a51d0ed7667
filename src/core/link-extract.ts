/** Links written in a card: inline links, images and reference definitions, with their positions. */
import type { Root } from "mdast";
import { toString } from "mdast-util-to-string";
import { forEachNode } from "./tree-walk.ts";

export interface CardLink {
  url: string;
  kind: "link" | "image" | "definition";
  /** Link text (or alt text for images). */
  text: string;
  line: number;
  column: number;
  /** UTF-16 offsets of the whole link in the source. */
  start: number;
  end: number;
}

export function collectLinks(tree: Root): CardLink[] {
  const links: CardLink[] = [];
  forEachNode(tree, (node) => {
    if (node.type !== "link" && node.type !== "image" && node.type !== "definition") return;
    const position = node.position;
    links.push({
      url: node.url,
      kind: node.type,
      text: node.type === "image" ? (node.alt ?? "") : node.type === "link" ? toString(node) : "",
      line: position?.start.line ?? 1,
      column: position?.start.column ?? 1,
      start: position?.start.offset ?? 0,
      end: position?.end.offset ?? 0,
    });
  });
  return links;
}
