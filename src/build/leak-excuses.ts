/**
 * What the leak check expects the public site's pages to carry, decided from the project (which cards, collections
 * and tags the help center has, by core's audience decision, and what their authors wrote: authored-text.ts), never
 * from the public site's data as the build made it. That data is the wall's output: a title, heading, tag, collection
 * or redirect it wrongly gave a public page would otherwise excuse the very leak it is.
 */
import type { Card } from "../core/cards/load.ts";
import { siteDescription, siteTitle } from "../core/cards/collections.ts";
import path from "node:path";
import type { Root } from "mdast";
import { snippetReferences, snippetsOf, type Snippet } from "../core/cards/snippets.ts";
import { collectLinks, type CardLink } from "../core/site/link-extract.ts";
import type { Project } from "../core/project/project.ts";
import { cardsHiddenFromPublic, isOnSite, siteSelectionOf } from "../core/site/audience.ts";
import { createFileAudience, hiddenPagesOf } from "../core/site/file-audience.ts";
import { normaliseSitePath, resolveLink } from "../core/site/links.ts";
import { readSynonyms } from "../core/site/synonyms.ts";
import { normaliseWord } from "../core/site/word-case.ts";
import { getTranslations } from "../core/site/translations.ts";
import { authoredPageText } from "./authored-text.ts";
import type { Needle } from "./leak-scan.ts";
import { synonymExcuses, synonymTerms } from "./leak-needles.ts";
import { markdownPath } from "./machine-readable.ts";
import type { PhraseSearch } from "./phrase-search.ts";
import { decodeForScan } from "./scan-text.ts";
import type { SiteData } from "./site-data.ts";

/** The help center as the project says it is, for the check's excuses. */
export interface PublicTruth {
  /** The cards the help center has, by id. */
  cards: Map<string, Card>;
  /** Per collection with public cards: its title, description and address as the help center shows them. */
  collections: Map<string, string[]>;
  /** Tags of the public cards. */
  tags: Set<string>;
  /** The site path of each public card's translations the help center has. */
  translationUrls: (card: Card) => string[];
  /** True for an address that is, or lies under, a page only the wiki has (a hidden card, an internal-only collection). */
  isHiddenAddress: (sitePath: string) => boolean;
  /** The help center may copy this file (core/site/file-audience.ts). */
  isPublicFile: (file: string) => boolean;
  /** Files (absolute paths) the public cards, and the external snippets they include, link or embed that the help center may copy. */
  publicFiles: Set<string>;
  /** The external snippet of this name, as a public card's include shows it. */
  snippet: (name: string) => Snippet | undefined;
  /** Words of the synonyms file (style-guide/synonyms.yml), as normaliseWord spells them: the only hidden search words a page may carry beyond its card's. */
  synonymWords: Set<string>;
}

export function publicTruth(project: Project): PublicTruth {
  const selection = siteSelectionOf(project);
  const isPublic = (card: Card) => isOnSite(card, "public", selection);
  const cards = new Map(project.cards.filter(isPublic).map((card) => [card.id, card]));
  const withCards = new Set([...cards.values()].map((card) => card.collection));
  const collections = new Map(
    project.collections.filter((c) => withCards.has(c.name)).map((c) => [c.name, [siteTitle(c, "public"), siteDescription(c, "public") ?? "", `/${c.name}/`]]),
  );
  const hidden = [
    ...cardsHiddenFromPublic(project.cards, selection).map((card) => card.url.toLowerCase()),
    ...project.collections.filter((c) => !withCards.has(c.name)).map((c) => `/${c.name}/`.toLowerCase()),
  ];
  const translations = getTranslations(project.cards);
  const files = createFileAudience(project.contentDir, hiddenPagesOf(project.index, selection));
  const isPublicFile = (file: string) => files.verdict(file, "public").ok;
  const snippets = snippetsOf(project.contentDir, project.index);
  const snippet = (name: string) => ((s) => (s && s.unreadable === undefined && s.audience === "external" ? s : undefined))(snippets.get(name));
  const publicFiles = new Set<string>();
  for (const card of cards.values()) {
    const sources: [Card, readonly CardLink[]][] = [[card, card.links]];
    for (const ref of snippetReferences(card.tree as Root)) {
      const shown = snippet(ref.name);
      if (shown) sources.push([{ ...card, file: shown.file }, collectLinks(shown.tree)]);
    }
    for (const [from, links] of sources) {
      for (const link of links) {
        const target = resolveLink(from, link.url, project.index);
        if (target.kind === "asset" && isPublicFile(target.file)) publicFiles.add(path.resolve(target.file));
      }
    }
  }
  return {
    isPublicFile,
    publicFiles,
    snippet,
    cards,
    collections,
    tags: new Set([...cards.values()].flatMap((card) => card.data.tags ?? [])),
    translationUrls: (card) => {
      const group = translations.groupOf(card);
      return group ? [group.source, ...group.translations].filter((member) => member !== card && cards.has(member.id)).map((member) => member.url) : [];
    },
    isHiddenAddress: (sitePath) => {
      const lower = normaliseSitePath(sitePath).toLowerCase();
      return hidden.some((url) => lower === url || lower.startsWith(url));
    },
    synonymWords: new Set(readSynonyms(project.root).groups.flatMap((group) => group.words.map(normaliseWord))),
  };
}

