/**
 * Runs Verity and the oracle (the code Vale 3.7 lints with, built by prepare.sh) side by side on
 * text nobody here wrote, and prints the differences:
 *
 *   node scripts/vale-oracle/compare.ts <oracle> <folder>... [--styles <folder>]...
 *
 * The paragraphs of every Markdown, text, reStructuredText and AsciiDoc file under the folders
 * (split at blank lines, fenced code left out) are the inputs; the rule files under `--styles`
 * give the regular expressions (existence and substitution rules as Vale wraps them, occurrence
 * tokens, capitalization and conditional patterns). See README.md.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import jsyaml from "js-yaml";
import { compileCapitalization } from "../../src/core/style/checks/capitalization.ts";
import { NONWORD_TEMPLATE, WORD_TEMPLATE } from "../../src/core/style/checks/common.ts";
import { compileSpelling, tokenizeWords } from "../../src/core/style/checks/spelling.ts";
import { compileGoRegex } from "../../src/core/style/go-regex.ts";
import { tokenizeTreebank } from "../../src/core/style/pos-tagging.ts";
import { countSyllables, GRADE_FORMULAS, textStatistics } from "../../src/core/style/readability.ts";
import { segmentSentences, sentenceTexts } from "../../src/core/style/sentences.ts";

const TEXT_FILES = /\.(?:md|mdx|markdown|txt|rst|adoc)$/;
const RULE_FILES = /\.ya?ml$/;

function filesUnder(dir: string, test: RegExp, found: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== "node_modules" && entry.name !== ".git") filesUnder(full, test, found);
    else if (entry.isFile() && test.test(entry.name)) found.push(full);
  }
  return found;
}

function paragraphsOf(folders: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const folder of folders) {
    for (const file of filesUnder(folder, TEXT_FILES)) {
      const text = readFileSync(file, "utf8").replace(/```[\s\S]*?```/g, "");
      for (const part of text.split(/\n[ \t]*\n/)) {
        const paragraph = part.trim();
        if (paragraph.length >= 20) seen.add(paragraph);
      }
    }
  }
  return [...seen];
}

/** The patterns of the rule files, as Vale builds them for existence and substitution rules. */
function patternsOf(folders: readonly string[]): string[] {
  const patterns = new Set<string>();
  const word = (tokens: string) => WORD_TEMPLATE.replace("%s", tokens);
  const nonword = (tokens: string) => NONWORD_TEMPLATE.replace("%s", tokens);
  for (const folder of folders) {
    for (const file of filesUnder(folder, RULE_FILES)) {
      let rule: Record<string, unknown>;
      try {
        rule = jsyaml.load(readFileSync(file, "utf8")) as Record<string, unknown>;
      } catch {
        continue;
      }
      if (!rule || typeof rule !== "object") continue;
      const flags = rule.ignorecase === true ? "(?i)" : "";
      if (rule.extends === "existence") {
        const tokens = (Array.isArray(rule.tokens) ? rule.tokens : []).filter((t): t is string => typeof t === "string" && t.trim() !== "");
        const raw = (Array.isArray(rule.raw) ? rule.raw : []).map(String).join("");
        const template = rule.nonword !== true && tokens.length > 0 ? WORD_TEMPLATE : NONWORD_TEMPLATE;
        patterns.add(flags + (rule.append === true ? template + raw : raw + template).replace("%s", tokens.join("|")));
      } else if (rule.extends === "substitution") {
        const swap = Array.isArray(rule.swap) ? Object.assign({}, ...rule.swap.filter((s) => s && typeof s === "object")) : rule.swap;
        const keys = swap && typeof swap === "object" ? Object.keys(swap) : [];
        if (keys.length > 0) patterns.add(flags + (rule.nonword === true ? nonword : word)(keys.join("|")));
      } else if (rule.extends === "occurrence" && typeof rule.token === "string") patterns.add(rule.token);
      else if (rule.extends === "capitalization" && typeof rule.match === "string" && !rule.match.startsWith("$")) patterns.add(rule.match);
      else if (rule.extends === "conditional") for (const key of ["first", "second"]) if (typeof rule[key] === "string") patterns.add(rule[key] as string);
    }
  }
  return [...patterns];
}

