/** The machine the benchmark ran on, and the load average around each section. */
import { execFileSync } from "node:child_process";
import os from "node:os";

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGb: number;
  node: string;
  os: string;
  gitCommit: string | undefined;
}

export interface LoadSnapshot {
  at: string;
  loadavg: [number, number, number];
}

export function describeMachine(repoRoot: string): MachineInfo {
  const cpus = os.cpus();
  let gitCommit: string | undefined;
  try {
    gitCommit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: repoRoot, encoding: "utf8" }).trim();
  } catch {
    gitCommit = undefined;
  }
  return {
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    cores: os.availableParallelism(),
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    gitCommit,
  };
}

export function snapshotLoad(): LoadSnapshot {
  const [a, b, c] = os.loadavg();
  return { at: new Date().toISOString(), loadavg: [round2(a!), round2(b!), round2(c!)] };
}

export function formatMachine(machine: MachineInfo): string {
  return `${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGb} GB RAM, Node ${machine.node}, ${machine.os}`;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
