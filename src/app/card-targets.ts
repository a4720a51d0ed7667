/** Card files, folders and globs given on the command line, resolved to loaded cards. */
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { globSync, isDynamicPattern } from "tinyglobby";
import { UsageError } from "../core/errors.ts";
import type { Card } from "../core/cards/load.ts";
import type { Project } from "../core/project/project.ts";

/** The cards named by `targets`, in path order, each once. Throws on a target that names no card. */
export function resolveCardTargets(targets: readonly string[], project: Pick<Project, "cards" | "invalidFiles" | "problems">, cwd: string): Card[] {
  const byFile = new Map(project.cards.map((card) => [card.file, card]));
  const invalid = new Set(project.invalidFiles);
  const selected = new Set<Card>();
  const problems: string[] = [];
  for (const target of targets) {
    if (isDynamicPattern(target)) {
      const files = globSync(target, { cwd, absolute: true, onlyFiles: true }).map((f) => path.resolve(f));
      const cards = files.map((f) => byFile.get(f)).filter((c): c is Card => c !== undefined);
      if (cards.length === 0) problems.push(`${target}: the pattern matches no card.`);
      for (const card of cards) selected.add(card);
      continue;
    }
    const full = path.resolve(cwd, target);
    if (!existsSync(full)) {
      problems.push(`${target}: no such file or folder.`);
    } else if (statSync(full).isDirectory()) {
      const cards = project.cards.filter((c) => c.file.startsWith(full + path.sep));
      if (cards.length === 0) problems.push(`${target}: the folder holds no card.`);
      for (const card of cards) selected.add(card);
    } else if (byFile.has(full)) {
      selected.add(byFile.get(full)!);
    } else if (invalid.has(full)) {
      // Its first error, where and what: the loader's own finding.
      const first = project.problems.filter((p) => p.file === full && p.severity === "error").sort((a, b) => a.line - b.line || a.column - b.column)[0];
      const what = first ? `:${first.line}: ${first.message}` : ": the card has errors.";
      problems.push(`${target}${what} The card cannot be processed until it is fixed; verity lint ${target} lists every problem.`);
    } else {
      problems.push(`${target}: not a card (cards are .md or .mdx files in a collection folder under the content folder).`);
    }
  }
  if (problems.length > 0) throw new UsageError(problems.join("\n  "), "Paths are relative to the working directory; quote globs so the shell passes them on.");
  return [...selected].sort((a, b) => (a.file < b.file ? -1 : 1));
}
