/**
 * `conditional`: a match of `first` needs a match of `second` (e.g. an acronym needs its
 * definition). With a capture group in `second`, the captured values define which `first` matches
 * are allowed, across the whole file; without one, `second` must appear in the same block.
 */
import type { ProseBlock } from "../prose.ts";
import type { FileState, RawAlert } from "../rule-types.ts";
import { buildExceptions, compilePattern, formatMessage, isException, matchAll, readBoolean, readString, readStrings, type CompileContext, type RuleDefinition } from "./common.ts";

export function compileConditional(def: RuleDefinition, ctx: CompileContext): (block: ProseBlock, state: FileState) => RawAlert[] {
  const ignorecase = readBoolean(def, "ignorecase") ? "(?i)" : "";
  const first = readString(def, "first") ?? "";
  const second = readString(def, "second") ?? "";
  const firstRe = compilePattern(ignorecase + first, ctx);
  const secondRe = compilePattern(ignorecase + second, ctx);
  const hasGroup = (second.match(/\(/g)?.length ?? 0) > (second.match(/\(\?/g)?.length ?? 0) + (second.match(/\\\(/g)?.length ?? 0);
  const except = buildExceptions(readStrings(def, "exceptions"), readBoolean(def, "vocab", true) ? ctx.accepted : [], ctx);
  const message = readString(def, "message") ?? "";
  return (block, state) => {
    const alerts: RawAlert[] = [];
    if (!hasGroup) {
      secondRe.lastIndex = 0;
      if (secondRe.test(block.text)) return alerts;
    } else {
      for (const match of matchAll(secondRe, block.text)) {
        for (const value of match.slice(1)) if (value) state.sequences.add(value);
      }
    }
    for (const match of matchAll(firstRe, block.text)) {
      const text = match[0];
      if ((hasGroup && state.sequences.has(text)) || isException(except, text)) continue;
      alerts.push({ start: match.index, end: match.index + text.length, message: formatMessage(message, text) });
    }
    return alerts;
  };
}
