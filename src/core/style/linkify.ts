/**
 * Which bare URLs are links to Vale. Vale renders Markdown with goldmark, whose Linkify extension
 * (extension/linkify.go) links a bare URL only when its host ends in a dot and letters
 * (`https://example.com`, not `http://localhost:8000` or `http://127.0.0.1`); GFM's autolink
 * literals, which Verity's parser follows, link more. A URL Vale leaves as text is prose to it.
 */
import type { Nodes, Parent, Root } from "mdast";
import { appendAligned, appendMasked, spaceInline, type Builder } from "./prose-block.ts";

/** goldmark's urlRegexp and wwwURLRegxp, up to the end of the host's last dotted part. */
const LINKIFIED = [/^(?:https?|ftp):\/\/[-a-zA-Z0-9@:%._+~#=]{1,256}\.[a-z]+/, /^www\.[-a-zA-Z0-9@:%._+~#=]{1,256}\.[a-z]+/];

/**
 * True for a link written as a bare URL or email address (no `<` `>`, no brackets) that goldmark would not link:
 * its text is plain text, as in Vale. `source` is the text the link's offsets are in; `afterInline` says
 * that another inline element (a link, a code span, a tag) ends right before it.
 */
export function isUnlinkedUrl(node: { type: string; url?: string; children?: readonly { type: string; value?: string }[]; position?: { start: { offset?: number } } }, source: string, afterInline: boolean): boolean {
  if (node.type !== "link" || node.children?.length !== 1 || node.children[0]!.type !== "text") return false;
  const text = node.children[0]!.value ?? "";
  const start = node.position?.start.offset;
  if (start === undefined || !source.startsWith(text, start)) return false;
  // An email address too (GFM links one after any character, goldmark only where its Linkify is tried).
  const isEmail = node.url === `mailto:${text}`;
  const isBare = isEmail || node.url === text || node.url === `http://${text}`;
  return isBare && ((!isEmail && !LINKIFIED.some((re) => re.test(text))) || !(afterInline || isLinkifyTrigger(source[start - 1])));
}

/**
 * Whether goldmark's Linkify is tried after this character (extension/linkify.go Trigger, parser.go
 * parseBlock): white space or a line's start, `*` `_` `~` `(`, a table cell's `|`; it is tried too right
 * after another inline element (a code span's backtick, a tag's `>`, a link's `)` or `]`: parseBlock's
 * retry), but not after the same characters written as text (`[Helm]https://…`, whose `]` closes no link).
 * GFM's autolink literals also link after a quote or a colon (`url="https://…"`, `x:https://…`); goldmark does not.
 */
function isLinkifyTrigger(before: string | undefined): boolean {
  return before === undefined || /[\s*_~(|]/.test(before);
}

/**
 * True when a link's text is its `href` as goldmark writes it (Vale stars such a link's text): goldmark
 * percent-encodes what its URL table does not allow (util.URLEscape: space, `"` `<` `>` `[` `\` `]` `^`
 * `` ` `` `{` `|` `}`, a `%` not before two hex digits, any non-ASCII), so a URL with one of them is not
 * its own text to Vale.
 */
export function isHrefText(text: string, url: string): boolean {
  return text === url && !/[\x00-\x20"<>[\\\]^`{|}\x7f-\uffff]|%(?![0-9A-Fa-f]{2})/.test(url);
}


/** goldmark's urlRegexp and wwwURLRegxp (extension/linkify.go, v1.5.6), whole. */
const GOLDMARK_URL = [
  /^(?:http|https|ftp):\/\/[-a-zA-Z0-9@:%._+~#=]{1,256}\.[a-z]+(?::\d+)?(?:[/#?][-a-zA-Z0-9@:%_+.~#$!?&/=();,'">^{}[\]`]*)?/,
  /^www\.[-a-zA-Z0-9@:%._+~#=]{1,256}\.[a-z]+(?:[/#?][-a-zA-Z0-9@:%_+.~#!?&/=();,'">^{}[\]`]*)?/,
];

/**
 * Where goldmark's Linkify ends the bare URL at `start` (linkifyParser.Parse): its regexp's match,
 * less one final `.`, or else unmatched final `)`s, or else an entity-like `&…;`, then less trailing
 * `?!.,:*_~`. So `(see https://x.y/z).` links `https://x.y/z)` (the `.` goes first, and the `)` is
 * then kept), and a non-ASCII path ends the link. Undefined when it links nothing there.
 */
export function goldmarkUrlEnd(source: string, start: number): number | undefined {
  const lineEnd = source.indexOf("\n", start);
  const line = source.slice(start, lineEnd < 0 ? undefined : lineEnd);
  const found = GOLDMARK_URL.map((re) => re.exec(line)).find((m) => m !== null);
  if (!found) return undefined;
  let end = found[0].length;
  const last = line[end - 1];
  if (last === ".") end--;
  else if (last === ")") {
    let closing = 0;
    for (let i = end - 1; i >= 0; i--) closing += line[i] === ")" ? 1 : line[i] === "(" ? -1 : 0;
    if (closing > 0) end -= closing;
  } else if (last === ";") {
    let i = end - 2;
    while (i >= 0 && /[A-Za-z0-9]/.test(line[i]!)) i--;
    if (i !== end - 2 && line[i] === "&") end = i;
  }
  let i = end - 1;
  while (i > 0 && "?!.,:*_~".includes(line[i]!)) i--;
  return start + i + 1;
}

/**
 * Appends a link whose text is its href, starred as Vale's clean() stars it (the starter read first:
 * `to [.github/x](.github/x)` is `to****`), and returns where the text after it starts to Vale when
 * that is past the link (a `)` goldmark took), else undefined; false when Vale does not star it (the
 * href goldmark writes is not the text), and the link is read as any other. A bare URL is starred to
 * where goldmark's Linkify ends it, and the rest of it, as Verity's parser read it, is text; one whose
 * href goldmark escapes, and that goldmark ends past Verity's parser, is its text unstarred, to that end.
 */
export function appendLinkedUrl(builder: Builder, child: { position?: { start: { offset?: number }; end: { offset?: number } } | undefined }, text: string, source: string): number | undefined | false {
  const start = child.position?.start.offset ?? 0;
  const end = child.position?.end.offset ?? start;
  const isBare = source.startsWith(text, start) && source[start - 1] !== "<" && source[start - 1] !== "[";
  const linked = isBare ? (goldmarkUrlEnd(source, start) ?? end) : end;
  if (!isHrefText(source.slice(start, linked), isBare ? source.slice(start, linked) : text)) {
    if (!isBare || linked <= end) return false;
    // goldmark took more than Verity's parser (`https://x.y/."`) and escaped it in the href: Vale reads the
    // link's text unstarred, one token, and the text after it as the next token.
    spaceInline(builder, text, false);
    appendAligned(builder, source.slice(start, end), source, start, end);
    [builder.boundary, builder.isSkipRead] = [true, true];
    return linked;
  }
  spaceInline(builder, text, false);
  appendMasked(builder, start, Math.min(linked, end));
  builder.boundary = true;
  if (linked < end) {
    spaceInline(builder, source.slice(linked, end), false);
    appendAligned(builder, source.slice(linked, end), source, linked, end);
  }
  return linked > end ? linked : undefined;
}

/** The text node's value and start, less what goldmark's link took of it (`builder.skipTo`). */
export function skipLinked(builder: Builder, value: string, source: string, start: number): { value: string; start: number } {
  const { skipTo, isSkipRead } = builder;
  [builder.skipTo, builder.isSkipRead] = [undefined, false];
  if (skipTo === undefined || skipTo <= start || !source.startsWith(value, start)) return { value, start };
  const taken = Math.min(skipTo - start, value.length);
  if (isSkipRead) appendAligned(builder, value.slice(0, taken), source, start, start + taken);
  else appendMasked(builder, start, start + taken);
  return { value: value.slice(taken), start: start + taken };
}

/**
 * An inline link (not a reference or an autolink) one of whose brackets a TokenIgnores match
 * covers, without the other: in Vale's rewritten file that bracket is inside inline code, so the
 * other has no partner. A match inside the destination leaves the link whole.
 */
export function isBrokenLink(node: Nodes, isTokenIgnored: ((start: number, end: number) => boolean) | undefined): boolean {
  if (node.type !== "link" || !isTokenIgnored || node.children.length === 0) return false;
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  const first = node.children[0]!.position?.start.offset;
  const last = node.children.at(-1)!.position?.end.offset;
  if (start === undefined || end === undefined || first === undefined || last === undefined || first <= start || last >= end) return false;
  return isTokenIgnored(start, start + 1) !== isTokenIgnored(last, last + 1);
}

/** Deepest container searched for link definitions (a card of 3,000 `>` must not overflow the stack). */
const MAX_DEPTH = 100;

/**
 * The destination of each link definition (`[id]: url`) by identifier, the first of an identifier
 * winning, as in CommonMark: a reference link is rendered `<a href="url">`, so Vale stars its text
 * when that is the URL, as it does an inline link's.
 */
export function definitionUrls(tree: Root): Map<string, string> {
  const urls = new Map<string, string>();
  const visit = (node: Nodes, depth: number) => {
    if (node.type === "definition") {
      if (!urls.has(node.identifier)) urls.set(node.identifier, node.url);
      return;
    }
    // Definitions are blocks: paragraphs, headings and tables hold none.
    if (depth >= MAX_DEPTH || !("children" in node) || node.type === "paragraph" || node.type === "heading" || node.type === "table") return;
    for (const child of (node as Parent).children) visit(child as Nodes, depth + 1);
  };
  visit(tree, 0);
  return urls;
}
