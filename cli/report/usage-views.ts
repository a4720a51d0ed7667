/**
 * The usage section of the report as Markdown and HTML, and the weekly issue for the knowledge
 * manager (zero-result queries and cards readers marked unhelpful). Data: `UsageReport`.
 */
import type { UsageReport } from "../../src/core/usage/usage-report.ts";
import { percent } from "../../src/core/report/format.ts";
import { plainMarkdown as md, literalMarkdown } from "../../src/core/report/markdown-text.ts";
import { table } from "./render-html.ts";
import { escapeXml as esc, renderPercentLineChart } from "./svg-charts.ts";

/** The zero-result target support teams hold themselves to, in percent of searches. */
export const ZERO_RESULT_TARGET = 3;
const MAX_LIST = 20;
const MAX_NOT_OPENED = 50;

const rank = (value: number | null) => (value === null ? "–" : String(value));

/** Cards with at least one "No", the worst ratio first. */
export function unhelpfulCards(usage: UsageReport): UsageReport["helpful"]["byCard"] {
  return usage.helpful.byCard.filter((row) => row.no > 0).slice(0, MAX_LIST);
}

export function renderUsageMarkdown(usage: UsageReport): string {
  const { period, searches, selfService } = usage;
  const out: string[] = [`### Usage, ${period.since} to ${period.until}`, ""];
  out.push(`${usage.events} events from \`${usage.source}\`.`, "");
  if (usage.events === 0) {
    out.push("No usage events in this period.", "");
  }
  out.push("#### Searches", "", "| Site | Language | Searches | No result | Zero-result rate |", "| --- | --- | ---: | ---: | ---: |");
  for (const r of searches.byLanguage) out.push(`| ${r.site} | ${r.lang} | ${r.searches} | ${r.zero} | ${percent(r.zeroRate)} |`);
  for (const s of searches.bySite) out.push(`| **${s.site}** | all | ${s.searches} | ${s.zero} | ${percent(s.zeroRate)}${(s.zeroRate ?? 0) > ZERO_RESULT_TARGET ? " :warning:" : ""} |`);
  out.push("", `Target: under ${ZERO_RESULT_TARGET}% of searches find nothing.`, "");
  out.push("#### Top searches with no result", "");
  if (searches.topZeroResult.length === 0) out.push("None.", "");
  else {
    out.push("| Query | Site | Searches | Last |", "| --- | --- | ---: | --- |");
    for (const q of searches.topZeroResult) out.push(`| ${literalMarkdown(q.query, true)} | ${q.site} | ${q.searches} | ${q.lastDay} |`);
    out.push("", "Each is a card to write, or a synonym to add to `style-guide/synonyms`.", "");
  }
  out.push("#### Search results opened", "", "| Site | Searches with results | Results opened | Click-through | Average rank opened |", "| --- | ---: | ---: | ---: | ---: |");
  for (const c of usage.clickThrough) out.push(`| ${c.site} | ${c.searchesWithResults} | ${c.opened} | ${percent(c.rate)} | ${rank(c.averageRank)} |`);
  out.push("");
  out.push("#### Most read cards", "");
  if (usage.mostRead.length === 0) out.push("None.", "");
  else {
    out.push("| Card | Site | Views |", "| --- | --- | ---: |");
    for (const r of usage.mostRead) out.push(`| ${md(r.title)} (${literalMarkdown(r.card, true)}) | ${r.site} | ${r.views} |`);
    out.push("");
  }
  out.push(`#### Cards not opened in ${usage.notOpened.days} days (since ${usage.notOpened.since})`, "");
  if (usage.notOpened.cards.length === 0) out.push("None: every card was read.", "");
  else {
    for (const c of usage.notOpened.cards.slice(0, MAX_NOT_OPENED)) out.push(`- ${md(c.title)} (${literalMarkdown(c.card)}, ${c.site})`);
    if (usage.notOpened.cards.length > MAX_NOT_OPENED) out.push(`- … and ${usage.notOpened.cards.length - MAX_NOT_OPENED} more (the JSON report lists them all).`);
    out.push("");
  }
  out.push("#### Was it helpful?", "");
  if (usage.helpful.byCard.length === 0) out.push("No votes.", "");
  else {
    out.push("| Collection | Yes | No | Helpful |", "| --- | ---: | ---: | ---: |");
    for (const c of usage.helpful.byCollection) out.push(`| ${md(c.collection)} | ${c.yes} | ${c.no} | ${percent(c.ratio)} |`);
    out.push("", "| Card | Site | Yes | No | Helpful |", "| --- | --- | ---: | ---: | ---: |");
    for (const c of usage.helpful.byCard.slice(0, MAX_LIST)) out.push(`| ${md(c.title)} (${literalMarkdown(c.card, true)}) | ${c.site} | ${c.yes} | ${c.no} | ${percent(c.ratio)} |`);
    out.push("");
  }
  if (usage.helpful.latestComments.length > 0) {
    out.push("Latest comments:", "");
    for (const c of usage.helpful.latestComments) out.push(`- ${c.ts.slice(0, 10)}, ${md(c.title)}, ${c.helpful ? "yes" : "no"}: ${literalMarkdown(c.comment)}`);
    out.push("");
  }
  out.push("#### Self-service", "");
  out.push(
    `**${percent(selfService.rate)}** of ${selfService.visits} visits that searched or read a card did not click "Contact support" (${selfService.contacted} did).`,
    "",
  );
  if (selfService.weeks.length > 0) {
    out.push("| Week of | Visits | Contacted support | Self-service |", "| --- | ---: | ---: | ---: |");
    for (const w of selfService.weeks) out.push(`| ${w.week} | ${w.visits} | ${w.contacted} | ${percent(w.rate)} |`);
    out.push("");
  }
  return out.join("\n");
}

