/** `companion-drift` findings for `lint`: cards whose companion changed after them (git history). */
import { readFileSync } from "node:fs";
import { describeDrift, findCompanionDrift } from "../core/verification/companion-drift.ts";
import type { Finding } from "../core/lint/findings.ts";
import { loadProject, type Project, type ProjectOptions } from "../core/project/project.ts";
import type { LintedProjectSummary } from "../core/style/run-cache.ts";

const COMPANION_LINE = /^companion[ \t]*:/m;

export async function companionDriftFindings(linted: LintedProjectSummary | Project, options: ProjectOptions): Promise<Finding[]> {
  // A run replayed from the cache has no parsed cards: load them only when a card names a companion.
  let project = "index" in linted ? (linted as Project) : undefined;
  if (!project) {
    const hasCompanion = linted.cards.some((card) => {
      try {
        return COMPANION_LINE.test(readFileSync(card.file, "utf8"));
      } catch {
        return false;
      }
    });
    if (!hasCompanion) return [];
    project = loadProject(options);
  }
  const level = project.config.rules["companion-drift"] ?? "warning";
  if (level === "off") return [];
  return (await findCompanionDrift(project)).map((drift) => ({
    ruleId: "companion-drift",
    severity: level,
    file: drift.card.file,
    line: drift.card.fieldLines.companion ?? 1,
    column: 1,
    message: describeDrift(drift),
  }));
}
