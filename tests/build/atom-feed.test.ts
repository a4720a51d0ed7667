/**
 * The Atom feed holds a card's title and description as text, whatever they contain: no markup from
 * a card becomes part of the XML document (which has no `<meta>` CSP of its own), and a feed reader
 * shows the title as written.
 */
import { decodeHTML } from "entities";
import sax from "sax";
import { describe, expect, it } from "vitest";
import { atomFeed, checkedFeed, type FeedEntry } from "../../src/build/atom-feed.ts";

const HOSTILE = [
  'Billing ]]>]]><x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(document.domain)</x:script><![CDATA[',
  "]]>]]>]]><script>alert(1)</script>",
  '<img src=x onerror="alert(1)"> & <b>bold</b>',
  "Control\u0001char and a lone \uD800 surrogate",
  "Refund a payment",
];

function feedOf(titles: readonly string[]): string {
  const entries: FeedEntry[] = titles.map((title, i) => ({ title, description: `${title} (description)`, url: `https://help.example.test/c/${i}/`, date: "2026-11-0" + ((i % 9) + 1), tags: ["billing"] }));
  return atomFeed({ title: "Help", description: "New articles", home: "https://help.example.test/", self: "https://help.example.test/feed.xml", favicon: "https://help.example.test/favicon.ico", lang: "en", today: "2026-12-01", entries });
}

/** Every element of the document (namespace and name), and the text of each entry title and summary. */
function read(xml: string): { elements: string[]; titles: string[]; summaries: string[] } {
  const parser = sax.parser(true, { xmlns: true });
  const elements: string[] = [];
  const titles: string[] = [];
  const summaries: string[] = [];
  const open: string[] = [];
  let text = "";
  parser.onopentag = (tag) => {
    const node = tag as sax.QualifiedTag;
    elements.push(`${node.uri} ${node.local}`);
    open.push(node.local);
    text = "";
  };
  parser.ontext = (t) => (text += t);
  parser.oncdata = (t) => (text += t);
  parser.onclosetag = () => {
    const name = open.pop();
    if (open.at(-1) === "entry" && name === "title") titles.push(text);
    if (open.at(-1) === "entry" && name === "summary") summaries.push(text);
  };
  parser.write(xml).close();
  return { elements, titles, summaries };
}

describe("the Atom feed", () => {
  it("keeps titles and descriptions text: only Atom elements, and each title reads back as written (minus what XML cannot hold)", () => {
    const xml = feedOf(HOSTILE);
    const { elements, titles, summaries } = read(xml);
    expect(elements.every((e) => e.startsWith("http://www.w3.org/2005/Atom "))).toBe(true);
    expect(elements).not.toContain("http://www.w3.org/1999/xhtml script");
    // type="html": the reader decodes the HTML, and gets the plain title back.
    const shown = titles.map((t) => decodeHTML(t)).sort();
    const expected = HOSTILE.map((t) => t.replace("\u0001", "").replace("\uD800", "")).sort();
    expect(shown).toEqual(expected);
    expect(summaries.map((t) => decodeHTML(t)).sort()).toEqual(expected.map((t) => `${t} (description)`).sort());
    expect(xml).not.toMatch(/<script|<x:script|onerror="/);
  });

  it("refuses to publish a feed that holds markup or foreign elements (the net behind the escaping)", () => {
    const good = feedOf(["Refund a payment"]);
    expect(checkedFeed(good)).toBe(good);
    const injected = good.replace("</entry>", '</entry><x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script>');
    expect(() => checkedFeed(injected)).toThrow(/feed\.xml is not safe to publish: it holds an element outside Atom \(x:script\)/);
    const foreign = good.replace("</entry>", '</entry><x:div xmlns:x="http://www.w3.org/1999/xhtml">hi</x:div>');
    expect(() => checkedFeed(foreign)).toThrow(/outside Atom \(x:div\)/);
    expect(() => checkedFeed(good.replace("</feed>", ""))).toThrow(/not well-formed/);
    expect(() => checkedFeed(good.replace("<feed ", '<feed onload="alert(1)" '))).toThrow(/event handler \(onload\)/);
    expect(() => checkedFeed(good.replace('<?xml version="1.0" encoding="utf-8"?>', '<?xml version="1.0" encoding="utf-8"?><?xml-stylesheet href="x.xsl"?>'))).toThrow(/xml-stylesheet/);
    expect(() => checkedFeed(good.replace(/href="https:\/\/help\.example\.test\/c\/0\/"/, 'href="javascript:alert(1)"'))).toThrow(/not an http\(s\) URL/);
  });

  it("publishes any words a card may hold, such as a title about JavaScript: settings or a path with javascript: in it", () => {
    const xml = feedOf(["Turn on JavaScript: browser settings", "Java Script: and vbscript: and livescript: explained"]);
    expect(read(xml).titles.map((t) => decodeHTML(t)).sort()).toEqual(["Java Script: and vbscript: and livescript: explained", "Turn on JavaScript: browser settings"]);
  });
});
