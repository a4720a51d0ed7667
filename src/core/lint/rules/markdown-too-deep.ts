/**
 * `markdown-too-deep`: a card whose tree overflows the stack of a parser or rule (thousands of
 * nested `>`). Reported by the loader and by lint-project, for that card only.
 */
import type { Finding } from "../findings.ts";
import { exampleCard, ruleMeta, type Rule } from "../rule-model.ts";

/**
 * Deepest nesting of blocks or inline marks that is read, rendered and checked (a card of 3,000 `>` must not
 * overflow a stack): deeper is markdown-too-deep, in a card and in a snippet alike.
 */
export const MAX_NESTING = 100;

/** The finding for `file`; with its text, at the line where it nests deepest (else line 1). */
export function tooDeepFinding(file: string, source?: string): Finding {
  return {
    ruleId: "markdown-too-deep",
    severity: "error",
    file,
    line: source === undefined ? 1 : deepestLine(source),
    column: 1,
    message: "The card nests blocks or inline marks too deeply to be checked (thousands of > or * in a row). Flatten the nesting; the other cards were checked.",
  };
}

export const markdownTooDeep: Rule = {
  meta: ruleMeta("markdown-too-deep", "A card nests blocks, inline marks or HTML elements so deeply (thousands of `>`, `*` or `<span>`) that it cannot be checked or rendered; the other cards are still checked.", { kind: "project", mandatory: true }),
  examples: {
    valid: [{ name: "a well-formed card", files: { "content/a/card.md": exampleCard() } }],
    invalid: [{ name: "3,000 nested block quotes", files: { "content/a/card.md": exampleCard({}, ">".repeat(3000) + " deep\n") } }],
  },
};

/**
 * The line (1-based) that nests deepest, read from the text in one pass without parsing it (a
 * parser or rule has just overflowed on it): the most `>` at its start, the longest run of `*`,
 * `_`, `[` or `~`, or the most HTML elements open once its tags are counted. The first such line.
 */
export function deepestLine(source: string): number {
  let best = 0;
  let bestLine = 1;
  let line = 1;
  let htmlDepth = 0;
  let quotes = 0;
  let atStart = true;
  let run = 0;
  let runChar = 0;
  let lineScore = 0;
  const endLine = () => {
    const score = Math.max(lineScore, quotes, htmlDepth);
    if (score > best) {
      best = score;
      bestLine = line;
    }
    line++;
    quotes = 0;
    atStart = true;
    run = 0;
    lineScore = 0;
  };
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    if (code === 10) {
      endLine();
      continue;
    }
    if (atStart) {
      if (code === 62) quotes++; // >
      else if (code !== 32 && code !== 9) atStart = false;
    }
    // * _ [ ~
    if (code === 42 || code === 95 || code === 91 || code === 126) {
      run = code === runChar ? run + 1 : 1;
      runChar = code;
      if (run > lineScore) lineScore = run;
    } else runChar = 0;
    if (code === 60) {
      // <
      const next = source.charCodeAt(i + 1);
      if (next === 47) htmlDepth = Math.max(0, htmlDepth - 1);
      else if ((next >= 65 && next <= 90) || (next >= 97 && next <= 122)) htmlDepth++;
    }
  }
  endLine();
  return bestLine;
}
