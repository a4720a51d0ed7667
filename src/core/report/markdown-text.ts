/**
 * Text placed into the Markdown the reports write (pull-request comments, issues, step summaries).
 * Three kinds, decided here once:
 * - Markdown the project wrote (rule descriptions, lint messages): kept as Markdown, only made
 *   one table cell (pipes escaped, line breaks as spaces).
 * - Plain text from the repository (card titles, collection names): its Markdown punctuation
 *   escaped, so a title reads as written.
 * - Text readers typed (search queries, comments sent to the usage collector), which anyone on
 *   the internet can send, and ids: a code span, inside which no mention (`@team`), issue
 *   reference (`#1`), autolink, emoji, image or HTML is rendered.
 */

/** Markdown as one table cell: pipes escaped, line breaks as spaces. */
export function markdownCell(markdown: string): string {
  return markdown.replace(/\|/g, "\\|").replace(/\s*[\r\n]+\s*/g, " ");
}

/** Plain text as Markdown that shows it as written, on one line (also safe in a table cell). */
export function plainMarkdown(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ").replace(/[\\`*_[\]<>|~#!]/g, "\\$&");
}

/**
 * Text shown literally (a reader's query, an id), as an inline code span on one line. `inTable` escapes its pipes, which a
 * GitHub table splits cells at even inside a code span (and shows as `|` there).
 */
export function literalMarkdown(text: string, inTable = false): string {
  const flat = text.replace(/[\r\n]+/g, " ");
  const longestRun = Math.max(0, ...Array.from(flat.matchAll(/`+/g), (run) => run[0].length));
  const fence = "`".repeat(longestRun + 1);
  // A span that starts or ends with a backtick, or is spaces at both ends, needs a space of
  // padding, which CommonMark strips again.
  const pad = /^`|`$/.test(flat) || (/^ .*[^ ].* $/.test(flat)) ? " " : "";
  const body = inTable ? flat.replace(/\|/g, "\\|") : flat;
  return flat.trim() === "" ? "(blank)" : `${fence}${pad}${body}${pad}${fence}`;
}
