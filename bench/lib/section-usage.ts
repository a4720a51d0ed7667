/**
 * Usage: (1) the real `verity collect` process on 127.0.0.1 under a bounded load (a fixed number
 * of concurrent keep-alive clients, each sending one event per request, the way a page sends a
 * beacon, until a time or request limit): sustained events per second, latency percentiles, and
 * that every acknowledged event is in the database afterwards. (2) `verity report`'s usage
 * section over one million generated events (target: under 2 s).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import type { BenchContext } from "./context.ts";
import { runsFor } from "./context.ts";
import { summarise } from "./stats.ts";
import { toUsageRows, type UsageBatch } from "../../src/core/usage/events.ts";
import { openUsageReader, openUsageWriter } from "../../src/core/usage/store.ts";
import { buildUsageReport, type UsageCardInfo } from "../../src/core/usage/usage-report.ts";
import type { CalendarDate } from "../../src/core/verification/calendar-date.ts";
import { createRandom } from "./random.ts";

const CARDS = 1000;
const REPORT_EVENTS = 1_000_000;

export async function runUsageSection(ctx: BenchContext): Promise<void> {
  const dir = path.join(ctx.workDir, "usage");
  rmSync(path.join(dir, "content"), { recursive: true, force: true });
  rmSync(path.join(dir, "collect.db"), { force: true });
  mkdirSync(dir, { recursive: true });
  writeProject(dir);
  await measureCollector(ctx, dir);
  await measureReport(ctx, dir);
}

function writeProject(dir: string): void {
  writeFileSync(
    path.join(dir, "verity.config.yml"),
    "sites:\n  public:\n    usage: { endpoint: http://127.0.0.1:9/events }\ncollect:\n  rate: { perSecond: 1000000, burst: 1000000 }\n",
  );
  for (let i = 0; i < CARDS; i++) {
    const folder = path.join(dir, "content", `c${i % 20}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, `card-${i}.md`), `---\ntitle: Card ${i}\nowner: "@team"\naudience: external\nverify_by: 2099-01-01\n---\nText.\n`);
  }
}

const cardId = (i: number) => `c${i % 20}/card-${i}`;

async function measureCollector(ctx: BenchContext, dir: string): Promise<void> {
  const quick = ctx.options.quick;
  const durationMs = quick ? 3000 : 10_000;
  const maxRequests = quick ? 20_000 : 100_000;
  const concurrency = 32;
  const database = path.join(dir, "collect.db");
  const child = spawn(ctx.node, [ctx.cliBin, "collect", "--root", dir, "--port", "0", "--database", database], { stdio: ["ignore", "pipe", "pipe"] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk) => {
      out += chunk;
      const match = /on (http:\/\/\S+\/)events/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once("exit", (code) => reject(new Error(`verity collect exited with ${code}`)));
  });
  const target = new URL(`${url}events`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let acknowledged = 0;
  let failed = 0;
  let sent = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  const post = (body: string) =>
    new Promise<number>((resolve) => {
      const req = http.request(target, { method: "POST", agent, headers: { "content-type": "text/plain;charset=UTF-8", "content-length": Buffer.byteLength(body) } }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      });
      req.on("error", () => resolve(0));
      req.end(body);
    });
  const worker = async (w: number) => {
    for (let i = 0; performance.now() < deadline && sent < maxRequests; i++) {
      sent++;
      const body = JSON.stringify({ v: 1, site: "public", visit: `bench-${w}-${Math.floor(i / 5)}`, events: [{ type: "card_view", card: cardId((w * 7919 + i) % CARDS) }] });
      const t0 = performance.now();
      const status = await post(body);
      latencies.push(performance.now() - t0);
      if (status === 200) acknowledged++;
      else failed++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  const elapsed = performance.now() - started;
  agent.destroy();
  child.kill("SIGTERM");
  await new Promise((resolve) => child.once("exit", resolve));
  const reader = openUsageReader(database);
  const stored = reader.count;
  reader.close();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  const eventsPerSecond = Math.round(acknowledged / (elapsed / 1000));
  ctx.log(`collect: ${eventsPerSecond} events/s, p50 ${pct(50).toFixed(1)} ms, p99 ${pct(99).toFixed(1)} ms, ${acknowledged} acknowledged, ${stored} stored`);
  ctx.rows.push({
    id: "usage-collect",
    section: "usage",
    cards: undefined,
    label: `verity collect, ${concurrency} keep-alive clients on 127.0.0.1, 1 event per request, ${durationMs / 1000} s or ${maxRequests} requests`,
    status: "ok",
    wall: summarise([elapsed]),
    extra: { eventsPerSecond, p50Ms: round(pct(50)), p99Ms: round(pct(99)), maxMs: round(latencies.at(-1) ?? 0), acknowledged, failed, stored, lost: Math.max(0, acknowledged - stored) },
  });
}

async function measureReport(ctx: BenchContext, dir: string): Promise<void> {
  // The generated events are kept in bench/.work/usage/ (seeded, so always the same) and reused.
  const database = path.join(dir, `report-${REPORT_EVENTS}.db`);
  if (!existsSync(database) || countEvents(database) !== REPORT_EVENTS) {
    const generated = generateEvents(database, REPORT_EVENTS);
    ctx.log(`usage report: generated ${REPORT_EVENTS} events in ${(generated / 1000).toFixed(1)} s`);
  }
  const cards: UsageCardInfo[] = Array.from({ length: CARDS }, (_, i) => ({ site: "public", id: cardId(i), title: `Card ${i}`, collection: `c${i % 20}` }));
  const runs = runsFor(ctx, 3);
  const inProcess: number[] = [];
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let run = 0; run < runs; run++) {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const reader = openUsageReader(database);
    buildUsageReport(reader, { source: database, period: { since: "2026-08-03" as CalendarDate, until: "2026-10-31" as CalendarDate }, cards });
    reader.close();
    inProcess.push(performance.now() - t0);
    const used = process.cpuUsage(cpu0);
    cpu.push((used.user + used.system) / 1000);
    const t1 = performance.now();
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(ctx.node, [ctx.cliBin, "report", "--root", dir, "--format", "json", "--usage", database, "--since", "2026-08-03", "--until", "2026-10-31", "--today", "2026-10-31"], { stdio: ["ignore", "ignore", "ignore"] });
      child.once("exit", resolve);
    });
    wall.push(performance.now() - t1);
    if (code !== 0) throw new Error(`verity report exited with ${code}`);
  }
  ctx.rows.push({
    id: `usage-report-${REPORT_EVENTS}`,
    section: "usage",
    cards: CARDS,
    label: `verity report usage section over ${REPORT_EVENTS.toLocaleString("en")} events (90 days)`,
    status: "ok",
    inProcess: summarise(inProcess),
    wall: summarise(wall),
    extra: { usageEvents: REPORT_EVENTS, queriesCpuMs: Math.round(summarise(cpu).median) },
  });
}

/** One million events over 90 days: visits of a search or two, views, opens, votes and some support clicks. */
function countEvents(database: string): number {
  try {
    const reader = openUsageReader(database);
    const count = reader.count;
    reader.close();
    return count;
  } catch {
    return -1;
  }
}

