/**
 * The built-in components' markup (project code), put around an MDX card's already-sanitized
 * content in place of the placeholders `lowerMdx` made (see mdx-components.ts). Props reach the
 * page only as text nodes and as the values of attributes chosen here (a tab's label, a badge's
 * variant from a fixed list), never as markup.
 *
 * Tabs work without script (every panel shown, each under its label); the sites' tab script
 * (src/client/card-components.ts, a bundled file: the CSP allows no inline script) turns them into
 * a tab list. Hidden panels stay in the HTML, so search indexes every tab.
 */
import type { Element, ElementContent, Root } from "hast";
import { GENERATED_ID_PREFIX } from "./anchors.ts";
import { CALLOUT_TITLES, CALLOUT_TYPES, calloutElement, type CalloutType } from "./callouts.ts";
import { directiveName } from "../cards/snippet-directive.ts";
import { COMPONENT_TAG, type ComponentUse } from "./mdx-components.ts";

export const BADGE_VARIANTS = ["default", "note", "tip", "important", "warning", "caution", "success"] as const;

/** What a snippet placeholder becomes: its rendered, sanitized body (or nothing when it has none). */
export type SnippetResolver = (name: string) => ElementContent[] | undefined;

interface ExpandState {
  uses: readonly ComponentUse[];
  tabs: number;
  /** What makes the generated ids of this card's tabs its own (see {@link expandComponents}). */
  scope: string;
  snippet?: SnippetResolver;
}

/**
 * Replaces every placeholder in the (sanitized) tree with its component's markup, in place.
 * `cardId` goes into the ids of its tabs and panels: a wiki page shows a card and its companion's
 * body, and the tab script finds a tab's panel by id, so two cards' tabs must never share one.
 */
export function expandComponents(tree: Root, uses: readonly ComponentUse[], snippet?: SnippetResolver, cardId?: string): void {
  // A card id has no ".": "help/pay" -> "help.pay-", one scope per card.
  const state: ExpandState = { uses, tabs: 0, scope: cardId ? `${cardId.replace(/\//g, ".")}-` : "", ...(snippet ? { snippet } : {}) };
  tree.children = expandChildren(tree.children as ElementContent[], state, 0) as Root["children"];
}

function expandChildren(children: readonly ElementContent[], state: ExpandState, depth: number): ElementContent[] {
  if (depth > 400) throw new RangeError("components nest too deeply");
  const out: ElementContent[] = [];
  for (const child of children) {
    if (child.type !== "element") {
      out.push(child);
      continue;
    }
    if (child.tagName !== COMPONENT_TAG) {
      child.children = expandChildren(child.children, state, depth + 1);
      out.push(child);
      continue;
    }
    const use = state.uses[Number(child.properties.dataComponent)];
    if (!use) continue;
    out.push(...expandOne(use, child, state, depth));
  }
  return out;
}

function expandOne(use: ComponentUse, placeholder: Element, state: ExpandState, depth: number): ElementContent[] {
  const { props } = use;
  const position = placeholder.position ? { position: placeholder.position } : {};
  if (use.name === "Tabs") return [tabs(placeholder, props, state, depth)];
  const children = expandChildren(placeholder.children, state, depth + 1);
  switch (use.name) {
    case "Callout": {
      const type = (CALLOUT_TYPES as readonly string[]).includes(props.type ?? "") ? (props.type as CalloutType) : "note";
      return [calloutElement(type, props.title || CALLOUT_TITLES[type], children, placeholder.position)];
    }
    case "Steps":
      return [el("div", { className: ["steps"] }, children, position)];
    case "Tab": // a Tab outside Tabs: its content, under its label
      return [el("div", { className: ["tabs-panel"] }, [el("p", { className: ["tabs-panel-label"] }, [text(props.label ?? "")]), ...children], position)];
    case "Details":
      return [el("details", { className: ["details"], ...(props.open !== undefined ? { open: true } : {}) }, [el("summary", {}, [text(props.summary || "Details")]), ...children], position)];
    case "Figure": {
      const [first, ...rest] = children;
      if (first?.type === "element" && first.tagName === "a") first.properties.className = ["figure-zoom"];
      const caption = props.caption ? [el("figcaption", {}, [text(props.caption)])] : [];
      return [el("figure", { className: ["figure"] }, [...(first ? [first] : []), ...rest, ...caption], position)];
    }
    case "Video": {
      const caption = props.title ? [el("p", { className: ["video-caption"] }, [text(props.title)])] : [];
      return [el("div", { className: ["video"] }, [...children, ...caption], position)];
    }
    case "Badge": {
      const variant = (BADGE_VARIANTS as readonly string[]).includes(props.variant ?? "") ? props.variant! : "default";
      const content = props.text !== undefined ? [text(props.text)] : children;
      return [el("span", { className: ["badge", `badge-${variant}`] }, content, position)];
    }
    case "Snippet":
      return state.snippet?.(props.name ?? "") ?? [];
  }
  return children;
}

