/** `companion-drift` findings for `lint`: cards whose companion changed after them (git history). */
import { describeDrift, findCompanionDrift } from "../core/verification/companion-drift.ts";
import type { Finding } from "../core/lint/findings.ts";
import { loadProject, type Project, type ProjectOptions } from "../core/project/project.ts";
import type { LintedProjectSummary } from "../core/style/run-cache.ts";

export async function companionDriftFindings(linted: LintedProjectSummary | Project, options: ProjectOptions): Promise<Finding[]> {
  // A run replayed from the cache has no parsed cards: they are loaded only when one names a companion.
  let project: Project;
  if ("index" in linted) project = linted;
  else {
    if (!linted.cards.some((card) => card.companion !== undefined)) return [];
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
