/** Views of a status report: a terminal table, JSON, or Markdown for job summaries. */
import type { StatusReport, StatusRow } from "../../src/core/verification/status.ts";
import { trustSentence } from "../../src/core/report/format.ts";
import { markdownCell, plainMarkdown } from "../../src/core/report/markdown-text.ts";

export function renderStatus(report: StatusReport, format: "table" | "json" | "markdown", _cwd: string): string {
  if (format === "json") return `${JSON.stringify(report, null, 2)}\n`;
  if (format === "markdown") return renderMarkdown(report);
  return renderTable(report);
}

function daysText(row: StatusRow): string {
  if (row.daysLeft < 0) return `${-row.daysLeft} overdue`;
  return String(row.daysLeft);
}

const COLUMNS: { title: string; value: (row: StatusRow) => string }[] = [
  { title: "path", value: (r) => r.path },
  { title: "title", value: (r) => (r.draft ? `${r.title} (draft)` : r.title) },
  { title: "owner", value: (r) => r.owner },
  { title: "audience", value: (r) => r.audience },
  { title: "verify_by", value: (r) => r.verifyBy },
  { title: "status", value: (r) => r.status },
  { title: "days left", value: daysText },
];

function trustLine(report: StatusReport): string {
  const { trust } = report;
  return (
    `Trust score: ${trust.score}% (${trustSentence(trust, report.warnDays)}; floor ${report.minTrustScore}%) on ${report.today}`
  );
}

function renderTable(report: StatusReport): string {
  const cells = report.rows.map((row) => COLUMNS.map((c) => truncate(c.value(row), 48)));
  const widths = COLUMNS.map((c, i) => Math.max(c.title.length, ...cells.map((r) => width(r[i]!))));
  const line = (values: string[]) => values.map((v, i) => pad(v, widths[i]!)).join("  ").trimEnd();
  const out = [line(COLUMNS.map((c) => c.title)), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)];
  if (report.rows.length === 0) out.push("(no cards match)");
  out.push("", trustLine(report));
  if (report.needsReview?.length) {
    out.push("", "Needs review (companion changed):");
    for (const row of report.needsReview) out.push(`  ${row.path} (${row.owner}): ${row.message}`);
  }
  return `${out.join("\n")}\n`;
}

function renderMarkdown(report: StatusReport): string {
  const out = [`**${trustLine(report)}**`, "", `| ${COLUMNS.map((c) => c.title).join(" | ")} |`, `| ${COLUMNS.map(() => "---").join(" | ")} |`];
  // A title is plain text, shown as written; the other columns hold no Markdown punctuation of note.
  for (const row of report.rows) out.push(`| ${COLUMNS.map((c) => (c.title === "title" ? plainMarkdown : markdownCell)(c.value(row))).join(" | ")} |`);
  if (report.needsReview?.length) {
    out.push("", "**Needs review (companion changed):**", "");
    for (const row of report.needsReview) out.push(`- \`${row.path}\` (${row.owner}): ${row.message}`);
  }
  return `${out.join("\n")}\n`;
}

/** Display width: East Asian wide characters take two columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

function pad(text: string, size: number): string {
  return text + " ".repeat(Math.max(0, size - width(text)));
}

function truncate(text: string, max: number): string {
  if (width(text) <= max) return text;
  let out = "";
  for (const ch of text) {
    if (width(out + ch) > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}
