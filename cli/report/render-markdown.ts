/** The report as GitHub-flavoured Markdown: fits a job summary ($GITHUB_STEP_SUMMARY) or a wiki page. */
import type { StatusRow } from "../../src/core/verification/status.ts";
import type { KnowledgeReport } from "../../src/core/report/build-report.ts";
import { renderUsageMarkdown } from "./usage-views.ts";
import { describeDue, fileLink, percent, signedPercent, trustSentence } from "../../src/core/report/format.ts";
import { markdownCell, plainMarkdown } from "../../src/core/report/markdown-text.ts";

/** Keeps the summary well under GitHub's 1 MiB job-summary limit on large repositories. */
const MAX_ROWS_PER_OWNER = 50;

export function renderReportMarkdown(report: KnowledgeReport): string {
  const { health } = report;
  const out: string[] = [];
  out.push(`## Knowledge report, ${report.today}`, "");
  const flag = health.isBelowFloor ? ` :warning: under the floor of ${health.minTrustScore}%` : ` (floor ${health.minTrustScore}%)`;
  out.push(`**Trust score: ${health.trust.score}%**${flag}: ${trustSentence(health.trust, health.warnDays)}.`, "");

  out.push("### By collection", "", "| Collection | Cards | Trust score | Expired | Expiring |", "| --- | ---: | ---: | ---: | ---: |");
  for (const c of health.collections) out.push(`| ${plainMarkdown(c.title)} | ${c.trust.counted} | ${c.trust.score}% | ${c.trust.expired} | ${c.trust.expiring} |`);
  out.push("");

  out.push("### By owner", "", "| Owner | Cards | Trust score | Expired | Expiring |", "| --- | ---: | ---: | ---: | ---: |");
  for (const o of health.owners) out.push(`| ${cell(o.owner)} | ${o.trust.counted} | ${o.trust.score}% | ${o.expired.length} | ${o.expiring.length} |`);
  out.push("");

  if (report.languages) {
    out.push("### By language", "", "| Language | Cards | Translated | Outdated | Missing | Trust score |", "| --- | ---: | ---: | ---: | ---: | ---: |");
    for (const l of report.languages) out.push(`| ${cell(l.lang)} | ${l.cards} | ${l.translated} | ${l.outdated} | ${l.missing} | ${l.trustScore}% |`);
    out.push("");
  }

  out.push("### Cards to verify", "");
  if (health.ownersToRemind.length === 0) out.push("Every published card is verified and none expires within the warning window.", "");
  for (const o of health.ownersToRemind) {
    out.push(`#### ${cell(o.owner)}`, "", "| Card | verify_by | Status |", "| --- | --- | --- |");
    const rows = [...o.expired, ...o.expiring];
    for (const row of rows.slice(0, MAX_ROWS_PER_OWNER)) out.push(`| ${cardLink(row, report.fileLinkBase)} | ${row.verifyBy} | ${row.status}, ${describeDue(row)} |`);
    if (rows.length > MAX_ROWS_PER_OWNER) out.push("", `… and ${rows.length - MAX_ROWS_PER_OWNER} more: \`verity status --owner ${o.owner}\` lists them all.`);
    out.push("", `Re-verify after checking them: \`verity verify --owner ${o.owner} --expired --expiring --commit\``, "");
  }

  if (report.needsReview.length > 0) {
    out.push("### Companions changed (needs review)", "");
    for (const row of report.needsReview) out.push(`- \`${row.path}\` (${cell(row.owner)}): ${cell(row.message)}`);
    out.push("");
  }

  out.push("### History (last 12 months)", "");
  if (!report.history.available) {
    out.push(`History is not available: ${report.history.reason}`, "");
  } else {
    out.push(
      "| Month | Cards added | Cards at month end | Growth | Verifications | Trust score at month end |",
      "| --- | ---: | ---: | ---: | ---: | ---: |",
    );
    for (const m of report.history.months) {
      const label = m.isPartial ? `${m.month} (to ${m.end})` : m.month;
      out.push(`| ${label} | ${m.cardsAdded} | ${m.cardsAtEnd} | ${signedPercent(m.growthPercent)} | ${m.verifications} | ${percent(m.trustScore)} |`);
    }
    out.push(
      "",
      "Growth is the net change in cards over the month. A verification is a commit that sets a new verified_on on a card (verity verify) or moves its verify_by later. " +
        "The trust score at a month's end counts the published cards present then, with their verify_by as committed by then.",
      "",
    );
  }
  if (report.usage) out.push(renderUsageMarkdown(report.usage));
  return `${out.join("\n")}\n`;
}

function cardLink(row: StatusRow, base: string | undefined): string {
  const href = fileLink(base, row.path);
  const title = plainMarkdown(row.title);
  return href ? `[${title}](${href})<br>\`${row.path}\`` : `${title}<br>\`${row.path}\``;
}

const cell = markdownCell;
