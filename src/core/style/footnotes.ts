/**
 * Footnotes as Vale's Markdown renderer writes them (goldmark v1.5.6, extension/footnote.go): a
 * reference is `<sup><a>N</a></sup>`, N the footnote's number in the order references are first
 * parsed; the definitions are taken out of the text, parsed where the first of them stood, and
 * written at the end of the document as the `<li>` items of an `<ol>`, in number order, each with one
 * backlink `↩︎` per reference after its last paragraph. A definition nobody references is dropped.
 */
import type { FootnoteDefinition, Nodes, Parent, Root } from "mdast";
import { appendSeparator, spaceInline, type Builder } from "./prose-block.ts";

export interface Footnotes {
  /** The number a reference reads as, or undefined when it names no definition. */
  numberOf(identifier: string): string | undefined;
  /** The referenced definitions in number order, each with its number of references. */
  ordered: { node: FootnoteDefinition; refs: number }[];
}

const BACKLINK = "\u21a9\ufe0e";

export function collectFootnotes(tree: Root): Footnotes {
  const definitions: FootnoteDefinition[] = [];
  const byId = new Map<string, FootnoteDefinition>();
  // In document order, without recursion (a file may nest thousands of lists).
  const walk = (roots: readonly Nodes[], enter: (node: Nodes) => boolean) => {
    const stack = [...roots].reverse();
    for (let node = stack.pop(); node; node = stack.pop()) {
      if (enter(node) && "children" in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push((node as Parent).children[i] as Nodes);
    }
  };
  walk([tree], (node) => {
    if (node.type !== "footnoteDefinition") return true;
    definitions.push(node);
    if (!byId.has(node.identifier)) byId.set(node.identifier, node);
    return false;
  });
  const numbers = new Map<string, number>();
  const refs = new Map<string, number>();
  let isListVisited = false;
  // goldmark parses the inline text of the definitions where the first definition stood.
  const visit = (node: Nodes): boolean => {
    if (node.type === "footnoteReference" && byId.has(node.identifier)) {
      if (!numbers.has(node.identifier)) numbers.set(node.identifier, numbers.size + 1);
      refs.set(node.identifier, (refs.get(node.identifier) ?? 0) + 1);
    } else if (node.type === "footnoteDefinition") {
      if (isListVisited) return false;
      isListVisited = true;
      walk(definitions.flatMap((definition) => definition.children), visit);
      return false;
    }
    return true;
  };
  if (definitions.length > 0) walk([tree], visit);
  const ordered = [...numbers.keys()].map((id) => ({ node: byId.get(id)!, refs: refs.get(id)! }));
  return { numberOf: (id) => (numbers.has(id) ? String(numbers.get(id)) : undefined), ordered };
}

/** A reference's number, as Vale reads the text of `<sup><a>N</a></sup>`: spaced as inline text. */
export function appendReference(builder: Builder, number: string | undefined): void {
  if (number === undefined) return;
  builder.boundary = true;
  spaceInline(builder, number, false);
  appendSeparator(builder, number, -1);
  builder.boundary = true;
}

/** The backlinks goldmark puts after a footnote's last paragraph, one `↩︎` link per reference. */
export function appendBacklinks(builder: Builder, refs: number): void {
  for (let i = 0; i < refs; i++) {
    builder.boundary = true;
    builder.lastTag = "a"; // each is an <a>, which clean() spaces: `The note. ↩︎ ↩︎`
    spaceInline(builder, BACKLINK, false);
    appendSeparator(builder, BACKLINK, -1);
  }
}
