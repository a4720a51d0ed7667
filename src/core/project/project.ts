/** A Verity project: its root, configuration, cards and the day it is checked on. */
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { parseCalendarDate, todayIn, type CalendarDate } from "../verification/calendar-date.ts";
import { findProjectRoot, loadConfig, type VerityConfig } from "./config.ts";
import { ConfigError, UsageError } from "../errors.ts";
import { buildCardIndex, type CardIndex } from "../site/links.ts";
import { loadCards, type LoadedCards, type LoadHooks } from "../cards/load.ts";
import type { VerificationPolicy } from "../verification/verification.ts";

export interface ProjectOptions {
  /** Where the command runs; the project root is found from here upwards. */
  cwd: string;
  /** Explicit project root (`--root`). */
  root?: string;
  /** Explicit config file (`--config`). */
  configFile?: string;
  /** Overrides today's date (`--today YYYY-MM-DD`). */
  today?: string;
}

export interface ProjectContext {
  root: string;
  config: VerityConfig;
  configFile: string | undefined;
  /** The line of `contentDir` in the config file, when the file sets it. */
  contentDirLine?: number;
  today: CalendarDate;
  policy: VerificationPolicy;
}

export interface Project extends ProjectContext, LoadedCards {
  index: CardIndex;
}

/** Finds the root, reads the configuration and fixes "today"; does not read the cards. */
export function openProject(options: ProjectOptions): ProjectContext {
  const root = options.root ? path.resolve(options.cwd, options.root) : findProjectRoot(options.cwd);
  if (!root || !existsSync(root)) {
    throw new UsageError(
      options.root ? `The project folder ${options.root} does not exist.` : `No Verity project found in ${options.cwd} or any folder above it.`,
      "Run verity inside a repository with a content/ folder or a verity.config.yml, or pass --root <folder>.",
    );
  }
  if (!statSync(root).isDirectory()) {
    throw new UsageError(`The project folder ${options.root ?? root} is a file, not a folder.`, "Pass the folder that holds content/ and verity.config.yml, e.g. --root .");
  }
  const { config, file, contentDirLine } = loadConfig(root, options.configFile);
  const today = resolveToday(config.timeZone, options.today);
  return { root, config, configFile: file, ...(contentDirLine !== undefined ? { contentDirLine } : {}), today, policy: { today, warnDays: config.warnDays } };
}

/**
 * For a command that checks the cards (lint, status): a content folder that does not exist is a
 * mistake (a typo in contentDir, --root at the wrong folder), not a project with nothing to check
 * that passes CI. `verity new` creates the folder; an empty one is a project without cards yet.
 */
export function requireContentFolder(context: ProjectContext): void {
  const folder = path.resolve(context.root, context.config.contentDir);
  if (existsSync(folder)) return;
  const where = context.configFile ? `${path.relative(context.root, context.configFile) || context.configFile}:${context.contentDirLine ?? 1}: ` : "";
  const named = context.configFile && context.contentDirLine !== undefined ? `contentDir is ${context.config.contentDir}, and ` : "";
  throw new ConfigError(
    `${where}${named}the content folder ${folder} does not exist, so there are no cards to check.`,
    "Point contentDir in verity.config.yml at the folder of collections, or run verity in (or pass --root) the repository that holds it; verity new creates it.",
  );
}

/** Loads the configuration and every card (see `LoadHooks` for a cache and a callback per card). */
export function loadProject(options: ProjectOptions, hooks: LoadHooks = {}): Project {
  const context = openProject(options);
  const loaded = loadCards(context.root, context.config, hooks);
  return { ...context, ...loaded, index: buildCardIndex(loaded.cards, loaded.invalidFiles, { sites: context.config.sites }) };
}

/** `--today` when given (validated), else the clock read once in the configured time zone. */
export function resolveToday(timeZone: string, override: string | undefined, now?: Date): CalendarDate {
  if (override === undefined) return todayIn(timeZone, now);
  const date = parseCalendarDate(override);
  if (!date) throw new UsageError(`--today ${override} is not a calendar date.`, "Write it as YYYY-MM-DD, e.g. --today 2027-01-31.");
  return date;
}
