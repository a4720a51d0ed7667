/**
 * `CommentDelimiters` (Vale 3.8, lint/html.go applyCommentPatterns): after the ignore patterns, Vale
 * replaces every start delimiter of the file with `<!--` and every end delimiter with `-->`
 * (strings.ReplaceAll, start first), then parses it, so MDX's `{/* vale off *\/}` is a comment
 * directive and a comment's text is no prose. Verity parses the rewritten text and maps each offset
 * back to the file as written, where alerts, ignore patterns and `scope: raw` read it.
 */
import type { FileProse, ProseBlock, ProseComment } from "./prose.ts";

export interface RewrittenSource {
  text: string;
  /** The offset in the file as written of an offset in `text`. */
  toSource(offset: number): number;
}

/** `source` with each pair's delimiters written as HTML comment marks; undefined when none occurs. */
export function rewriteCommentDelimiters(source: string, pairs: readonly (readonly [string, string])[]): RewrittenSource | undefined {
  let text = source;
  // Pieces of `text`: [textStart, sourceStart, length] runs copied as written; between them, replacements.
  let runs: number[] = [0, 0, source.length];
  let changed = false;
  for (const [start, end] of pairs) {
    for (const [from, to] of [[start, "<!--"], [end, "-->"]] as const) {
      if (from === "" || !text.includes(from)) continue;
      changed = true;
      const next: number[] = [];
      let out = "";
      let at = 0;
      for (let i = text.indexOf(from); i >= 0; i = text.indexOf(from, i + from.length)) {
        out += text.slice(at, i) + to;
        copyRuns(runs, at, i, out.length - to.length - (i - at), next);
        at = i + from.length;
      }
      copyRuns(runs, at, text.length, out.length, next);
      text = out + text.slice(at);
      runs = next;
    }
  }
  if (!changed) return undefined;
  const toSource = (offset: number): number => {
    // The last run starting at or before `offset`; inside a replacement, the end of that run.
    let lo = 0;
    let hi = runs.length / 3 - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (runs[mid * 3]! <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return 0;
    const [textStart, sourceStart, length] = [runs[found * 3]!, runs[found * 3 + 1]!, runs[found * 3 + 2]!];
    return sourceStart + Math.min(offset - textStart, length);
  };
  return { text, toSource };
}

/** Copies the parts of `runs` covering `[from, to)` of the old text into `next`, placed at `outStart`. */
function copyRuns(runs: readonly number[], from: number, to: number, outStart: number, next: number[]): void {
  for (let r = 0; r < runs.length; r += 3) {
    const textStart = runs[r]!;
    const a = Math.max(from, textStart);
    const b = Math.min(to, textStart + runs[r + 2]!);
    if (a < b) next.push(outStart + (a - from), runs[r + 1]! + (a - textStart), b - a);
  }
}

/** `prose` read from the rewritten text, with every offset of the file as written. */
export function proseAtSource(prose: FileProse, toSource: (offset: number) => number): FileProse {
  const block = (b: ProseBlock): ProseBlock => {
    let offsets: Int32Array | undefined;
    const { scope, parent, kind, text, masked, joins } = b;
    const moved: ProseBlock = {
      scope,
      ...(parent ? { parent } : {}),
      kind,
      text,
      masked,
      ...(joins ? { joins } : {}),
      start: toSource(b.start),
      end: toSource(b.end),
      get offsets() {
        offsets ??= b.offsets.map((o) => (o < 0 ? o : toSource(o)));
        return offsets;
      },
      offsetAt: (index) => toSource(b.offsetAt(index)),
    };
    if (prose.quoted.has(b)) quoted.add(moved);
    return moved;
  };
  // A quoted block stays quoted (SkippedScopes = blockquote and the built-in rules ask the set).
  const quoted = new WeakSet<ProseBlock>();
  const comment = (c: ProseComment): ProseComment => ({ text: c.text, offset: toSource(c.offset) });
  return { ...prose, blocks: prose.blocks.map(block), inlineBlocks: prose.inlineBlocks.map(block), comments: prose.comments.map(comment), quoted };
}
