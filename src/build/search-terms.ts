/**
 * What the search indexes beyond a card's text, decided once per build: the keywords and tags of
 * each card and the synonym groups (style-guide/synonyms.yml) its title, description, tags,
 * keywords or headings use, written as weighted hidden text on the card page; and per site the
 * search vocabulary (every word of every card, for "did you mean" and query clean-up in the
 * browser) and the traditional-to-simplified Chinese folding table, restricted to the characters
 * the Chinese cards use so the browser downloads a few hundred entries, not OpenCC.
 */
import type { Nodes, Root } from "mdast";
import { walkTree } from "../core/cards/tree-walk.ts";
import { hiddenNodes } from "../core/site/hidden-text.ts";
import * as OpenCC from "opencc-js";
import type { Card } from "../core/cards/load.ts";
import { foldCase, normaliseWord, readSynonyms, type SynonymGroup } from "../core/site/synonyms.ts";
import { usesNormalisedWord } from "../core/site/word-case.ts";
import { glossaryOf, type GlossaryEntry } from "../core/site/glossary.ts";
import { appendAll } from "../core/arrays.ts";
import { cantoneseFolds, phraseFolds } from "./chinese-phrases.ts";

export interface CardSearchTerms {
  /** Keywords, tags and synonyms of words in the title, tags or keywords: weighted like a heading. */
  strong: string[];
  /** Synonyms of words only in the description or headings: weighted like body text. */
  weak: string[];
  /** The synonyms file's entries (SynonymGroup.concept) whose groups the card uses. */
  concepts: number[];
}

export interface SearchLanguageData {
  /** Every indexed word (lower case), sorted; CJK text without spaces is left out. */
  words: string[];
  /**
   * Words of a synonym group that no card of the site uses, each with the group's first word the cards do use, as the
   * indexed words to search (`amex` -> `american express`): a group no card names in its title, description, tags or
   * headings adds no words to a card, but the cards may still use one of its words in their text.
   */
  aliases: Record<string, string>;
}

export interface SearchData {
  languages: Record<string, SearchLanguageData>;
  /** Traditional -> simplified characters, only for simplified characters the Chinese cards use. */
  fold: Record<string, string>;
  /**
   * The synonyms file's entries in more than one language that a card of the site uses: each the
   * same thing in several languages (lower case words by language, the preferred word first), so a
   * question in one language can search the cards of another.
   */
  glossary: GlossaryEntry[];
}

/** Largest vocabulary per language written for the browser; the most frequent words are kept. */
const MAX_WORDS = 40_000;
const NO_SPACE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

export function cardSearchTerms(
  card: { lang: string; title: string; description?: string | undefined; tags: readonly string[]; keywords: readonly string[]; headings: readonly string[] },
  groups: readonly SynonymGroup[],
): CardSearchTerms {
  const lang = card.lang.split("-")[0]!.toLowerCase();
  const tagWords = card.tags.flatMap((tag) => (/[-_]/.test(tag) ? [tag, tag.replace(/[-_]+/g, " ")] : [tag]));
  const strongText = [card.title, ...tagWords, ...card.keywords].join("\n");
  const weakText = [card.description ?? "", ...card.headings].join("\n");
  const strong = new Set<string>([...tagWords, ...card.keywords]);
  const weak = new Set<string>();
  const concepts = new Set<number>();
  // Each text is normalised once, each word's pattern compiled once per build.
  const strongHay = normaliseWord(strongText);
  const weakHay = normaliseWord(weakText);
  for (const group of groups) {
    if (group.lang !== lang) continue;
    if (group.words.some((word) => usesNormalisedWord(strongHay, word))) for (const w of group.words) strong.add(w);
    else if (group.words.some((word) => usesNormalisedWord(weakHay, word))) for (const w of group.words) weak.add(w);
    else continue;
    concepts.add(group.concept);
  }
  for (const w of strong) weak.delete(w);
  return { strong: [...strong], weak: [...weak], concepts: [...concepts] };
}

