/**
 * Running a pattern only on the lines that hold a character every match needs (`requiredChar`),
 * for a pattern whose matches never hold a line break and that reads nothing outside its match
 * what a line break stops: an email address TokenIgnores (`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`) otherwise
 * tries every position of every file, and in a file that has one address it fails at all of them
 * but a few. The matches are exactly those of scanning the whole text: no match crosses a line
 * break, a line without the character has none, and what reads past a match (`\b`, a lookaround of
 * such atoms) finds at a line's edge the line break that none of its atoms matches.
 */
import { atomAt, groupOpenAt, quantifierAt } from "./regex-atoms.ts";

const known = new WeakMap<RegExp, boolean>();

/** Whether no match of `re` holds a line break (`\n`), nor any text it reads around its match, and it has no anchor or back-reference. */
export function isLineScoped(re: RegExp): boolean {
  let scoped = known.get(re);
  if (scoped === undefined) known.set(re, (scoped = readsOneLine(re)));
  return scoped;
}

function readsOneLine(re: RegExp): boolean {
  const { source } = re;
  const flags = re.flags.replace(/[gyd]/g, "");
  for (let i = 0; i < source.length; ) {
    const ch = source[i]!;
    if (ch === "(") {
      // A group or a lookaround is read atom by atom. A lookaround may read past the match, but no
      // further than its own atoms reach: at a line's edge it meets the line break, which none of
      // them matches, as it meets the end of the line on its own (Go's \b is one).
      i = groupOpenAt(source, i).bodyStart;
      continue;
    }
    if (ch === "|") {
      i++;
      continue;
    }
    if (ch === ")") {
      i += 1 + (quantifierAt(source, i + 1, source.length)?.length ?? 0);
      continue;
    }
    if (ch === "^" || ch === "$") return false;
    if (ch === "\\" && /[bB]/.test(source[i + 1] ?? "")) {
      i += 2;
      continue;
    }
    // Back-references read the text of another group.
    if (ch === "\\" && /[1-9k]/.test(source[i + 1] ?? "")) return false;
    const { end } = atomAt(source, i, source.length);
    if (canMatchLineBreak(source.slice(i, end), flags)) return false;
    i = end + (quantifierAt(source, end, source.length)?.length ?? 0);
  }
  return true;
}

function canMatchLineBreak(atom: string, flags: string): boolean {
  try {
    return new RegExp(`^(?:${atom})$`, flags).test("\n");
  } catch {
    return true; // not an atom read right (a nested class, a stray brace): take no risk
  }
}

/**
 * The matches of `re` (global, line-scoped) in `source`, in order, found by running it only on the
 * lines that hold `required`: `[index, match]` with the index in `source`.
 */
export function* matchLinesWith(source: string, re: RegExp, required: string): Generator<RegExpExecArray> {
  let from = 0;
  while (from < source.length) {
    const at = source.indexOf(required, from);
    if (at < 0) return;
    const start = source.lastIndexOf("\n", at) + 1;
    const newline = source.indexOf("\n", at);
    const end = newline < 0 ? source.length : newline;
    for (const match of source.slice(start, end).matchAll(re)) {
      match.index += start;
      yield match;
    }
    from = end + 1;
  }
}
