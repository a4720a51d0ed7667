/**
 * The style guide's synonyms file (`style-guide/synonyms.yml`): one group a line, per language,
 * words a reader may type for the same thing. The sites index each group with the cards that use
 * one of its words, so search finds a card by a word its text does not use.
 *
 * ```yaml
 * - en: [2FA, MFA, two-factor authentication]
 * - ko: [SSO, 싱글 사인온, 통합 로그인]
 * - en: [refund, money back]     # one group in several languages: the same thing in each,
 *   ko: [환불, 돈 돌려받기]         # so a question in one language finds a card in another
 * ```
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { readTextFile } from "../cards/safe-read.ts";
import { parsePlainYaml, yamlPackage } from "../cards/yaml-source.ts";
import type { Finding } from "../lint/findings.ts";
import { normaliseWord } from "./word-case.ts";

export const SYNONYMS_FILE = "style-guide/synonyms.yml";

export interface SynonymGroup {
  lang: string;
  /** Index of the file's entry: the groups of one entry say the same thing in several languages. */
  concept: number;
  /** The words as written, first one the preferred term. */
  words: string[];
  line: number;
}

export interface SynonymsFile {
  file: string;
  groups: SynonymGroup[];
  /** Problems with file:line; a group with a problem is left out of `groups`. */
  findings: Finding[];
}

/** Reads the project's synonyms file; no file means no groups and no findings. */
export function readSynonyms(root: string): SynonymsFile {
  const file = path.join(root, ...SYNONYMS_FILE.split("/"));
  if (!existsSync(file)) return { file, groups: [], findings: [] };
  const read = readTextFile(file);
  if (read.kind === "missing") return { file, groups: [], findings: [] };
  if (read.kind === "problem") return { file, groups: [], findings: [{ ruleId: "synonyms", severity: "error", file, line: read.line, column: 1, message: `${SYNONYMS_FILE} ${read.message}` }] };
  return parseSynonyms(read.text, file);
}

/** One `lang: [words]` pair of a group entry, with where its key is. */
export interface PairRead {
  lang: string;
  /** The words, trimmed ("" for a word that is not text); undefined when the value is not a list. */
  words: string[] | undefined;
  line: number;
  column: number;
}

/** An entry of the file: its pairs, or undefined with where it is when it is not a mapping of languages. */
export type EntryRead = { pairs: PairRead[] } | { pairs: undefined; line: number; column: number };

const FORMAT_EXAMPLE = '"- en: [2FA, MFA, two-factor authentication]"';

/** Parses the synonyms text: valid YAML, a list of `lang: [words]` lines, no empty group, no word in two groups of one language. */
export function parseSynonyms(text: string, file: string): SynonymsFile {
  const entries = readEntriesFast(text) ?? readEntries(text, file);
  return "findings" in entries ? entries : checkEntries(entries, file);
}

/**
 * The entries as js-yaml reads them, with each key's place found by reading the lines, or undefined
 * for anything less plain (then the `yaml` package reads the file): a file of `- en: [words]` lines
 * is read without loading it.
 */
export function readEntriesFast(text: string): EntryRead[] | undefined {
  const plain = parsePlainYaml(text);
  if (!plain) return undefined;
  if (plain.value === null || plain.value === undefined) return [];
  if (!Array.isArray(plain.value)) return undefined;
  const expected: { key: string; first: boolean; words: string[] | undefined }[] = [];
  for (const entry of plain.value as unknown[]) {
    if (entry === null || typeof entry !== "object" || Array.isArray(entry) || Object.keys(entry).length === 0) return undefined;
    Object.entries(entry).forEach(([key, value], at) => {
      const words = Array.isArray(value) ? value.map((word: unknown) => (word !== null && typeof word === "object" ? "" : String(word ?? "").trim())) : undefined;
      expected.push({ key, first: at === 0, words });
    });
  }
  if (expected.some((pair) => pair.words?.some((word) => word.includes("\n")))) return undefined;
  const keys: { key: string; first: boolean; line: number; column: number }[] = [];
  text.split("\n").forEach((line, at) => {
    const match = KEY_LINE.exec(line);
    if (match) keys.push({ key: match[3]!, first: match[2] !== undefined, line: at + 1, column: match[1]!.length + (match[2]?.length ?? 0) + 1 });
  });
  // Every key of the value, in order, on a line of its own: otherwise the lines are not known for sure.
  if (keys.length !== expected.length || keys.some((found, at) => found.key !== expected[at]!.key || found.first !== expected[at]!.first)) return undefined;
  const entries: EntryRead[] = [];
  expected.forEach((pair, at) => {
    const read = { lang: pair.key.trim().toLowerCase(), words: pair.words, line: keys[at]!.line, column: keys[at]!.column };
    if (pair.first) entries.push({ pairs: [read] });
    else entries.at(-1)!.pairs!.push(read);
  });
  return entries;
}

