/** `report`: the knowledge report (trust score, cards to verify by owner, growth from git history), as data. */
import { UsageError } from "../core/errors.ts";
import type { Finding } from "../core/lint/findings.ts";
import { loadProject, type Project, type ProjectOptions } from "../core/project/project.ts";
import { buildKnowledgeReport, resolveFileLinkBase, type KnowledgeReport } from "../core/report/build-report.ts";

export interface ReportRequest {
  project: ProjectOptions;
  months: number;
  /** The environment, for the file links of a GitHub Actions run. */
  env: Readonly<Record<string, string | undefined>>;
}

export interface ReportResult {
  report: KnowledgeReport;
  /** Cards that do not load, so are not counted (run lint). */
  problems: Finding[];
  /** The project the report was made of (the usage section reads its configuration and cards). */
  project: Project;
}

export async function report(request: ReportRequest): Promise<ReportResult> {
  if (request.months < 1 || request.months > 120) throw new UsageError(`--months must be between 1 and 120, got ${request.months}.`);
  const project = loadProject(request.project);
  const knowledge = await buildKnowledgeReport(project, { months: request.months, fileLinkBase: resolveFileLinkBase(project.config.repository, request.env) });
  return { report: knowledge, problems: project.problems, project };
}
