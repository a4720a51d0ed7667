/**
 * The style guide inside `verity lint`: a card checker that runs the prose rules (the project's
 * `.vale.ini` styles and the built-in prose rules) on each card's already-parsed tree, with a
 * content-hash cache so an unchanged card is not checked again.
 */
import { createHash, randomUUID } from "node:crypto";
import { hashBytes } from "../cards/safe-read.ts";
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { getCodeVersion } from "../lint/code-version.ts";
import type { Finding } from "../lint/findings.ts";
import type { CardChecker } from "../lint/lint-project.ts";
import { hashRuleInputs } from "../lint/cache-inputs.ts";
import { ruleLevels } from "../lint/registry.ts";
import type { Card } from "../cards/load.ts";
import type { SerializedTree } from "../cards/markdown.ts";
import type { Project } from "../project/project.ts";
import { findAliasKeys } from "./fix.ts";
import { openLintCache, type LintCache } from "./lint-cache.ts";
import { lintProse, type StyleOptions } from "./style-engine.ts";
import { missingRuleWarnings } from "./rule-loader.ts";
import { matchPathFor, resolveValeConfig, setupFromConfig } from "./style-files.ts";
import { foldersToHash, type ValeConfig } from "./vale-ini.ts";
import type { StyleJob, StyleWorkerSetup } from "./style-job.ts";
import { withSavedTranslations } from "./translation-cache.ts";


export interface StyleCheckerOptions {
  /** Cache file (e.g. `.verity-cache/lint.json`); no cache when undefined. */
  cacheFile?: string | undefined;
  /** Also report front matter keys written with an alias, with their fix (for `--fix`). */
  isFixing?: boolean;
  /** Where the rules' translated patterns are kept between runs (translation-cache.ts); none when undefined. */
  translationsFile?: string | undefined;
}

export interface StyleChecker {
  check: CardChecker;
  /** The cached findings of a card, or undefined (counted as a hit or a miss). */
  lookup(card: Card): Finding[] | undefined;
  /** Checks a card the cache did not have, and caches the result. */
  compute(card: Card): Finding[];
  /** Caches findings computed elsewhere (by `computeStyleJob` in a worker). */
  store(card: Card, findings: readonly Finding[]): void;
  /** What a worker needs to check cards as `compute` does (plain data), with the card's parse when the loader kept it. */
  job(card: Card, serialized?: SerializedTree): StyleJob;
  /** What a worker needs to set up the same checks (plain data). */
  workerSetup: StyleWorkerSetup;
  /** True when the cache holds nothing (or there is none): every card will be checked. */
  isEmpty: boolean;
  /** Writes the cache (when there is one). */
  save(): void;
  /** Cards answered from the cache / checked, in this run. */
  stats(): { hits: number; misses: number };
}

export function createStyleChecker(project: Pick<Project, "root" | "config">, options: StyleCheckerOptions = {}): StyleChecker {
  // The styles are compiled when a card is first checked on this thread: not at all when every
  // card is cached or checked by the worker.
  const valeConfig = resolveValeConfig(project.root, project.root);
  const builtinLevels = ruleLevels(project.config.rules);
  let styleOptions: StyleOptions | undefined;
  const optionsForStyle = (): StyleOptions => (styleOptions ??= withSavedTranslations(options.translationsFile, () => ({ vale: valeConfig ? setupFromConfig(valeConfig) : undefined, builtinLevels, lang: project.config.lang })));
  const cache: LintCache | undefined = options.cacheFile ? openLintCache(options.cacheFile, configHash(project, valeConfig)) : undefined;
  let hits = 0;
  let misses = 0;
  const keys = new WeakMap<Card, string>();
  const keyOf = (card: Card) => {
    if (!cache) return "";
    let key = keys.get(card);
    // The file's bytes stand for its text: a card the loader did not read (unchanged) is not read for its key.
    if (key === undefined) keys.set(card, (key = hashText(`${card.relPath}\0${card.lang}\0${card.contentHash ?? hashBytes(Buffer.from(`${card.hasBom ? "\uFEFF" : ""}${card.source}`))}`)));
    return key;
  };
  const lookup = (card: Card) => {
    const findings = cache?.get(card.relPath, keyOf(card), card.file);
    if (findings) hits++;
    else misses++;
    return findings;
  };
  const store = (card: Card, findings: readonly Finding[]) => cache?.set(card.relPath, keyOf(card), card.file, findings);
  const compute = (card: Card) => {
    const matchPath = matchPathFor(card.file, valeConfig);
    const input = { file: card.file, source: card.source, format: card.format, tree: card.tree, matchPath, frontmatter: card.data as Record<string, unknown> };
    const findings = lintProse(input, { ...optionsForStyle(), lang: card.lang });
    store(card, findings);
    return findings;
  };
  const check: CardChecker = (card: Card) => {
    const findings = lookup(card) ?? compute(card);
    return options.isFixing ? [...findings, ...findAliasKeys(card.file, card.source)] : findings;
  };
  return {
    check,
    lookup,
    compute,
    store,
    job: (card, serialized) => ({ file: card.file, source: card.source, format: card.format, lang: card.lang, frontmatter: card.data as Record<string, unknown>, serialized }),
    workerSetup: { root: project.root, builtinLevels: [...builtinLevels], lang: project.config.lang, translationsFile: options.translationsFile },
    isEmpty: !cache || cache.isEmpty,
    save: () => cache?.save(),
    stats: () => ({ hits, misses }),
  };
}

