/**
 * The style guide inside `verity lint`: a card checker that runs the prose rules (the project's
 * `.vale.ini` styles and the built-in prose rules) on each card's already-parsed tree, with a
 * content-hash cache so an unchanged card is not checked again.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { getCodeVersion } from "../lint/code-version.ts";
import type { Finding } from "../lint/findings.ts";
import type { CardChecker } from "../lint/lint-project.ts";
import { hashRuleInputs } from "../lint/cache-inputs.ts";
import { ruleLevels } from "../lint/registry.ts";
import type { Card } from "../cards/load.ts";
import type { Project } from "../project/project.ts";
import { findAliasKeys } from "./fix.ts";
import { openLintCache, type LintCache } from "./lint-cache.ts";
import { lintProse, type StyleOptions } from "./style-engine.ts";
import { matchPathFor, resolveValeSetup } from "./style-files.ts";


export interface StyleCheckerOptions {
  /** Cache file (e.g. `.verity-cache/lint.json`); no cache when undefined. */
  cacheFile?: string | undefined;
  /** Also report front matter keys written with an alias, with their fix (for `--fix`). */
  isFixing?: boolean;
}

export interface StyleChecker {
  check: CardChecker;
  /** Writes the cache (when there is one). */
  save(): void;
  /** Cards answered from the cache / checked, in this run. */
  stats(): { hits: number; misses: number };
}

export function createStyleChecker(project: Project, options: StyleCheckerOptions = {}): StyleChecker {
  const vale = resolveValeSetup(project.root, project.root);
  const styleOptions: StyleOptions = {
    vale,
    builtinLevels: ruleLevels(project.config.rules),
    lang: project.config.lang,
  };
  const cache: LintCache | undefined = options.cacheFile ? openLintCache(options.cacheFile, configHash(project, vale?.config.file, vale?.config.stylesPath)) : undefined;
  let hits = 0;
  let misses = 0;
  const check: CardChecker = (card: Card) => {
    const matchPath = matchPathFor(card.file, vale?.config);
    const key = cache ? hashText(`${card.relPath}\0${card.lang}\0${card.source}`) : "";
    let findings = cache?.get(card.relPath, key, card.file);
    if (findings) hits++;
    else {
      misses++;
      const input = { file: card.file, source: card.source, format: card.format, tree: card.tree, matchPath, frontmatter: card.data as Record<string, unknown> };
      findings = lintProse(input, { ...styleOptions, lang: card.lang });
      cache?.set(card.relPath, key, card.file, findings);
    }
    return options.isFixing ? [...findings, ...findAliasKeys(card.file, card.source)] : findings;
  };
  return {
    check,
    save: () => cache?.save(),
    stats: () => ({ hits, misses }),
  };
}

/** Hash of everything besides the card that decides its style findings. */
function configHash(project: Project, valeFile: string | undefined, stylesPath: string | undefined): string {
  const hash = createHash("sha256");
  hash.update(getCodeVersion());
  hash.update(JSON.stringify(project.config.rules));
  hash.update(project.config.lang);
  hashRuleInputs(hash, project.root);
  if (valeFile) hash.update(readFileSync(valeFile));
  if (stylesPath && existsSync(stylesPath)) {
    for (const file of listFiles(stylesPath)) {
      hash.update(file);
      hash.update(readFileSync(file));
    }
  }
  return hash.digest("hex");
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...listFiles(full));
    else out.push(full);
  }
  return out;
}

function hashText(text: string): string {
  return createHash("sha1").update(text).digest("hex");
}

export type { Finding };
