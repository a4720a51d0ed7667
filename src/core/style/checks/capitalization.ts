/**
 * `capitalization`: the whole block must be in `$sentence`, `$title`, `$lower` or `$upper` case, or
 * match a pattern. `exceptions` and accepted words always pass; `indicators` are suffixes after
 * which a capital is fine (`Step 1: Open`); `prefix` is stripped first; `threshold` is the share of
 * words that must comply (default 0.8).
 */
import { ConfigError } from "../../errors.ts";
import type { ProseBlock } from "../prose.ts";
import type { RawAlert } from "../rule-types.ts";
import { compilePattern, exceptionSource, formatMessage, isException, readNumber, readString, readStrings, type CompileContext, type RuleDefinition } from "./common.ts";

const WORD_TOKEN = String.raw`[\p{N}\p{L}*]+[^\s]*`;
const CHICAGO_SMALL = new Set("a an the and but or for nor as at by from in into of off on onto out over per to up upon via vs with so yet".split(" "));
const AP_SMALL = new Set("a an the and but or for nor as at by in of off on out per to up via vs".split(" "));

export function compileCapitalization(def: RuleDefinition, ctx: CompileContext): (block: ProseBlock) => RawAlert[] {
  const match = readString(def, "match") ?? "";
  const threshold = readNumber(def, "threshold") || 0.8;
  const indicators = readStrings(def, "indicators");
  const exceptions = readStrings(def, "exceptions");
  const exceptSource = exceptionSource(exceptions, ctx.accepted);
  const except = exceptSource ? compilePattern(exceptSource, ctx, "") : undefined;
  const tokenizer = compilePattern(exceptSource ? `${exceptSource}|${WORD_TOKEN}` : WORD_TOKEN, ctx);
  const prefixSource = readString(def, "prefix");
  const prefix = prefixSource ? compilePattern(prefixSource, ctx, "") : undefined;
  const message = readString(def, "message") ?? "";
  const style = readString(def, "style") === "Chicago" ? CHICAGO_SMALL : AP_SMALL;
  let check: (text: string) => boolean;
  if (match === "$sentence") {
    // Longest first, as Vale sorts them, so "Axon Server" is one term before "Axon".
    const vocabTerms = [...exceptions, ...(def.vocab === false ? [] : ctx.accepted)].filter((t) => t.trim() !== "").sort((a, b) => b.length - a.length);
    const vocab = vocabTerms.map((term) => compilePattern(term, ctx, ""));
    // Each term keeps its case ((?-i:…)): "Member" is a term, "member's" is not.
    const convert = compilePattern(`(?i)${vocabTerms.length > 0 ? `\\b(?:${vocabTerms.map((t) => (t.startsWith("(?i)") ? t : `(?-i:${t})`)).join("|")})\\b|` : ""}${WORD_TOKEN}`, ctx);
    check = (text) => isSentenceCase(text, tokenizer, except, convert, vocab, vocabTerms, indicators, threshold);
  }
  else if (match === "$title") check = (text) => isTitleCase(text, tokenizer, except, style, threshold);
  else if (match === "$lower") check = (text) => text === text.toLowerCase() || isException(except, text);
  else if (match === "$upper") check = (text) => text === text.toUpperCase() || isException(except, text);
  else if (match === "") throw new ConfigError(`${ctx.file}: rule ${ctx.name} (capitalization) needs a "match" key: $sentence, $title, $lower, $upper or a pattern.`);
  else {
    const re = compilePattern(match, ctx, "");
    check = (text) => re.test(text) || isException(except, text);
  }
  return (block) => {
    let text = block.text;
    let offset = 0;
    if (prefix) {
      const found = prefix.exec(text);
      if (found && found.index === 0) {
        offset = found[0].length;
        text = text.slice(offset);
      }
    }
    if (text.trim() === "" || check(text)) return [];
    return [{ start: 0, end: block.text.length, message: formatMessage(message, block.text, toTitleCase(block.text, style)) }];
  };
}

function tokens(text: string, tokenizer: RegExp): string[] {
  tokenizer.lastIndex = 0;
  return text.match(tokenizer) ?? [];
}

/**
 * Vale's `$sentence` (twine's SentenceConverter, then Vale's `sentence`): the text is converted to
 * sentence case (first word and every word after an indicator capitalised, vocabulary terms as
 * written, the rest lower case), and the share of words equal to the conversion must reach the
 * threshold. A first word that is not capitalised fails at once. All-caps words get no allowance.
 */
function isSentenceCase(text: string, tokenizer: RegExp, except: RegExp | undefined, convert: RegExp, vocab: readonly RegExp[], vocabTerms: readonly string[], indicators: readonly string[], threshold: number): boolean {
  convert.lastIndex = 0;
  const made = (text.match(convert) ?? []).map((token, i, all) => {
    const entry = inVocab(token, vocab, vocabTerms);
    if (entry !== undefined) return entry;
    const prev = i > 0 ? all[i - 1]! : "";
    if (i === 0 || indicators.some((s) => prev.endsWith(s)) || (i === 1 && /\d+\./.test(prev))) return toTitleStrict(token);
    return token.toLowerCase();
  });
  const expected = tokens(made.join(" "), tokenizer);
  const words = tokens(text, tokenizer);
  let count = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (i >= expected.length || word === expected[i] || isException(except, word)) count++;
    else if (i === 0 && word !== goTitle(word.toLowerCase())) return false;
  }
  return words.length === 0 || count / words.length >= threshold;
}

/** A vocabulary term as written when the token is that term; the token itself when a term's pattern is in it. */
function inVocab(token: string, vocab: readonly RegExp[], terms: readonly string[]): string | undefined {
  for (let i = 0; i < vocab.length; i++) {
    if (terms[i]!.toLowerCase() === token.toLowerCase()) return terms[i]!;
    vocab[i]!.lastIndex = 0;
    if (vocab[i]!.test(token)) return token;
  }
  return undefined;
}

/** The first character upper case, the rest lower case (twine's ToTitle, strict). */
function toTitleStrict(word: string): string {
  const first = String.fromCodePoint(word.codePointAt(0)!);
  return first.toUpperCase() + word.slice(first.length).toLowerCase();
}

/** Go's strings.Title: a capital after every ASCII separator (space, punctuation) and at the start. */
function goTitle(word: string): string {
  return word.replace(/(^|[\x00-\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x7f\s])(\p{Ll})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

function isTitleCase(text: string, tokenizer: RegExp, except: RegExp | undefined, small: ReadonlySet<string>, threshold: number): boolean {
  const expected = tokens(toTitleCase(text, small), tokenizer);
  const words = tokens(text, tokenizer);
  let count = 0;
  words.forEach((word, i) => {
    if (i >= expected.length || word === expected[i] || isException(except, word) || word === word.toUpperCase()) count++;
  });
  return words.length === 0 || count / words.length >= threshold;
}

function toTitleCase(text: string, small: ReadonlySet<string>): string {
  const parts = text.split(/(\s+)/);
  const words = parts.filter((p) => p.trim() !== "");
  let index = 0;
  return parts
    .map((part) => {
      if (part.trim() === "") return part;
      const isEdge = index === 0 || index === words.length - 1;
      index++;
      const bare = part.toLowerCase().replace(/[^\p{L}]/gu, "");
      if (!isEdge && small.has(bare)) return part.toLowerCase();
      return capitalise(part);
    })
    .join("");
}

function capitalise(word: string): string {
  const at = word.search(/\p{L}/u);
  if (at < 0) return word;
  return word.slice(0, at) + word.charAt(at).toUpperCase() + word.slice(at + 1);
}
