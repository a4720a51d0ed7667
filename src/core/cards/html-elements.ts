/**
 * The elements of a card's raw HTML node, parsed as a browser parses them (hast-util-from-html), each
 * with its place in the card: text inside an attribute value or a comment is no element. Link
 * extraction and the HTML checks read the same elements.
 */
import type { Element, Nodes as HastNodes } from "hast";
import type { Position } from "unist";
import { onFirstUse } from "../load-on-use.ts";

const htmlParser = onFirstUse<typeof import("hast-util-from-html")>("hast-util-from-html");

export interface PlacedElement {
  element: Element;
  /** 1-based line and column of the element's start tag in the card. */
  line: number;
  column: number;
  /** UTF-16 offsets in the card of the whole element. */
  start: number;
  end: number;
}

/** Every element of an mdast `html` node's value, in document order, placed in the card's source. */
export function htmlElements(node: { value: string; position?: Position | undefined }): PlacedElement[] {
  if (!node.value.includes("<")) return [];
  const origin = node.position?.start ?? { line: 1, column: 1, offset: 0 };
  const base = origin.offset ?? 0;
  const placed: PlacedElement[] = [];
  // An explicit stack rather than recursion: card HTML nested thousands deep must not overflow it.
  const pending: HastNodes[] = [htmlParser().fromHtml(node.value, { fragment: true })];
  while (pending.length > 0) {
    const child = pending.pop()!;
    if (child.type === "element") {
      const at = child.position?.start;
      placed.push({
        element: child,
        line: origin.line + (at ? at.line - 1 : 0),
        column: at && at.line > 1 ? at.column : origin.column + (at ? at.column - 1 : 0),
        start: base + (at?.offset ?? 0),
        end: base + (child.position?.end.offset ?? at?.offset ?? 0),
      });
      if (child.content) pending.push(child.content);
    }
    const children = (child as { children?: HastNodes[] }).children;
    if (children) for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]!);
  }
  return placed;
}
