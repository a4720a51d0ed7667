/**
 * A plain preorder walk over a syntax tree (mdast or hast), without recursion: a card of thousands
 * of nested block quotes or emphasis marks must not overflow the stack. Loading runs it on every
 * card of the project, so it is kept free of the per-node allocations of unist-util-visit.
 */
import type { Nodes } from "mdast";
import type { Node } from "unist";

/** Calls `visit` on `node` and every descendant, in document order. */
export function forEachNode(node: Nodes, visit: (node: Nodes) => void): void {
  walkTree(node, (current) => {
    visit(current);
  });
}

/** Calls `enter` on every node in document order; returning `false` skips the node's children. */
export function walkTree(tree: Nodes, enter: (node: Nodes) => boolean | void): void;
/** The same over another syntax tree (`walkTree<HastNodes>(...)`). */
export function walkTree<T extends Node>(tree: T, enter: (node: T) => boolean | void): void;
export function walkTree(tree: Node, enter: (node: never) => boolean | void): void {
  const visit = enter as (node: Node) => boolean | void;
  const stack: Node[] = [tree];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (visit(current) === false) continue;
    const children = (current as { children?: Node[] }).children;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}
