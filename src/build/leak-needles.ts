/**
 * The leak check's needles: what identifies a card the public site must not have (id, URL, title,
 * description, tags, aliases, internal-only owners, file names, headings, code lines, link targets
 * and its longest sentences), and of internal snippets; and the text the site's own templates print,
 * which is never evidence of a leak.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Code, Heading, InlineCode, Text } from "mdast";
import { toString } from "mdast-util-to-string";
import type { Card } from "../core/cards/load.ts";
import { forEachNode } from "../core/cards/tree-walk.ts";
import { snippetsOf } from "../core/cards/snippets.ts";
import type { Project } from "../core/project/project.ts";
import { normaliseSitePath, resolveLink, type CardIndex } from "../core/site/links.ts";
import { APP_ROOT } from "./astro-runner.ts";
import { languageName } from "./locales.ts";
import { DEFAULT_SUPPORT_LABEL } from "../core/project/config.ts";
import { headersFile } from "../core/site/csp.ts";
import { CALLOUT_TITLES } from "../core/site/callouts.ts";
import { RENDERER_TEXT } from "./render-card.ts";
import type { SiteData } from "./site-data.ts";
import type { Needle } from "./leak-scan.ts";
import { decodeForScan, normaliseForScan } from "./scan-text.ts";
import type { PhraseSearch } from "./phrase-search.ts";

const BODY_SENTENCES_PER_CARD = 12;
const MIN_PHRASE_LENGTH = 24;
const CODE_LINES_PER_CARD = 8;
const MIN_CODE_LENGTH = 12;
const HEADINGS_PER_CARD = 24;

/** The key a needle is searched by: the scan's normal form, trimmed. */
export function needleKey(text: string): string {
  return normaliseForScan(text).trim();
}

export function cardNeedles(card: Card, index: CardIndex, publicOwners: ReadonlySet<string>, isPublicAddress: (url: string) => boolean): Needle[] {
  const source = card.relPath;
  const list: Needle[] = [
    { text: card.id, kind: "id", source },
    { text: card.url, kind: "url", source },
    { text: card.data.title, kind: "title", source },
    { text: path.basename(card.file), kind: "file name", source },
    { text: path.basename(card.file).replace(/\.mdx?$/i, ""), kind: "file name", source },
  ];
  // An owner handle that also owns public cards is not internal-only: the public site could name it.
  for (const owner of [card.data.owner, card.data.verified_by]) {
    if (owner && !publicOwners.has(owner.toLowerCase())) list.push({ text: owner, kind: "owner", source });
  }
  if (card.data.description) list.push({ text: card.data.description, kind: "description", source });
  for (const tag of card.data.tags ?? []) list.push({ text: tag, kind: "tag", source });
  for (const alias of card.data.aliases ?? []) list.push({ text: normaliseSitePath(alias), kind: "alias", source });
  for (const link of card.links) {
    const target = resolveLink(card, link.url, index);
    if (target.kind === "asset") list.push({ text: path.basename(target.file), kind: "file name", source });
    // Absolute URLs only: a site path such as /search/ is a page every site has.
    else if (target.kind === "external" && /^([a-z][a-z0-9+.-]*:|\/\/)/i.test(link.url) && !isPublicAddress(link.url)) list.push({ text: link.url, kind: "link", source });
  }
  let headings = 0;
  let codeLines = 0;
  const sentences = new Set<string>();
  forEachNode(card.tree, (node) => {
    if (node.type === "heading" && headings < HEADINGS_PER_CARD) {
      headings++;
      list.push({ text: toString(node as Heading), kind: "heading", source });
    } else if (node.type === "code" || node.type === "inlineCode") {
      const value = (node as Code | InlineCode).value;
      for (const line of value.split("\n")) {
        const text = line.trim();
        if (text.length >= MIN_CODE_LENGTH && codeLines < CODE_LINES_PER_CARD) {
          codeLines++;
          list.push({ text, kind: "code", source });
        }
      }
    } else if (node.type === "text") addSentences((node as Text).value, sentences);
  });
  // The longest sentences are the most distinctive; sentences, not paragraphs, so inline markup
  // that splits a paragraph on the page does not hide them.
  for (const text of [...sentences].sort((a, b) => b.length - a.length).slice(0, BODY_SENTENCES_PER_CARD)) list.push({ text, kind: "body text", source });
  return list;
}

/** Needle kinds a synonym word may share with an internal card without being a copy of it: a tag, a heading, a file name. */
const SYNONYM_EXCUSED = new Set<Needle["kind"]>(["tag", "heading", "file name"]);

/**
 * The needle keys a public page's synonym words (style-guide/synonyms.yml, shared by every card: no card's own text)
 * excuse on that page: what a synonym may honestly share with an internal card (one word, a tag, a heading, an
 * internal-only collection's short name), never its title, description, sentences, code, owner or addresses.
 */
export function synonymExcuses(search: PhraseSearch, needlesOf: (key: number) => Needle[], words: readonly string[]): Set<number> {
  const excused = new Set<number>();
  for (const k of search.findIn(decodeForScan(words.join("\n")))) {
    const words = search.tokenCount(k);
    // A collection's title is a short name as a synonym is (`Account recovery desk`); its description (a needle of its own kind) is not excused.
    if (words === 1 || needlesOf(k).every((n) => SYNONYM_EXCUSED.has(n.kind) || (n.kind === "collection" && words <= 4))) excused.add(k);
  }
  return excused;
}

/**
 * The synonyms file's words the search data carries beyond the public cards' own: the aliases (words of groups no public card
 * names, searched as the word the cards use) and the glossary (a group a public card names, in every language it has).
 */
