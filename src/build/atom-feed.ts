/**
 * The Atom feed of a site (`feed.xml`): its newest cards, written by the `feed` package, made safe
 * where the text goes in and checked as a document before it is published.
 *
 * The `feed` package writes an entry's title and summary as CDATA sections marked `type="html"`:
 * a reader takes them as HTML. A card's title is text, so it goes in HTML-escaped: `<b>` in a title
 * is shown, not rendered, by the reader. Escaping `>` also keeps every `]]>` out of the section: the
 * package's XML writer (xml-js `writeCdata`) breaks up only the first one of a value, and a second
 * would end the section and make the rest of the title live markup on the site's own origin (a feed
 * is an XML document, with no `<meta>` Content-Security-Policy). The finished feed is then checked
 * to hold Atom elements only.
 */
import { escapeUTF8 } from "entities";
import { Feed } from "feed";
import sax from "sax";

export interface FeedEntry {
  title: string;
  /** Absolute URL of the card. */
  url: string;
  description?: string | undefined;
  /** Calendar date (YYYY-MM-DD) of the change. */
  date: string;
  tags: readonly string[];
}

export interface FeedInput {
  title: string;
  description: string;
  /** Absolute URL of the site's home, of the feed, and of its icon. */
  home: string;
  self: string;
  favicon: string;
  lang: string;
  /** The day the feed says it was updated when it has no entry. */
  today: string;
  entries: readonly FeedEntry[];
}

const ATOM = "http://www.w3.org/2005/Atom";
/** Characters XML 1.0 does not allow in a document at all (C0 controls other than tab and line ends, lone surrogates, U+FFFE/FFFF). */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` without the characters an XML document cannot hold. */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, "");
}

/** Plain `text` as the HTML of a `type="html"` title or summary: escaped, so it holds no `<`, `>` or `]]>`. */
export function feedHtml(text: string): string {
  return escapeUTF8(xmlText(text));
}

export function atomFeed(input: FeedInput): string {
  const feed = new Feed({
    title: xmlText(input.title),
    description: xmlText(input.description),
    id: input.home,
    link: input.home,
    language: input.lang,
    favicon: input.favicon,
    copyright: xmlText(input.title),
    updated: new Date(`${input.entries[0]?.date ?? input.today}T00:00:00Z`),
    feedLinks: { atom: input.self },
  });
  for (const entry of input.entries) {
    feed.addItem({
      title: feedHtml(entry.title),
      id: entry.url,
      link: entry.url,
      description: feedHtml(entry.description ?? entry.title),
      date: new Date(`${entry.date}T00:00:00Z`),
      category: entry.tags.map((name) => ({ name: xmlText(name) })),
    });
  }
  return checkedFeed(feed.atom1());
}

/**
 * `xml` when it is a plain Atom document: well-formed, no DOCTYPE (no entity declarations), no
 * processing instruction but the XML declaration (no stylesheet), only Atom elements, no event
 * handler attribute, and every `href` an http(s) URL. Anything else stops the build: it is a bug
 * here, never content. (Titles and summaries are escaped text inside these elements, so no word
 * written in a card, such as "JavaScript:", can fail it.)
 */
export function checkedFeed(xml: string): string {
  const problems: string[] = [];
  const parser = sax.parser(true, { xmlns: true });
  parser.onerror = (error) => {
    problems.push(`it is not well-formed XML (${error.message.split("\n")[0]})`);
    throw error;
  };
  parser.ondoctype = () => void problems.push("it has a DOCTYPE");
  parser.onprocessinginstruction = (pi) => {
    if (pi.name.toLowerCase() !== "xml") problems.push(`it has an <?${pi.name}?> instruction`);
  };
  parser.onopentag = (tag) => {
    const node = tag as sax.QualifiedTag;
    if (node.uri !== ATOM) problems.push(`it holds an element outside Atom (${node.name})`);
    for (const attribute of Object.values(node.attributes)) {
      if (/^on/i.test(attribute.local)) problems.push(`it has an event handler (${attribute.name})`);
      if (attribute.local === "href" && !/^https?:\/\//i.test(attribute.value)) problems.push(`it has an href that is not an http(s) URL (${attribute.value})`);
    }
  };
  try {
    parser.write(xml).close();
  } catch {
    // Reported through onerror.
  }
  if (problems.length > 0) throw new Error(`feed.xml is not safe to publish: ${[...new Set(problems)].join("; ")}. This is a bug in Verity's feed writer; please report it with the card titles of the feed.`);
  return xml;
}
