/**
 * `sequence`: a series of tokens, each with a `pattern` (regex on the word), a part-of-speech `tag`
 * (regex on its Penn Treebank tag), `negate` and `skip`, as Vale runs it (internal/check/sequence.go):
 *
 * - the rule is always sentence-scoped; its words are Vale's Treebank words, tagged (pos-tagging.ts);
 * - `skip: n` on a token becomes n optional copies of it before a required one (Vale's makeTokens);
 * - the first token with a pattern that is not negated is the anchor: for each match of its pattern
 *   (`(?m)(?:pattern)`, not word-bounded, `(?i)` with `ignorecase`) in the sentence, the first word
 *   matching the anchor that was not tried yet is checked, leftwards then rightwards; an optional
 *   token that matches ends that side;
 * - a tag or pattern matches when it is found anywhere in the tag or word (`NN` also matches `NNS`);
 * - the alert's text is the matched words joined as Vale joins them (a space before each word but
 *   one starting with `'`); text not in the sentence as joined (`do n't`) is not reported, as Vale
 *   finds no place for it; `%s` / `%[n]s` in the message are the words in order.
 *
 * Tagging is lazy: a sentence is tagged only when an anchor pattern matches in it, once per sentence.
 */
import { ConfigError } from "../../errors.ts";
import type { ProseBlock } from "../prose.ts";
import { textToTaggedWords, type TaggedWord } from "../pos-tagging.ts";
import type { RawAlert } from "../rule-types.ts";
import { compilePattern, said, matchAll, readBoolean, readString, NONWORD_TEMPLATE, type CompileContext, type RuleDefinition } from "./common.ts";

interface NlpToken {
  pattern: string;
  tag: string;
  skip: number;
  negate: boolean;
  /** The pattern for finding anchors in the sentence (global). */
  find?: RegExp;
  /** The pattern for testing one word. */
  test?: RegExp;
  tagRe?: RegExp;
  optional: boolean;
  start: boolean;
  end: boolean;
}

/** Tagged words of a sentence block, shared by every sequence rule that reads it. */
const taggedCache = new WeakMap<ProseBlock, TaggedWord[]>();

function taggedWords(block: ProseBlock): TaggedWord[] {
  let words = taggedCache.get(block);
  if (!words) taggedCache.set(block, (words = textToTaggedWords(block.text)));
  return words;
}

/** Compiles a sequence rule; returns a warning when the rule has no anchor and can never match (as in Vale). */
export function compileSequence(def: RuleDefinition, ctx: CompileContext): ((block: ProseBlock) => RawAlert[]) | string {
  const ignorecase = readBoolean(def, "ignorecase");
  const message = readString(def, "message") ?? "";
  const tokens = makeTokens(def.tokens, ctx);
  for (const { token } of tokens.runs) {
    if (token.pattern !== "") {
      const source = (ignorecase ? "(?i)" : "") + NONWORD_TEMPLATE.replace("%s", token.pattern);
      token.find = compilePattern(source, ctx);
      token.test = compilePattern(source, ctx, "");
    }
    if (token.tag !== "") token.tagRe = compilePattern(token.tag, ctx, "");
  }
  const anchorRun = tokens.runs.find(({ token: t }) => !t.negate && t.pattern !== "");
  const anchorIndex = anchorRun?.first ?? -1;
  if (!anchorRun) {
    return `${ctx.file}: rule ${ctx.name} never matches: a sequence rule needs a token with a "pattern" (not negated) to anchor the sequence, as in Vale.`;
  }
  const anchor = anchorRun.token;
  return (block) => {
    const text = block.text;
    const alerts: RawAlert[] = [];
    // Vale tries, for each anchor match, the first word matching the anchor that it has not tried
    // yet (its `history`); those come in order, so a cursor past the last one tried is the same.
    let cursor = 0;
    /** Text of anchors that did not make a sequence since the last alert (Vale skips past them when locating it). */
    let missed: string[] = [];
    /** The sentence with earlier alerts of the rule masked. */
    let seen = text;
    for (const match of matchAll(anchor.find!, text)) {
      const words = taggedWords(block);
      const [steps, index] = sequenceMatches(anchorIndex, tokens, anchor, words, cursor);
      // No word left that matches the anchor: later anchor matches cannot match either.
      if (index < 0) break;
      cursor = index + 1;
      if (steps.length === 0) {
        missed.push(match[0]);
        continue;
      }
      const seq = stepsToString(steps);
      const alert = said(message, ...steps);
      const at = locate(seen, seq, missed);
      missed = [];
      // Vale finds no place for text that is not in the sentence as joined ("do n't", "opinion , he"):
      // its alert gets column 0 and AddAlert drops it.
      if (at < 0) continue;
      alerts.push({ start: at, end: at + seq.length, ...alert });
      seen = seen.slice(0, at) + "#".repeat(seq.length) + seen.slice(at + seq.length);
    }
    return alerts;
  };
}

