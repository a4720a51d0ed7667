/**
 * `--fix`: applies the `fix` edits of findings to file text. Edits are offsets into the BOM-stripped
 * source; overlapping edits keep the first; the byte order mark and line endings are kept as they
 * were. Front matter keys written with an alias (`verify-by`) are renamed, never their values.
 */
import { lstatSync, readFileSync, readlinkSync } from "node:fs";
import { ConcurrentEditError, describeWriteRefusal, replaceFileIfUnchanged, type Replaced } from "../cards/safe-write.ts";
import { FIELD_ALIASES } from "../cards/schema.ts";
import type { Finding, TextEdit } from "../lint/findings.ts";
import { onFirstUse } from "../load-on-use.ts";

const diffPackage = onFirstUse<typeof import("diff")>("diff");

/** Applies non-overlapping edits to `source`; returns the new text and how many edits were used. */
export function applyEdits(source: string, edits: readonly TextEdit[]): { text: string; applied: number } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: TextEdit[] = [];
  let lastEnd = -1;
  for (const edit of sorted) {
    if (edit.start < lastEnd || edit.start < 0 || edit.end > source.length || edit.end < edit.start) continue;
    if (source.slice(edit.start, edit.end) === edit.text) continue;
    kept.push(edit);
    lastEnd = edit.end;
  }
  let text = source;
  for (const edit of [...kept].reverse()) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  return { text, applied: kept.length };
}

/**
 * Findings (rule `frontmatter-schema`) for front matter keys written with an accepted alias, each with
 * the edit that renames the key. Only the key is touched, and only when the card does not set the
 * key it stands for too: the rename would then write that key twice, which is not YAML (lint
 * reports both keys being set, for a person to choose the value).
 */
export function findAliasKeys(file: string, source: string): Finding[] {
  const open = /^---[ \t]*\r?\n/.exec(source);
  if (!open) return [];
  const findings: Finding[] = [];
  const keys = new Set<string>();
  let offset = open[0].length;
  let line = 2;
  while (offset < source.length) {
    const end = source.indexOf("\n", offset);
    const text = source.slice(offset, end < 0 ? undefined : end).replace(/\r$/, "");
    if (/^(---|\.\.\.)[ \t]*$/.test(text)) break;
    const key = /^([A-Za-z][\w-]*)[ \t]*:/.exec(text);
    if (key) keys.add(key[1]!);
    const target = key ? FIELD_ALIASES[key[1]!] : undefined;
    if (key && target) {
      findings.push({
        ruleId: "frontmatter-schema",
        severity: "warning",
        file,
        line,
        column: 1,
        message: `"${key[1]}" is an alias; write "${target}".`,
        fix: [{ start: offset, end: offset + key[1]!.length, text: target }],
      });
    }
    if (end < 0) break;
    offset = end + 1;
    line++;
  }
  return findings.filter((finding) => !keys.has(finding.fix![0]!.text));
}

export interface FileFix {
  file: string;
  before: string;
  after: string;
  applied: number;
}

/**
 * Computes the fixed text of each file that has fixable findings (`source` is BOM-stripped). A file
 * `readSource` cannot give as text (not UTF-8: see readFixableSource) is left out, and named in `skipped`.
 */
export function planFixes(findings: readonly Finding[], readSource: (file: string) => string | undefined, skipped: string[] = []): FileFix[] {
  const byFile = new Map<string, TextEdit[]>();
  for (const finding of findings) {
    if (!finding.fix) continue;
    const list = byFile.get(finding.file) ?? [];
    list.push(...finding.fix);
    byFile.set(finding.file, list);
  }
  const fixes: FileFix[] = [];
  for (const [file, edits] of [...byFile].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const before = readSource(file);
    if (before === undefined) {
      skipped.push(file);
      continue;
    }
    const { text, applied } = applyEdits(before, edits);
    if (applied > 0 && text !== before) fixes.push({ file, before, after: text, applied });
  }
  return fixes;
}

/** Reads a file as text without its byte order mark. */
export function readSourceFile(file: string): { source: string; hasBom: boolean } {
  const text = readFileSync(file, "utf8");
  const hasBom = text.startsWith("\uFEFF");
  return { source: hasBom ? text.slice(1) : text, hasBom };
}

