/**
 * A hash of Verity's own code, so caches of lint results are dropped whenever the code that made
 * them changes (an upgrade, a new rule, a fix), not only when someone remembers to bump a number.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Folders whose code decides lint output, relative to the repository root. */
const CODE_FOLDERS = ["src/core", "src/app", "cli"];
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

let cached: string | undefined;

/**
 * Set by the CLI bundle (scripts/bundle-cli.mjs) to the code version of the sources it was built
 * from: the bundle runs only while the checkout holds exactly those sources (cli/bundle-stamp.js),
 * so it need not read them all again on every run.
 */
declare const __VERITY_CODE_VERSION__: string | undefined;

export function getCodeVersion(): string {
  if (cached) return cached;
  if (typeof __VERITY_CODE_VERSION__ === "string") return (cached = __VERITY_CODE_VERSION__);
  const hash = createHash("sha256");
  for (const folder of CODE_FOLDERS) hashFolder(hash, path.join(REPO_ROOT, folder));
  // Dependency versions (the parser, unified, remark-lint rules) decide findings too.
  const lockfile = path.join(REPO_ROOT, "package-lock.json");
  if (existsSync(lockfile)) hash.update(readFileSync(lockfile));
  cached = hash.digest("hex").slice(0, 16);
  return cached;
}

function hashFolder(hash: ReturnType<typeof createHash>, dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) hashFolder(hash, full);
    else if (/\.(ts|js|json|dic|aff)$/.test(entry.name)) {
      hash.update(`${path.relative(REPO_ROOT, full)}\0`);
      hash.update(readFileSync(full));
    }
  }
}
