/** A throwaway Vale project for the style engine tests: `.vale.ini`, rule files, and a lint helper. */
import path from "node:path";
import { compareFindings, type Finding } from "../../src/core/lint/findings.ts";
import { lintProse, type ValeSetup } from "../../src/core/style/style-engine.ts";
import { setupFromConfig } from "../../src/core/style/style-files.ts";
import { parseProseSource } from "../../src/core/style/prose-source.ts";
import { extractProse } from "../../src/core/style/prose.ts";
import { loadValeConfig } from "../../src/core/style/vale-ini.ts";
import { makeProject } from "../helpers.ts";

/** Writes `files` (paths relative to the project) and loads its `.vale.ini`. */
export function valeProject(files: Record<string, string>): { dir: string; setup: ValeSetup } {
  const dir = makeProject(files);
  return { dir, setup: setupFromConfig(loadValeConfig(path.join(dir, ".vale.ini"))) };
}

/** A project whose only style is `S`, with `rules` as `S/<Name>.yml`. */
export function styleProject(rules: Record<string, string>, ini = "", extra: Record<string, string> = {}): { dir: string; setup: ValeSetup } {
  const files: Record<string, string> = { ".vale.ini": `StylesPath = styles\nMinAlertLevel = suggestion\n${ini}\n[*.md]\nBasedOnStyles = S\n`, ...extra };
  for (const [name, text] of Object.entries(rules)) files[`styles/S/${name}.yml`] = text;
  return valeProject(files);
}

/** `line:column:Rule:Message` for each finding of `markdown` linted as `name` in the project. */
export function lintText(project: { dir: string; setup: ValeSetup }, markdown: string, name = "doc.md"): string[] {
  const findings: Finding[] = lintProse({ file: path.join(project.dir, name), source: markdown, format: "md", matchPath: name }, { vale: project.setup }).sort(compareFindings);
  return findings.map((f) => `${f.line}:${f.column}:${f.ruleId}:${f.message}`);
}

/** The prose blocks a Markdown text gives the style rules, each as `scope|text` (Vale's walker reads the same). */
export function proseBlocks(source: string): string[] {
  const parsed = parseProseSource({ file: "/tmp/doc.md", source, format: "md" }, undefined);
  if ("ruleId" in parsed) throw new Error("no parse");
  return extractProse(parsed.proseTree, source).blocks.map((b) => `${b.scope.join(".")}|${b.text}`);
}
