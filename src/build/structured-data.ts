/**
 * schema.org structured data of the public help center, as JSON-LD: `Article` and `BreadcrumbList`
 * for every card page, `FAQPage` for cards made from the FAQ template (each H2 question with the
 * text that follows it). Types come from schema-dts, so a wrong property does not compile.
 */
import type { Nodes, Root } from "mdast";
import type { Article, BreadcrumbList, FAQPage, Graph, Question } from "schema-dts";
import type { Card } from "../core/cards/load.ts";
import { hiddenNodes } from "../core/site/hidden-text.ts";

export interface FaqEntry {
  question: string;
  answer: string;
}

/**
 * The questions of an FAQ card: every H2 and the plain text up to the next H2, without the text of
 * the `dropped` links the page leaves out (see core/site/link-text.ts).
 */
export function faqEntries(card: Card, dropped: ReadonlySet<Nodes> = new Set()): FaqEntry[] {
  const entries: FaqEntry[] = [];
  let current: { question: string; parts: string[] } | undefined;
  const flush = () => {
    if (current && current.parts.join(" ").trim()) entries.push({ question: current.question, answer: current.parts.join(" ").replace(/\s+/g, " ").trim() });
  };
  const hidden = new Set([...hiddenNodes(card.tree as Root), ...dropped]);
  for (const node of (card.tree as Root).children) {
    if (node.type === "heading" && node.depth <= 2) {
      flush();
      const question = plainText(node, hidden);
      current = node.depth === 2 && question ? { question, parts: [] } : undefined;
    } else if (current) current.parts.push(plainText(node, hidden));
  }
  flush();
  return entries;
}

/** The visible text of a node and its descendants (never the `hidden` ones, see hidden-text.ts), without recursion. */
export function plainText(root: Nodes, hidden: ReadonlySet<Nodes>): string {
  const parts: string[] = [];
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (hidden.has(node)) continue;
    if (node.type === "image") parts.push(node.alt ?? "");
    else if ("value" in node && typeof node.value === "string") parts.push(node.value);
    if ("children" in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
  }
  return parts.join("").trim();
}

export interface StructuredDataInput {
  siteTitle: string;
  siteUrl: string;
  pageUrl: string;
  collectionTitle: string;
  collectionUrl: string;
  homeUrl: string;
  title: string;
  description: string | undefined;
  lang: string;
  dateModified: string | undefined;
  imageUrl: string;
  faq: FaqEntry[] | undefined;
}

export function cardStructuredData(input: StructuredDataInput): Graph {
  const publisher = { "@type": "Organization" as const, name: input.siteTitle, url: input.siteUrl };
  const article: Article = {
    "@type": "Article",
    "@id": `${input.pageUrl}#article`,
    headline: input.title.slice(0, 110),
    ...(input.description ? { description: input.description } : {}),
    inLanguage: input.lang,
    url: input.pageUrl,
    mainEntityOfPage: input.pageUrl,
    image: input.imageUrl,
    ...(input.dateModified ? { dateModified: input.dateModified } : {}),
    author: publisher,
    publisher,
  };
  const breadcrumbs: BreadcrumbList = {
    "@type": "BreadcrumbList",
    itemListElement: [
      { "@type": "ListItem", position: 1, name: input.siteTitle, item: input.homeUrl },
      { "@type": "ListItem", position: 2, name: input.collectionTitle, item: input.collectionUrl },
      { "@type": "ListItem", position: 3, name: input.title, item: input.pageUrl },
    ],
  };
  const things: Graph["@graph"][number][] = [article, breadcrumbs];
  if (input.faq && input.faq.length > 0) {
    const faqPage: FAQPage = {
      "@type": "FAQPage",
      url: input.pageUrl,
      inLanguage: input.lang,
      mainEntity: input.faq.map((entry): Question => ({ "@type": "Question", name: entry.question, acceptedAnswer: { "@type": "Answer", text: entry.answer } })),
    };
    things.push(faqPage);
  }
  return { "@context": "https://schema.org", "@graph": things };
}

/** JSON for a `<script type="application/ld+json">` element: `<` escaped so no text can close it. */
export function jsonLd(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