/**
 * Each card's search terms and vocabulary words, worked out once and shared by both sites when the
 * card's headings are the same on both (a public rendering may leave out an internal snippet's).
 */
export interface CardSearch {
  /** The words the search finds the card by beyond its text, with its `headings` as shown. */
  terms: (card: Card, headings: readonly string[]) => CardSearchTerms;
  /** Those terms and the card's vocabulary words, without the text of `dropped` links (see core/site/link-text.ts). */
  of: (card: Card, headings: readonly string[], dropped?: ReadonlySet<Nodes>) => { terms: CardSearchTerms; words: CardWords };
  /** The synonyms file's groups, read once. */
  groups: readonly SynonymGroup[];
}

/** The search terms of the cards of the project at `root` (the sites' build and `verity mcp`). */
export function cardSearchOf(root: string): CardSearch {
  const synonyms = readSynonyms(root).groups;
  const known = new Map<Card, { headings: string; terms: CardSearchTerms; words: CardWords }>();
  const terms = (card: Card, headings: readonly string[]) =>
    cardSearchTerms({ lang: card.lang, title: card.data.title, description: card.data.description, tags: card.data.tags ?? [], keywords: card.data.keywords ?? [], headings }, synonyms);
  const of = (card: Card, headings: readonly string[], dropped: ReadonlySet<Nodes> = new Set()) => {
    // The sites share an entry when the card's page shows the same headings and link texts on both.
    const key = [headings.join("\n"), ...[...dropped].map((node) => node.position?.start.offset)].join("\u0000");
    const seen = known.get(card);
    if (seen?.headings === key) return seen;
    const found = terms(card, headings);
    const entry = { headings: key, terms: found, words: cardWords(card, found, dropped) };
    known.set(card, entry);
    return entry;
  };
  return { terms, of, groups: synonyms };
}

/** Whole-word (or, for CJK, substring ignoring spaces) use of a word or phrase, plural -s allowed. */
export function usesWord(text: string, word: string): boolean {
  return usesNormalisedWord(normaliseWord(text), word);
}

/** Splits text the way the browser side compares words: lower case, letters, digits and `_`. */
export function searchWords(text: string): string[] {
  const words: string[] = [];
  forEachWord(text, (word) => words.push(word));
  return words;
}

/** Classes of a word character: any word character, one of a script written without spaces, an ASCII digit. */
const WORD = 1;
const NO_SPACE = 2;
const DIGIT = 4;
const WORD_CHAR = /^[\p{L}\p{N}_]$/u;
const classOf = (ch: string) => (WORD_CHAR.test(ch) ? WORD | (NO_SPACE_SCRIPT.test(ch) ? NO_SPACE : 0) | (ch >= "0" && ch <= "9" ? DIGIT : 0) : 0);
/** The class of each UTF-16 code unit outside the surrogates, computed on first use (about 10 ms). */
let bmpClasses: Uint8Array | undefined;
const astralClasses = new Map<number, number>();

/**
 * Calls `visit` with each word of `text` (normalised as synonyms compare words: NFKC, lower case;
 * spaces are not words, so they need no folding),
 * a word being a run of letters, digits and `_` as `/[^\p{L}\p{N}_]+/u` splits, and its classes.
 */
function forEachWord(text: string, visit: (word: string, classes: number) => void): void {
  const table = (bmpClasses ??= Uint8Array.from({ length: 0x10000 }, (_, c) => (c >= 0xd800 && c <= 0xdfff ? 0 : classOf(String.fromCharCode(c)))));
  const s = foldCase(text);
  let start = -1;
  let classes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let k = table[c]!;
    let width = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const low = s.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        const point = ((c - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
        k = astralClasses.get(point) ?? astralClasses.set(point, classOf(String.fromCodePoint(point))).get(point)!;
        width = 2;
      }
    }
    if (k & WORD) {
      if (start < 0) {
        start = i;
        classes = 0;
      }
      classes |= k;
    } else if (start >= 0) {
      visit(s.slice(start, i), classes);
      start = -1;
    }
    i += width - 1;
  }
  if (start >= 0) visit(s.slice(start), classes);
}

