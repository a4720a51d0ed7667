/**
 * The lint cache: per-card style findings keyed by a hash of the card text, valid for one hash of
 * the rules and configuration. Only per-file findings live here; cross-card checks (links, ids,
 * trust score) are always recomputed. A missing or unreadable cache is simply empty.
 */
import { writeCacheFile } from "../project/cache-folder.ts";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Finding } from "../lint/findings.ts";

interface CacheFile {
  version: 1;
  config: string;
  /** relPath -> { hash of the card, findings without their absolute path }. */
  entries: Record<string, { key: string; findings: Omit<Finding, "file">[] }>;
}

export interface LintCache {
  get(relPath: string, key: string, file: string): Finding[] | undefined;
  set(relPath: string, key: string, file: string, findings: readonly Finding[]): void;
  save(): void;
  /** True when the cache held nothing valid when it was opened. */
  isEmpty: boolean;
}

export function openLintCache(cacheFile: string, configKey: string): LintCache {
  let data: CacheFile = { version: 1, config: configKey, entries: {} };
  if (existsSync(cacheFile)) {
    try {
      const parsed = JSON.parse(readFileSync(cacheFile, "utf8")) as CacheFile;
      if (parsed.version === 1 && parsed.config === configKey && parsed.entries) data = parsed;
    } catch {
      // A damaged cache is ignored and rewritten.
    }
  }
  let isDirty = false;
  return {
    isEmpty: Object.keys(data.entries).length === 0,
    get(relPath, key, file) {
      const entry = data.entries[relPath];
      if (!entry || entry.key !== key) return undefined;
      return entry.findings.map((f) => ({ ...f, file }));
    },
    set(relPath, key, _file, findings) {
      data.entries[relPath] = { key, findings: findings.map(({ file: _ignored, ...rest }) => rest) };
      isDirty = true;
    },
    save() {
      if (!isDirty) return;
      writeCacheFile(cacheFile, JSON.stringify(data));
    },
  };
}