function ask(oracle: string, mode: string, lines: readonly unknown[]): unknown[] {
  const run = spawnSync(oracle, [mode], { input: lines.map((l) => JSON.stringify(l)).join("\n") + "\n", maxBuffer: 1 << 30, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`${oracle} ${mode} failed: ${run.stderr}`);
  return run.stdout.split("\n").filter(Boolean).map((l) => JSON.parse(l) as unknown);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const codePoints = (s: string, index: number) => [...s.slice(0, index)].length;

function main(): void {
  const args = process.argv.slice(2);
  const oracle = args.shift();
  const folders: string[] = [];
  const styles: string[] = [];
  while (args.length > 0) {
    const arg = args.shift()!;
    if (arg === "--styles") styles.push(args.shift()!);
    else folders.push(arg);
  }
  if (!oracle || folders.length === 0) {
    process.stderr.write("usage: node scripts/vale-oracle/compare.ts <oracle> <folder>... [--styles <folder>]...\n");
    process.exitCode = 2;
    return;
  }
  const paragraphs = paragraphsOf(folders);
  const rows: [string, number, number][] = [];
  const report = (what: string, inputs: number, differences: number, example?: string) => {
    rows.push([what, inputs, differences]);
    if (example !== undefined) process.stdout.write(`first difference in ${what}: ${example}\n`);
  };

  // Sentences.
  const sentences = ask(oracle, "segment", paragraphs) as string[][];
  const badSentences = paragraphs.filter((p, i) => !same(sentenceTexts(p).map((s) => s.trim()), sentences[i]));
  report("sentences", paragraphs.length, badSentences.length, badSentences[0]);

  // Sentences of the same paragraphs with white space around them, as a block's text can have it.
  const spaces = [" ", "  ", "\n", " \n", "\t", "\u00a0", " \u3000"];
  const spaced = paragraphs.map((p, i) => (i % 3 === 0 ? spaces[i % spaces.length]! : "") + p.replace(". ", i % 5 === 0 ? ".  " : ". ") + spaces[(i * 7) % spaces.length]!);
  const spacedSentences = ask(oracle, "segment", spaced) as string[][];
  const badSpaced = spaced.filter((p, i) => !same(sentenceTexts(p).map((s) => s.trim()), spacedSentences[i]));
  report("sentences, white space around", spaced.length, badSpaced.length, badSpaced[0]);

  // Readability: each paragraph, and every five paragraphs as one summary.
  const documents = [...paragraphs];
  for (let i = 0; i + 5 <= paragraphs.length; i += 5) documents.push(paragraphs.slice(i, i + 5).join("\n\n"));
  const variables = ask(oracle, "document", documents) as Record<string, number>[];
  const names: [string, keyof ReturnType<typeof textStatistics>][] = [["words", "words"], ["sentences", "sentences"], ["characters", "characters"], ["syllables", "syllables"], ["complex_words", "complexWords"], ["long_words", "longWords"], ["polysyllabic_words", "polysyllabicWords"], ["paragraphs", "paragraphs"]];
  const badDocuments = documents.filter((d, i) => {
    const ours = textStatistics(d);
    const theirs = variables[i]!;
    if (names.some(([name, key]) => theirs[name] !== ours[key])) return true;
    return Object.entries(GRADE_FORMULAS).some(([grade, formula]) => theirs[grade] !== undefined && Math.abs(formula(ours) - theirs[grade]!) > 1e-9);
  });
  report("readability variables and grades", documents.length, badDocuments.length, badDocuments[0]);

  // Words: Vale's IterTokenizer, and the Treebank words part-of-speech tagging reads.
  const words = ask(oracle, "words", paragraphs) as [string[], string[]][];
  const badIter = paragraphs.filter((p, i) => !same(tokenizeWords(p).map((w) => w.word), words[i]![0]));
  report("IterTokenizer words", paragraphs.length, badIter.length, badIter[0]);
  const treebank = (p: string) => segmentSentences(p).flatMap(({ start, end }) => tokenizeTreebank(p.slice(start, end).trim()));
  const badTreebank = paragraphs.filter((p, i) => !same(treebank(p), words[i]![1]));
  // Go visits the Treebank tokenizer's substitution maps in random order: a difference is one only if it stays.
  const stillBad = badTreebank.filter((p) => {
    for (let run = 0; run < 30; run++) if (same(treebank(p), (ask(oracle, "words", [p])[0] as [string[], string[]])[1])) return false;
    return true;
  });
  report("Treebank words", paragraphs.length, stillBad.length, stillBad[0]);

  // Vale.Spelling with the default dictionary.
  const spelling = compileSpelling({ name: "Vale.Spelling", message: "%s" }, { name: "Vale.Spelling", file: "Vale.Spelling", accepted: [], wordTemplate: undefined });
  const flagged = ask(oracle, "spelling", paragraphs) as string[][];
  const badSpelling = paragraphs.filter((p, i) => !same(spelling({ text: p, scope: ["text", "paragraph"] } as never).map((a) => a.message), flagged[i]));
  report("Vale.Spelling (en_US-web)", paragraphs.length, badSpelling.length, badSpelling[0]);

  // Syllables.
  const tokens = [...new Set(paragraphs.flatMap((p) => p.split(/\s+/)).filter(Boolean))];
  const syllables = ask(oracle, "syllables", tokens) as number[];
  const badSyllables = tokens.filter((w, i) => countSyllables(w) !== syllables[i]);
  report("syllables", tokens.length, badSyllables.length, badSyllables[0]);

  // $sentence: the first line of each paragraph as a heading, without terms.
  // Vale lints a block only when it holds more than white space (lint/ast.go).
  const headings = [...new Set(paragraphs.map((p) => p.split("\n")[0]!.replace(/^#+\s*/, "").slice(0, 160)))].filter((h) => h.trim() !== "");
  const sentenceRule = compileCapitalization({ match: "$sentence", threshold: 1, indicators: [":"], vocab: false }, { name: "S", file: "S", accepted: [], wordTemplate: undefined });
  const converted = ask(oracle, "sentence", headings.map((text) => ({ text, vocab: [] }))) as [string, boolean][];
  const badHeadings = headings.filter((h, i) => {
    const alerts = sentenceRule({ text: h } as never) as { params?: string[] }[];
    const [expected, passes] = converted[i]!;
    return alerts.length === 0 ? !passes : passes || alerts[0]!.params?.[0] !== expected;
  });
  report("$sentence", headings.length, badHeadings.length, badHeadings[0]);

  // Regular expressions.
  const patterns = patternsOf(styles);
  if (patterns.length > 0) {
    const sample = paragraphs.filter((_, i) => i % Math.max(1, Math.floor(paragraphs.length / 2500)) === 0);
    const answers = ask(oracle, "regex", patterns.map((p) => ({ p, texts: sample }))) as { error?: string; timeout?: boolean; matches: [number, number, number][] }[];
    let compared = 0;
    const badPatterns = patterns.filter((p, k) => {
      const go = answers[k]!;
      let re: RegExp;
      try {
        re = compileGoRegex(p, "g");
      } catch {
        return go.error === undefined;
      }
      if (go.error !== undefined || go.timeout) return go.error !== undefined;
      compared++;
      const ours: [number, number, number][] = [];
      sample.forEach((text, i) => {
        re.lastIndex = 0;
        for (let m = re.exec(text); m; m = re.exec(text)) {
          ours.push([i, codePoints(text, m.index), [...m[0]].length]);
          if (m[0] === "") re.lastIndex = m.index + (text.codePointAt(m.index)! > 0xffff ? 2 : 1);
          if (re.lastIndex > text.length) break;
        }
      });
      return !same(ours, go.matches);
    });
    report(`regular expressions (${compared} compared on ${sample.length} paragraphs)`, patterns.length, badPatterns.length, badPatterns[0]);
  }

  process.stdout.write("\n| What | Inputs | Differences |\n| --- | ---: | ---: |\n");
  for (const [what, inputs, differences] of rows) process.stdout.write(`| ${what} | ${inputs} | ${differences} |\n`);
  if (rows.some(([, , differences]) => differences > 0)) process.exitCode = 1;
}

main();