/** What a project's `.vale.ini` sets that Vale would not use as written (a value it reads as off, a rule that does not exist), found without compiling a rule. */
export function styleConfigWarnings(root: string): string[] {
  const config = resolveValeConfig(root, root);
  return config ? [...config.warnings, ...missingRuleWarnings(config)] : [];
}

/** Hash of everything besides the card that decides its style findings. */
function configHash(project: Pick<Project, "root" | "config">, valeConfig: ValeConfig | undefined): string {
  const hash = createHash("sha256");
  hash.update(getCodeVersion());
  hash.update(JSON.stringify(project.config.rules));
  hash.update(project.config.lang);
  hashRuleInputs(hash, project.root);
  if (!valeConfig) return hash.digest("hex");
  hash.update(readFileSync(valeConfig.file));
  const folders = foldersToHash(valeConfig);
  if (!folders) return randomUUID(); // a style not found stops the run at the first card checked: no key to match
  const left = { files: MAX_HASHED_FILES };
  for (const folder of valeConfig.searchPaths) hash.update(`${folders.includes(folder) ? "folder" : "not a folder"}\0${folder}\0`);
  for (const folder of folders) {
    for (const [file, other] of listFiles(folder, new Set(), left)) {
      hash.update(file);
      hash.update(other === undefined ? readFileSync(file) : `other\0${other}`);
    }
    if (left.files < 0) return randomUUID();
  }
  return hash.digest("hex");
}

/** Files of StylesPath hashed at most: past that (a StylesPath holding a whole tree) the card cache is not used. */
const MAX_HASHED_FILES = 20_000;

/**
 * The files under `dir`, following links, each folder once (a link to a folder above, `up -> ..`,
 * would repeat the tree without end), `node_modules` and `.git` left out as in the run key. What is
 * no regular file (a dangling link, which Vale skips, a loop, which the rule loader reports, a FIFO,
 * which would block a read) is listed with what it is instead of its content.
 */
function listFiles(dir: string, seen: Set<string>, left: { files: number }): [string, string?][] {
  const out: [string, string?][] = [];
  const real = realpathSync(dir);
  if (seen.has(real)) return out;
  seen.add(real);
  for (const entry of readdirSync(dir).sort()) {
    if (entry === "node_modules" || entry === ".git" || --left.files < 0) continue;
    const full = path.join(dir, entry);
    let stat;
    try {
      stat = statSync(full);
    } catch (error) {
      out.push([full, lstatSync(full).isSymbolicLink() ? readlinkSync(full) : String((error as NodeJS.ErrnoException).code)]);
      continue;
    }
    if (stat.isDirectory()) out.push(...listFiles(full, seen, left));
    else out.push(stat.isFile() ? [full] : [full, "special"]);
  }
  return out;
}

function hashText(text: string): string {
  return createHash("sha1").update(text).digest("hex");
}

export type { Finding };
