/**
 * Links written in a card: inline links, images, reference definitions, URL attributes of raw
 * HTML (parsed with a real HTML parser, hast-util-from-html) and of MDX JSX elements, with their
 * positions. Lint resolves every one of them the same way.
 */
import type { Nodes as HastNodes } from "hast";
import type { Root } from "mdast";
import { toString } from "mdast-util-to-string";
import { forEachNode } from "../cards/tree-walk.ts";
import { htmlElements } from "../cards/html-elements.ts";
import { literalProps, type MdxAttribute } from "./mdx-components.ts";
import { markdownLinkHref } from "./page-href.ts";

export interface CardLink {
  /**
   * The address the page carries (page-href.ts): a Markdown link's URL percent-encoded as it is rendered
   * (`<a\tb>` is `a%09b`), an HTML or MDX attribute's value as parsed. Every decision on the link reads this.
   */
  url: string;
  /** The URL as written in the source, when it is not the page's address (a Markdown URL the rendering encodes). */
  written?: string;
  /** `html`: an attribute of a raw HTML or MDX JSX element (`attribute` names it). */
  kind: "link" | "image" | "definition" | "html";
  /** Link text (or alt text for images). */
  text: string;
  line: number;
  column: number;
  /** UTF-16 offsets of the whole link in the source. */
  start: number;
  end: number;
  /** For `html` links: the element and attribute, e.g. `a href`. */
  attribute?: string;
}

/** hast property names of attributes that hold a URL (or a list of them). */
const URL_PROPERTIES: Record<string, "one" | "srcset" | "list"> = {
  href: "one",
  src: "one",
  srcSet: "srcset",
  imageSrcSet: "srcset",
  poster: "one",
  data: "one",
  action: "one",
  formAction: "one",
  cite: "one",
  background: "one",
  longDesc: "one",
  xLinkHref: "one",
  codeBase: "one",
  manifest: "one",
  icon: "one",
  lowsrc: "one",
  dynsrc: "one",
  ping: "list",
  archive: "list",
};

/** The same attributes as written in MDX JSX (lowercased). */
const JSX_URL_ATTRIBUTES = new Map<string, "one" | "srcset" | "list">([
  ...Object.entries(URL_PROPERTIES).map(([name, kind]) => [name.toLowerCase(), kind] as [string, "one" | "srcset" | "list"]),
  ["xlink:href", "one"],
  ["srcset", "srcset"],
]);

/** True for an attribute name (HTML or MDX JSX, any case) that holds a URL, which link rules check. */
export function isUrlAttribute(name: string): boolean {
  return JSX_URL_ATTRIBUTES.has(name.toLowerCase());
}

export function collectLinks(tree: Root): CardLink[] {
  const links: CardLink[] = [];
  forEachNode(tree, (node) => {
    const type = node.type as string;
    if (type === "html") {
      collectHtmlLinks(node as { value: string; position?: Root["position"] }, links);
      return;
    }
    if (type === "mdxJsxFlowElement" || type === "mdxJsxTextElement") {
      collectJsxLinks(node as unknown as JsxElement, links);
      return;
    }
    if (node.type !== "link" && node.type !== "image" && node.type !== "definition") return;
    const position = node.position;
    const url = markdownLinkHref(node.url);
    links.push({
      url,
      ...(url === node.url ? {} : { written: node.url }),
      kind: node.type,
      text: node.type === "image" ? (node.alt ?? "") : node.type === "link" ? toString(node) : "",
      line: position?.start.line ?? 1,
      column: position?.start.column ?? 1,
      start: position?.start.offset ?? 0,
      end: position?.end.offset ?? 0,
    });
  });
  return links;
}

function urlsOf(value: unknown, kind: "one" | "srcset" | "list"): string[] {
  const items = Array.isArray(value) ? value.map(String) : typeof value === "string" ? [value] : [];
  if (kind === "one") return items;
  if (kind === "list") return items.flatMap((item) => item.split(/\s+/)).filter(Boolean);
  return items
    .flatMap((item) => item.split(","))
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? "")
    .filter(Boolean);
}

function collectHtmlLinks(node: { value: string; position?: Root["position"] }, links: CardLink[]): void {
  for (const { element, line, column, start, end } of htmlElements(node)) {
    for (const [name, value] of Object.entries(element.properties ?? {})) {
      const kind = URL_PROPERTIES[name];
      if (!kind) continue;
      for (const url of urlsOf(value, kind)) {
        links.push({ url, kind: "html", text: hastText(element), line, column, start, end, attribute: `${element.tagName} ${name}` });
      }
    }
  }
}

function hastText(node: HastNodes): string {
  if (node.type === "text") return node.value;
  const children = (node as { children?: HastNodes[] }).children;
  return children ? children.map(hastText).join("") : "";
}

interface JsxElement {
  name: string | null;
  attributes: MdxAttribute[];
  position?: Root["position"];
  children: unknown[];
}

function collectJsxLinks(node: JsxElement, links: CardLink[]): void {
  const position = node.position;
  // The values the page renders: a string, or a literal expression (`src={"../x.png"}`), read by
  // the same function the renderer uses, so that no form of an attribute escapes the link checks.
  for (const [name, value] of Object.entries(literalProps(node.attributes ?? []))) {
    const kind = JSX_URL_ATTRIBUTES.get(name.toLowerCase());
    if (!kind) continue;
    for (const url of urlsOf(value, kind)) {
      links.push({
        url,
        kind: "html",
        text: "",
        line: position?.start.line ?? 1,
        column: position?.start.column ?? 1,
        start: position?.start.offset ?? 0,
        end: position?.end.offset ?? 0,
        attribute: `${node.name ?? ""} ${name}`,
      });
    }
  }
}

/** A link as a message names it: its URL, and the HTML attribute it sits in. */
export function describeLink(link: CardLink): string {
  return link.kind === "html" && link.attribute ? `${link.url} (${link.attribute} in HTML)` : link.url;
}