/** The words a public card's page shows beside its body: its frontmatter's shown fields and its collection's title. */
function shownFields(card: Card, truth: PublicTruth, project: Project): string[] {
  const source = getTranslations(project.cards).groupOf(card)?.source;
  // Its template, a search filter on the page (`template:troubleshooting`), or its translation source's.
  const template = card.data.template ?? (source && truth.cards.has(source.id) ? source.data.template : undefined);
  const tags = card.data.tags ?? [];
  return [card.id, truth.collections.get(card.collection)?.[0] ?? card.collection, template ?? "", ...tags, ...tags.map((t) => t.replace(/[-_]+/g, " ")), ...(card.data.keywords ?? [])];
}

/**
 * Per needle key, the public cards (indexes into the public site's cards) whose own page (`inFull`) or list entry
 * (`inSummary`) is expected to carry it. A card of the site's data the project does not put on the help center
 * carries nothing.
 */
export function publicCardExcuses(
  project: Project,
  publicSite: Pick<SiteData, "cards">,
  truth: PublicTruth,
  model: { search: PhraseSearch; needles: readonly Needle[]; needlesOf: readonly number[][] },
): { inFull: Map<number, Set<number>>; inSummary: Map<number, Set<number>> } {
  const inFull = new Map<number, Set<number>>();
  const inSummary = new Map<number, Set<number>>();
  const note = (map: Map<number, Set<number>>, found: Set<number>, card: number) => {
    for (const i of found) {
      let set = map.get(i);
      if (!set) map.set(i, (set = new Set()));
      set.add(card);
    }
  };
  const context = {
    index: project.index,
    contentDir: project.contentDir,
    isPublic: (card: Card) => truth.cards.has(card.id),
    isPublicFile: truth.isPublicFile,
    snippet: truth.snippet,
  };
  const needlesOfKey = (k: number) => model.needlesOf[k]!.map((n) => model.needles[n]!);
  publicSite.cards.forEach((view, i) => {
    const card = truth.cards.get(view.id);
    if (!card) return;
    // A list entry names the card's page and its Markdown copy (llms.txt links the copy).
    const summary = model.search.findIn(decodeForScan([card.data.title, card.data.description ?? "", card.url, markdownPath(card.url), card.lang].join("\n")));
    note(inSummary, summary, i);
    note(inFull, summary, i);
    note(inFull, model.search.findIn(decodeForScan([...shownFields(card, truth, project), authoredPageText(card, context)].join("\n"))), i);
    // Hidden search words from synonym groups: only words the synonyms file has, and only what a synonym may share.
    const synonyms = synonymTerms(view, card.data.keywords).filter((word) => truth.synonymWords.has(normaliseWord(word)));
    note(inFull, synonymExcuses(model.search, needlesOfKey, synonyms), i);
  });
  return { inFull, inSummary };
}

/** A redirect page's old address and title, when a public card's alias makes it and the address names no page only the wiki has. */
export function redirectExcuse(truth: PublicTruth, redirect: { from: string; to: string }): string[] {
  const card = [...truth.cards.values()].find((c) => c.url === redirect.to);
  if (!card) return [];
  const ownAlias = (card.data.aliases ?? []).some((alias) => normaliseSitePath(alias) === redirect.from);
  return [card.data.title, ...(ownAlias && !truth.isHiddenAddress(redirect.from) ? [redirect.from] : [])];
}
