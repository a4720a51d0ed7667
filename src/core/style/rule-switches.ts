/** Which rules the config turns on or off as a whole, whichever file is linted: read before rules are compiled. */
import type { ValeConfig } from "./vale-ini.ts";

/**
 * True when `name` is off for every file: set to NO somewhere, never turned on, and off in the
 * global section or in every section whose BasedOnStyles brings its style in.
 */
export function isOffEverywhere(config: ValeConfig, name: string): boolean {
  const style = name.split(".")[0]!;
  let isOffSomewhere = false;
  for (const section of config.sections) {
    const setting = section.rules.get(name);
    if (setting === undefined) continue;
    if (setting !== false) return false;
    isOffSomewhere = true;
  }
  if (!isOffSomewhere) return false;
  if (config.sections.some((s) => s.glob === "*" && s.rules.get(name) === false)) return true;
  return config.sections.every((s) => !s.basedOnStyles?.includes(style) || s.rules.get(name) === false);
}

/** `names` and every rule a section sets, each with whether some section turns it on. */
export function ruleSettings(config: ValeConfig, names: Set<string>): Map<string, boolean> {
  const result = new Map<string, boolean>();
  for (const name of names) result.set(name, false);
  for (const section of config.sections) {
    for (const [name, setting] of section.rules) if (setting !== false) result.set(name, true);
  }
  return result;
}
