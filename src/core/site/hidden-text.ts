/**
 * The parts of a card's Markdown that its HTML never shows, decided on the card's mdast once for
 * everything made from the Markdown instead of the HTML (the `.md` copy, llms.txt and the MCP
 * server, the search vocabulary, FAQ structured data): what the page hides, they leave out.
 *
 * - frontmatter, raw HTML (comments, tags) and MDX code (imports, exports, `{expressions}`);
 * - what raw HTML opens `<script>`, `<style>`, `<template>`, `<iframe>`, `<video>` or `<audio>`
 *   around, up to its closing tag (the sanitizer removes script and style with their content; a
 *   template's content is never shown, and an unclosed one swallows the rest of the card; what is
 *   inside an iframe, a video or an audio element is fallback a browser does not show, and the embed
 *   policy removes the element with it when its source is not allowed); an element of these opened
 *   inside a paragraph ends with the paragraph at the latest;
 * - a `::snippet{name="…"}` paragraph (the page shows the snippet there, or nothing: never the
 *   reference, whose name may be an internal snippet's);
 * - MDX `<script>`, `<style>`, `<iframe>`, `<video>` and `<audio>` elements' content, the children of `<Snippet>` (it shows the snippet) and
 *   of `<Badge text="...">` (it shows the text);
 * - link and footnote definitions that nothing shown references, and every definition after the
 *   first of its name (the first one wins), as the HTML leaves them out.
 *
 * Where the browser's parser would show part of broken markup (an unclosed inline `<script>`), this
 * hides more, never less.
 */
import type { Nodes, Parent, Root } from "mdast";
import { snippetDirectiveOf } from "../cards/snippet-directive.ts";
import { literalProps } from "./mdx-components.ts";

const CODE = new Set(["yaml", "toml", "html", "mdxjsEsm", "mdxFlowExpression", "mdxTextExpression"]);
/** Containers of blocks: raw HTML directly inside them is an HTML block, anywhere else inline HTML. */
const FLOW = new Set(["root", "blockquote", "listItem", "footnoteDefinition", "mdxJsxFlowElement"]);
const HIDING_TAG = /<(\/?)(script|style|template|iframe|video|audio)(?=[\s/>])[^>]*>/gi;
/** MDX elements whose children the page never shows (see above). */
const HIDING_JSX = new Set(["iframe", "video", "audio"]);

interface Frame {
  parent: Parent;
  next: number;
  /** The innermost footnote definition around these children (its references count only when it is shown). */
  owner: Nodes | undefined;
}

/** The nodes of `tree` (with everything inside them) that the card's HTML never shows. */
export function hiddenNodes(tree: Root): Set<Nodes> {
  const hidden = new Set<Nodes>();
  /** Raw HTML left open: its tag, and for inline HTML the paragraph (or heading...) it ends with. */
  let open: { tag: string; parent: Parent | undefined } | undefined;
  const firstDefinitions = new Map<string, Nodes>();
  const references: { key: string; owner: Nodes | undefined }[] = [];
  const frames: Frame[] = [{ parent: tree, next: 0, owner: undefined }];
  while (frames.length > 0) {
    const frame = frames.at(-1)!;
    if (frame.next >= frame.parent.children.length) {
      frames.pop();
      if (open?.parent === frame.parent) open = undefined;
      continue;
    }
    const node = frame.parent.children[frame.next++] as Nodes;
    if (open) {
      // Inside an open element: every text goes, but the closing tag may be deeper (`</script></div>` in a paragraph).
      if (node.type === "html") open = afterHtml(node.value, open, frame.parent);
      if ("children" in node && node.children.length > 0 && node.type !== "footnoteDefinition") frames.push({ parent: node, next: 0, owner: frame.owner });
      else hidden.add(node);
      continue;
    }
    if (snippetDirectiveOf(node) !== undefined) {
      hidden.add(node);
      continue;
    }
    if (CODE.has(node.type)) {
      if (node.type === "html") open = afterHtml(node.value, open, frame.parent);
      hidden.add(node);
      continue;
    }
    if (node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") {
      if (node.name === "script" || node.name === "style") {
        hidden.add(node);
        continue;
      }
      if (node.name === "Snippet" || HIDING_JSX.has(node.name ?? "") || (node.name === "Badge" && literalProps(node.attributes as never).text !== undefined)) {
        for (const child of node.children) hidden.add(child as Nodes);
        continue;
      }
    }
    let owner = frame.owner;
    if (node.type === "definition" || node.type === "footnoteDefinition") {
      const key = `${node.type}:${node.identifier.toLowerCase()}`;
      if (firstDefinitions.has(key)) {
        hidden.add(node);
        continue;
      }
      firstDefinitions.set(key, node);
      owner = node;
    } else if (node.type === "linkReference" || node.type === "imageReference") {
      references.push({ key: `definition:${node.identifier.toLowerCase()}`, owner });
    } else if (node.type === "footnoteReference") {
      references.push({ key: `footnoteDefinition:${node.identifier.toLowerCase()}`, owner });
    }
    if ("children" in node && node.children.length > 0) frames.push({ parent: node, next: 0, owner });
  }
  // A definition is shown when a reference outside every definition, or in a shown footnote, uses it:
  // a walk from the references outside definitions, each definition's own references followed once it is shown.
  const keysIn = new Map<Nodes | undefined, string[]>();
  for (const { key, owner } of references) {
    const keys = keysIn.get(owner);
    if (keys) keys.push(key);
    else keysIn.set(owner, [key]);
  }
  const shown = new Set<Nodes>();
  const pending = [...(keysIn.get(undefined) ?? [])];
  while (pending.length > 0) {
    const definition = firstDefinitions.get(pending.pop()!);
    if (!definition || shown.has(definition)) continue;
    shown.add(definition);
    for (const key of keysIn.get(definition) ?? []) pending.push(key);
  }
  for (const definition of firstDefinitions.values()) if (!shown.has(definition)) hidden.add(definition);
  return hidden;
}

/** The raw HTML state after `html`: which hiding element it leaves open, if any. */
function afterHtml(html: string, open: { tag: string; parent: Parent | undefined } | undefined, parent: Parent): typeof open {
  for (const match of html.matchAll(HIDING_TAG)) {
    const [, close, name] = match;
    const tag = name!.toLowerCase();
    if (open) {
      if (close && tag === open.tag) open = undefined;
    } else if (!close) {
      open = { tag, parent: tag === "template" || FLOW.has(parent.type) ? undefined : parent };
    }
  }
  return open;
}
