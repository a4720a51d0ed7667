/**
 * The `::snippet{name="..."}` include as Markdown writes it. Apart from snippets.ts (which re-exports it) so that the HTML
 * renderer (site/card-html.ts), which snippets.ts uses to check a snippet renders, reads includes without an import cycle.
 */
import type { Nodes } from "mdast";

/** A Markdown paragraph that includes a snippet: `::snippet{name="contact"}` and nothing else. */
export const SNIPPET_DIRECTIVE = /^::snippet\{name="([^"\n]{1,64})"\}$/;

/** The snippet a `::snippet{name="..."}` paragraph includes, or undefined for any other node. */
export function snippetDirectiveOf(node: Nodes): string | undefined {
  if (node.type !== "paragraph" || node.children.length !== 1 || node.children[0]!.type !== "text") return undefined;
  return directiveName(node.children[0].value);
}

/** The name in a `::snippet{name="..."}` paragraph's text, or undefined. */
export function directiveName(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  return SNIPPET_DIRECTIVE.exec(text.trim())?.[1];
}
