/** Shared helpers for the style engine tests: the fixture project and a compact view of findings. */
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { compareFindings, type Finding } from "../../src/core/lint/findings.ts";
import { lintProse, type StyleOptions } from "../../src/core/style/style-engine.ts";
import { setupFromConfig } from "../../src/core/style/style-files.ts";
import { loadValeConfig } from "../../src/core/style/vale-ini.ts";
import { makeTempDir } from "../helpers.ts";

export const FIXTURE_PROJECT = fileURLToPath(new URL("../fixtures/style/project/", import.meta.url));
export const setup = setupFromConfig(loadValeConfig(path.join(FIXTURE_PROJECT, ".vale.ini")));

/** A temporary copy of the style fixture project with `files` added. */
export function fixtureCopy(files: Record<string, string | Uint8Array> = {}): string {
  const dir = makeTempDir("verity-style-");
  cpSync(FIXTURE_PROJECT, dir, { recursive: true });
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

/** Lints Markdown text as the fixture file `name`. */
export function lint(markdown: string, name = "card.md", options: StyleOptions = {}): Finding[] {
  const file = path.join(FIXTURE_PROJECT, name);
  return lintProse({ file, source: markdown, format: name.endsWith(".mdx") ? "mdx" : "md", matchPath: name }, { vale: setup, ...options }).sort(compareFindings);
}

/** `line:column:Rule:Message` for each finding, optionally only of one rule. */
export function show(findings: readonly Finding[], rule?: string): string[] {
  return findings.filter((f) => rule === undefined || f.ruleId === rule).map((f) => `${f.line}:${f.column}:${f.ruleId}:${f.message}`);
}
