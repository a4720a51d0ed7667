/**
 * Snippets: a reusable block (a disclaimer, a contact paragraph, a pricing table) kept once as
 * `content/_snippets/<name>.md`, with its own frontmatter (`owner`, `verify_by`, `audience`), and
 * included by reference:
 *
 * - in Markdown, a paragraph that is exactly `::snippet{name="contact"}` (the leaf-directive
 *   syntax). A GitHub preview shows that line as plain text, so a reviewer sees what is included;
 *   an HTML comment would be invisible there and is stripped by the sanitizer;
 * - in MDX, `<Snippet name="contact" />`.
 *
 * A snippet with no `audience` is internal: a snippet inherits the strictest rule, so an external
 * card may only include an external snippet (lint: `snippet-audience`).
 */
import { lstatSync, readdirSync, realpathSync, type Dirent } from "node:fs";
import { readRegularFile, specialFileKind, type RegularFileRead } from "./safe-read.ts";
import path from "node:path";
import type { Nodes, Root } from "mdast";
import { MarkdownSyntaxError, parseMarkdown } from "./markdown.ts";
import { decodeCard } from "./card-text.ts";
import type { Finding } from "../lint/findings.ts";
import { parseYaml } from "./yaml-source.ts";
import { forEachNode } from "./tree-walk.ts";
import { literalProps } from "../site/mdx-components.ts";
import { cardHtml } from "../site/card-html.ts";
import { directiveName, snippetDirectiveOf, SNIPPET_DIRECTIVE } from "./snippet-directive.ts";
import { MAX_NESTING } from "../lint/rules/markdown-too-deep.ts";

// Where an include is read: its own module, which the HTML renderer imports without importing this one.
export { directiveName, snippetDirectiveOf, SNIPPET_DIRECTIVE };

