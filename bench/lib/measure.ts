/**
 * Runs one command and measures it: wall time, the peak resident memory reported by
 * `/usr/bin/time -v` (the largest single process of the tree), and the peak of the summed
 * resident memory of the whole process tree, sampled from /proc every 50 ms.
 */
import { spawn } from "node:child_process";
import { closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export interface RunSample {
  wallMs: number;
  exitCode: number | null;
  signal: string | null;
  /** "Maximum resident set size" from GNU time: the largest single process in the tree, in KB. */
  maxProcessRssKb: number | undefined;
  /** Peak of the summed RSS of every process in the tree, sampled every 50 ms, in KB. */
  treeRssKb: number | undefined;
  /** The processes of the tree at that peak, largest first: "pagefind 3.8 GB". */
  peakProcesses: { name: string; rssKb: number }[] | undefined;
  stderrTail: string;
  timedOut: boolean;
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Where stdout goes; discarded when unset. */
  stdoutFile?: string;
  timeoutMs?: number;
  /** Sample the tree's memory (costs a /proc scan every 50 ms). */
  sampleMemory?: boolean;
}

const GNU_TIME = "/usr/bin/time";

export function hasGnuTime(): boolean {
  return existsSync(GNU_TIME);
}

export async function runMeasured(command: string, args: readonly string[], options: RunOptions): Promise<RunSample> {
  const timeFile = path.join(os.tmpdir(), `verity-bench-time-${process.pid}-${Date.now()}.txt`);
  const useTime = hasGnuTime();
  const [cmd, argv] = useTime ? [GNU_TIME, ["-v", "-o", timeFile, command, ...args]] : [command, [...args]];
  const out = options.stdoutFile ? openSync(options.stdoutFile, "w") : "ignore";
  let stderr = "";
  const started = performance.now();
  const child = spawn(cmd, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ["ignore", out, "pipe"] });
  child.stderr!.setEncoding("utf8");
  child.stderr!.on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  let treeRssKb = 0;
  let peakProcesses: { name: string; rssKb: number }[] = [];
  const sample = () => {
    const processes = collectTree(child.pid!).map((pid) => ({ name: describeProcess(pid), rssKb: readRssKb(pid) }));
    const sum = processes.reduce((total, p) => total + p.rssKb, 0);
    if (sum > treeRssKb) {
      treeRssKb = sum;
      peakProcesses = processes.filter((p) => p.rssKb > 0 && p.name !== "time").sort((a, b) => b.rssKb - a.rssKb);
    }
  };
  const sampler = options.sampleMemory && child.pid ? setInterval(sample, 50) : undefined;
  let timedOut = false;
  const timer = options.timeoutMs
    ? setTimeout(() => {
        timedOut = true;
        if (child.pid) killTree(child.pid);
      }, options.timeoutMs)
    : undefined;
  const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (c, s) => resolve({ code: c, signal: s }));
  });
  const wallMs = performance.now() - started;
  if (sampler) clearInterval(sampler);
  if (timer) clearTimeout(timer);
  if (typeof out === "number") closeSync(out);
  let maxProcessRssKb: number | undefined;
  let exitCode = code;
  if (useTime && existsSync(timeFile)) {
    const report = readFileSync(timeFile, "utf8");
    rmSync(timeFile, { force: true });
    const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
    maxProcessRssKb = rss ? Number(rss[1]) : undefined;
    const status = /Exit status: (\d+)/.exec(report);
    if (status) exitCode = Number(status[1]);
    if (/Command terminated by signal/.test(report) && code !== 0) exitCode = code;
  }
  return {
    wallMs,
    exitCode,
    signal,
    maxProcessRssKb,
    treeRssKb: sampler ? treeRssKb : undefined,
    peakProcesses: sampler ? peakProcesses : undefined,
    stderrTail: stderr.trim().split("\n").slice(-6).join("\n"),
    timedOut,
  };
}

function collectTree(root: number): number[] {
  const pids = [root];
  for (let i = 0; i < pids.length; i++) {
    const pid = pids[i]!;
    let children = "";
    try {
      for (const task of readdirSync(`/proc/${pid}/task`)) children += ` ${readFileSync(`/proc/${pid}/task/${task}/children`, "utf8")}`;
    } catch {
      continue;
    }
    for (const child of children.split(/\s+/)) if (child) pids.push(Number(child));
  }
  return pids;
}

/** A short name for a process: the script a Node process runs, else the program's name. */
function describeProcess(pid: number): string {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
    const program = path.basename(argv[0] ?? "?");
    if (program === "node") {
      const script = argv.slice(1).find((arg) => !arg.startsWith("-")) ?? "";
      if (script.endsWith("cli/bin.js")) return "verity";
      if (/astro(\.mjs|\/bin)/.test(script)) return "astro";
      return path.basename(script) || "node";
    }
    if (program.startsWith("pagefind")) return "pagefind";
    return program;
  } catch {
    return "?";
  }
}

function readRssKb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const match = /VmRSS:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Ends a process and its descendants (only the tree this harness started). */
export function killTree(root: number): void {
  for (const pid of collectTree(root).reverse()) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
}
