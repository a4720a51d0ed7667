/** Ratios, targets and the Markdown view of a benchmark run. */
import type { BenchContext, Row, SectionResult } from "./context.ts";
import { findRow } from "./context.ts";
import { formatMachine, type MachineInfo } from "./machine.ts";
import type { Figure } from "./stats.ts";

export interface Ratio {
  cards: number;
  label: string;
  numerator: string;
  denominator: string;
  value: number;
}

export interface Target {
  target: string;
  measured: string;
  /** undefined when it could not be measured. */
  met: boolean | undefined;
}

export interface BenchResults {
  date: string;
  startedAt: string;
  finishedAt: string;
  seconds: number;
  command: string;
  machine: MachineInfo;
  options: BenchContext["options"];
  corpora: Record<string, unknown>;
  peers: Record<string, string>;
  sections: SectionResult[];
  rows: Row[];
  ratios: Ratio[];
  growth: BenchContext["growth"];
  search: BenchContext["search"];
  targets: Target[];
  notes: string[];
}

const PAIRS: readonly { label: string; numerator: string; denominator: string; useInProcess?: boolean }[] = [
  { label: "remark-parse alone (in-process) / verity lint cold", numerator: "parse-remark", denominator: "lint-cold", useInProcess: true },
  { label: "satteri alone (in-process) / verity lint cold", numerator: "parse-satteri", denominator: "lint-cold", useInProcess: true },
  { label: "markdownlint-cli2 / verity lint cold", numerator: "markdownlint", denominator: "lint-cold" },
  { label: "verity lint cold / verity lint cached", numerator: "lint-cold", denominator: "lint-cached" },
  { label: "what spelling costs: verity lint cold with Vale.Spelling / without", numerator: "lint-cold-spelling", denominator: "lint-cold" },
  { label: "what the style checks cost: verity lint cold / cold with every style check off", numerator: "lint-cold", denominator: "lint-cold-no-style" },
  { label: "Starlight one site / verity both sites", numerator: "build-starlight", denominator: "build-verity" },
  { label: "Starlight (full sidebar) / verity both sites", numerator: "build-starlight-full-sidebar", denominator: "build-verity" },
];

export function computeRatios(ctx: BenchContext): Ratio[] {
  const sizes = [...new Set(ctx.rows.map((r) => r.cards).filter((c): c is number => c !== undefined))].sort((a, b) => a - b);
  const ratios: Ratio[] = [];
  for (const cards of sizes) {
    for (const pair of PAIRS) {
      const top = findRow(ctx, `${pair.numerator}-${cards}`);
      const bottom = findRow(ctx, `${pair.denominator}-${cards}`);
      const a = pair.useInProcess ? top?.inProcess?.median : top?.wall?.median;
      const b = bottom?.wall?.median;
      if (top?.status === "ok" && bottom?.status === "ok" && a !== undefined && b !== undefined && b > 0) {
        ratios.push({ cards, label: pair.label, numerator: top.id, denominator: bottom.id, value: a / b });
      }
    }
  }
  return ratios;
}

