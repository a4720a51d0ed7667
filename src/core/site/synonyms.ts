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
import { yamlPackage } from "../cards/yaml-source.ts";
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

/** Parses the synonyms text: valid YAML, a list of `lang: [words]` lines, no empty group, no word in two groups of one language. */
export function parseSynonyms(text: string, file: string): SynonymsFile {
  const { isMap, isScalar, isSeq, LineCounter, parseDocument } = yamlPackage();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const findings: Finding[] = [];
  const at = (offset: number | undefined) => lineCounter.linePos(offset ?? 0);
  const problem = (offset: number | undefined, message: string) => {
    const { line, col } = at(offset);
    findings.push({ ruleId: "synonyms", severity: "error", message, file, line, column: col });
  };
  for (const error of doc.errors) problem(error.pos[0], `${SYNONYMS_FILE} is not valid YAML: ${error.message.split("\n")[0]}. Write one group a line, e.g. "- en: [2FA, MFA, two-factor authentication]".`);
  if (doc.errors.length > 0) return { file, groups: [], findings };
  const groups: SynonymGroup[] = [];
  if (doc.contents === null) return { file, groups, findings };
  if (!isSeq(doc.contents)) {
    problem(doc.contents.range?.[0], `${SYNONYMS_FILE} must be a list of groups, one a line, e.g. "- en: [2FA, MFA, two-factor authentication]".`);
    return { file, groups, findings };
  }
  const seen = new Map<string, { group: number; line: number }>();
  doc.contents.items.forEach((item, concept) => {
    const offset = isMap(item) || isScalar(item) || isSeq(item) ? item.range?.[0] : undefined;
    if (!isMap(item) || item.items.length === 0 || !item.items.every((pair) => isScalar(pair.key))) {
      problem(offset, `Each group is a language and a list of words, e.g. "- en: [2FA, MFA, two-factor authentication]"; the same group in other languages goes on the next lines, e.g. "  ko: [2단계 인증]".`);
      return;
    }
    for (const pair of item.items) {
      const keyOffset = isScalar(pair.key) ? pair.key.range?.[0] : offset;
      const lang = String((pair.key as { value: unknown }).value).trim().toLowerCase();
      const line = at(keyOffset).line;
      if (!/^[a-z]{2,3}(-[a-z0-9]+)*$/.test(lang)) {
        problem(keyOffset, `"${lang}" is not a language tag; start the group with one such as en, ko, zh or ja.`);
        continue;
      }
      const value = pair.value;
      const words = isSeq(value) ? value.items.map((w) => (isScalar(w) ? String(w.value ?? "").trim() : "")) : [];
      if (!isSeq(value) || words.length === 0 || words.every((w) => w === "")) {
        problem(keyOffset, `The ${lang} group is empty; list at least two words, e.g. "- ${lang}: [refund, money back]", or remove the line.`);
        continue;
      }
      if (words.some((w) => w === "")) {
        problem(keyOffset, `The ${lang} group has an empty word; remove it.`);
        continue;
      }
      let clash = false;
      for (const word of words) {
        const key = `${lang}\u0000${normaliseWord(word)}`;
        const before = seen.get(key);
        if (before && before.group !== groups.length) {
          problem(keyOffset, `"${word}" is already in the ${lang} group on line ${before.line}; a word may be in one group per language. Merge the two groups.`);
          clash = true;
        } else seen.set(key, { group: groups.length, line });
      }
      groups.push({ lang, concept, words: clash ? [] : words, line });
    }
  });
  return { file, groups: groups.filter((g) => g.words.length > 0), findings };
}

export { foldCase, normaliseWord } from "./word-case.ts";
