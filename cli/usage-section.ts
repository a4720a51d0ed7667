/** Reads the usage events for `verity report` and computes its usage section. */
import type { Project } from "../src/core/project/project.ts";
import { USAGE_SITES } from "../src/core/usage/events.ts";
import { getUsageCards, measuredSites } from "../src/core/usage/sites.ts";
import { openUsageReader } from "../src/core/usage/store.ts";
import { buildUsageReport, type UsagePeriod, type UsageReport } from "../src/core/usage/usage-report.ts";

export function readUsageSection(project: Project, file: string, period: UsagePeriod, label: string): UsageReport {
  const reader = openUsageReader(file);
  try {
    // The measured sites' cards; every site's when none is configured (a report on a copied file).
    const measured = measuredSites(project.config);
    const cards = getUsageCards(project, measured.length > 0 ? measured : USAGE_SITES);
    return buildUsageReport(reader, { source: label, period, cards });
  } finally {
    reader.close();
  }
}
