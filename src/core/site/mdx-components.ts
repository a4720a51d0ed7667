/**
 * The built-in MDX components (Callout, Steps, Tabs, Details, Figure, Video, Badge, Snippet) and how
 * an MDX card runs through them: never as code. satteri parses the card into hast with its MDX
 * nodes; this module maps JSX elements of the allowed names to placeholder elements (their
 * attributes kept as literal strings), lowercase JSX elements (`<div>`, `<details>`) to ordinary
 * HTML elements, and drops imports, exports and `{expressions}` (lint reports them). The whole
 * tree then goes through the card sanitizer like Markdown, and only after that are the
 * placeholders expanded into the components' markup, which is project code. So:
 *
 * - author code is never evaluated (no file, environment or network access at build time);
 * - everything an author wrote (attributes, URLs passed to components, HTML) is sanitized by the
 *   same schema as Markdown, in the same one-pass render as every other card;
 * - component props reach the page only as text nodes or as attributes of elements the sanitizer
 *   has already judged (a Figure's image, a Video's frame).
 *
 * Why not @astrojs/mdx: compiling each card as an MDX module would evaluate author JavaScript at
 * build time (the very thing to forbid), render every MDX card a second time outside the one-pass
 * render, and leave the sanitizer unable to see the output before the components add their markup.
 */
import type { Element, ElementContent, Properties, Root, RootContent } from "hast";
import { onFirstUse } from "../load-on-use.ts";

/** HTML attribute names and kinds, needed only for MDX cards with JSX attributes. */
const propertyInformation = onFirstUse<typeof import("property-information")>("property-information");

export const COMPONENT_NAMES = ["Callout", "Steps", "Tabs", "Tab", "Details", "Figure", "Video", "Badge", "Snippet"] as const;
export type ComponentName = (typeof COMPONENT_NAMES)[number];

/** The module the built-in components may be imported from (imports are optional: they are always in scope). */
export const COMPONENT_MODULE = "verity:components";
/** Project components may be imported from here (relative to the project root). */
export const PROJECT_COMPONENT_DIR = "src/components/cards/";

/**
 * The placeholder's tag name. It holds a space, which neither the HTML parser nor MDX can produce,
 * so no author can write one; only MDX cards' sanitizer schema allows it.
 */
export const COMPONENT_TAG = "verity component";

export function isComponentName(name: string): name is ComponentName {
  return (COMPONENT_NAMES as readonly string[]).includes(name);
}

export interface ComponentUse {
  name: ComponentName;
  /** Attributes with a literal value (strings; `true` attributes as ""). */
  props: Record<string, string>;
}

const MAX_DEPTH = 400;

/** A JSX attribute value or expression that is a plain literal: its value; undefined otherwise. */
export function literalValue(expression: string): string | undefined {
  const text = expression.trim();
  if (text.length > 10_000) return undefined;
  if (/^-?\d+(?:\.\d+)?$/.test(text) || text === "true" || text === "false") return text;
  if (/^"(?:[^"\\\n]|\\.)*"$/.test(text)) return parseJsonString(text);
  if (/^'(?:[^'\\\n]|\\.)*'$/.test(text)) return parseJsonString(`"${text.slice(1, -1).replace(/\\'/g, "'").replace(/(^|[^\\])((?:\\\\)*)"/g, '$1$2\\"')}"`);
  return undefined;
}

function parseJsonString(text: string): string | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "string" ? value : undefined;
  } catch {
    return undefined;
  }
}

/** `{/* a comment *\/}`: an expression with nothing but comments (MDX's way to write one). */
export function isCommentExpression(expression: string): boolean {
  return expression.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/[^\n]*/g, "").trim() === "";
}

export interface MdxAttribute {
  type: string;
  name?: string;
  value?: string | null | { type: string; value: string };
}

interface MdxJsxNode {
  type: "mdxJsxFlowElement" | "mdxJsxTextElement";
  name: string | null;
  attributes: MdxAttribute[];
  children: unknown[];
  position?: Element["position"];
}

/**
 * Attributes with a literal value, by the name the author wrote. With `keepCode`, an expression
 * value that is not a literal is kept as its source text (never evaluated), so the sanitizer still
 * judges, and lint reports, `onClick={...}` on an HTML element.
 */
export function literalProps(attributes: readonly MdxAttribute[], keepCode = false): Record<string, string> {
  const props: Record<string, string> = {};
  for (const attribute of attributes) {
    if (attribute.type !== "mdxJsxAttribute" || !attribute.name) continue;
    const value = attribute.value;
    if (value === null || value === undefined) props[attribute.name] = "";
    else if (typeof value === "string") props[attribute.name] = value;
    else {
      const literal = literalValue(value.value);
      if (literal !== undefined) props[attribute.name] = literal;
      else if (keepCode) props[attribute.name] = value.value;
    }
  }
  return props;
}

