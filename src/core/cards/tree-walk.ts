/**
 * A plain preorder walk over an mdast tree, without recursion: a card of thousands of nested
 * block quotes or emphasis marks must not overflow the stack. Loading runs it on every card of
 * the project, so it is kept free of the per-node allocations of unist-util-visit.
 */
import type { Nodes, Parent } from "mdast";

/** Calls `visit` on `node` and every descendant, in document order. */
export function forEachNode(node: Nodes, visit: (node: Nodes) => void): void {
  walkTree(node, (current) => {
    visit(current);
  });
}

/** Calls `enter` on every node in document order; returning `false` skips the node's children. */
export function walkTree(tree: Nodes, enter: (node: Nodes) => boolean | void): void {
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (enter(current) === false) continue;
    const children = (current as Partial<Parent>).children as Nodes[] | undefined;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}
