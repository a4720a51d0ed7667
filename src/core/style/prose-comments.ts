/** The comments of a card's prose: HTML comments, and MDX expressions that are only a comment (Vale's directives). */
import type { Nodes } from "mdast";
import type { ProseComment } from "./prose.ts";

/**
 * The comments of `html`; `at` gives the source offset of an index of `html` (asked in increasing order).
 * What `/<!--([\s\S]*?)-->/g` matches, found with indexOf: that pattern read the rest of the text again
 * for every `<!--` with no `-->` after it (quadratic on a run of them); once one `<!--` has no `-->`
 * after it, none after it has one either.
 */
export function collectComments(html: string, at: (index: number) => number, comments: ProseComment[]): void {
  for (let open = html.indexOf("<!--"); open >= 0; ) {
    const close = html.indexOf("-->", open + 4);
    if (close < 0) return;
    comments.push({ text: html.slice(open + 4, close).trim(), offset: at(open) });
    open = html.indexOf("<!--", close + 3);
  }
}

const MDX_COMMENT = /^\s*\/\*([\s\S]*?)\*\/\s*$/;

/** An MDX expression that is only a comment (`{/* vale off *\/}`): a comment to Vale's MDX support (vale.sh/docs/formats/mdx). */
export function collectMdxComment(node: Nodes, comments: ProseComment[]): void {
  const match = MDX_COMMENT.exec((node as { value?: string }).value ?? "");
  if (match) comments.push({ text: match[1]!.trim(), offset: node.position?.start.offset ?? 0 });
}