/**
 * Vale's makeTokens: each token decoded weakly (`skip: "2"`, `negate: "true"`), `skip` expanded.
 * The copies are kept as runs, not one by one (Vale appends `skip` copies: `skip: 99999999999` would
 * take minutes and gigabytes); the match reads at most one token per word of the sentence either side
 * of the anchor, so no sentence sees a difference.
 */
function makeTokens(value: unknown, ctx: CompileContext): TokenSeq {
  if (!Array.isArray(value)) throw new ConfigError(`${ctx.file}: a sequence rule needs a "tokens" list.`);
  const runs: [NlpToken, number][] = [];
  value.forEach((item, i) => {
    if (item === null || typeof item !== "object" || Array.isArray(item)) {
      throw new ConfigError(`${ctx.file}: token ${i + 1} of the sequence rule ${ctx.name} must be a mapping with "pattern", "tag", "skip" or "negate".`);
    }
    const fields = new Map(Object.entries(item as Record<string, unknown>).map(([k, v]) => [k.toLowerCase(), v]));
    const skip = weakNumber(fields.get("skip"));
    if (skip === undefined) throw new ConfigError(`${ctx.file}: token ${i + 1} of the sequence rule ${ctx.name}: "skip" must be a whole number.`);
    // Past 2^40 copies no sentence reaches the end of the run; the cap keeps the run offsets exact.
    const copies = Math.min(skip, 2 ** 40);
    const base = { pattern: weakString(fields.get("pattern")), tag: weakString(fields.get("tag")), skip, negate: weakBoolean(fields.get("negate")) };
    if (copies > 0) runs.push([{ ...base, optional: true, start: true, end: false }, 1]);
    if (copies > 1) runs.push([{ ...base, optional: true, start: false, end: false }, copies - 1]);
    if (base.pattern !== "" || base.tag !== "") runs.push([{ ...base, optional: false, start: false, end: true }, 1]);
  });
  return new TokenSeq(runs);
}

/** The expanded tokens of a sequence rule, as runs of identical tokens: `at(k)` is Vale's `toks[k]`. */
class TokenSeq {
  readonly length: number;
  /** Each run's token and the index of its first copy. */
  readonly runs: { token: NlpToken; first: number }[] = [];

  constructor(runs: readonly [NlpToken, number][]) {
    let first = 0;
    for (const [token, count] of runs) {
      this.runs.push({ token, first });
      first += count;
    }
    this.length = first;
  }

  at(k: number): NlpToken {
    let [lo, hi] = [0, this.runs.length - 1];
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.runs[mid]!.first <= k) lo = mid;
      else hi = mid - 1;
    }
    return this.runs[lo]!.token;
  }
}

function weakString(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "boolean") return value ? "1" : "0";
  return String(value);
}

function weakNumber(value: unknown): number | undefined {
  if (value === undefined || value === null || value === "") return 0;
  if (typeof value === "boolean") return value ? 1 : 0;
  const n = Number(value);
  return Number.isInteger(n) ? n : undefined;
}

