/**
 * The trees a file's prose is read from: the file's own tree, and the tree of the file with its
 * `CommentDelimiters` written as HTML comment marks (comment-delimiters.ts) and goldmark's short table
 * headers padded (table-headers.ts), which prose is read from.
 * An `.mdx` file that is no valid MDX (a Docusaurus heading ID `{#id}`, a Hugo shortcode) is read as
 * Markdown, as Vale 3.7 reads every `.mdx` file, with a warning where MDX stops; a Markdown file
 * that does not parse is an error.
 */
import type { Root } from "mdast";
import { MarkdownSyntaxError, parseMarkdown, type MarkdownFormat } from "../cards/markdown.ts";
import type { Finding } from "../lint/findings.ts";
import { rewriteCommentDelimiters, type RewrittenSource } from "./comment-delimiters.ts";
import { padTableHeaders } from "./table-headers.ts";

export interface ProseSource {
  tree: Root;
  proseTree: Root;
  rewritten: RewrittenSource | undefined;
  /** The warning of an MDX file read as Markdown. */
  findings: Finding[];
}

type Delimiters = readonly (readonly [string, string])[];

/**
 * Parses `source` (or takes the caller's `tree` of it) for its prose; `delimiters` undefined when no
 * Vale configuration applies. Returns the error finding when the file cannot be read at all.
 */
export function parseProseSource(input: { file: string; source: string; format: MarkdownFormat; tree?: Root | undefined }, delimiters: Delimiters | undefined): ProseSource | Finding {
  try {
    return { ...parseFor(input.source, input.format, input.tree, delimiters), findings: [] };
  } catch (error) {
    if (!(error instanceof MarkdownSyntaxError)) throw error;
    const problem = { ruleId: "markdown-syntax", file: input.file, line: error.line, column: error.column };
    if (input.format !== "mdx") return { ...problem, severity: "error", message: `The file does not parse as Markdown: ${error.message}.` };
    const message = `The file does not parse as MDX: ${error.message}. Its prose was checked as Markdown, as Vale reads it; fix the MDX so that the site can be built from it.`;
    return { ...parseFor(input.source, "md", undefined, delimiters), findings: [{ ...problem, severity: "warning", message }] };
  }
}

/** An MDX file read as MDX keeps its own `{/* *\/}` comments, which Vale's MDX support reads as directives (prose.ts). */
function parseFor(source: string, format: MarkdownFormat, tree: Root | undefined, delimiters: Delimiters | undefined): Omit<ProseSource, "findings"> {
  const commented = delimiters && format !== "mdx" ? rewriteCommentDelimiters(source, delimiters) : undefined;
  // goldmark's short table headers (table-headers.ts), read after the comment marks, as Vale parses them.
  const padded = format === "mdx" ? undefined : padTableHeaders(commented?.text ?? source);
  const rewritten = padded && commented ? { text: padded.text, toSource: (o: number) => commented.toSource(padded.toSource(o)) } : (padded ?? commented);
  const parsed = tree ?? parseMarkdown(source, format);
  return { tree: parsed, proseTree: rewritten ? parseMarkdown(rewritten.text, format) : parsed, rewritten };
}