/** The words one card adds to its site's vocabulary: worked out once per card, shared by both sites. */
export interface CardWords {
  lang: string;
  /** Indexed words, one entry per use (counts decide which words are kept). */
  words: string[];
  /** Han characters of a Chinese card, for the folding table. */
  han: string[];
  /** The runs of Han and kana of a Chinese card, for the words the folding table folds (chinese-phrases.ts). */
  runs?: string[];
  /** The synonyms file's entries the card uses. */
  concepts: number[];
}

export function cardWords(card: Card, terms: CardSearchTerms, dropped: ReadonlySet<Nodes> = new Set()): CardWords {
  const lang = card.lang.split("-")[0]!.toLowerCase();
  const text = [card.data.title, card.data.description ?? "", ...(card.data.tags ?? []), ...terms.strong, ...terms.weak, treeText(card.tree, dropped)].join("\n");
  const words: string[] = [];
  const han = new Set<string>();
  const runs = new Set<string>();
  forEachWord(text, (word, classes) => {
    if (classes & NO_SPACE) {
      if (lang !== "zh") return;
      runs.add(word);
      for (const ch of word) if (HAN.test(ch)) han.add(ch);
    } else if (word.length >= 2 || classes & DIGIT) words.push(word);
  });
  appendAll(words, joinedWords(text));
  return { lang, words, han: [...han], runs: [...runs], concepts: terms.concepts };
}

/**
 * Every word with what hyphens join to it; the hyphenated ones are those with a `-`. Written with `*`,
 * not `+`: `[\p{L}\p{N}_]+(?:-[\p{L}\p{N}_]+)+` finds the same hyphenated words, but fails at every letter
 * of a word no hyphen follows after reading the rest of it, quadratic in the longest word.
 */
const WORD_RUN = /[\p{L}\p{N}_]+(?:-[\p{L}\p{N}_]+)*/gu;

/**
 * Pagefind also indexes a hyphenated word joined ("3-D" as "3d", "sign-in" as "signin"), so a reader who
 * types it joined finds it: the vocabulary has the joined word too, or the query would leave it out as unknown.
 */
export function joinedWords(text: string): string[] {
  const joined: string[] = [];
  for (const [match] of foldCase(text).matchAll(WORD_RUN)) if (match.includes("-") && !NO_SPACE_SCRIPT.test(match)) joined.push(match.replace(/-/g, ""));
  return joined;
}

const HAN = /\p{Script=Han}/u;

/**
 * The vocabulary, folding table and glossary of one site, from the words of the cards it contains
 * and the synonym groups (only entries a card of the site uses reach the glossary).
 */
export function buildSearchData(cards: readonly CardWords[], groups: readonly SynonymGroup[] = []): SearchData {
  const counts = new Map<string, Map<string, number>>();
  const chineseChars = new Set<string>();
  const chineseRuns: string[] = [];
  for (const card of cards) {
    if (card.lang === "zh") appendAll(chineseRuns, card.runs ?? []);
    const byWord = counts.get(card.lang) ?? new Map<string, number>();
    counts.set(card.lang, byWord);
    for (const word of card.words) byWord.set(word, (byWord.get(word) ?? 0) + 1);
    for (const ch of card.han) chineseChars.add(ch);
  }
  const languages: Record<string, SearchLanguageData> = {};
  const usedConcepts = new Set(cards.flatMap((card) => card.concepts));
  for (const [lang, byWord] of counts) {
    const kept = [...byWord.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_WORDS).map(([w]) => w);
    languages[lang] = { words: kept.sort(), aliases: aliasesOf(groups, lang, new Set(kept), usedConcepts) };
  }
  const glossary = glossaryOf(groups, cards);
  // A traditional-character question names things no Chinese card covers too (`導出` for an export): the glossary's Chinese words fold.
  const glossaryChinese = glossary.flatMap((entry) => entry.words["zh"] ?? []);
  for (const word of glossaryChinese) for (const ch of word) if (HAN.test(ch)) chineseChars.add(ch);
  // Then the words Taiwan and Hong Kong write otherwise (`登入` for 登录, `收唔到` for 收不到), folded after the characters (core/site/chinese-fold.ts).
  const characters = foldingTable(chineseChars);
  const texts = [...chineseRuns, ...glossaryChinese];
  return { languages, fold: { ...characters, ...cantoneseFolds(texts, characters), ...phraseFolds(texts) }, glossary };
}