export function evaluateTargets(ctx: BenchContext, ratios: readonly Ratio[]): Target[] {
  const big = 5000;
  const ratio = (id: string) => ratios.find((r) => r.numerator === id && r.denominator === `lint-cold-${big}`);
  const wall = (id: string) => {
    const row = findRow(ctx, id);
    return row?.status === "ok" ? row.wall?.median : undefined;
  };
  const targets: Target[] = [];
  const remark = ratio(`parse-remark-${big}`);
  targets.push({
    target: `lint ${big} cards at least 3x faster than parsing them with remark-parse alone`,
    measured: remark ? `${remark.value.toFixed(2)}x (remark-parse ${fmtMs(findRow(ctx, `parse-remark-${big}`)!.inProcess!.median)} in-process vs. lint ${fmtMs(wall(`lint-cold-${big}`)!)} wall)` : unavailable(ctx, `lint-cold-${big}`, `parse-remark-${big}`),
    met: remark ? remark.value >= 3 : undefined,
  });
  const cached = wall(`lint-cached-${big}`);
  targets.push({ target: `lint ${big} cards from the cache under 1 s`, measured: cached !== undefined ? fmtMs(cached) : unavailable(ctx, `lint-cached-${big}`), met: cached !== undefined ? cached < 1000 : undefined });
  const edited = wall(`lint-one-changed-${big}`);
  targets.push({
    target: `lint ${big} cards again after editing one, cache warm, under 0.5 s`,
    measured: edited !== undefined ? fmtMs(edited) : unavailable(ctx, `lint-one-changed-${big}`),
    met: edited !== undefined ? edited < 500 : undefined,
  });
  const changedSize = ctx.options.changedSize;
  const changed = wall(`changed-cold-${changedSize}`);
  const changedWarm = wall(`changed-warm-${changedSize}`);
  targets.push({
    target: `lint --changed with one card changed (${changedSize} cards) under 1 s`,
    measured: changed !== undefined ? `${fmtMs(changed)} without a cache${changedWarm !== undefined ? `, ${fmtMs(changedWarm)} with a warm cache` : ""}` : unavailable(ctx, `changed-cold-${changedSize}`),
    met: changed !== undefined ? changed < 1000 : undefined,
  });
  const verity = wall(`build-verity-${big}`);
  const starlight = wall(`build-starlight-${big}`);
  targets.push({
    target: `both sites for ${big} cards build faster than Starlight's one site`,
    measured: verity !== undefined && starlight !== undefined ? `${fmtMs(verity)} vs. ${fmtMs(starlight)}` : unavailable(ctx, `build-verity-${big}`, `build-starlight-${big}`),
    met: verity !== undefined && starlight !== undefined ? verity < starlight : undefined,
  });
  for (const [name, growth] of Object.entries(ctx.growth)) {
    const range = `${growth.points.map((p) => p.count).join(", ")} cards`;
    targets.push({ target: `growth exponent of ${name} at most 1.1 (${range})`, measured: `k = ${growth.exponent.toFixed(2)} (R² ${growth.r2.toFixed(3)})`, met: growth.exponent <= 1.1 });
  }
  const usageReport = findRow(ctx, "usage-report-1000000");
  if (usageReport) {
    const ms = usageReport.status === "ok" ? usageReport.wall?.median : undefined;
    const cpuMs = (usageReport.extra as { queriesCpuMs?: number } | undefined)?.queriesCpuMs;
    targets.push({
      target: "usage report over 1,000,000 events under 2 s",
      measured: ms !== undefined ? `${fmtMs(ms)} wall (${fmtMs(usageReport.inProcess!.median)} in the queries, ${cpuMs} ms of CPU time; see the load average)` : unavailable(ctx, usageReport.id),
      met: ms !== undefined ? ms < 2000 : undefined,
    });
  }
  const collect = findRow(ctx, "usage-collect");
  if (collect?.status === "ok") {
    const e = collect.extra as { eventsPerSecond: number; p99Ms: number; lost: number };
    targets.push({ target: "verity collect loses no acknowledged event under load", measured: `${e.lost} lost at ${e.eventsPerSecond} events/s (p99 ${e.p99Ms} ms)`, met: e.lost === 0 });
  }
  const search = ctx.search;
  targets.push({
    target: `search on the ${ctx.options.searchSize}-card public site: keystroke to results under 150 ms warm and 400 ms cold (medians), at most 300 KB for a first query`,
    measured: search ? `warm ${fmtMs(search.warmMs.median)}, cold ${fmtMs(search.coldMs.median)}, first query at most ${search.coldKb.max.toFixed(0)} KB` : unavailable(ctx, `search-${ctx.options.searchSize}`),
    met: search ? search.warmMs.median < 150 && search.coldMs.median < 400 && search.coldKb.max <= 300 : undefined,
  });
  const golden = search?.golden;
  targets.push({
    target: "search golden set: right card in the top 5 at least 95%, first at least 85%, no results under 3%, none right under 5%, no internal card",
    measured: golden ? `top 5 ${golden.hit5.toFixed(1)}%, first ${golden.hit1.toFixed(1)}%, no results ${golden.noResults.toFixed(1)}%, none right ${golden.wrongOnly.toFixed(1)}%, internal ${golden.internalCardsShown}` : "not measured",
    met: golden ? golden.hit5 >= 95 && golden.hit1 >= 85 && golden.noResults < 3 && golden.wrongOnly < 5 && golden.internalCardsShown === 0 : undefined,
  });
  const largest = Math.max(...ctx.options.scaleSizes, 0);
  const buildLargest = findRow(ctx, `build-verity-${largest}`);
  const treeKb = buildLargest?.status === "ok" ? buildLargest.treeRssKb?.max : undefined;
  const procKb = buildLargest?.status === "ok" ? buildLargest.maxProcessRssKb?.max : undefined;
  targets.push({
    target: `${largest} cards build within 8 GB`,
    measured: treeKb !== undefined ? `peak ${fmtKb(treeKb)} summed over the process tree (largest single process ${procKb !== undefined ? fmtKb(procKb) : "n/a"})` : unavailable(ctx, `build-verity-${largest}`),
    met: treeKb !== undefined ? treeKb <= 8 * 1024 * 1024 : undefined,
  });
  return targets;
}

