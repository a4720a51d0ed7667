/** What `html-removed` tells an author about each thing the sanitizer took out of a card, and what to do instead. */

export function elementMessage(tag: string, withContent: boolean): string {
  if (tag === "script") return "<script> is removed with its content: cards cannot run scripts. Delete it.";
  if (tag === "style") return "<style> is removed with its content: cards cannot restyle the site. Delete it and use Markdown formatting.";
  if (tag === "iframe" || tag === "object" || tag === "embed" || tag === "frame") {
    return `<${tag}> is removed: cards embed other pages only from hosts in the site's allow-list (sites.<site>.embeds), as a sandboxed <iframe src="https://...">.`;
  }
  return withContent
    ? `<${tag}> is not allowed in cards (GitHub's HTML rules), so it is removed with its content. Delete it, or write the content in Markdown.`
    : `<${tag}> is not allowed in cards (GitHub's HTML rules): the tag is removed and its text kept. Delete the tag or use Markdown instead.`;
}

export function attributeMessage(tag: string, attribute: string): string {
  if (/^on/i.test(attribute)) return `The event handler ${attribute} on <${tag}> is removed: cards cannot run scripts. Delete it.`;
  if (attribute === "style") return `The style attribute on <${tag}> is removed: cards cannot restyle the site. Delete it and use Markdown formatting.`;
  if (attribute === "class") return `The class attribute on <${tag}> is removed (GitHub's HTML rules). Delete it.`;
  return `The attribute ${attribute} on <${tag}> is not allowed in cards (GitHub's HTML rules) and is removed. Delete it.`;
}

export function urlMessage(tag: string, attribute: string, url: string): string {
  return (
    `The URL "${url}" in ${attribute} of <${tag}> is removed: links may use http, https, mailto or tel ` +
    `(images also data:image/png, jpeg, gif, webp or avif), never javascript:, vbscript: or other data: URLs. Use a web address or a path.`
  );
}

export function autolinkMessage(url: string, shown: string): string {
  const scheme = url.slice(0, url.indexOf(":"));
  return (
    `<${shown}> is read as a link to the URL "${shown}" (Markdown's autolink), and that link is removed: its scheme ${scheme}: is not http, https, mailto or tel. ` +
    `If it is a tag pasted from another tool (Confluence's <ac:…>, <ri:…>), delete it; otherwise write a web address or a path.`
  );
}
