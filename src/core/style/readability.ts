/**
 * Vale's readability variables (`words`, `sentences`, `syllables`, `characters`, `complex_words`,
 * `long_words`, `polysyllabic_words`, `paragraphs`) and grade formulas, as jdkato/twine's
 * `summarize` package computes them for Vale: paragraphs split on blank lines, sentences by
 * Vale's splitter, words by `(?:[A-Z]\.){2,}|[\p{N}\p{L}']+`, syllables by twine's rules.
 */
import { segmentSentences, type SentenceSpan } from "./sentences.ts";

export interface TextStatistics {
  words: number;
  sentences: number;
  syllables: number;
  characters: number;
  complexWords: number;
  longWords: number;
  polysyllabicWords: number;
  paragraphs: number;
}

const ASCII_WORD = /^[\x00-\x7f]*$/;

/** A paragraph of the summary and its sentences, as Vale's splitter cuts them. */
export interface Paragraph {
  text: string;
  sentences: readonly SentenceSpan[];
}

/** Statistics of `text` (Vale's summary: blocks separated by blank lines). */
export function textStatistics(text: string, withSyllables = true): TextStatistics {
  return paragraphStatistics(
    text.split("\n\n").map((paragraph) => ({ text: paragraph, sentences: segmentSentences(paragraph) })),
    withSyllables,
  );
}

/** Statistics of paragraphs already split into sentences (each block's split, shared with the rules that read it). */
export function paragraphStatistics(paragraphs: Iterable<Paragraph>, withSyllables = true): TextStatistics {
  const stats: TextStatistics = { words: 0, sentences: 0, syllables: 0, characters: 0, complexWords: 0, longWords: 0, polysyllabicWords: 0, paragraphs: 0 };
  for (const { text, sentences } of paragraphs) {
    for (const { start, end } of sentences) {
      stats.sentences++;
      forEachWord(text, start, end, (from, to) => {
        const word = text.slice(from, to);
        stats.characters += lettersAndDigits(word);
        // Go's len() counts bytes: at least one a UTF-16 unit, so only a short word needs counting.
        if (word.length > 6 || (!ASCII_WORD.test(word) && Buffer.byteLength(word) > 6)) stats.longWords++;
        stats.words++;
        if (!withSyllables) return;
        const syllables = countSyllables(word);
        stats.syllables += syllables;
        if (syllables > 2) stats.polysyllabicWords++;
        if (syllables - (/(?:es|ed|ing)$/.test(word) ? 1 : 0) > 2) stats.complexWords++;
      });
    }
    stats.paragraphs++;
  }
  return stats;
}

/**
 * The words of `text[start, end)` as twine's `(?:[A-Z]\.){2,}|[\p{N}\p{L}']+` finds them (with
 * JavaScript's `u` flag): at each place, an abbreviation of two or more capital-and-stop pairs
 * (`U.S.`), else a run of letters, digits and `'`; a place where neither starts is passed a whole
 * character (a surrogate pair at once). A scan rather than the pattern: a quarter of the time.
 */
function forEachWord(text: string, start: number, end: number, word: (from: number, to: number) => void): void {
  let i = start;
  while (i < end) {
    let j = i;
    while (j + 1 < end && isCapital(text.charCodeAt(j)) && text.charCodeAt(j + 1) === 46) j += 2;
    if (j - i >= 4) {
      word(i, j);
      i = j;
      continue;
    }
    let k = i;
    for (let size = wordCharSize(text, k, end); size > 0; size = wordCharSize(text, k, end)) k += size;
    if (k > i) {
      word(i, k);
      i = k;
      continue;
    }
    const code = text.charCodeAt(i);
    i += code >= 0xd800 && code <= 0xdbff && i + 1 < end && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
  }
}

const isCapital = (code: number) => code >= 65 && code <= 90;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const isLetterOrDigit = new Map<number, boolean>();

/** The UTF-16 length of the word character (`\p{L}`, `\p{N}` or `'`) at `at`, or 0 when there is none. */
function wordCharSize(text: string, at: number, end: number): number {
  if (at >= end) return 0;
  const code = text.charCodeAt(at);
  if (code < 0x80) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 39 ? 1 : 0;
  const isPair = code >= 0xd800 && code <= 0xdbff && at + 1 < end && isLowSurrogate(text.charCodeAt(at + 1));
  const point = isPair ? text.codePointAt(at)! : code;
  let known = isLetterOrDigit.get(point);
  if (known === undefined) isLetterOrDigit.set(point, (known = LETTER_OR_DIGIT.test(String.fromCodePoint(point))));
  return known ? (isPair ? 2 : 1) : 0;
}

/**
 * The letters and digits of a word: every character of it but its `.` (an abbreviation's) and `'`,
 * a character outside the BMP (two UTF-16 units) counted once.
 */
function lettersAndDigits(word: string): number {
  let count = 0;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code === 46 || code === 39 || isLowSurrogate(code)) continue;
    count++;
  }
  return count;
}

/** The grade formulas of Vale's `readability` rules, by the names rules use. */
export const GRADE_FORMULAS: Record<string, (s: TextStatistics) => number> = {
  "Flesch-Kincaid": (s) => 0.39 * (s.words / s.sentences) + 11.8 * (s.syllables / s.words) - 15.59,
  "Gunning Fog": (s) => 0.4 * (s.words / s.sentences + 100 * (s.complexWords / s.words)),
  SMOG: (s) => 1.043 * Math.sqrt((s.polysyllabicWords * 30) / s.sentences) + 3.1291,
  "Coleman-Liau": (s) => 0.0588 * (s.characters / s.words) * 100 - 0.296 * (s.sentences / s.words) * 100 - 15.8,
  "Automated Readability": (s) => 4.71 * (s.characters / s.words) + 0.5 * (s.words / s.sentences) - 21.43,
};