function unavailable(ctx: BenchContext, ...ids: string[]): string {
  const reasons = ids.map((id) => findRow(ctx, id)).map((row, i) => (row ? `${row.label}: ${row.status}${row.reason ? ` (${row.reason})` : ""}` : `${ids[i]}: not measured in this run`));
  return `not measured: ${reasons.join("; ")}`;
}

export function fmtMs(ms: number): string {
  if (ms >= 100_000) return `${(ms / 1000).toFixed(0)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  return `${ms.toFixed(0)} ms`;
}

export function fmtKb(kb: number): string {
  return kb >= 1024 * 1024 ? `${(kb / 1024 / 1024).toFixed(2)} GB` : `${(kb / 1024).toFixed(0)} MB`;
}

function fmtRange(figure: Figure | undefined, format: (v: number) => string): string {
  return figure ? `${format(figure.min)} – ${format(figure.max)}` : "";
}

export function renderMarkdown(results: BenchResults): string {
  const lines: string[] = [];
  lines.push(`# Verity benchmark, ${results.date}`, "");
  lines.push(`Machine: ${formatMachine(results.machine)}${results.machine.gitCommit ? `; Verity at ${results.machine.gitCommit}` : ""}.`);
  lines.push(`Command: \`${results.command}\` (${(results.seconds / 60).toFixed(1)} min, ${results.startedAt.slice(11, 16)}–${results.finishedAt.slice(11, 16)} UTC).`);
  lines.push(`Corpora: \`bench/generate.ts\`, seed ${results.options.seed}, dates around ${results.options.today}; ${describeCorpora(results)}.`);
  if (Object.keys(results.peers).length > 0) lines.push(`Peers: ${Object.entries(results.peers).map(([n, v]) => `${n} ${v}`).join(", ")}.`);
  lines.push("", "Each figure is the median of the runs, with min – max. Wall time is the whole process (Node start-up included) unless it says in-process.");
  lines.push("Peak memory: the largest single process (GNU time's maximum resident set size) / the whole process tree (sum of RSS, sampled every 50 ms).", "");
  lines.push("| Measurement | Cards | Median | Min – max | Runs | Peak memory (process / tree) | Notes |", "| --- | ---: | ---: | ---: | ---: | ---: | --- |");
  for (const row of results.rows) lines.push(renderRow(row));
  if (results.ratios.length > 0) {
    lines.push("", "## Ratios (pair by pair, medians: the first time over the second; above 1 means the second is faster)", "", "| Cards | Pair | Ratio |", "| ---: | --- | ---: |");
    for (const ratio of results.ratios) lines.push(`| ${ratio.cards} | ${ratio.label} | ${ratio.value.toFixed(2)}x |`);
  }
  if (Object.keys(results.growth).length > 0) {
    lines.push("", "## Growth (time ~ cards^k, least squares on log-log)", "", "| Measurement | Points (cards: median) | k | R² |", "| --- | --- | ---: | ---: |");
    for (const [name, growth] of Object.entries(results.growth)) {
      lines.push(`| ${name} | ${growth.points.map((p) => `${p.count}: ${fmtMs(p.value)}`).join(", ")} | ${growth.exponent.toFixed(2)} | ${growth.r2.toFixed(3)} |`);
    }
  }
  if (results.search) {
    const s = results.search;
    lines.push("", `## Search (${s.cards}-card public site, ${s.queries.length} queries, Pagefind bundle ${s.pagefindFiles} files / ${s.pagefindMb} MB)`, "");
    lines.push(
      "The public site's `/search/` page in headless Chromium, from the last keystroke (the input event of the typed query) to the first results painted (the page paints its first five, then fills its first page of 20; both are given). " +
        "Cold: a fresh browser context per query, typed as soon as the page is interactive; bytes are everything the search fetched (Pagefind bundle and search-data) from opening the page to the whole first page of results. " +
        "Warm: one page, one query after another.",
      "",
    );
    lines.push("| | Keystroke to results, median (min – max) | Bytes fetched, median (min – max) |", "| --- | ---: | ---: |");
    lines.push(`| cold (first query) | ${fmtMs(s.coldMs.median)} (${fmtRange(s.coldMs, fmtMs)}) | ${s.coldKb.median.toFixed(0)} KB (${s.coldKb.min.toFixed(0)} – ${s.coldKb.max.toFixed(0)} KB) |`);
    lines.push(`| warm | ${fmtMs(s.warmMs.median)} (${fmtRange(s.warmMs, fmtMs)}) | ${s.warmKb.median.toFixed(0)} KB (${s.warmKb.min.toFixed(0)} – ${s.warmKb.max.toFixed(0)} KB) |`);
    if (s.coldPageFullMs) lines.push(`| cold, to the whole first page | ${fmtMs(s.coldPageFullMs.median)} (${fmtRange(s.coldPageFullMs, fmtMs)}) | |`);
    if (s.warmPageFullMs) lines.push(`| warm, to the whole first page | ${fmtMs(s.warmPageFullMs.median)} (${fmtRange(s.warmPageFullMs, fmtMs)}) | |`);
    if (s.golden) {
      const g = s.golden;
      lines.push(
        "",
        `Golden query set (\`tests/sites/search-golden.json\`, ${g.answerable} queries with a right card plus internal-only questions) on the demo's public site: ` +
          `right card first ${g.hit1.toFixed(1)}%, in the top 5 ${g.hit5.toFixed(1)}%, no results ${g.noResults.toFixed(1)}%, results shown but none right ${g.wrongOnly.toFixed(1)}%, internal cards shown ${g.internalCardsShown}.`,
      );
    }
    lines.push("", "<details><summary>Per query</summary>", "", "| Query | Results | Cold | Cold KB | Warm | Warm KB |", "| --- | ---: | ---: | ---: | ---: | ---: |");
    for (const q of s.queries) {
      lines.push(`| ${q.query} | ${q.results} | ${fmtMs(q.coldMs)} | ${(q.coldBytes / 1024).toFixed(0)} | ${fmtMs(q.warmMs)} | ${(q.warmBytes / 1024).toFixed(0)} |`);
    }
    lines.push("", "</details>");
  }
  if (results.targets.length > 0) {
    lines.push("", "## Targets", "", "| Target | Measured | Met |", "| --- | --- | --- |");
    for (const t of results.targets) lines.push(`| ${t.target} | ${t.measured} | ${t.met === undefined ? "not measured" : t.met ? "yes" : "**no**"} |`);
  }
  lines.push("", "## Load average (1 / 5 / 15 min) around each section", "", "| Section | Before | After | Duration |", "| --- | --- | --- | ---: |");
  for (const s of results.sections) lines.push(`| ${s.name} | ${s.before.loadavg.join(" / ")} | ${s.after.loadavg.join(" / ")} | ${s.seconds.toFixed(0)} s |`);
  if (results.notes.length > 0) lines.push("", "## Notes", "", ...results.notes.map((n) => `- ${n}`));
  return `${lines.join("\n")}\n`;
}

