/** `verity lint --changed [base]`: the cards to report on, and a one-line summary on stderr. */
import path from "node:path";
import type { Command } from "commander";
import type { LintOptions } from "../src/core/lint/lint-project.ts";
import { loadChangedProject } from "../src/core/lint/changed-scope.ts";
import type { Project } from "../src/core/project.ts";
import { displayPath } from "./reporters/paths.ts";
import type { RunState } from "./run-state.ts";

export interface ChangedScope {
  project: Project;
  /** The base compared with, e.g. origin/main. */
  base: string;
  lintOptions: LintOptions;
  includes(file: string): boolean;
}

export function scopeToChanged(state: RunState, command: Command, base: string | true): ChangedScope {
  const changed = loadChangedProject(state.projectOptions(command), base === true ? undefined : base);
  const { changeSet } = changed;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const removed = changeSet.changes.filter((c) => c.kind === "deleted" && changed.reportFiles.has(path.resolve(changed.project.root, c.path))).length;
  state.io.stderr(
    `Checking ${plural(changed.changedFiles.length, "changed card")} and ${plural(changed.linkingFiles.length, "card")} linking to changed cards ` +
      `(since ${changeSet.mergeBase.slice(0, 7)}, the merge base with ${changeSet.base})` +
      (removed > 0 ? `; ${plural(removed, "deleted card")} without an alias for ${removed === 1 ? "its" : "their"} URL` : "") +
      `; the trust score counts all ${changed.trustCards.length} cards.\n`,
  );
  if (changed.reportFiles.size === 0) state.io.stderr(`No card changed in ${displayPath(changed.project.contentDir, state.io.cwd)}.\n`);
  return {
    project: changed.project,
    base: changeSet.base,
    lintOptions: { trustCards: changed.trustCards, extraFindings: changed.extraFindings },
    includes: (file) => changed.reportFiles.has(file),
  };
}