/** A line that starts a key (`- en:` or `  ko:`): its indent, the list item's dash and the key. */
const KEY_LINE = /^( *)(- +)?([^\s#'"[\]{}:,&*!|>%@`?-][^\s:]*)[ \t]*:(?:[ \t]|$)/;

/** The entries as the `yaml` package reads them, or the file's own problem (not YAML, not a list). */
function readEntries(text: string, file: string): EntryRead[] | SynonymsFile {
  const { isMap, isScalar, isSeq, LineCounter, parseDocument } = yamlPackage();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const at = (offset: number | undefined) => lineCounter.linePos(offset ?? 0);
  const problem = (offset: number | undefined, message: string): SynonymsFile => {
    const { line, col } = at(offset);
    return { file, groups: [], findings: [{ ruleId: "synonyms", severity: "error", message, file, line, column: col }] };
  };
  if (doc.errors.length > 0) {
    const findings = doc.errors.flatMap((error) => problem(error.pos[0], `${SYNONYMS_FILE} is not valid YAML: ${error.message.split("\n")[0]}. Write one group a line, e.g. ${FORMAT_EXAMPLE}.`).findings);
    return { file, groups: [], findings };
  }
  if (doc.contents === null) return [];
  if (!isSeq(doc.contents)) return problem(doc.contents.range?.[0], `${SYNONYMS_FILE} must be a list of groups, one a line, e.g. ${FORMAT_EXAMPLE}.`);
  return doc.contents.items.map((item): EntryRead => {
    const offset = isMap(item) || isScalar(item) || isSeq(item) ? item.range?.[0] : undefined;
    if (!isMap(item) || item.items.length === 0 || !item.items.every((pair) => isScalar(pair.key))) {
      const { line, col } = at(offset);
      return { pairs: undefined, line, column: col };
    }
    return {
      pairs: item.items.map((pair) => {
        const { line, col } = at(isScalar(pair.key) ? pair.key.range?.[0] : offset);
        const value = pair.value;
        const words = isSeq(value) ? value.items.map((w) => (isScalar(w) ? String(w.value ?? "").trim() : "")) : undefined;
        return { lang: String((pair.key as { value: unknown }).value).trim().toLowerCase(), words, line, column: col };
      }),
    };
  });
}

/** The groups of the entries, and a finding for each group that cannot be one. */
function checkEntries(entries: readonly EntryRead[], file: string): SynonymsFile {
  const findings: Finding[] = [];
  const problem = (place: { line: number; column: number }, message: string) => void findings.push({ ruleId: "synonyms", severity: "error", message, file, line: place.line, column: place.column });
  const groups: SynonymGroup[] = [];
  const seen = new Map<string, { group: number; line: number }>();
  entries.forEach((entry, concept) => {
    if (!entry.pairs) {
      problem(entry, `Each group is a language and a list of words, e.g. ${FORMAT_EXAMPLE}; the same group in other languages goes on the next lines, e.g. "  ko: [2단계 인증]".`);
      return;
    }
    for (const pair of entry.pairs) {
      const { lang, words, line } = pair;
      if (!/^[a-z]{2,3}(-[a-z0-9]+)*$/.test(lang)) {
        problem(pair, `"${lang}" is not a language tag; start the group with one such as en, ko, zh or ja.`);
        continue;
      }
      if (!words || words.length === 0 || words.every((w) => w === "")) {
        problem(pair, `The ${lang} group is empty; list at least two words, e.g. "- ${lang}: [refund, money back]", or remove the line.`);
        continue;
      }
      if (words.some((w) => w === "")) {
        problem(pair, `The ${lang} group has an empty word; remove it.`);
        continue;
      }
      let clash = false;
      for (const word of words) {
        const key = `${lang}\u0000${normaliseWord(word)}`;
        const before = seen.get(key);
        if (before && before.group !== groups.length) {
          problem(pair, `"${word}" is already in the ${lang} group on line ${before.line}; a word may be in one group per language. Merge the two groups.`);
          clash = true;
        } else seen.set(key, { group: groups.length, line });
      }
      groups.push({ lang, concept, words: clash ? [] : words, line });
    }
  });
  return { file, groups: groups.filter((g) => g.words.length > 0), findings };
}

export { foldCase, normaliseWord } from "./word-case.ts";
