/**
 * The whole-run lint cache: when nothing that lint reads has changed (every file under the content
 * folder, the configuration, the style rules, the day and the Verity version), the previous run's
 * findings are replayed without loading a card. Any change recomputes everything, so cross-card
 * checks (links, ids, the trust score) are always right; the per-card style cache then makes the
 * recomputation cheap.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import path from "node:path";
import type { Finding } from "../lint/findings.ts";
import type { ProjectContext } from "../project/project.ts";
import type { TrustScore } from "../verification/verification.ts";
import { hashRuleInputs } from "../lint/cache-inputs.ts";
import { findValeConfig, loadValeConfig } from "./vale-ini.ts";
import { writeFileWhole } from "../cards/safe-write.ts";
import { readAndHash, type FileHash, type FileStates } from "../lint/file-states.ts";

/** What lint's report needs from a project, when the project itself was not loaded. */
export interface LintedProjectSummary {
  configFile: string | undefined;
  contentDir: string;
  /** Every card, with the id its `companion:` names, if any (companion drift reads git only for those). */
  cards: { file: string; companion?: string }[];
  invalidFiles: string[];
  config: { minTrustScore: number };
}

export interface CachedRun {
  project: LintedProjectSummary;
  findings: Finding[];
  trust: TrustScore;
}

interface RunCacheFile extends CachedRun {
  version: 2;
  key: string;
}

/**
 * Hash of everything a full lint run reads; `salt` adds the engine and CLI versions. Each file
 * counts by its path and the hash of its bytes, which `states` (see file-states.ts) gives without
 * reading a file that has not changed since the last run. With `reads`, the card files' hashes (and
 * their bytes, when this run read them) are kept there, so a run that misses the cache does not
 * read or hash them again.
 */
export function computeRunKey(context: ProjectContext, salt: string, reads?: Map<string, FileHash>, states?: FileStates): string {
  const hash = createHash("sha256");
  hash.update(`${salt}\0${context.root}\0${context.today}\0`);
  if (context.configFile && existsSync(context.configFile)) hash.update(readFileSync(context.configFile));
  const hashFile = (full: string): FileHash => {
    if (states) return states.hashOf(full);
    const { hash, bytes } = readAndHash(full);
    return bytes ? { hash, bytes } : { hash };
  };
  const contentDir = path.resolve(context.root, context.config.contentDir);
  if (existsSync(contentDir)) hashTree(hash, contentDir, hashFile, reads);
  hashRuleInputs(hash, context.root);
  const valeFile = findValeConfig(context.root);
  if (valeFile) {
    hash.update(readFileSync(valeFile));
    const stylesPath = loadValeConfig(valeFile).stylesPath;
    if (stylesPath && existsSync(stylesPath)) hashTree(hash, stylesPath, hashFile);
  }
  return hash.digest("hex");
}

const CARD_FILE = /\.mdx?$/i;

function hashTree(hash: ReturnType<typeof createHash>, dir: string, hashFile: (full: string) => FileHash, reads?: Map<string, FileHash>): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name === "node_modules" || entry.name === ".git") continue;
    const full = path.join(dir, entry.name);
    hash.update(`${full}\0`);
    // A link's target decides what lint reads (or refuses), so it is part of the key.
    if (entry.isSymbolicLink()) hash.update(`link\0${readlinkSync(full)}\0`);
    else if (entry.isDirectory()) hashTree(hash, full, hashFile, reads);
    else if (entry.isFile()) {
      const file = hashFile(full);
      if (reads && CARD_FILE.test(entry.name)) reads.set(full, file); // cards only: attachments may be large
      hash.update(`${file.hash}\0`);
    } else hash.update("special\0");
  }
}

export function readCachedRun(file: string, key: string): CachedRun | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const data = JSON.parse(readFileSync(file, "utf8")) as RunCacheFile;
    if (data.version !== 2 || data.key !== key) return undefined;
    return { project: data.project, findings: data.findings, trust: data.trust };
  } catch {
    return undefined;
  }
}

/** A run to keep: its project's cards carry their frontmatter, so the summary can record their companions. */
interface RunToCache extends Omit<CachedRun, "project"> {
  project: Omit<LintedProjectSummary, "cards"> & { cards: readonly { file: string; data: { companion?: string | undefined } }[] };
}

export function writeCachedRun(file: string, key: string, run: RunToCache): void {
  const data: RunCacheFile = {
    version: 2,
    key,
    project: {
      configFile: run.project.configFile,
      contentDir: run.project.contentDir,
      cards: run.project.cards.map((c) => (c.data.companion === undefined ? { file: c.file } : { file: c.file, companion: c.data.companion })),
      invalidFiles: run.project.invalidFiles,
      config: { minTrustScore: run.project.config.minTrustScore },
    },
    findings: run.findings.map(({ fix: _fix, ...rest }) => rest),
    trust: run.trust,
  };
  writeFileWhole(file, JSON.stringify(data));
}