export const SNIPPET_DIR = "_snippets";
const NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** A file's frontmatter block, as the parser reads one. */
const FRONTMATTER = /^---[ \t]*\r?\n(?:[\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/;

export interface Snippet {
  name: string;
  file: string;
  source: string;
  tree: Root;
  audience: "internal" | "external";
  owner: string | undefined;
  verifyBy: string | undefined;
  /** Problems with the snippet file itself (bad frontmatter), at its line. */
  problems: { line: number; message: string }[];
  /**
   * Why the file was not read, when it is no regular file or is too large for any page to include
   * ("is a named pipe, not a regular file"): the snippet shows nothing and its includes say why.
   */
  unreadable?: string;
}

export interface SnippetReference {
  name: string;
  line: number;
  column: number;
}

/**
 * Every snippet under `<contentDir>/_snippets/`, by name: none when the folder is missing, or is a
 * symbolic link or reached through one (it could hold any file of the machine; discover.ts reports
 * the link as `file-symlink`). Snippet files that are links are skipped (only regular files).
 */
export function loadSnippets(contentDir: string): Map<string, Snippet> {
  const dir = path.join(contentDir, SNIPPET_DIR);
  const snippets = new Map<string, Snippet>();
  let entries: Dirent[];
  try {
    if (lstatSync(dir).isSymbolicLink() || path.relative(realpathSync(contentDir), realpathSync(dir)) !== SNIPPET_DIR) return snippets;
    entries = readdirSync(dir, { withFileTypes: true }).filter((e) => e.name.endsWith(".md"));
  } catch {
    return snippets;
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const name = entry.name.slice(0, -3);
    if (!NAME.test(name)) continue;
    const file = path.join(dir, entry.name);
    // Opened without following a link or waiting for a writer, its size known before any byte is read.
    const read = readRegularFile(file, MAX_SNIPPET_BYTES);
    if (read.kind !== "read") {
      snippets.set(name, { name, file, ...frontmatterOnly(""), audience: "internal", owner: undefined, verifyBy: undefined, problems: [], unreadable: unreadableWhy(read, entry) });
      continue;
    }
    const problems: Snippet["problems"] = [];
    const { source, tree } = readSnippet(file, read.bytes, problems);
    let data: Record<string, unknown> = {};
    const yaml = tree.children[0]?.type === "yaml" ? tree.children[0] : undefined;
    if (yaml) {
      // Read as a card's frontmatter is: every problem with its line (the frontmatter starts on the file's second line).
      const parsed = parseYaml(yaml.value);
      for (const problem of parsed.problems) problems.push({ line: problem.line + 1, message: `The snippet's frontmatter is not valid YAML: ${problem.message}.` });
      if (parsed.value && typeof parsed.value === "object" && !Array.isArray(parsed.value)) data = parsed.value as Record<string, unknown>;
    }
    const audience = data.audience === "external" ? "external" : "internal";
    if (data.audience !== undefined && data.audience !== "external" && data.audience !== "internal") {
      problems.push({ line: 1, message: `The snippet's audience "${String(data.audience)}" is not internal or external.` });
    }
    snippets.set(name, {
      name,
      file,
      source,
      tree,
      audience,
      owner: typeof data.owner === "string" ? data.owner : undefined,
      verifyBy: typeof data.verify_by === "string" ? data.verify_by : data.verify_by instanceof Date ? data.verify_by.toISOString().slice(0, 10) : undefined,
      problems,
    });
  }
  return snippets;
}


/** Why a `_snippets/*.md` entry that is no readable snippet shows nothing, in words an include's error quotes. */
function unreadableWhy(read: Exclude<RegularFileRead, { kind: "read" }>, entry: Dirent): string {
  if (read.kind === "too-large") {
    return `is ${read.size.toLocaleString("en-US")} bytes, more than the ${MAX_INCLUDED_CHARS.toLocaleString("en-US")} characters of snippets a card may include, so no page can show it. Split it into smaller snippets`;
  }
  if (read.kind === "symlink") return "is a symbolic link: a snippet is read only from a regular file in its own place (a link could show any file of the machine). Put the snippet's Markdown file there instead";
  return `is ${specialFileKind(entry)}, not a regular file. Put the snippet's Markdown file there instead`;
}

/**
 * A snippet file's text (decoded as a card's: without a byte order mark, since the parser skips the mark and its
 * offsets are the text's after it) and tree. Bytes that are not UTF-8 or hold a control character, a text the parser
 * cannot be given (reference-guard.ts) or one nested too deeply to render are a problem of the snippet: it keeps its
 * frontmatter (its audience and owner) and shows nothing.
 */
function readSnippet(file: string, bytes: Uint8Array, problems: Snippet["problems"]): { source: string; tree: Root } {
  // Checked as a card's text is (file-encoding): git shows a file with a NUL as binary, so its changes would go unreviewed.
  const found: Finding[] = [];
  const decoded = decodeCard(file, bytes, found);
  if (!decoded) {
    for (const finding of found) problems.push({ line: finding.line, message: `${finding.message} Until then no page shows the snippet.` });
    const head = FRONTMATTER.exec(Buffer.from(bytes).toString("utf8"))?.[0] ?? "";
    return frontmatterOnly(/[\u0000-\u0008\u000e-\u001f\u007f\ufffd]/.test(head) ? "" : head);
  }
  const source = decoded.source;
  try {
    const tree = parseMarkdown(source, "md");
    const depth = nestingDepth(tree);
    // Levels of blocks and marks: the root, and a paragraph and its text below the last level, do not count.
    if (depth.deepest > MAX_NESTING + 2) {
      problems.push({ line: depth.line, message: `Block quotes, lists or emphasis are nested more than ${MAX_NESTING} levels deep. Flatten the structure; until then no page shows the snippet.` });
    } else {
      // Raw HTML nests in the rendered page, not in the Markdown tree: a flat paragraph of thousands of <span>s overflowed the
      // renderer of every card that included it. It is rendered once here, as each page would.
      const html = firstHtmlLine(tree);
      if (html === undefined || rendersWithinStack(source, tree)) return { source, tree };
      problems.push({ line: html, message: "HTML elements are nested too deeply to be rendered (thousands inside each other). Flatten the structure; until then no page shows the snippet." });
    }
  } catch (error) {
    if (!(error instanceof MarkdownSyntaxError)) throw error;
    problems.push({ line: error.line, message: `${error.message}. Until then no page shows the snippet.` });
  }
  return frontmatterOnly(FRONTMATTER.exec(source)?.[0] ?? "");
}

/** The line of the snippet's first raw HTML, or undefined when it has none. */
function firstHtmlLine(tree: Root): number | undefined {
  let line: number | undefined;
  forEachNode(tree, (node) => {
    if (line === undefined && node.type === "html") line = node.position?.start.line ?? 1;
  });
  return line;
}

/** True when the snippet's HTML renders without overflowing the stack. */
function rendersWithinStack(source: string, tree: Root): boolean {
  try {
    cardHtml({ source, format: "md", tree }, { snippet: () => [] });
    return true;
  } catch (error) {
    if (error instanceof RangeError) return false;
    throw error;
  }
}

/** A snippet that shows nothing: its frontmatter alone (its audience and owner still read). */
function frontmatterOnly(head: string): { source: string; tree: Root } {
  return { source: head, tree: parseMarkdown(head, "md") };
}

/** How deep the tree nests (without recursion), and the line of its deepest node. */
function nestingDepth(tree: Root): { deepest: number; line: number } {
  let deepest = 0;
  let line = 1;
  const stack: [Nodes, number][] = [[tree, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > deepest) {
      deepest = depth;
      line = node.position?.start.line ?? line;
      if (deepest > MAX_NESTING + 2) break;
    }
    if ("children" in node) for (const child of node.children) stack.push([child as Nodes, depth + 1]);
  }
  return { deepest, line };
}

/**
 * False when a card's text cannot include a snippet: every include spells "snippet" (a directive or
 * `<Snippet>`), unless written with a character reference (`&#105;`). Saves walking the tree of
 * the many cards without one.
 */
export function mayIncludeSnippet(source: string): boolean {
  // Several rules ask about the same card one after the other: the last answer is kept.
  if (source !== lastAsked.source) lastAsked = { source, answer: /snippet|&/i.test(source) };
  return lastAsked.answer;
}

let lastAsked = { source: "", answer: false };

/** The snippets a card includes, each at its line (Markdown directive paragraphs, MDX `<Snippet name>`). */
export function snippetReferences(tree: Root): SnippetReference[] {
  const found: SnippetReference[] = [];
  forEachNode(tree, (node: Nodes) => {
    const place = { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
    if (node.type === "paragraph") {
      const name = snippetDirectiveOf(node);
      if (name !== undefined) found.push({ name, ...place });
      return;
    }
    const type = node.type as string;
    if ((type === "mdxJsxFlowElement" || type === "mdxJsxTextElement") && (node as unknown as { name: string }).name === "Snippet") {
      // `name="x"` or `name={"x"}`: read as the renderer reads it.
      const props = literalProps((node as unknown as { attributes: Parameters<typeof literalProps>[0] }).attributes);
      found.push({ name: props.name ?? "", ...place });
    }
  });
  return found;
}

/** Which cards include each snippet (the wiki's "used in" list and lint's view), in card order. */
export function snippetUsage<C extends { tree: Root; source?: string }>(cards: readonly C[]): Map<string, C[]> {
  const usage = new Map<string, C[]>();
  for (const card of cards) {
    if (card.source !== undefined && !mayIncludeSnippet(card.source)) continue;
    for (const name of new Set(snippetReferences(card.tree).map((r) => r.name))) {
      const list = usage.get(name) ?? [];
      list.push(card);
      usage.set(name, list);
    }
  }
  return usage;
}

const cache = new WeakMap<object, Map<string, Map<string, Snippet>>>();

/**
 * `loadSnippets`, read once per loaded project (`owner` is the project's card index, rebuilt on
 * every load) and content folder: lint and the build ask per card.
 */
export function snippetsOf(contentDir: string, owner: object): Map<string, Snippet> {
  let byDir = cache.get(owner);
  if (!byDir) cache.set(owner, (byDir = new Map()));
  let snippets = byDir.get(contentDir);
  if (!snippets) byDir.set(contentDir, (snippets = loadSnippets(contentDir)));
  return snippets;
}

/**
 * The snippets a card's page shows where it includes them, by name: never an internal snippet in a card
 * the public site has, whatever lint said, on either site (so both sites show the card alike), nor
 * more than {@link MAX_INCLUDED_CHARS} of snippet text in all. The rendered page and the card's
 * Markdown copy (`.md` URLs, llms.txt, the MCP server) ask this alone, one asker per card.
 */
export function shownSnippets(contentDir: string, owner: object, cardIsPublic: boolean): (name: string) => Snippet | undefined {
  const snippets = snippetsOf(contentDir, owner);
  let included = 0;
  return (name) => {
    const snippet = snippets.get(name);
    if (!snippet || snippet.unreadable !== undefined || (snippet.audience !== "external" && cardIsPublic)) return undefined;
    // Asked once per include: past the budget, no include shows anything (lint: snippet-missing).
    included += snippet.source.length;
    return included <= MAX_INCLUDED_CHARS ? snippet : undefined;
  };
}

/**
 * Snippet text (characters of the snippet files) one card may include in all. A 230 KB snippet included 3,000 times
 * by a 70 KB card made a page of 700 MB, on which the build ran out of memory: includes past this show nothing.
 */
export const MAX_INCLUDED_CHARS = 2_000_000;

/**
 * Largest snippet file read: past 4 bytes a character (UTF-8's most), it holds more than the
 * {@link MAX_INCLUDED_CHARS} characters a card may include, so no page could show it. A 3 GB
 * snippet was read whole before, and lint ended in an internal error ("data is too long").
 */
export const MAX_SNIPPET_BYTES = 4 * MAX_INCLUDED_CHARS;

/**
 * A relative URL written in a snippet, rewritten to point at the same place from the including
 * card's folder (site paths, fragments and absolute URLs are unchanged), so links in a snippet
 * resolve, render and are checked exactly as if the card had them.
 */
export function rebaseSnippetUrl(url: string, snippetFile: string, cardFile: string): string {
  const trimmed = url.trim();
  if (trimmed === "" || /^([a-z][a-z0-9+.-]*:|[\\/#?])/i.test(trimmed)) return url;
  const cut = trimmed.search(/[?#]/);
  const pathPart = cut < 0 ? trimmed : trimmed.slice(0, cut);
  const rest = cut < 0 ? "" : trimmed.slice(cut);
  const target = path.resolve(path.dirname(snippetFile), pathPart);
  const relative = path.relative(path.dirname(cardFile), target).split(path.sep).join("/");
  // A relative path stays one: a first segment with a colon (../t/javascript:x rebased to javascript:x)
  // would read as a scheme, after the sanitizer has checked the URL.
  const safe = relative === "" ? "./" : /^[^/]*:/.test(relative) ? `./${relative}` : relative;
  return `${safe}${rest}`;
}
