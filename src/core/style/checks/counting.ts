/**
 * `occurrence` (too many or too few matches of `token` in a block), `repetition` (the same token
 * twice in a row) and `consistency` (both spellings of an `either` pair in one file).
 */
import type { ProseBlock } from "../prose.ts";
import type { FileState, RawAlert } from "../rule-types.ts";
import { segmentSentences } from "../sentences.ts";
import { buildExceptions, buildPhrases, compilePattern, isWithinPhrase, said, isException, matchAll, readBoolean, readNumber, readString, readStrings, type CompileContext, type RuleDefinition } from "./common.ts";

export function compileOccurrence(def: RuleDefinition, ctx: CompileContext): (block: ProseBlock) => RawAlert[] {
  const token = readString(def, "token") ?? "";
  const re = compilePattern(`${readBoolean(def, "ignorecase") ? "(?i)" : ""}(?:${token})`, ctx);
  const max = readNumber(def, "max");
  const min = readNumber(def, "min");
  const message = readString(def, "message") ?? "";
  return (block) => {
    const matches = matchAll(re, block.text);
    const count = matches.length;
    if (!((max > 0 && count > max) || (min > 0 && count < min))) return [];
    // As Vale since 3.15 (occurrence.go, #1048), the message is given the number of matches as an
    // int: `%d` prints it (Vale 3.7 gave it as text, so `%d` printed `%!d(string=3)` and `%s` the number).
    const text = said(message, count);
    // No match at all: the alert is about the whole file, at line 1 (as Vale reports it).
    if (count === 0) return [{ start: -1, end: -1, ...text }];
    // At the first match that is neither blank nor code (a masked code span); none such: no alert.
    const first = matches.find((m) => m[0].trim() !== "" && !isAllMasked(block, m.index, m.index + m[0].length));
    if (!first) return [];
    return [{ start: first.index, end: first.index + first[0].length, ...text }];
  };
}

export function compileRepetition(def: RuleDefinition, ctx: CompileContext): (block: ProseBlock) => RawAlert[] {
  const ignorecase = readBoolean(def, "ignorecase");
  const alpha = readBoolean(def, "alpha");
  const max = readNumber(def, "max");
  const tokens = readStrings(def, "tokens");
  const re = compilePattern(`${ignorecase ? "(?i)" : ""}(${tokens.join("|")})`, ctx);
  const vocab = readBoolean(def, "vocab", true);
  const except = buildExceptions(readStrings(def, "exceptions"), vocab ? ctx.accepted : [], ctx);
  const phrases = buildPhrases(readStrings(def, "exceptions"), vocab ? ctx.accepted : [], ctx);
  const message = readString(def, "message") ?? "";
  const tokensOf = re.source === String.raw`([^\s]+)` ? wordsBetweenSpaces : (text: string) => matchSpans(re, text);
  return (block) => {
    const alerts: RawAlert[] = [];
    const { text } = block;
    const spans = tokensOf(text);
    let prev = "";
    let prevStart = 0;
    let count = 0;
    for (let i = 0; i < spans.length; i += 2) {
      const start = spans[i]!;
      const end = spans[i + 1]!;
      const curr = text.slice(start, end).trim();
      // Compared in lower case as Vale compares (strings.ToLower), each token lowered once.
      const currKey = ignorecase ? curr.toLowerCase() : curr;
      let isHit = curr !== "" && currKey === prev;
      isHit = isHit && (!alpha || /^\p{L}+$/u.test(curr));
      if (isHit) count++;
      if (isHit && count > max) {
        const span = text.slice(prevStart, end);
        // As Vale 3.x: a repeat across two sentences ("about that. That is") is not one.
        if (segmentSentences(span).length === 1 && !isException(except, span) && !isWithinPhrase(phrases, text, prevStart, end)) {
          alerts.push({ start: prevStart, end, ...said(message, curr) });
          count = 0;
        }
      }
      prev = currKey;
      prevStart = start;
    }
    return alerts;
  };
}

/** Where each non-empty match of `re` starts and ends, as flat pairs. */
function matchSpans(re: RegExp, text: string): number[] {
  const spans: number[] = [];
  for (const match of matchAll(re, text)) spans.push(match.index, match.index + match[0].length);
  return spans;
}

/**
 * What `([^\s]+)` matches, the token of most repetition rules (Vale's own among them), as flat pairs:
 * runs of characters that are not white space as JavaScript's `\s` reads it, found without a regular
 * expression match per word.
 */
export function wordsBetweenSpaces(text: string): number[] {
  const spans: number[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const isSpace = isJsSpace(text.charCodeAt(i));
    if (isSpace && start >= 0) {
      spans.push(start, i);
      start = -1;
    } else if (!isSpace && start < 0) start = i;
  }
  if (start >= 0) spans.push(start, text.length);
  return spans;
}

/** JavaScript's `\s`: white space and line terminators (ECMAScript WhiteSpace and LineTerminator). */
function isJsSpace(code: number): boolean {
  if (code < 0x80) return code === 32 || (code >= 9 && code <= 13);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

export function compileConsistency(def: RuleDefinition, ctx: CompileContext): (block: ProseBlock, state: FileState) => RawAlert[] {
  const ignorecase = readBoolean(def, "ignorecase");
  const nonword = readBoolean(def, "nonword");
  const either = def.either && typeof def.either === "object" ? Object.entries(def.either as Record<string, unknown>) : [];
  const template = nonword ? "(?m)(?:%s)" : (ctx.wordTemplate ?? String.raw`(?m)\b(?:%s)\b`);
  const message = readString(def, "message") ?? "";
  // Each spelling is a named group, as Vale names them, so that a group of the WordTemplate or
  // of a spelling does not shift which one matched.
  const steps = either.map(([a, b], i) => ({
    re: compilePattern((ignorecase ? "(?i)" : "") + template.replace("%s", `(?P<vconsistency${i}a>${a})|(?P<vconsistency${i}b>${String(b)})`), ctx),
    group: `vconsistency${i}a`,
    keys: [`${ctx.name}#${i}a`, `${ctx.name}#${i}b`] as const,
  }));
  return (block, state) => {
    const alerts: RawAlert[] = [];
    for (const step of steps) {
      let last: string | undefined;
      for (const match of matchAll(step.re, block.text)) {
        state.sequences.add(match.groups?.[step.group] !== undefined ? step.keys[0] : step.keys[1]);
        last = lastGroup(match);
      }
      if (last !== undefined && state.sequences.has(step.keys[0]) && state.sequences.has(step.keys[1])) {
        // Vale reports the first place the last-seen spelling occurs in the block.
        const start = block.text.indexOf(last);
        alerts.push({ start, end: start + last.length, ...said(message, last) });
      }
    }
    return alerts;
  };
}

/** The text of the last group that took part in a match: Vale's consistency check reports that
 * group's span (its loop keeps the last group it sees), not the match with what the WordTemplate
 * adds around it (`\s(?:%s)\s`). */
function lastGroup(match: RegExpExecArray): string {
  for (let i = match.length - 1; i >= 1; i--) if (match[i] !== undefined) return match[i]!;
  return match[0];
}

function isAllMasked(block: ProseBlock, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (block.masked[i] !== 1) return false;
  return end > start;
}
