/**
 * A project's own remark-lint setup, so a team keeps it: the first of `.remarkrc`,
 * `.remarkrc.json`, `.remarkrc.yml`, `.remarkrc.yaml`, `.remarkrc.js`, `.remarkrc.cjs`,
 * `.remarkrc.mjs` or `package.json#remarkConfig` in the project folder (found with cosmiconfig,
 * the loader Prettier and stylelint use), its plugins and presets resolved from the project's own
 * node_modules (else Verity's own) with remark's naming (`preset-lint-recommended` is `remark-preset-lint-recommended`).
 * They run on every card in the same unified pass as the card rules; their findings are
 * `remark-lint:<rule>`, at the levels the configuration gives them.
 */
import { existsSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Pluggable, PluggableList } from "unified";
import { ConfigError } from "../errors.ts";
import { specialFileKind } from "../cards/safe-read.ts";

export const REMARK_CONFIG_FILES = [
  "package.json",
  ".remarkrc",
  ".remarkrc.json",
  ".remarkrc.yml",
  ".remarkrc.yaml",
  ".remarkrc.js",
  ".remarkrc.cjs",
  ".remarkrc.mjs",
] as const;

export interface RemarkConfig {
  /** The file the configuration came from. */
  file: string;
  plugins: PluggableList;
}

type PluginSetting = string | ((...args: unknown[]) => unknown);

/** Loads the project's remark configuration, or undefined when it has none. */
export async function loadRemarkConfig(root: string): Promise<RemarkConfig | undefined> {
  // No file cosmiconfig could read, no need to load it.
  if (!REMARK_CONFIG_FILES.some((name) => existsSync(path.join(root, name)))) return undefined;
  // cosmiconfig reads what it finds: a named pipe would hold the run until a writer comes, a device never end.
  for (const name of REMARK_CONFIG_FILES) {
    const stat = statSync(path.join(root, name), { throwIfNoEntry: false });
    if (stat && !stat.isFile()) throw new ConfigError(`${name} is not a regular file (${specialFileKind(stat)}), so the remark configuration cannot be read from it.`, "Replace it with the configuration file, or remove it.");
  }
  const { cosmiconfig } = await import("cosmiconfig"); // loaded only when lint really runs (not on a cache hit)
  const explorer = cosmiconfig("remark", { searchPlaces: [...REMARK_CONFIG_FILES], packageProp: "remarkConfig", searchStrategy: "none" });
  let found;
  try {
    found = await explorer.search(root);
  } catch (error) {
    throw new ConfigError(`The remark configuration does not load: ${(error as Error).message}`, "Fix the file, or remove it if the project does not use remark-lint.");
  }
  if (!found || found.isEmpty) return undefined;
  const rel = path.relative(root, found.filepath) || found.filepath;
  const settings = (found.config as { plugins?: unknown }).plugins;
  if (settings === undefined) return { file: found.filepath, plugins: [] };
  const entries: [PluginSetting, unknown][] = [];
  if (Array.isArray(settings)) {
    for (const entry of settings as (PluginSetting | [PluginSetting, ...unknown[]])[]) {
      if (Array.isArray(entry)) entries.push([entry[0], entry.length > 1 ? entry[1] : undefined]);
      else entries.push([entry, undefined]);
    }
  } else if (settings && typeof settings === "object") {
    for (const [name, options] of Object.entries(settings)) entries.push([name, options]);
  } else {
    throw new ConfigError(`${rel}: "plugins" must be a list or a mapping of plugin names.`, 'For example: { "plugins": ["remark-preset-lint-recommended"] }.');
  }
  const requires = [createRequire(path.join(root, "package.json")), createRequire(import.meta.url)];
  const plugins: PluggableList = [];
  for (const [setting, options] of entries) {
    if (options === false) continue;
    const plugin = typeof setting === "function" ? setting : await importPlugin(setting, requires, rel);
    plugins.push((options === undefined || options === true ? plugin : [plugin, options]) as Pluggable);
  }
  return { file: found.filepath, plugins };
}

/** Imports a plugin from the project's node_modules, else from Verity's own (e.g. when run with npx). */
async function importPlugin(name: string, requires: readonly NodeJS.Require[], rel: string): Promise<unknown> {
  const candidates = name.startsWith("remark-") || name.startsWith(".") || name.startsWith("/") || name.startsWith("@") ? [name] : [`remark-${name}`, name];
  for (const require of requires) {
    for (const candidate of candidates) {
      let resolved: string;
      try {
        resolved = require.resolve(candidate);
      } catch {
        continue;
      }
      if (!existsSync(resolved)) continue;
      const module = (await import(pathToFileURL(resolved).href)) as { default?: unknown };
      return module.default ?? module;
    }
  }
  throw new ConfigError(
    `${rel}: the remark plugin "${name}" is not installed in this project.`,
    `Install it (npm install --save-dev ${candidates[0]}) or remove it from ${rel}.`,
  );
}