/**
 * Replaces the MDX nodes of satteri's MDX hast (in place): components become placeholders, HTML
 * elements become elements, code goes. Returns the components by placeholder index.
 */
export function lowerMdx(tree: Root): ComponentUse[] {
  const uses: ComponentUse[] = [];
  tree.children = lowerChildren(tree.children as unknown[], uses, 0) as RootContent[];
  return uses;
}

function lowerChildren(children: readonly unknown[], uses: ComponentUse[], depth: number): ElementContent[] {
  if (depth > MAX_DEPTH) throw new RangeError("MDX nests too deeply");
  const out: ElementContent[] = [];
  for (const raw of children) {
    const node = raw as { type: string; children?: unknown[] };
    switch (node.type) {
      case "mdxjsEsm":
      case "mdxFlowExpression":
      case "mdxTextExpression":
        continue; // never evaluated, never shown (lint: mdx-code)
      case "mdxJsxFlowElement":
      case "mdxJsxTextElement":
        out.push(...lowerJsx(node as unknown as MdxJsxNode, uses, depth));
        continue;
      case "element": {
        const element = node as unknown as Element;
        element.children = lowerChildren(element.children, uses, depth + 1);
        out.push(element);
        continue;
      }
      default:
        out.push(node as ElementContent);
    }
  }
  return out;
}

function lowerJsx(node: MdxJsxNode, uses: ComponentUse[], depth: number): ElementContent[] {
  const children = lowerChildren(node.children, uses, depth + 1);
  const name = node.name ?? "";
  const position = node.position ? { position: node.position } : {};
  if (isComponentName(name)) {
    const props = literalProps(node.attributes);
    const index = uses.push({ name, props }) - 1;
    return [{ type: "element", tagName: COMPONENT_TAG, properties: { dataComponent: String(index) }, children: [...authorParts(name, props, position), ...children], ...position }];
  }
  if (/^[a-z][a-z0-9-]*$/.test(name)) {
    return [{ type: "element", tagName: name, properties: htmlProperties(literalProps(node.attributes, true)), children, ...position }];
  }
  // A fragment, an unknown or project component: its content stays, its own markup does not (lint: mdx-component).
  return children;
}

/**
 * The author's URLs a component shows, as the elements they become, so the sanitizer (and then the
 * site's embed allow-list) judges them like the same HTML written in Markdown.
 */
function authorParts(name: ComponentName, props: Record<string, string>, position: { position?: Element["position"] }): Element[] {
  if (name === "Figure" && props.src !== undefined) {
    const img: Element = { type: "element", tagName: "img", properties: { src: props.src, alt: props.alt ?? "" }, children: [], ...position };
    return [{ type: "element", tagName: "a", properties: { href: props.src }, children: [img], ...position }];
  }
  if (name === "Video" && props.src !== undefined) {
    const isFile = /\.(?:mp4|webm|ogg|mov)(?:[?#].*)?$/i.test(props.src) && !/^[a-z][a-z0-9+.-]*:/i.test(props.src);
    return [
      isFile
        ? { type: "element", tagName: "video", properties: { src: props.src, controls: true, preload: "metadata" }, children: [], ...position }
        : { type: "element", tagName: "iframe", properties: { src: props.src, title: props.title ?? "Video", allowFullScreen: true }, children: [], ...position },
    ];
  }
  return [];
}

/** JSX attributes -> hast properties (`class` -> className, `colSpan`...), for the sanitizer to judge. */
function htmlProperties(props: Record<string, string>): Properties {
  const properties: Properties = {};
  const { find, html: htmlSchema } = propertyInformation();
  for (const [attribute, value] of Object.entries(props)) {
    const info = find(htmlSchema, attribute === "className" ? "class" : attribute === "htmlFor" ? "for" : attribute);
    // property-information finds no entry for `constructor` or `__proto__` (it looks them up with `in`): an
    // attribute the sanitizer removes, and lint reports, like any other it does not know. Defined, not
    // assigned, so `__proto__` is an attribute and never the properties' prototype.
    if (!info) {
      Object.defineProperty(properties, attribute, { value, enumerable: true, writable: true, configurable: true });
      continue;
    }
    if (info.boolean) properties[info.property] = true;
    else if (info.spaceSeparated) properties[info.property] = value.split(/\s+/).filter(Boolean);
    else if (info.commaSeparated) properties[info.property] = value.split(",").map((v) => v.trim());
    else properties[info.property] = value;
  }
  return properties;
}
