/**
 * Text inside raw HTML blocks of a Markdown file, as Vale reads it: `<td>` is `table.cell`, `<th>`
 * `table.header`, `<caption>` `table.caption`, `<li>` `list`, `<blockquote>` `blockquote`, `<h1>`…
 * `heading`, anything else `paragraph`. `script`, `style`, `pre`, `code` and elements with an ignored
 * class are skipped.
 */

export interface HtmlText {
  scope: string[];
  text: string;
  /** Offset of `text` in the HTML string. */
  start: number;
}

const SKIP_TAGS = new Set(["script", "style", "pre", "code", "tt", "kbd", "figure", "noscript", "iframe", "svg", "math"]);
const VOID_TAGS = new Set(["br", "img", "hr", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr"]);
const TOKEN = /<!--[\s\S]*?-->|<(\/?)([A-Za-z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|[^<]+|</g;

function scopeOf(tag: string): string[] | undefined {
  if (tag === "td") return ["text", "table", "cell"];
  if (tag === "th") return ["text", "table", "header"];
  if (tag === "caption") return ["text", "table", "caption"];
  if (tag === "li") return ["text", "list"];
  if (tag === "blockquote") return ["text", "blockquote"];
  if (/^h[1-6]$/.test(tag)) return ["text", "heading", tag];
  return undefined;
}

export function extractHtmlText(html: string, skipClasses: ReadonlySet<string>, skippedTags: ReadonlySet<string>): HtmlText[] {
  const out: HtmlText[] = [];
  const stack: { tag: string; isSkipped: boolean }[] = [];
  for (const match of html.matchAll(TOKEN)) {
    const token = match[0];
    if (token.startsWith("<!--")) continue;
    const tag = match[2]?.toLowerCase();
    if (tag !== undefined) {
      if (match[1] === "/") {
        const at = stack.map((s) => s.tag).lastIndexOf(tag);
        if (at >= 0) stack.length = at;
        continue;
      }
      if (VOID_TAGS.has(tag) || token.endsWith("/>")) continue;
      const classes = /\bclass\s*=\s*["']([^"']*)["']/.exec(match[3] ?? "")?.[1]?.split(/\s+/) ?? [];
      const isSkipped = SKIP_TAGS.has(tag) || skippedTags.has(tag) || classes.some((c) => skipClasses.has(c));
      stack.push({ tag, isSkipped });
      continue;
    }
    if (stack.some((s) => s.isSkipped)) continue;
    const trimmed = token.trim();
    if (trimmed === "" || token === "<") continue;
    let scope: string[] = ["text", "paragraph"];
    for (let i = stack.length - 1; i >= 0; i--) {
      const found = scopeOf(stack[i]!.tag);
      if (found) {
        scope = found;
        break;
      }
    }
    out.push({ scope, text: trimmed, start: match.index + token.indexOf(trimmed) });
  }
  return out;
}