function tabs(placeholder: Element, props: Record<string, string>, state: ExpandState, depth: number): Element {
  const group = ++state.tabs;
  const panels: { label: string; children: ElementContent[]; position?: Element["position"] }[] = [];
  for (const child of placeholder.children) {
    if (child.type === "text" && child.value.trim() === "") continue;
    const use = child.type === "element" && child.tagName === COMPONENT_TAG ? state.uses[Number(child.properties.dataComponent)] : undefined;
    if (child.type === "element" && use?.name === "Tab") {
      panels.push({ label: use.props.label || `Tab ${panels.length + 1}`, children: expandChildren(child.children, state, depth + 1), ...(child.position ? { position: child.position } : {}) });
    } else if (panels.length > 0) {
      panels.at(-1)!.children.push(...expandChildren([child], state, depth + 1)); // stray content stays with the tab before it
    } else {
      panels.push({ label: `Tab ${panels.length + 1}`, children: expandChildren([child], state, depth + 1) });
    }
  }
  const id = (kind: string, i: number) => `${GENERATED_ID_PREFIX}tabs-${state.scope}${group}-${kind}-${i}`;
  const list = el(
    "div",
    { className: ["tabs-list"], role: "tablist", hidden: true, dataPagefindIgnore: "" },
    panels.map((panel, i) =>
      el("button", { type: "button", role: "tab", id: id("tab", i), ariaControls: [id("panel", i)], ariaSelected: i === 0 ? "true" : "false", tabIndex: i === 0 ? 0 : -1, dataTabLabel: panel.label }, [text(panel.label)]),
    ),
  );
  const bodies = panels.map((panel, i) =>
    el(
      "div",
      { className: ["tabs-panel"], role: "tabpanel", id: id("panel", i), ariaLabelledBy: [id("tab", i)], dataTabLabel: panel.label, tabIndex: 0 },
      [el("p", { className: ["tabs-panel-label"] }, [text(panel.label)]), ...panel.children],
      panel.position ? { position: panel.position } : {},
    ),
  );
  // The key names a localStorage entry: a plain token, whatever the author wrote.
  const key = (props.syncKey ?? "").toLowerCase().replace(/[^a-z0-9_-]+/g, "-").slice(0, 40) || "default";
  return el("div", { className: ["tabs"], dataTabsKey: key }, [list, ...bodies], placeholder.position ? { position: placeholder.position } : {});
}

function el(tagName: string, properties: Element["properties"], children: ElementContent[], extra: { position?: Element["position"] } = {}): Element {
  return { type: "element", tagName, properties, children, ...extra };
}

function text(value: string): ElementContent {
  return { type: "text", value };
}

/**
 * Markdown cards: every paragraph that is exactly `::snippet{name="..."}` becomes the snippet's
 * rendered body (see src/core/cards/snippets.ts), in place. Runs on the sanitized tree. `includes`
 * holds the source offsets of the Markdown paragraphs that include a snippet, the ones lint reads
 * (`snippetReferences`): a raw HTML `<p>` with the same words is no include and stays text, as on
 * GitHub, since lint would check neither the snippet's audience nor its text, links and files.
 */
export function expandSnippetDirectives(tree: Root, snippet: SnippetResolver, includes: ReadonlySet<number>): void {
  const stack: (Root | Element)[] = [tree];
  while (stack.length > 0) {
    const parent = stack.pop()!;
    const next: ElementContent[] = [];
    for (const child of parent.children as ElementContent[]) {
      if (child.type !== "element") {
        next.push(child);
        continue;
      }
      const only = child.tagName === "p" && child.children.length === 1 ? child.children[0] : undefined;
      const name = only?.type === "text" && includes.has(child.position?.start.offset ?? -1) ? directiveName(only.value) : undefined;
      if (name !== undefined) {
        next.push(...(snippet(name) ?? []));
        continue;
      }
      stack.push(child);
      next.push(child);
    }
    parent.children = next as typeof parent.children;
  }
}