function renderRow(row: Row): string {
  const cards = row.cards ?? "";
  if (row.status !== "ok") return `| ${row.label} | ${cards} | ${row.status === "failed" ? "failed" : "not available"} | | | | ${escapeCell(row.reason ?? "")} |`;
  const figure = row.inProcess ?? row.wall!;
  const median = row.inProcess ? `${fmtMs(figure.median)} in-process (${fmtMs(row.wall!.median)} wall)` : fmtMs(figure.median);
  const memory = row.maxProcessRssKb ? `${fmtKb(row.maxProcessRssKb.median)}${row.treeRssKb ? ` / ${fmtKb(row.treeRssKb.median)}` : ""}` : "";
  return `| ${row.label} | ${cards} | ${median} | ${fmtRange(figure, fmtMs)} | ${figure.runs.length} | ${memory} | ${escapeCell(describeExtra(row))} |`;
}

function describeExtra(row: Row): string {
  const e = row.extra ?? {};
  const parts: string[] = [];
  if (typeof e.findings === "number") parts.push(`${e.findings} findings (${e.errors ?? 0} errors, ${e.styleFindings ?? 0} style) in ${e.files} files`);
  if (Array.isArray(e.cache)) parts.push(`cache: ${e.cache.join(", ")}`);
  if (typeof e.changedCard === "string") parts.push(`changed ${e.changedCard}`);
  if (typeof e.publicPages === "number") parts.push(`${e.publicPages} public + ${e.internalPages} internal HTML files, ${e.publicMb} + ${e.internalMb} MB${e.hasPublicIndex && e.hasInternalIndex ? ", both indexes" : ", index missing"}`);
  if (typeof e.eventsPerSecond === "number") parts.push(`${e.eventsPerSecond} events/s sustained, latency p50 ${e.p50Ms} ms, p99 ${e.p99Ms} ms, max ${e.maxMs} ms; ${e.acknowledged} acknowledged, ${e.stored} stored, ${e.lost} lost, ${e.failed} not acknowledged`);
  if (typeof e.usageEvents === "number") parts.push(`${e.usageEvents} events in one SQLite table; in-process = the report queries only, ${e.queriesCpuMs} ms of CPU time`);
  if (typeof e.pages === "number") parts.push(`${e.pages} HTML files, ${e.distMb} MB${e.hasIndex ? ", Pagefind index" : ""}`);
  if (Array.isArray(e.peakProcesses)) {
    const top = (e.peakProcesses as { name: string; rssKb: number }[]).filter((p) => p.rssKb >= 50 * 1024);
    parts.push(`at the memory peak: ${top.map((p) => `${p.name} ${fmtKb(p.rssKb)}`).join(", ")}`);
  }
  return parts.join("; ");
}

function describeCorpora(results: BenchResults): string {
  return Object.values(results.corpora)
    .map((m) => {
      const c = m as { cards: number; external: number; byLang: Record<string, number>; expired: number; expiring: number; collections: number; owners: number; bytes: number; hasStyleGuide: boolean };
      const pct = (n: number) => `${Math.round((n / c.cards) * 100)}%`;
      return `${c.cards} cards (${(c.bytes / 1e6).toFixed(1)} MB, ${pct(c.external)} external, ${pct(c.byLang.ko ?? 0)} Korean, ${pct(c.byLang.zh ?? 0)} Chinese, ${c.expired} expired, ${c.expiring} expiring, ${c.collections} collections, ${c.owners} owners${c.hasStyleGuide ? ", full style guide" : ", no style guide"})`;
    })
    .join("; ");
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}
