/**
 * Card body -> HTML, once per card for both sites. Heading ids come from the same slugger lint
 * uses; links to other cards become relative hrefs (`../refunds/#steps`), so one rendering works
 * under any base path. A link to a card the public site does not have is rendered as plain text
 * there, which is the only case where a card is rendered a second time.
 */
import path from "node:path";
import type { Nodes } from "mdast";
import { defineHastPlugin, markdownToHtml } from "satteri";
import { visit } from "unist-util-visit";
import { createHeadingSlugger } from "../core/anchors.ts";
import type { CardIndex } from "../core/links.ts";
import { resolveLink } from "../core/links.ts";
import type { Card } from "../core/load-cards.ts";

export interface RenderedHeading {
  depth: number;
  text: string;
  id: string;
}

export interface RenderedCard {
  html: string;
  headings: RenderedHeading[];
  /** True when a link points to a card the public site does not have. */
  linksToHiddenCards: boolean;
  /** Files next to the card (images, attachments) the HTML refers to, and their site paths. */
  assets: CardAsset[];
}

export interface CardAsset {
  /** Absolute path of the file. */
  file: string;
  /** Site path it is published at: `/_files/<path under the content folder>`. */
  sitePath: string;
}

export interface RenderOptions {
  index: CardIndex;
  /** Cards a link may point to on the site being rendered; other card links become plain text. */
  isLinkable: (card: Card) => boolean;
  /** Cards the public site has; used to flag renderings the public site cannot share. */
  isPublic: (card: Card) => boolean;
  /** The content folder: asset site paths mirror their place under it. */
  contentDir: string;
}

const HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"];

export function renderCard(card: Card, options: RenderOptions): RenderedCard {
  const slug = createHeadingSlugger();
  const headings: RenderedHeading[] = [];
  let linksToHiddenCards = false;
  const assets: CardAsset[] = [];
  const plugin = defineHastPlugin({
    name: "verity-card",
    element: {
      filter: [...HEADINGS, "a", "img"],
      visit(node, ctx) {
        if (node.tagName === "a" || node.tagName === "img") {
          const key = node.tagName === "a" ? "href" : "src";
          const raw = node.properties?.[key];
          if (typeof raw !== "string") return;
          const target = resolveLink(card, raw, options.index);
          if (target.kind === "asset") {
            const rel = path.relative(options.contentDir, target.file).split(path.sep).join("/");
            if (rel.startsWith("../")) return;
            const sitePath = `/_files/${rel}`;
            assets.push({ file: target.file, sitePath });
            ctx.setProperty(node, key, `${relativeSitePath(card.url, path.posix.dirname(sitePath) + "/")}${encodeURIComponent(path.posix.basename(sitePath))}`);
            return;
          }
          if (target.kind !== "card") return;
          if (!options.isPublic(target.card)) linksToHiddenCards = true;
          if (!options.isLinkable(target.card)) {
            ctx.replaceNode(node, { type: "element", tagName: "span", properties: {}, children: [...node.children] });
            return;
          }
          const page = target.card === card ? "" : relativeSitePath(card.url, target.card.url);
          ctx.setProperty(node, key, target.anchor ? `${page}#${target.anchor}` : page || "./");
          return;
        }
        const text = ctx.textContent(node).trim();
        const id = slug(text);
        const depth = Number(node.tagName.slice(1));
        headings.push({ depth, text, id });
        ctx.setProperty(node, "id", id);
        ctx.appendChild(node, {
          type: "element",
          tagName: "a",
          properties: { className: ["heading-anchor"], href: `#${id}`, ariaLabel: `Link to this section: ${text}`, dataPagefindIgnore: "" },
          children: [{ type: "text", value: "#" }],
        });
      },
    },
  });
  const source = card.format === "mdx" ? withoutMdxCode(card) : card.source;
  const { html } = markdownToHtml(source, { hastPlugins: [plugin] });
  return { html, headings, linksToHiddenCards, assets };
}

/**
 * An MDX card's text with its code removed: `import`/`export` lines and `{expressions}` are
 * blanked, so the page shows the prose; JSX elements stay as HTML tags. Components are not run.
 */
function withoutMdxCode(card: Card): string {
  const ranges: [number, number][] = [];
  visit(card.tree, (node: Nodes) => {
    const type = node.type as string;
    if ((type === "mdxjsEsm" || type === "mdxFlowExpression" || type === "mdxTextExpression") && node.position) {
      ranges.push([node.position.start.offset ?? 0, node.position.end.offset ?? 0]);
    }
  });
  let text = card.source;
  for (const [start, end] of ranges.sort((a, b) => b[0] - a[0])) text = text.slice(0, start) + text.slice(start, end).replace(/[^\n]/g, " ") + text.slice(end);
  return text;
}

/** `/billing/refunds/` -> `/account/seats/` = `../../account/seats/`. Both are directory URLs. */
export function relativeSitePath(from: string, to: string): string {
  const fromParts = from.split("/").filter(Boolean);
  const toParts = to.split("/").filter(Boolean);
  let common = 0;
  while (common < fromParts.length && common < toParts.length && fromParts[common] === toParts[common]) common++;
  const up = fromParts.length - common;
  const rest = toParts.slice(common).map(encodeURIComponent);
  const prefix = up === 0 ? "./" : "../".repeat(up);
  return rest.length === 0 ? prefix : `${prefix}${rest.join("/")}/`;
}