function generateEvents(database: string, count: number): number {
  const t0 = performance.now();
  rmSync(database, { force: true });
  const writer = openUsageWriter({ database });
  const rng = createRandom(42);
  const random = rng.next;
  const pick = (n: number) => Math.floor(random() * n);
  const queries = Array.from({ length: 400 }, (_, i) => `query ${i}`);
  let made = 0;
  let visit = 0;
  let rows: ReturnType<typeof toUsageRows> = [];
  while (made < count) {
    const day = pick(90);
    const at = new Date(Date.UTC(2026, 7, 3 + day, pick(24), pick(60)));
    const events: UsageBatch["events"] = [];
    const query = queries[Math.floor(random() ** 2 * queries.length)]!;
    const results = random() < 0.06 ? 0 : 1 + pick(30);
    events.push({ type: "search", query, lang: random() < 0.8 ? "en" : "ko", results, filters: {} });
    const card = cardId(Math.floor(random() ** 3 * CARDS));
    if (results > 0 && random() < 0.7) events.push({ type: "result_open", query, card, rank: 1 + pick(Math.min(results, 5)) });
    events.push({ type: "card_view", card });
    if (random() < 0.1) events.push({ type: "helpful", card, helpful: random() < 0.75 });
    if (random() < 0.15) events.push({ type: "support_click", searches: [query], cards: [card] });
    const kept = events.slice(0, count - made); // exactly `count` events
    rows.push(...toUsageRows({ v: 1, site: "public", visit: `visit-${visit++}`, events: kept }, at, "UTC"));
    made += kept.length;
    if (rows.length >= 50_000) {
      writer.append({ rows, dropped: [] });
      rows = [];
    }
  }
  writer.append({ rows, dropped: [] });
  writer.close();
  return performance.now() - t0;
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
