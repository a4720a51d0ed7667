/** Measures a command several times and records one row: median, min and max of each figure. */
import type { BenchContext, Row, SectionName } from "./context.ts";
import { runMeasured, type RunSample } from "./measure.ts";
import { summarise } from "./stats.ts";

export interface MeasureSpec {
  id: string;
  section: SectionName;
  cards: number | undefined;
  label: string;
  command: string;
  args: readonly string[];
  cwd: string;
  runs: number;
  /** Exit codes that count as a completed run (lint exits 1 when it finds problems). */
  okExitCodes?: readonly number[];
  sampleMemory?: boolean;
  stdoutFile?: string;
  timeoutMs?: number;
  /** Runs before every measured run (clearing caches, outputs). */
  beforeEach?: () => void;
  /** Reads figures out of a finished run (its stdout file, its outputs). */
  afterEach?: (sample: RunSample, run: number) => Record<string, number> | void;
}

export async function measureRow(ctx: BenchContext, spec: MeasureSpec): Promise<Row> {
  const ok = spec.okExitCodes ?? [0];
  const samples: RunSample[] = [];
  const inProcess: number[] = [];
  let extra: Record<string, unknown> = {};
  for (let run = 0; run < spec.runs; run++) {
    spec.beforeEach?.();
    const sample = await runMeasured(spec.command, spec.args, {
      cwd: spec.cwd,
      stdoutFile: spec.stdoutFile,
      sampleMemory: spec.sampleMemory,
      timeoutMs: spec.timeoutMs,
    });
    if (sample.timedOut || sample.exitCode === null || !ok.includes(sample.exitCode)) {
      const why = sample.timedOut
        ? `did not finish within ${Math.round((spec.timeoutMs ?? 0) / 1000)} s`
        : `exited with ${sample.exitCode ?? sample.signal}: ${sample.stderrTail || "(no output)"}`;
      ctx.log(`  ${spec.label} (${spec.cards ?? "-"}): FAILED, ${why}`);
      return { id: spec.id, section: spec.section, cards: spec.cards, label: spec.label, status: "failed", reason: why, extra: { completedRuns: samples.length } };
    }
    const figures = spec.afterEach?.(sample, run);
    if (figures && typeof figures.inProcessMs === "number") inProcess.push(figures.inProcessMs);
    if (figures) extra = { ...extra, ...figures };
    samples.push(sample);
    ctx.log(`  ${spec.label} (${spec.cards ?? "-"}) run ${run + 1}/${spec.runs}: ${(sample.wallMs / 1000).toFixed(2)} s${sample.treeRssKb ? `, tree RSS ${(sample.treeRssKb / 1024).toFixed(0)} MB` : ""}`);
  }
  const row: Row = {
    id: spec.id,
    section: spec.section,
    cards: spec.cards,
    label: spec.label,
    status: "ok",
    wall: summarise(samples.map((s) => s.wallMs)),
    extra,
  };
  const maxRss = samples.map((s) => s.maxProcessRssKb).filter((v): v is number => v !== undefined);
  if (maxRss.length === samples.length) row.maxProcessRssKb = summarise(maxRss);
  const treeRss = samples.map((s) => s.treeRssKb).filter((v): v is number => v !== undefined);
  if (spec.sampleMemory && treeRss.length === samples.length) row.treeRssKb = summarise(treeRss);
  if (inProcess.length === samples.length) row.inProcess = summarise(inProcess);
  const heaviest = samples.reduce((a, b) => ((b.treeRssKb ?? 0) > (a.treeRssKb ?? 0) ? b : a));
  if (heaviest.peakProcesses && heaviest.peakProcesses.length > 1) row.extra = { ...row.extra, peakProcesses: heaviest.peakProcesses };
  return row;
}

export function notAvailable(id: string, section: SectionName, cards: number | undefined, label: string, reason: string): Row {
  return { id, section, cards, label, status: "not-available", reason };
}
