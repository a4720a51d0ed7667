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
  if (match === "$sentence") check = (text) => isSentenceCase(text, tokenizer, except, indicators, threshold);
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

function isSentenceCase(text: string, tokenizer: RegExp, except: RegExp | undefined, indicators: readonly string[], threshold: number): boolean {
  const words = tokens(text.replace(/[?!.:]+$/, ""), tokenizer);
  let count = 0;
  let first = 0;
  for (let i = 0; i < words.length; i++) {
    let word = words[i]!;
    const prev = i > 0 ? words[i - 1]! : "";
    if (isException(except, word)) {
      count++;
      continue;
    }
    // A numbered heading ("1. Install") starts its sentence after the number.
    if (/^\d+\.$/.test(prev) && first === i - 1) first = i;
    if (word.includes("-")) word = word.split("-")[0]!;
    else if (word.includes("'")) word = word.split("'")[0]!;
    else if (word.includes("’")) word = word.split("’")[0]!;
    if (word === word.toUpperCase() || indicators.some((s) => prev.endsWith(s)) || isException(except, word)) count++;
    else if (i === first && word !== capitalise(word.toLowerCase())) return false;
    else if (i === first || word === word.toLowerCase()) count++;
  }
  return words.length === 0 || count / words.length > threshold;
}

function isTitleCase(text: string, tokenizer: RegExp, except: RegExp | undefined, small: ReadonlySet<string>, threshold: number): boolean {
  const expected = tokens(toTitleCase(text, small), tokenizer);
  const words = tokens(text, tokenizer);
  let count = 0;
  words.forEach((word, i) => {
    if (i >= expected.length || word === expected[i] || isException(except, word) || word === word.toUpperCase()) count++;
  });
  return words.length === 0 || count / words.length > threshold;
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
