/**
 * Which bare URLs are links to Vale. Vale renders Markdown with goldmark, whose Linkify extension
 * (extension/linkify.go) links a bare URL only when its host ends in a dot and letters
 * (`https://example.com`, not `http://localhost:8000` or `http://127.0.0.1`); GFM's autolink
 * literals, which Verity's parser follows, link more. A URL Vale leaves as text is prose to it.
 */

/** goldmark's urlRegexp and wwwURLRegxp, up to the end of the host's last dotted part. */
const LINKIFIED = [/^(?:https?|ftp):\/\/[-a-zA-Z0-9@:%._+~#=]{1,256}\.[a-z]+/, /^www\.[-a-zA-Z0-9@:%._+~#=]{1,256}\.[a-z]+/];

/**
 * True for a link written as a bare URL (no `<` `>`, no brackets) that goldmark would not link:
 * its text is plain text, as in Vale. `source` is the text the link's offsets are in.
 */
export function isUnlinkedUrl(node: { type: string; url?: string; children?: readonly { type: string; value?: string }[]; position?: { start: { offset?: number } } }, source: string): boolean {
  if (node.type !== "link" || node.children?.length !== 1 || node.children[0]!.type !== "text") return false;
  const text = node.children[0]!.value ?? "";
  const start = node.position?.start.offset;
  if (start === undefined || !source.startsWith(text, start)) return false;
  const isBare = node.url === text || node.url === `http://${text}`;
  return isBare && !LINKIFIED.some((re) => re.test(text));
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