export function renderUsageHtml(usage: UsageReport): string {
  const { period, searches, selfService } = usage;
  const out: string[] = [`<h2>Usage, ${esc(period.since)} to ${esc(period.until)}</h2>`, `<p class="muted">${usage.events} events from <code>${esc(usage.source)}</code>.</p>`];
  out.push(
    `<h3>Searches</h3>`,
    table(
      ["Site", "Language", "Searches", "No result", "Zero-result rate"],
      [
        ...searches.byLanguage.map((r) => [esc(r.site), esc(r.lang), r.searches, r.zero, percent(r.zeroRate)]),
        ...searches.bySite.map((s) => [`<strong>${esc(s.site)}</strong>`, "all", s.searches, s.zero, `<span class="${(s.zeroRate ?? 0) > ZERO_RESULT_TARGET ? "bad" : "ok"}">${percent(s.zeroRate)}</span>`]),
      ],
      [false, false, true, true, true],
    ),
    `<p class="muted">Target: under ${ZERO_RESULT_TARGET}% of searches find nothing.</p>`,
    `<h3>Top searches with no result</h3>`,
    searches.topZeroResult.length === 0 ? "<p>None.</p>" : table(["Query", "Site", "Searches", "Last"], searches.topZeroResult.map((q) => [esc(q.query), esc(q.site), q.searches, esc(q.lastDay)]), [false, false, true, false]),
    `<h3>Search results opened</h3>`,
    table(["Site", "Searches with results", "Results opened", "Click-through", "Average rank opened"], usage.clickThrough.map((c) => [esc(c.site), c.searchesWithResults, c.opened, percent(c.rate), rank(c.averageRank)])),
    `<h3>Most read cards</h3>`,
    usage.mostRead.length === 0 ? "<p>None.</p>" : table(["Card", "Site", "Views"], usage.mostRead.map((r) => [`${esc(r.title)}<br><code>${esc(r.card)}</code>`, esc(r.site), r.views]), [false, false, true]),
    `<h3>Cards not opened in ${usage.notOpened.days} days</h3>`,
    usage.notOpened.cards.length === 0
      ? "<p>None: every card was read.</p>"
      : `<ul>${usage.notOpened.cards.slice(0, MAX_NOT_OPENED).map((c) => `<li>${esc(c.title)} <code>${esc(c.card)}</code> (${esc(c.site)})</li>`).join("")}${usage.notOpened.cards.length > MAX_NOT_OPENED ? `<li>… and ${usage.notOpened.cards.length - MAX_NOT_OPENED} more</li>` : ""}</ul>`,
    `<h3>Was it helpful?</h3>`,
  );
  if (usage.helpful.byCard.length === 0) out.push("<p>No votes.</p>");
  else {
    out.push(
      table(["Collection", "Yes", "No", "Helpful"], usage.helpful.byCollection.map((c) => [esc(c.collection), c.yes, c.no, percent(c.ratio)])),
      table(["Card", "Site", "Yes", "No", "Helpful"], usage.helpful.byCard.slice(0, MAX_LIST).map((c) => [`${esc(c.title)}<br><code>${esc(c.card)}</code>`, esc(c.site), c.yes, c.no, percent(c.ratio)]), [false, false, true, true, true]),
    );
  }
  if (usage.helpful.latestComments.length > 0) {
    out.push(`<h3>Latest comments</h3><ul>${usage.helpful.latestComments.map((c) => `<li>${esc(c.ts.slice(0, 10))}, ${esc(c.title)}, ${c.helpful ? "yes" : "no"}: “${esc(c.comment)}”</li>`).join("")}</ul>`);
  }
  out.push(`<h3>Self-service</h3>`, `<p><strong>${percent(selfService.rate)}</strong> of ${selfService.visits} visits that searched or read a card did not click “Contact support” (${selfService.contacted} did).</p>`);
  if (selfService.weeks.length > 1) {
    out.push(`<figure><figcaption>Self-service rate by week</figcaption>${renderPercentLineChart(selfService.weeks.map((w) => ({ label: w.week, value: w.rate })), { title: "Self-service rate by week" })}</figure>`);
  }
  if (selfService.weeks.length > 0) {
    out.push(table(["Week of", "Visits", "Contacted support", "Self-service"], selfService.weeks.map((w) => [esc(w.week), w.visits, w.contacted, percent(w.rate)])));
  }
  return out.join("\n");
}

