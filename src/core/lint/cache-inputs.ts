/**
 * What the lint caches must hash besides the cards, the configuration and Verity's own code: the
 * files rules declare they read (`meta.reads`, e.g. the template catalog), the project's remark
 * configuration, and the lockfile, whose
 * dependency versions (parser, remark-lint rules) decide findings too; and the stamp of the cache
 * folder, so that a cache is read only in the folder that wrote it (see cache-folder.ts).
 */
import type { Hash } from "node:crypto";
import path from "node:path";
import { bytesToHash } from "../cards/safe-read.ts";
import { CACHE_FOLDER, cacheFolderStamp } from "../project/cache-folder.ts";
import { filesReadByRules } from "./registry.ts";
import { REMARK_CONFIG_FILES } from "./remark-config.ts";

const LOCKFILES = ["package-lock.json"];

export function hashRuleInputs(hash: Pick<Hash, "update"> | { update(data: string | Uint8Array): unknown }, root: string): void {
  for (const rel of [...filesReadByRules(), ...REMARK_CONFIG_FILES, ...LOCKFILES]) {
    const file = path.join(root, rel);
    hash.update(`${rel}\0`);
    const bytes = bytesToHash(file);
    hash.update(typeof bytes === "string" ? `${bytes}\0` : bytes);
  }
  hash.update(`cache folder\0${cacheFolderStamp(path.join(root, CACHE_FOLDER))}\0`);
}
