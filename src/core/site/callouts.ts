/**
 * GitHub's alert syntax in plain Markdown, rendered as GitHub renders it: a block quote whose first
 * line is exactly `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]` or `[!CAUTION]` (any case)
 * becomes a titled callout with an icon. Anything else stays a block quote (GitHub does the same).
 *
 * satteri has no alert extension, so the sanitized hast is transformed once here, for lint and both
 * sites. It runs AFTER the sanitizer: the callout's markup (class, role, label, icon) is made by this
 * code from the quote's structure, never taken from what an author wrote (the sanitizer has already
 * removed author classes and roles), and the quote's content is the sanitized content.
 */
import type { Element, ElementContent, Root } from "hast";

export const CALLOUT_TYPES = ["note", "tip", "important", "warning", "caution"] as const;
export type CalloutType = (typeof CALLOUT_TYPES)[number];

export const CALLOUT_TITLES: Record<CalloutType, string> = {
  note: "Note",
  tip: "Tip",
  important: "Important",
  warning: "Warning",
  caution: "Caution",
};

/** The marker alone on the quote's first line (GitHub: nothing else may follow it on that line). */
const MARKER = /^\s*\[!(note|tip|important|warning|caution)\][ \t]*(?:\r?\n|$)/i;

/** Replaces every alert block quote in the tree with a callout (in place). */
export function applyCallouts(tree: Root): void {
  const stack: (Root | Element)[] = [tree];
  while (stack.length > 0) {
    const parent = stack.pop()!;
    parent.children = parent.children.map((child) => {
      if (child.type !== "element") return child;
      const callout = child.tagName === "blockquote" ? toCallout(child) : undefined;
      stack.push(callout ?? child);
      return callout ?? child;
    }) as typeof parent.children;
  }
}

function toCallout(quote: Element): Element | undefined {
  const first = quote.children.find((c) => !(c.type === "text" && c.value.trim() === ""));
  if (!first || first.type !== "element" || first.tagName !== "p") return undefined;
  const lead = first.children[0];
  if (!lead || lead.type !== "text") return undefined;
  const match = MARKER.exec(lead.value);
  if (!match) return undefined;
  // GitHub: a marker with nothing after it in the whole quote is not an alert.
  const rest = lead.value.slice(match[0].length);
  const firstRest: ElementContent[] = rest === "" ? first.children.slice(1) : [{ ...lead, value: rest }, ...first.children.slice(1)];
  const body: ElementContent[] = [];
  let hasContent = false;
  for (const child of quote.children) {
    if (child === first) {
      if (firstRest.some((c) => c.type !== "text" || c.value.trim() !== "")) {
        body.push({ ...first, children: firstRest });
        hasContent = true;
      }
      continue;
    }
    if (child.type !== "text" || child.value.trim() !== "") hasContent = true;
    body.push(child);
  }
  if (!hasContent) return undefined;
  const type = match[1]!.toLowerCase() as CalloutType;
  return calloutElement(type, CALLOUT_TITLES[type], body, quote.position);
}

/**
 * The callout's markup: a `role="note"` region labelled with its type, so a screen reader announces
 * "Warning, note" before the text (a custom title is announced after the type); the visible title
 * repeats it beside a decorative icon.
 */
export function calloutElement(type: CalloutType, title: string, body: ElementContent[], position?: Element["position"]): Element {
  return {
    type: "element",
    tagName: "div",
    properties: { className: ["callout", `callout-${type}`], role: "note", ariaLabel: title === CALLOUT_TITLES[type] ? title : `${CALLOUT_TITLES[type]}: ${title}` },
    children: [
      {
        type: "element",
        tagName: "p",
        properties: { className: ["callout-title"], ariaHidden: "true" },
        children: [icon(), { type: "text", value: title }],
      },
      ...body,
    ],
    ...(position ? { position } : {}),
  };
}

/** The icon is drawn by the sites' stylesheet (a CSS mask per type), so card HTML holds no SVG. */
function icon(): Element {
  return { type: "element", tagName: "span", properties: { className: ["callout-icon"], ariaHidden: "true" }, children: [] };
}