export const USAGE_ISSUE_TITLE = "Usage review: searches with no result and unhelpful cards";

export interface UsageIssue {
  kind: "usage";
  title: string;
  body: string;
  zeroResultQueries: number;
  unhelpfulCards: number;
}

/** The weekly issue for the knowledge manager: what readers could not find, and what did not help. */
export function buildUsageIssue(usage: UsageReport): UsageIssue {
  const unhelpful = unhelpfulCards(usage);
  const out = [`Usage from ${usage.period.since} to ${usage.period.until} (${usage.events} events).`, ""];
  const rates = usage.searches.bySite.map((s) => `${s.site}: ${percent(s.zeroRate)} of ${s.searches} searches found nothing`);
  if (rates.length > 0) out.push(`${rates.join("; ")} (target: under ${ZERO_RESULT_TARGET}%).`, "");
  out.push("**Searches with no result**: write a card or add a synonym for each, then tick it.", "");
  if (usage.searches.topZeroResult.length === 0) out.push("None this period.");
  for (const q of usage.searches.topZeroResult) out.push(`- [ ] ${literalMarkdown(q.query)} (${q.site}): ${q.searches} ${q.searches === 1 ? "search" : "searches"}, last ${q.lastDay}`);
  out.push("", "**Cards readers marked unhelpful**: read the comments and fix or split the card.", "");
  if (unhelpful.length === 0) out.push("None this period.");
  for (const c of unhelpful) {
    out.push(`- [ ] ${md(c.title)} (${literalMarkdown(c.card)}, ${c.site}): ${c.no} no, ${c.yes} yes (${percent(c.ratio)} helpful)`);
    for (const comment of usage.helpful.latestComments.filter((x) => x.card === c.card && x.site === c.site && !x.helpful).slice(0, 3)) {
      out.push(`  - ${literalMarkdown(comment.comment)}`);
    }
  }
  out.push("", "This issue is updated by the weekly freshness workflow from `verity report --format issues`.", "");
  return { kind: "usage", title: USAGE_ISSUE_TITLE, body: out.join("\n"), zeroResultQueries: usage.searches.topZeroResult.length, unhelpfulCards: unhelpful.length };
}
