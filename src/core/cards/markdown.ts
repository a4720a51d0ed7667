/**
 * The one Markdown parser: satteri, the native parser Astro renders with, into mdast with
 * positions. Lint, links and the site all read this tree.
 */
import type { Root } from "mdast";
import { markdownToMdast, mdxToMdast } from "satteri";

export type MarkdownFormat = "md" | "mdx";

export class MarkdownSyntaxError extends Error {
  readonly line: number;
  readonly column: number;
  constructor(message: string, line: number, column: number) {
    super(message);
    this.line = line;
    this.column = column;
  }
}

export function formatOf(file: string): MarkdownFormat {
  return file.toLowerCase().endsWith(".mdx") ? "mdx" : "md";
}

/** Parses Markdown or MDX into mdast with positions; MDX syntax errors become MarkdownSyntaxError. */
export function parseMarkdown(source: string, format: MarkdownFormat = "md"): Root {
  if (format === "md") return markdownToMdast(source, { position: true }) as unknown as Root;
  try {
    return mdxToMdast(source, { position: true }) as unknown as Root;
  } catch (error) {
    const text = (error as Error).message;
    const match = /^(\d+):(\d+):\s*(.*)$/s.exec(text);
    if (match) throw new MarkdownSyntaxError(match[3]!, Number(match[1]), Number(match[2]));
    throw new MarkdownSyntaxError(text, 1, 1);
  }
}
