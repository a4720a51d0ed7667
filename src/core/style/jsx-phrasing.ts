/**
 * MDX's JSX elements written on one line (`<p class="lead">Text.</p>`, `<Note>Some *text*</Note>`) hold
 * their text as phrasing content, with no paragraph around it. Verity reads the prose inside JSX elements,
 * as it reads a multi-line element's paragraphs and as Vale reads the same page with `[formats] mdx = md`
 * (goldmark's HTML block or inline HTML), so each run of phrasing children is read as a paragraph of its
 * own. (Current Vale's own MDX reader, mdx2vast, writes every JSX element as code and lints none of its
 * text; docs/style-guide.md says so.) An element whose text Vale leaves out or stars (`<pre>`, `<script>`,
 * `<code>`, `<kbd>`…) is still not read.
 */
import type { Nodes, Paragraph, Parent, PhrasingContent } from "mdast";
import { SKIP_TAGS } from "./html-prose.ts";

const CODE_TAGS: ReadonlySet<string> = new Set(["code", "tt", "kbd", "samp", "var"]);

const PHRASING: ReadonlySet<string> = new Set([
  "text", "emphasis", "strong", "delete", "inlineCode", "inlineMath", "break", "link", "linkReference",
  "image", "imageReference", "footnoteReference", "mdxJsxTextElement", "mdxTextExpression",
]);

/** The children a block walk reads: a JSX flow element's runs of phrasing content each made a paragraph. */
export function blockChildren(node: Parent): readonly Nodes[] {
  const children = node.children as Nodes[];
  if ((node.type as string) !== "mdxJsxFlowElement" || !children.some((child) => PHRASING.has(child.type))) return children;
  const name = String((node as { name?: unknown }).name ?? "").toLowerCase();
  if (SKIP_TAGS.has(name) || CODE_TAGS.has(name)) return children;
  const read: Nodes[] = [];
  let run: PhrasingContent[] = [];
  const endRun = () => {
    const [first, last] = [run[0], run.at(-1)];
    if (first?.position && last?.position) read.push({ type: "paragraph", children: run, position: { start: first.position.start, end: last.position.end } } satisfies Paragraph);
    run = [];
  };
  for (const child of children) {
    if (PHRASING.has(child.type)) run.push(child as PhrasingContent);
    else {
      endRun();
      read.push(child);
    }
  }
  endRun();
  return read;
}