/** A group word as the query reads it: lower case, split at spaces, each piece as Pagefind joins a hyphenated word. */
function indexedPieces(word: string): string[] {
  return normaliseWord(word).split(" ").map((piece) => piece.replace(/-/g, ""));
}

/**
 * Of one language's groups that no card of the site uses (a group a card uses adds its words to the card, and the glossary
 * asks other languages for it), each one-word group word the vocabulary lacks, with the first group word it has every piece of.
 */
function aliasesOf(groups: readonly SynonymGroup[], lang: string, vocabulary: ReadonlySet<string>, usedConcepts: ReadonlySet<number>): Record<string, string> {
  const aliases: Record<string, string> = {};
  for (const group of groups) {
    if (group.lang !== lang || usedConcepts.has(group.concept)) continue;
    const target = group.words.map(indexedPieces).find((pieces) => pieces.every((piece) => piece.length > 0 && vocabulary.has(piece) && !NO_SPACE_SCRIPT.test(piece)));
    if (!target) continue;
    for (const word of group.words) {
      const pieces = indexedPieces(word);
      if (pieces.length === 1 && !vocabulary.has(pieces[0]!) && !NO_SPACE_SCRIPT.test(pieces[0]!)) aliases[normaliseWord(word)] = target.join(" ");
    }
  }
  return aliases;
}

/** OpenCC's converters take about a second to build: once per process, shared by every table. */
const converters = new Map<string, (text: string) => string>();
function converter(to: "t" | "tw"): (text: string) => string {
  const known = converters.get(to);
  if (known) return known;
  const convert = OpenCC.Converter({ from: "cn", to });
  converters.set(to, convert);
  return convert;
}

/** Traditional forms (OpenCC standard and Taiwan) of the given simplified characters. */
export function foldingTable(simplified: ReadonlySet<string>): Record<string, string> {
  const fold: Record<string, string> = {};
  if (simplified.size === 0) return fold;
  const chars = [...simplified].sort();
  // Hong Kong forms are left out: its converter takes a second to build and adds few characters.
  for (const to of ["t", "tw"] as const) {
    const convert = converter(to);
    for (const ch of chars) {
      const traditional = convert(ch);
      if (traditional !== ch && [...traditional].length === 1) fold[traditional] = ch;
    }
  }
  return fold;
}

/**
 * The words of a card body the page shows, each text, code and cell apart (mdast-util-to-string
 * joins table cells): never what its HTML hides (comments, MDX code, script text, unused footnotes),
 * nor the text of the `dropped` links, which the site's page leaves out (an address of a page it lacks).
 */
function treeText(tree: Root, dropped: ReadonlySet<Nodes>): string {
  const parts: string[] = [];
  const hidden = hiddenNodes(tree);
  walkTree(tree, (node) => {
    if (hidden.has(node) || dropped.has(node)) return false;
    if ("value" in node && typeof node.value === "string") parts.push(node.value);
    if (node.type === "image" && node.alt) parts.push(node.alt);
  });
  return parts.join(" ");
}