export function searchDataSynonyms(search: SiteData["search"]): string[] {
  const aliases = Object.values(search.languages).flatMap((language) => Object.keys(language.aliases));
  return [...aliases, ...search.glossary.flatMap((entry) => Object.values(entry.words).flat())];
}

/** The card's hidden search words that come from synonym groups, not from its own frontmatter. */
export function synonymTerms(card: SiteData["cards"][number], keywords: readonly string[] = []): string[] {
  const own = new Set([...card.tags.flatMap((t) => [t.name, t.name.replace(/[-_]+/g, " ")]), ...keywords]);
  return [...card.searchTerms.strong, ...card.searchTerms.weak].filter((word) => !own.has(word));
}

/** An alert's marker line (core/site/callouts.ts), which its page shows as the alert's title, not as written. */
const ALERT_MARKER = /^\s*\[!(?:note|tip|important|warning|caution)\][ \t]*(?:\r?\n|$)/i;

/** Sentences of a text long enough to be distinctive (sentences, not paragraphs: inline markup splits paragraphs on the page). */
function addSentences(value: string, into: Set<string>): void {
  for (const sentence of value.replace(ALERT_MARKER, "").replace(/\s+/g, " ").split(/(?<=[.!?])\s+|(?<=[。！？])/u)) {
    const text = sentence.trim();
    if (text.length >= MIN_PHRASE_LENGTH) into.add(text);
  }
}

/** Internal snippets (content/_snippets/, see src/core/cards/snippets.ts): their headings and longest sentences. */
export function snippetNeedles(project: Project): Needle[] {
  const list: Needle[] = [];
  for (const snippet of snippetsOf(project.contentDir, project.index).values()) {
    if (snippet.audience === "external") continue;
    const source = path.relative(project.root, snippet.file).split(path.sep).join("/");
    const sentences = new Set<string>();
    forEachNode(snippet.tree, (node) => {
      if (node.type === "heading") list.push({ text: toString(node as Heading), kind: "heading", source });
      else if (node.type === "text") addSentences((node as Text).value, sentences);
    });
    for (const text of [...sentences].sort((a, b) => b.length - a.length).slice(0, BODY_SENTENCES_PER_CARD)) list.push({ text, kind: "body text", source });
  }
  return list;
}

/**
 * Text the site's own templates print on its pages (header, footer, labels), the site's interface text
 * in every language it has (`Related articles`, `이 페이지의 내용`), the names of its languages in each
 * of them (the language switcher's `English`, a list's `Korean` badge), the site's title, the
 * support link's default words (`Contact support`), its Content-Security-Policy (the embed hosts)
 * and its usage endpoint: not evidence of a leak. A support label the project writes is not
 * excused: configuration can carry an internal card's words onto every page.
 */
export function templateText(site: Pick<SiteData, "languages" | "messages" | "title" | "embeds" | "feedbackEndpoint" | "usage">): string {
  const labels = Object.values(site.messages).flatMap((messages) => Object.values(messages));
  const names = site.languages.flatMap((lang) => site.languages.map((inLang) => languageName(lang, inLang)));
  // The policy every page carries (its <meta>, `_headers`) names the embed hosts (`https://www.youtube.com`); a measured page its usage endpoint.
  const policy = headersFile({ embeds: site.embeds, feedbackEndpoint: site.feedbackEndpoint, usageEndpoint: site.usage?.endpoint });
  // The rendering's own words in a card's HTML (an anchor's label, an alert's title, the footnotes' heading).
  const printed = [...labels, ...names, site.title, DEFAULT_SUPPORT_LABEL, policy, site.usage?.endpoint ?? "", ...RENDERER_TEXT, ...Object.values(CALLOUT_TITLES)];
  return `${sourceText()}\n${normaliseForScan(printed.join("\n"))}`;
}

let scriptCache: string | undefined;
/** The site's own client scripts (src/client) without their comments: the text their bundles carry. */
export function scriptText(): string {
  if (scriptCache !== undefined) return scriptCache;
  scriptCache = normaliseForScan(sourceFiles(["src/client"], /\.[jt]s$/).join("\n"));
  return scriptCache;
}

let templateCache: string | undefined;
/**
 * The templates' own source and the site's stylesheet (whose class names, `.video-caption`, every page
 * loads): what they print without the interface text. Their comments print nothing: a comment naming
 * `/billing/refunds.md` as an example must not hide an internal card at that address.
 */
function sourceText(): string {
  if (templateCache !== undefined) return templateCache;
  templateCache = normaliseForScan(
    [...sourceFiles(["src/components", "src/layouts", "src/pages", "src/routes"], /\.(astro|ts)$/), ...sourceFiles(["src/styles"], /\.css$/)].join("\n"),
  );
  return templateCache;
}

/** The files of `folders` (under Verity's own root) whose names match, without their comments. */
function sourceFiles(folders: readonly string[], name: RegExp): string[] {
  const parts: string[] = [];
  for (const folder of folders) {
    try {
      for (const entry of readdirSync(path.join(APP_ROOT, folder), { withFileTypes: true, recursive: true })) {
        if (entry.isFile() && name.test(entry.name)) parts.push(withoutComments(readFileSync(path.join(entry.parentPath, entry.name), "utf8")));
      }
    } catch {
      // Without the sources nothing is skipped for them: stricter, never blinder.
    }
  }
  return parts;
}

/** Source text without `/* *\/`, `//` and `<!-- -->` comments (a `//` after `:` or a quote is a URL's or a string's). */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\/|<!--[\s\S]*?-->|(^|[^:"'`\\])\/\/.*$/gm, "$1 ");
}