function weakBoolean(value: unknown): boolean {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value !== 0;
  if (typeof value === "string") return ["1", "t", "true", "yes", "on"].includes(value.trim().toLowerCase()) && value.trim() !== "";
  return false;
}

/** Vale's tokensMatch: tag and pattern are searched (not anchored) in the tag and the word. */
function tokensMatch(token: NlpToken, word: TaggedWord): boolean {
  const failedTag = (token.tagRe ? token.tagRe.test(word.tag) : true) === token.negate;
  const failedTok = token.test !== undefined && token.test.test(word.text) === token.negate;
  if ((token.pattern === "" && failedTag) || (token.tag === "" && failedTok) || (token.tag !== "" && token.pattern !== "" && (failedTag || failedTok))) return false;
  return true;
}

/**
 * Vale's sequenceMatches: the words of the sequence around the first word from `from` on matching
 * the anchor (none when the sequence fails), and that word's index (-1 when there is none).
 */
function sequenceMatches(idx: number, toks: TokenSeq, target: NlpToken, words: readonly TaggedWord[], from: number): [string[], number] {
  const text: string[] = [];
  let index = -1;
  for (let jdx = from; jdx < words.length; jdx++) {
    if (!tokensMatch(target, words[jdx]!)) continue;
    index = jdx;
    // Left of the anchor: tokens are built for reading rightwards, so a skipped token's
    // optional copies turn around (optional, optional, required -> required, optional, optional).
    for (let i = 1; idx - i >= 0; i++) {
      if (jdx - i < 0) return [[], index];
      const tok = toks.at(idx - i);
      const word = words[jdx - i]!;
      text.unshift(word.text);
      const optional = tok.skip > 0 ? (tok.optional || tok.end) && !tok.start : tok.optional;
      const matched = tokensMatch(tok, word);
      if (!matched && !optional) return [[], index];
      if (matched && optional) break;
    }
    for (let i = 0; idx + i < toks.length; i++) {
      if (jdx + i >= words.length) return [[], index];
      const tok = toks.at(idx + i);
      const word = words[jdx + i]!;
      text.push(word.text);
      const matched = tokensMatch(tok, word);
      if (!matched && !tok.optional) return [[], index];
      if (matched && tok.optional) break;
    }
    break;
  }
  return [text, index];
}

/** Vale's stepsToString: the words joined by spaces, except that a word starting with `'` is attached. */
export function stepsToString(steps: readonly string[]): string {
  let s = "";
  for (const step of steps) s += step.startsWith("'") ? step : ` ${step}`;
  return s.replace(/^ +| +$/g, "");
}

/**
 * Where Vale puts the alert (core/location.go initialPosition): it searches the sentence for the
 * matched text as a whole word (`_` counts as a boundary), skipping places next to a backtick or a
 * hyphen (Vale looks one character before and, off by one, two characters after), past the text of
 * anchors that did not match since the last alert and past earlier alerts of the rule (masked in
 * `seen`); failing
 * that, anywhere. -1 when the text is not in the sentence as written (`do n't`).
 */
function locate(seen: string, seq: string, missed: readonly string[]): number {
  let masked = seen;
  for (const word of missed) {
    const at = masked.indexOf(word);
    if (at >= 0) masked = masked.slice(0, at) + "@".repeat(word.length) + masked.slice(at + word.length);
  }
  const quoted = seq.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const bounded = new RegExp(`(?:^|\\b|_)${quoted}(?:_|\\b|$)`, "g");
  let at = -1;
  for (const match of masked.matchAll(bounded)) {
    if (at < 0) at = match.index;
    const before = masked[match.index - 1];
    const after = masked[match.index + match[0].length + 1];
    if (before === "`" || before === "-" || after === "`" || after === "-") continue;
    at = match.index;
    break;
  }
  if (at < 0) return masked.indexOf(seq);
  return masked[at] === "_" ? at + 1 : at;
}
