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
    // As Vale (occurrence.go), `%s` is the number of matches.
    const text = said(message, String(count));
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
  return (block) => {
    const alerts: RawAlert[] = [];
    let prev = "";
    let prevStart = 0;
    let count = 0;
    for (const match of matchAll(re, block.text)) {
      const curr = match[0].trim();
      let isHit = curr !== "" && (ignorecase ? curr.toLowerCase() === prev.toLowerCase() : curr === prev);
      isHit = isHit && (!alpha || /^\p{L}+$/u.test(curr));
      if (isHit) count++;
      if (isHit && count > max) {
        const end = match.index + match[0].length;
        const span = block.text.slice(prevStart, end);
        // As Vale 3.x: a repeat across two sentences ("about that. That is") is not one.
        if (segmentSentences(span).length === 1 && !isException(except, span) && !isWithinPhrase(phrases, block.text, prevStart, end)) {
          alerts.push({ start: prevStart, end, ...said(message, curr) });
          count = 0;
        }
      }
      prev = curr;
      prevStart = match.index;
    }
    return alerts;
  };
}

export function compileConsistency(def: RuleDefinition, ctx: CompileContext): (block: ProseBlock, state: FileState) => RawAlert[] {
  const ignorecase = readBoolean(def, "ignorecase");
  const nonword = readBoolean(def, "nonword");
  const either = def.either && typeof def.either === "object" ? Object.entries(def.either as Record<string, unknown>) : [];
  const template = nonword ? "(?m)(?:%s)" : (ctx.wordTemplate ?? String.raw`(?m)\b(?:%s)\b`);
  const message = readString(def, "message") ?? "";
  const steps = either.map(([a, b], i) => ({
    re: compilePattern((ignorecase ? "(?i)" : "") + template.replace("%s", `(${a})|(${String(b)})`), ctx),
    keys: [`${ctx.name}#${i}a`, `${ctx.name}#${i}b`] as const,
  }));
  return (block, state) => {
    const alerts: RawAlert[] = [];
    for (const step of steps) {
      let last: RegExpExecArray | undefined;
      for (const match of matchAll(step.re, block.text)) {
        state.sequences.add(match[1] !== undefined ? step.keys[0] : step.keys[1]);
        last = match;
      }
      if (last && state.sequences.has(step.keys[0]) && state.sequences.has(step.keys[1])) {
        // Vale reports the first place the last-seen spelling occurs in the block.
        const start = block.text.indexOf(last[0]);
        alerts.push({ start, end: start + last[0].length, ...said(message, last[0]) });
      }
    }
    return alerts;
  };
}

function isAllMasked(block: ProseBlock, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (block.masked[i] !== 1) return false;
  return end > start;
}
