/**
 * A plain depth-first walk over an mdast tree. unist-util-visit builds ancestor lists and test
 * functions on every node, which costs more than the built-in rules themselves; they only need
 * each node once, in document order.
 */
import type { Nodes, Root } from "mdast";

/** Calls `enter` on every node in document order; returning `false` skips the node's children. */
export function walkTree(tree: Root | Nodes, enter: (node: Nodes) => boolean | void): void {
  const stack: Nodes[] = [tree as Nodes];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (enter(node) === false) continue;
    if ("children" in node) {
      const children = node.children as Nodes[];
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
}
