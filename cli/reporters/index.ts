import { UsageError } from "../../src/core/errors.ts";
import { github } from "./github.ts";
import { json } from "./json.ts";
import { line } from "./line.ts";
import { sarif } from "./sarif.ts";
import { stylish } from "./stylish.ts";
import type { Reporter } from "./types.ts";

export const REPORTERS: Record<string, Reporter> = { stylish, json, sarif, github, line };

export function getReporter(name: string): Reporter {
  // Own keys only: a plain object also "has" constructor, toString and __proto__.
  const reporter = Object.hasOwn(REPORTERS, name) ? REPORTERS[name] : undefined;
  if (!reporter) throw new UsageError(`Unknown format "${name}".`, `Use one of: ${Object.keys(REPORTERS).join(", ")}.`);
  return reporter;
}

/** `github` inside GitHub Actions, else `stylish`. */
export function defaultFormat(env: Readonly<Record<string, string | undefined>>): string {
  return env.GITHUB_ACTIONS === "true" ? "github" : "stylish";
}
