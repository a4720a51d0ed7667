/**
 * `conditional`: a match of `first` needs a match of `second` (e.g. an acronym needs its
 * definition). As in Vale (internal/check/conditional.go), the values captured by `second`'s groups
 * anywhere in the file so far define which `first` matches are allowed (a `second` without a group
 * defines nothing), and both patterns are compiled as written: `ignorecase` does not apply.
 */
import type { ProseBlock } from "../prose.ts";
import type { FileState, RawAlert } from "../rule-types.ts";
import { actionValue, buildExceptions, compilePattern, formatMessage, isException, matchAll, readBoolean, readString, readStrings, type CompileContext, type RuleDefinition } from "./common.ts";

export function compileConditional(def: RuleDefinition, ctx: CompileContext, action?: { name: string; params: readonly string[] }): (block: ProseBlock, state: FileState) => RawAlert[] {
  const firstRe = compilePattern(readString(def, "first") ?? "", ctx);
  const secondRe = compilePattern(readString(def, "second") ?? "", ctx);
  const except = buildExceptions(readStrings(def, "exceptions"), readBoolean(def, "vocab", true) ? ctx.accepted : [], ctx);
  const message = readString(def, "message") ?? "";
  return (block, state) => {
    const alerts: RawAlert[] = [];
    for (const match of matchAll(secondRe, block.text)) {
      for (const value of match.slice(1)) if (value) state.sequences.add(value);
    }
    for (const match of matchAll(firstRe, block.text)) {
      const text = match[0];
      if (state.sequences.has(text) || isException(except, text)) continue;
      const fixed = actionValue(action, text);
      alerts.push({ start: match.index, end: match.index + text.length, message: fixed === undefined ? formatMessage(message, text) : formatMessage(message, text, fixed) });
    }
    return alerts;
  };
}
