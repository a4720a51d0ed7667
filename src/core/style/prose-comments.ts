/** The comments of a card's prose: HTML comments, and MDX expressions that are only a comment (Vale's directives). */
import type { Nodes } from "mdast";
import type { ProseComment } from "./prose.ts";

const COMMENT = /<!--([\s\S]*?)-->/g;

/** The comments of `html`; `at` gives the source offset of an index of `html` (asked in increasing order). */
export function collectComments(html: string, at: (index: number) => number, comments: ProseComment[]): void {
  for (const match of html.matchAll(COMMENT)) comments.push({ text: match[1]!.trim(), offset: at(match.index) });
}

const MDX_COMMENT = /^\s*\/\*([\s\S]*?)\*\/\s*$/;

/** An MDX expression that is only a comment (`{/* vale off *\/}`): a comment to Vale's MDX support (vale.sh/docs/formats/mdx). */
export function collectMdxComment(node: Nodes, comments: ProseComment[]): void {
  const match = MDX_COMMENT.exec((node as { value?: string }).value ?? "");
  if (match) comments.push({ text: match[1]!.trim(), offset: node.position?.start.offset ?? 0 });
}
