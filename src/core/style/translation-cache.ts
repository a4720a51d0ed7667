/**
 * The style rules' patterns as translated to JavaScript (go-regex.ts, regex-memo.ts), kept between runs in
 * `.verity-cache/`: a re-lint of one edited card compiles every rule of the style guide, and the
 * translator's first pass over hundreds of patterns (code not yet optimized by V8) costs more than
 * checking the card. Only translations made by this same code, in this same folder (a file that came
 * with the project's files was written by anyone: see cache-folder.ts), are recalled, and only from a
 * well-formed file; a missing or damaged file is simply empty. A compile that used a pattern the
 * file did not have writes the file again, whole (safe-write.ts), with what that compile used.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { cacheFolderStamp, writeCacheFile } from "../project/cache-folder.ts";
import { getCodeVersion } from "../lint/code-version.ts";
import { recallTranslations, recordTranslations, type TranslatedRegex } from "./regex-memo.ts";

const VERSION = 1;

interface Stored {
  version: typeof VERSION;
  code: string;
  /** The stamp of the folder the file was written in (cacheFolderStamp). */
  folder: string;
  /** [Go pattern, JavaScript source, flags]. */
  entries: [string, string, string][];
}

/** Compiles the styles with `compile`, recalling the translations saved in `file` first, and saving them after when some were new. */
export function withSavedTranslations<T>(file: string | undefined, compile: () => T): T {
  if (file === undefined) return compile();
  const saved = recallSavedTranslations(file);
  const { value, used } = recordTranslations(compile);
  if ([...used.keys()].some((pattern) => !saved.has(pattern))) saveTranslations(file, used);
  return value;
}

/** Recalls the translations saved in `file` by a run of this code; gives their patterns (none when the file is missing, damaged or another code's). */
export function recallSavedTranslations(file: string): Set<string> {
  const none = new Set<string>();
  if (!existsSync(file)) return none;
  let data: Partial<Stored>;
  try {
    data = JSON.parse(readFileSync(file, "utf8")) as Partial<Stored>;
  } catch {
    return none;
  }
  if (data.version !== VERSION || data.code !== getCodeVersion() || data.folder !== cacheFolderStamp(path.dirname(file)) || !Array.isArray(data.entries)) return none;
  const entries: [string, TranslatedRegex][] = [];
  for (const entry of data.entries as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 3 || !entry.every((part) => typeof part === "string")) return none;
    const [pattern, source, flags] = entry as [string, string, string];
    if (!/^[imsu]*$/.test(flags)) return none;
    entries.push([pattern, { source, flags }]);
  }
  recallTranslations(entries);
  return new Set(entries.map(([pattern]) => pattern));
}

function saveTranslations(file: string, used: ReadonlyMap<string, TranslatedRegex>): void {
  const stored: Stored = { version: VERSION, code: getCodeVersion(), folder: cacheFolderStamp(path.dirname(file)), entries: [...used].map(([pattern, { source, flags }]) => [pattern, source, flags]) };
  writeCacheFile(file, JSON.stringify(stored));
}