const CORNER_CASES = new Map<string, number>([["abalone", 4], ["abare", 3], ["abed", 2], ["abruzzese", 4], ["abbruzzese", 4], ["aborigine", 5], ["aborigines", 5], ["acreage", 3], ["adame", 3], ["adieu", 2], ["adobe", 3], ["anemone", 4], ["apache", 3], ["aphrodite", 4], ["apostrophe", 4], ["ariadne", 4], ["cafe", 2], ["cafes", 2], ["calliope", 4], ["catastrophe", 4], ["chile", 2], ["chloe", 2], ["circe", 2], ["coyote", 3], ["epitome", 4], ["facsimile", 4], ["forever", 3], ["gethsemane", 4], ["guacamole", 4], ["hyperbole", 4], ["jesse", 2], ["jukebox", 2], ["karate", 3], ["machete", 3], ["maybe", 2], ["people", 2], ["recipe", 3], ["sesame", 3], ["shoreline", 2], ["simile", 3], ["syncope", 3], ["tamale", 3], ["yosemite", 4], ["daphne", 2], ["eurydice", 4], ["euterpe", 3], ["hermione", 4], ["penelope", 4], ["persephone", 4], ["phoebe", 2], ["zoe", 2]]);
const MONOSYLLABIC_ONE = new RegExp("cia(l|$)|tia|cius|cious|[^aeiou]giu|[aeiouy][^aeiouy]ion|iou|sia$|eous$|[oa]gue$|.[^aeiuoycgltdb]{2,}ed$|.ely$|^jua|uai|eau|^busi$|([aeiouy](b|c|ch|dg|f|g|gh|gn|k|l|lch|ll|lv|m|mm|n|nc|ng|nch|nn|p|r|rc|rn|rs|rv|s|sc|sk|sl|squ|ss|th|v|y|z)ed$)|([aeiouy](b|ch|d|f|gh|gn|k|l|lch|ll|lv|m|mm|n|nch|nn|p|r|rn|rs|rv|s|sc|sk|sl|squ|ss|st|t|th|v|y)es$)", "gu");
const MONOSYLLABIC_TWO = new RegExp("[aeiouy](b|c|ch|d|dg|f|g|gh|gn|k|l|ll|lv|m|mm|n|nc|ng|nn|p|r|rc|rn|rs|rv|s|sc|sk|sl|squ|ss|st|t|th|v|y|z)e$", "gu");
const DOUBLE_SYLLABIC_ONE = new RegExp("(?:[^aeiouy]ie(r|st|t)|[aeiouym]bl|eo|ism|asm|thm|dnt|uity|dea|gean|oa|ua|eings?|[aeiouy]sh?e[rsd])$", "gu");
const DOUBLE_SYLLABIC_TWO = new RegExp("[^gq]ua[^auieo]|[aeiou]{3}|^(ia|mc|coa[dglx].)", "gu");
const DOUBLE_SYLLABIC_THREE = new RegExp("[^aeiou]y[ae]|[^l]lien|riet|dien|iu|io|ii|uen|real|iell|eo[^aeiou]|[aeiou]y[aeiou]", "gu");
const DOUBLE_SYLLABIC_FOUR = new RegExp("[^s]ia", "gu");
const VOWELS = new RegExp("[aeiouy]+", "gu");
const PREFIXES: string[][] = [["above", "anti", "ante", "counter", "hyper", "afore", "agri", "infra", "intra", "inter", "over", "semi", "ultra", "under", "extra", "dia", "micro", "mega", "kilo", "pico", "nano", "macro"], ["un", "fore", "ware", "none", "non", "out", "post", "sub", "pre", "pro", "dis", "side"]];
const SUFFIXES: string[][] = [["ology", "ologist", "onomy", "onomist"], ["fully", "berry", "woman", "women"], ["ly", "less", "some", "ful", "er", "ers", "ness", "cian", "cians", "ment", "ments", "ette", "ettes", "ville", "villes", "ships", "ship", "side", "sides", "port", "ports", "shire", "shires", "tion", "tioned"]];

const count = (re: RegExp, text: string) => (text.match(re) ?? []).length;

/** Syllables in one word (twine's `Syllables`). */
export function countSyllables(word: string): number {
  const length = Array.from(word).length;
  if (length < 1) return 0;
  if (length < 3) return 1;
  const lower = word.toLowerCase();
  const known = CORNER_CASES.get(lower);
  if (known !== undefined) return known;
  let text = lower;
  let total = 0;
  for (const [options, trim] of [[PREFIXES, (w: string, p: string) => (w.startsWith(p) ? w.slice(p.length) : w)], [SUFFIXES, (w: string, s: string) => (w.endsWith(s) ? w.slice(0, -s.length) : w)]] as const) {
    for (let i = 0; i < options.length; i++) {
      let trimmed = text;
      for (const part of options[i]!) {
        trimmed = trim(text, part);
        if (trimmed !== text) break;
      }
      if (trimmed !== text) {
        text = trimmed;
        total += options.length - i;
        break;
      }
    }
  }
  total += count(VOWELS, text);
  total -= count(MONOSYLLABIC_ONE, text);
  total -= count(MONOSYLLABIC_TWO, text);
  total += count(DOUBLE_SYLLABIC_ONE, text);
  total += count(DOUBLE_SYLLABIC_TWO, text);
  total += count(DOUBLE_SYLLABIC_THREE, text);
  total += count(DOUBLE_SYLLABIC_FOUR, text);
  return total < 1 ? 1 : total;
}
