/**
 * Which Vale rules run on a file, and at which level: the config's sections for the file's path,
 * `BasedOnStyles` and `Style.Rule` settings, the levels set in the config, and MinAlertLevel.
 */
import type { Severity } from "../lint/findings.ts";
import { BUILTIN_STYLE } from "./rule-loader.ts";
import type { CompiledRule } from "./rule-types.ts";
import type { ValeSetup } from "./style-engine.ts";
import { matchingSections, settingsForFile, type ValeConfig } from "./vale-ini.ts";

const LEVEL_RANK: Record<Severity, number> = { suggestion: 0, warning: 1, error: 2 };

export interface ActiveRule {
  rule: CompiledRule;
  level: Severity;
}

const activeCache = new WeakMap<ValeSetup, Map<string, ActiveRule[]>>();

/** The rules that run on a file, with their levels; memoised per config, path pattern result and level. */
export function activeRules(setup: ValeSetup, matchPath: string, minAlertLevel: Severity | undefined): ActiveRule[] {
  let byPath = activeCache.get(setup);
  if (!byPath) activeCache.set(setup, (byPath = new Map()));
  const key = `${minAlertLevel ?? ""}\0${matchingSections(setup.config, matchPath)}`;
  const cached = byPath.get(key);
  if (cached) return cached;
  const active = computeActiveRules(setup, matchPath, minAlertLevel);
  byPath.set(key, active);
  return active;
}

function computeActiveRules(setup: ValeSetup, matchPath: string, minAlertLevel: Severity | undefined): ActiveRule[] {
  const settings = settingsForFile(setup.config, matchPath);
  const minimum = minAlertLevel ?? setup.config.minAlertLevel;
  const active: ActiveRule[] = [];
  for (const [name, rule] of setup.styles.rules) {
    const setting = settings.rules.get(name);
    const style = name.split(".")[0]!;
    const isOn = setting !== undefined ? setting !== false : settings.baseStyles.has(style) && (style !== BUILTIN_STYLE || setup.styles.styles.get(BUILTIN_STYLE)?.includes(name) === true);
    if (!isOn) continue;
    const level = ruleLevels(setup.config).get(name) ?? rule.level;
    if (LEVEL_RANK[level] < LEVEL_RANK[minimum]) continue;
    active.push({ rule, level });
  }
  return active;
}

const levelsCache = new WeakMap<ValeConfig, Map<string, Severity>>();

/**
 * `Style.Rule = <level>` as Vale reads it (core/ini.go validateLevel): one level per rule for the whole
 * config, whatever section sets it and whichever file is linted. `[*]` is read first, then the other
 * sections in file order; the last level written wins.
 */
function ruleLevels(config: ValeConfig): Map<string, Severity> {
  let levels = levelsCache.get(config);
  if (levels) return levels;
  levels = new Map();
  const ordered = [...config.sections.filter((s) => s.glob === "*"), ...config.sections.filter((s) => s.glob !== "*")];
  for (const section of ordered) for (const [name, setting] of section.rules) if (typeof setting === "string") levels.set(name, setting);
  levelsCache.set(config, levels);
  return levels;
}