/**
 * The text `--fix` may edit: the file decoded strictly (BOM-stripped), or undefined when it is not
 * UTF-8, whose bytes a lenient read would turn into U+FFFD and a write would then lose.
 */
export function readFixableSource(file: string): string | undefined {
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(readFileSync(file));
    return text.startsWith("\uFEFF") ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}

/** The finding on a file `--fix` left as it is because it is not UTF-8 (at the line of the first bad byte). */
export function notFixableFinding(file: string): Finding {
  const lenient = new TextDecoder("utf-8").decode(readFileSync(file));
  const bad = lenient.indexOf("\uFFFD");
  return {
    ruleId: "file-encoding",
    severity: "error",
    file,
    line: bad < 0 ? 1 : lenient.slice(0, bad).split("\n").length,
    column: 1,
    message: 'The file is not valid UTF-8 text, so --fix left it as it is. Re-save it as UTF-8 (most editors offer this under "Save with encoding"), then run again.',
  };
}

/**
 * Writes fixed text back, re-adding the byte order mark when the file had one: whole (a temporary
 * file renamed over it, so an interrupted run leaves the old file or the new one, never half), and
 * only if the file still holds the text the fix was made from (an edit saved meanwhile is kept).
 */
export function writeFix(fix: FileFix): Replaced {
  refuseLink(fix.file);
  const hasBom = readFileSync(fix.file, "utf8").startsWith("\uFEFF");
  const bom = hasBom ? "\uFEFF" : "";
  return replaceFileIfUnchanged(fix.file, bom + fix.before, bom + fix.after);
}

/** A file `--fix` does not write because it is a symbolic link. */
export class LinkedFileError extends Error {
  readonly reason: string;
  constructor(file: string, target: string) {
    super(`${file} is a symbolic link`);
    this.reason = `it is a symbolic link, to ${target}; --fix writes no file through a link: fix the file it points to by naming that file`;
  }
}

/**
 * Throws {@link LinkedFileError} for a symbolic link. Linting reads through links, as Vale does, but a
 * Markdown-named link a pull request commits can point at any file of the machine (~/.bashrc), and
 * the rules whose suggestions --fix writes come with the same pull request.
 */
function refuseLink(file: string): void {
  if (lstatSync(file).isSymbolicLink()) throw new LinkedFileError(file, readlinkSync(file));
}

/** What `--fix` did: the fixes written (or, with `dryRun`, planned), and the files left unwritten with the reason. */
export interface FixSummary {
  plans: FileFix[];
  problems: number;
  dryRun: boolean;
  left?: { file: string; reason: string }[];
  /** Files written that had other names (hard links), which keep the old text (see safe-write.ts). */
  separated?: { file: string; otherNames: number }[];
}

/** The fixes written, and those left unwritten with the reason. */
export interface FixWrites {
  written: FileFix[];
  left: { fix: FileFix; reason: string }[];
  separated: { file: string; otherNames: number }[];
}

/**
 * Writes each fix (see {@link writeFix}). A file that changed meanwhile, or that the system refuses
 * to write (read-only, a full disk), is left as it is with the reason; the others are written.
 */
export function writeFixes(fixes: readonly FileFix[]): FixWrites {
  const result: FixWrites = { written: [], left: [], separated: [] };
  for (const fix of fixes) {
    try {
      const { otherNames } = writeFix(fix);
      result.written.push(fix);
      if (otherNames > 0) result.separated.push({ file: fix.file, otherNames });
    } catch (error) {
      const reason = error instanceof ConcurrentEditError ? "it changed while verity was working on it" : error instanceof LinkedFileError ? error.reason : describeWriteRefusal(error);
      if (reason === undefined) throw error;
      result.left.push({ fix, reason });
    }
  }
  return result;
}

/** A unified diff of one fix, with paths as shown to the user. */
export function diffFix(fix: FileFix, displayName: string): string {
  return diffPackage().createTwoFilesPatch(`a/${displayName}`, `b/${displayName}`, fix.before, fix.after, undefined, undefined, { context: 3 });
}
