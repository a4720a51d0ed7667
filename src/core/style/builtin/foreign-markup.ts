/**
 * `foreign-markup`: markup of another writing tool, pasted with a card from it, that Markdown does
 * not have: wiki links (`[[Page]]`), admonition fences (`:::tip`, `!!! warning`), template tags
 * (`{% hint %}`, `{{< note >}}`, `{{dc.name}}`), Confluence storage tags (`<ac:…>`), heading
 * attributes (`{#id}`, `{: .class}`), and the wiki markup of Jira and Confluence (`h2. Title`,
 * `{code}`) and of MediaWiki (`== Title ==`). The sites show such markup as typed, brackets and braces on the
 * page; each finding says what Verity's Markdown writes instead.
 *
 * Only text is read: code, inline code, HTML and link addresses are never looked into, and a
 * character escaped with a backslash (`\[\[`) is text the author meant. Every pattern is bounded.
 */
import type { Nodes } from "mdast";
import type { Finding } from "../../lint/findings.ts";
import type { BuiltinProseRule, BuiltinRuleContext } from "../builtin-rules.ts";
import { guideLink } from "./guide-link.ts";

/** A cheap look at the whole file first: most cards have none of these. */
const ANY_MARK = /\[\[|:::|!!!|\?\?\?|\{%|\{\{|<\/?(?:ac|ri):|\{[ \t]*#|\{:|==|\{(?:code|noformat|panel|info|note|warning|tip|quote)\b|\bh[1-6]\.[ \t]/;

const WIKI_LINK = /(!?)\[\[[ \t]*([^[\]\s][^[\]\n]{0,199})\]\]/g;
const TEMPLATE_TAG = /(?<!\{)\{%-?[ \t]*([A-Za-z][\w-]{0,40})[^%\n]{0,200}?-?%\}/g;
const SHORTCODE = /\{\{([<%])[ \t]*\/?([A-Za-z][\w-]{0,40})[^\n]{0,200}?[>%]\}\}/g;
const PLACEHOLDER = /\{\{[ \t]*([A-Za-z_][\w.-]{0,80})[ \t]*\}\}/g;
const CONFLUENCE_TAG = /<\/?(ac|ri):[A-Za-z][\w-]{0,40}/;
/** At the end of a heading's text, or a paragraph of its own. */
const HEADING_ID = /[ \t]\{[ \t]*(#[\w-]{1,80})(?:[ \t]+[^{}\n]{0,120})?\}[ \t]*$/;
const ATTRIBUTE_LIST = /\{:[ \t]*[^{}\n]{0,200}\}/g;

/** The callout type Verity's Markdown writes for another tool's admonition name. */
const CALLOUT_OF: Record<string, string> = {
  note: "NOTE", info: "NOTE", information: "NOTE", abstract: "NOTE", summary: "NOTE", example: "NOTE", quote: "NOTE", secondary: "NOTE",
  tip: "TIP", hint: "TIP", success: "TIP", check: "TIP", done: "TIP", question: "TIP", help: "TIP", faq: "TIP",
  important: "IMPORTANT",
  warning: "WARNING", caution: "WARNING", attention: "WARNING",
  danger: "CAUTION", error: "CAUTION", failure: "CAUTION", fail: "CAUTION", bug: "CAUTION",
};

const calloutFor = (name: string): string => CALLOUT_OF[name.toLowerCase()] ?? "NOTE";
const SHOWN = "which Markdown does not have: the sites show it as typed.";

/** Marks read at the start of a line of text, each line reported for its first. */
const LINE_MARKS: readonly { pattern: RegExp; message: (match: RegExpExecArray) => string }[] = [
  {
    pattern: /^(:{3,})[ \t]*\{?[ \t]*\.?([A-Za-z][\w-]{0,40})/,
    message: ([whole, colons, name]) => `"${whole}" opens an admonition of Docusaurus or VuePress, ${SHOWN} Write a callout instead: a block quote whose first line is > [!${calloutFor(name!)}], and remove the closing "${colons}".`,
  },
  {
    pattern: /^(!!!|\?\?\?\+?)[ \t]+([A-Za-z][\w-]{0,40})/,
    message: ([whole, , name]) => `"${whole}" opens an admonition of MkDocs, ${SHOWN} Write a callout instead: a block quote whose first line is > [!${calloutFor(name!)}], then the text, each line starting with >.`,
  },
  {
    // Jira's and Confluence's wiki markup: `h2. Heading`, and a macro alone on its line (`{code:java}`, `{panel:title=x}`, `{info}`).
    pattern: /^h([1-6])\.[ \t]+\S/,
    message: ([whole, level]) => `"${whole.slice(0, 3)}" starts a heading in Jira's and Confluence's wiki markup, ${SHOWN} Write a Markdown heading: ${"#".repeat(Math.max(2, Number(level)))} and the text.`,
  },
  {
    pattern: /^\{(code|noformat|panel|info|note|warning|tip|quote)(?::[^{}\n]{0,100})?\}[ \t]*$/,
    message: ([whole, macro]) =>
      `"${whole.trim()}" is a macro of Jira's and Confluence's wiki markup, ${SHOWN} ` +
      (macro === "code" || macro === "noformat" ? "Write a fenced code block (```) instead." : macro === "quote" ? "Write a block quote (>) instead." : `Write a callout instead: a block quote whose first line is > [!${calloutFor(macro === "panel" ? "note" : macro!)}].`),
  },
  {
    // MediaWiki's `== Heading ==`.
    pattern: /^(={2,6})[ \t]*[^=\n]{1,200}?[ \t]*\1[ \t]*$/,
    message: ([whole, marks]) => `"${whole.trim()}" is a heading in MediaWiki's markup, ${SHOWN} Write a Markdown heading: ${"#".repeat(marks!.length)} and the text.`,
  },
];

function check(ctx: BuiltinRuleContext): Finding[] {
  const findings: Finding[] = [];
  if (!ANY_MARK.test(ctx.source)) return findings;
  const { source } = ctx;
  const report = (start: number, length: number, message: string) => findings.push(ctx.report(start, start + length, message));

  for (const { start, end, lineStarts, isHeading } of withLineStarts(textSpans(ctx.tree, ctx.bodyOffset), source)) {
    const raw = source.slice(start, end);
    for (const match of raw.matchAll(WIKI_LINK)) {
      const [whole, bang, inner] = match;
      const [target, label] = inner!.split("|", 2).map((part) => part.trim());
      report(
        start + match.index,
        whole.length,
        bang
          ? `"${whole}" is a wiki embed, ${SHOWN} Use a Markdown image with alt text: ![What the image shows](${target}).`
          : `"${whole}" is a wiki link, ${SHOWN} Link to the card's file instead: [${label || target}](../collection/card.md).`,
      );
    }
    for (const match of raw.matchAll(TEMPLATE_TAG)) {
      const name = match[1]!.toLowerCase();
      const instead = name.startsWith("end")
        ? CLOSING
        : name === "hint" || name === "callout"
          ? `Write a callout instead: a block quote whose first line is > [!${calloutFor(String(/style="(\w+)"/.exec(match[0])?.[1] ?? "info"))}].`
          : INSTEAD_OF_TEMPLATE;
      report(start + match.index, match[0].length, `"${match[0]}" is a template tag (GitBook, Jekyll, Liquid), which Verity does not run: the sites show it as typed. ${instead}`);
    }
    for (const match of raw.matchAll(SHORTCODE)) {
      const name = match[2]!.toLowerCase();
      const closes = /^\{\{[<%][ \t]*\//.test(match[0]);
      const instead = closes ? CLOSING : CALLOUT_OF[name] ? `Write a callout instead: a block quote whose first line is > [!${calloutFor(name)}].` : INSTEAD_OF_TEMPLATE;
      report(start + match.index, match[0].length, `"${match[0]}" is a Hugo shortcode, which Verity does not run: the sites show it as typed. ${instead}`);
    }
    for (const match of raw.matchAll(PLACEHOLDER)) {
      report(start + match.index, match[0].length, `"${match[0]}" is a template placeholder (Zendesk dynamic content, Mustache, Handlebars), which Verity does not fill in: the sites show it as typed. ${INSTEAD_OF_TEMPLATE}`);
    }
    const confluence = CONFLUENCE_TAG.exec(raw);
    if (confluence) {
      report(start + confluence.index, confluence[0].length, `"${confluence[0]}" is Confluence storage markup, ${SHOWN} Write this part in Markdown (export the page as Markdown, or copy its text).`);
    }
    for (const match of raw.matchAll(ATTRIBUTE_LIST)) {
      report(start + match.index, match[0].length, `"${match[0]}" is a kramdown attribute list, ${SHOWN} Remove it: the sites style cards themselves.`);
    }
    if (isHeading) {
      const id = HEADING_ID.exec(raw);
      if (id) {
        const at = id.index + id[0].indexOf("{");
        const length = id[0].trimEnd().length - id[0].indexOf("{");
        report(start + at, length, `"${raw.slice(at, at + length)}" sets a heading id in Pandoc, kramdown or Docusaurus, ${SHOWN} Remove it: the heading's id is made from its text.`);
      }
    }
    for (const at of lineStarts) {
      const line = raw.slice(at, lineEnd(raw, at));
      for (const { pattern, message } of LINE_MARKS) {
        const match = pattern.exec(line);
        if (!match) continue;
        report(start + at, match[0].trimEnd().length, message(match));
        break;
      }
    }
  }
  return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}

const INSTEAD_OF_TEMPLATE = `Write the text it stands for; for text several cards share, use a snippet (::snippet{name="…"}).`;
const CLOSING = "Remove it with the tag it closes.";

function lineEnd(text: string, from: number): number {
  const at = text.indexOf("\n", from);
  return at === -1 ? text.length : at;
}

interface TextSpan {
  start: number;
  end: number;
  /** Offsets in the span's text where a line of the source starts (after any block quote or list markers). */
  lineStarts: number[];
  isHeading: boolean;
}

/**
 * The runs of adjacent text nodes of every paragraph, heading and table cell, as source ranges: a
 * wiki link's brackets may be split over several text nodes, never over code, HTML or a link.
 */
function textSpans(tree: Nodes, bodyOffset: number): TextSpan[] {
  const spans: TextSpan[] = [];
  const stack: { node: Nodes; isHeading: boolean }[] = [{ node: tree, isHeading: false }];
  while (stack.length > 0) {
    const { node, isHeading } = stack.pop()!;
    if (!("children" in node)) continue;
    let run: TextSpan | undefined;
    for (const child of node.children as Nodes[]) {
      const start = child.position?.start.offset;
      const end = child.position?.end.offset;
      if (child.type === "text" && start !== undefined && end !== undefined && start >= bodyOffset) {
        if (run && run.end === start) run.end = end;
        else spans.push((run = { start, end, lineStarts: [], isHeading }));
        continue;
      }
      run = undefined;
      if (child.type === "code" || child.type === "inlineCode" || child.type === "html" || child.type === "yaml") continue;
      stack.push({ node: child, isHeading: isHeading || child.type === "heading" });
    }
  }
  return spans;
}

/** Fills each span's line starts: a line of the source begins there, after only indentation and block quote or list markers. */
function withLineStarts(spans: TextSpan[], source: string): TextSpan[] {
  for (const span of spans) {
    const raw = source.slice(span.start, span.end);
    const begin = source.lastIndexOf("\n", span.start - 1) + 1;
    if (LINE_PREFIX.test(source.slice(begin, span.start))) span.lineStarts.push(0);
    for (let at = raw.indexOf("\n"); at !== -1; at = raw.indexOf("\n", at + 1)) {
      const prefix = /^[ \t>]*/.exec(raw.slice(at + 1, at + 1 + 200))![0];
      span.lineStarts.push(at + 1 + prefix.length);
    }
  }
  return spans;
}

/** What may stand before a paragraph's first text on its line: indentation, block quote markers, a list item's marker. */
const LINE_PREFIX = /^[ \t>]{0,200}(?:(?:[-*+]|\d{1,9}[.)])[ \t]{1,8}(?:\[[ xX]\][ \t]{1,8})?)?$/;

export const foreignMarkup: BuiltinProseRule = {
  id: "foreign-markup",
  description: "Markup of another writing tool that Markdown does not have (wiki links, admonition fences, template tags, Confluence tags, heading attributes, Jira and MediaWiki markup), shown on the sites as typed.",
  defaultLevel: "warning",
  url: guideLink("markdown-from-other-tools"),
  fixable: false,
  check,
};
