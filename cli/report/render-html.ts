/** The report as one standalone HTML page: inline CSS and SVG charts, no scripts, no external assets. */
import type { StatusRow } from "../../src/core/verification/status.ts";
import type { KnowledgeReport } from "../../src/core/report/build-report.ts";
import { describeDue, fileLink, percent, signedPercent, trustSentence } from "../../src/core/report/format.ts";
import { renderUsageHtml } from "./usage-views.ts";
import { escapeXml as esc, renderBarLineChart, renderPercentLineChart } from "./svg-charts.ts";

const STYLE = `
:root{color-scheme:light dark;--fg:#1f2328;--muted:#59636e;--bg:#fff;--line:#d1d9e0;--accent:#0969da;--bad:#cf222e;--warn:#9a6700;--ok:#1a7f37}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--line:#3d444d;--accent:#4493f8;--bad:#f85149;--warn:#d29922;--ok:#3fb950}}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg);max-width:1000px;margin:0 auto;padding:24px}
h1{font-size:1.6em;margin:0 0 4px}h2{font-size:1.2em;margin:32px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}h3{font-size:1em;margin:20px 0 6px}
.muted{color:var(--muted)}.score{font-size:2.6em;font-weight:700;margin:12px 0 0}.bad{color:var(--bad)}.warn{color:var(--warn)}.ok{color:var(--ok)}
table{border-collapse:collapse;width:100%;margin:8px 0}th,td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
a{color:var(--accent)}code{font-size:.9em}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:16px}figure{margin:0}figcaption{font-weight:600;margin-bottom:4px}
svg{width:100%;height:auto}svg text{font-size:11px;fill:var(--muted)}svg .grid{stroke:var(--line);stroke-width:1}svg .line{fill:none;stroke:var(--accent);stroke-width:2}
svg .dot{fill:var(--accent)}svg .bar{fill:var(--ok);opacity:.6}svg .floor{stroke:var(--bad);stroke-dasharray:4 4}
`;

export function renderReportHtml(report: KnowledgeReport): string {
  const { health, history } = report;
  const scoreClass = health.isBelowFloor ? "bad" : health.trust.expiring > 0 ? "warn" : "ok";
  const body: string[] = [];
  body.push(
    `<h1>Knowledge report</h1><p class="muted">${esc(report.today)} (${esc(report.timeZone)})</p>`,
    `<p class="score ${scoreClass}">${health.trust.score}%</p>`,
    `<p>Trust score: ${esc(trustSentence(health.trust, health.warnDays))}. Floor: ${health.minTrustScore}%${health.isBelowFloor ? ` <strong class="bad">(under the floor)</strong>` : ""}.</p>`,
  );

  body.push("<h2>History</h2>");
  if (!history.available) {
    body.push(`<p>History is not available: ${esc(history.reason)}</p>`);
  } else {
    const months = history.months;
    body.push(
      `<div class="charts"><figure><figcaption>Trust score at each month's end</figcaption>${renderPercentLineChart(
        months.map((m) => ({ label: m.month, value: m.trustScore })),
        { title: "Trust score at each month's end", floor: health.minTrustScore },
      )}</figure>`,
      `<figure><figcaption>Content growth</figcaption>${renderBarLineChart(
        months.map((m) => ({ label: m.month, value: m.cardsAdded })),
        months.map((m) => ({ label: m.month, value: m.cardsAtEnd })),
        { title: "Cards added per month and cards in total", barLabel: "cards added", lineLabel: "cards in total" },
      )}</figure></div>`,
      table(
        ["Month", "Cards added", "Cards at month end", "Growth", "Verifications", "Trust score at month end"],
        months.map((m) => [esc(m.isPartial ? `${m.month} (to ${m.end})` : m.month), m.cardsAdded, m.cardsAtEnd, signedPercent(m.growthPercent), m.verifications, percent(m.trustScore)]),
      ),
      `<p class="muted">Growth is the net change in cards over the month. A verification is a commit that sets a new verified_on on a card (verity verify) or moves its verify_by later. The trust score at a month's end counts the published cards present then, with their verify_by as committed by then.</p>`,
    );
  }

  body.push(
    "<h2>By collection</h2>",
    table(["Collection", "Cards", "Trust score", "Expired", "Expiring"], health.collections.map((c) => [esc(c.title), c.trust.counted, `${c.trust.score}%`, c.trust.expired, c.trust.expiring])),
    "<h2>By owner</h2>",
    table(["Owner", "Cards", "Trust score", "Expired", "Expiring"], health.owners.map((o) => [esc(o.owner), o.trust.counted, `${o.trust.score}%`, o.expired.length, o.expiring.length])),
    "<h2>Cards to verify</h2>",
  );
  if (health.ownersToRemind.length === 0) body.push("<p>Every published card is verified and none expires within the warning window.</p>");
  for (const owner of health.ownersToRemind) {
    body.push(
      `<h3>${esc(owner.owner)}</h3>`,
      table(["Card", "verify_by", "Status"], [...owner.expired, ...owner.expiring].map((row) => [cardCell(row, report.fileLinkBase), esc(row.verifyBy), `<span class="${row.status === "expired" ? "bad" : "warn"}">${esc(`${row.status}, ${describeDue(row)}`)}</span>`]), [false, false, false]),
      `<p class="muted">Re-verify after checking them: <code>${esc(`verity verify --owner ${owner.owner} --expired --expiring --commit`)}</code></p>`,
    );
  }

  if (report.usage) body.push(renderUsageHtml(report.usage));

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Knowledge report ${esc(report.today)}</title>
<style>${STYLE}</style>
</head>
<body>
${body.join("\n")}
</body>
</html>
`;
}

function cardCell(row: StatusRow, base: string | undefined): string {
  const href = fileLink(base, row.path);
  const title = href ? `<a href="${esc(href)}">${esc(row.title)}</a>` : esc(row.title);
  return `${title}<br><code>${esc(row.path)}</code>`;
}

/** Cells are HTML already (escaped by the caller); numbers are right-aligned. */
export function table(head: readonly string[], rows: readonly (readonly (string | number)[])[], numeric?: readonly boolean[]): string {
  const isNumeric = (i: number) => numeric?.[i] ?? (i > 0 && rows.every((r) => typeof r[i] === "number" || /^[-+–]?[\d.]+%?$|^–$/.test(String(r[i]))));
  const th = head.map((h, i) => `<th${isNumeric(i) ? ' class="n"' : ""}>${esc(h)}</th>`).join("");
  const tr = rows.map((r) => `<tr>${r.map((c, i) => `<td${isNumeric(i) ? ' class="n"' : ""}>${c}</td>`).join("")}</tr>`).join("\n");
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${tr}\n</tbody></table>`;
}
