/** Runs the Verity CLI the way a user does (`node cli/bin.js ...`) and asks it what it supports. */
import { spawnSync } from "node:child_process";
import type { BenchContext } from "./context.ts";

const helpCache = new Map<string, { ok: boolean; text: string }>();

/** `verity <command> --help`: whether the command exists, and its help text. */
export function getCommandHelp(ctx: BenchContext, command: string): { ok: boolean; text: string } {
  const cached = helpCache.get(command);
  if (cached) return cached;
  const result = spawnSync(ctx.node, [ctx.cliBin, command, "--help"], { cwd: ctx.repoRoot, encoding: "utf8" });
  const text = `${result.stdout ?? ""}${result.stderr ?? ""}`;
  const listed = spawnSync(ctx.node, [ctx.cliBin, "--help"], { cwd: ctx.repoRoot, encoding: "utf8" }).stdout ?? "";
  const ok = result.status === 0 && new RegExp(`^\\s+${command}\\b`, "m").test(listed);
  const entry = { ok, text };
  helpCache.set(command, entry);
  return entry;
}

export function hasCommand(ctx: BenchContext, command: string): boolean {
  return getCommandHelp(ctx, command).ok;
}

export function hasOption(ctx: BenchContext, command: string, option: string): boolean {
  const help = getCommandHelp(ctx, command);
  return help.ok && new RegExp(`(^|[\\s,])${option.replace(/-/g, "\\-")}\\b`, "m").test(help.text);
}

/** The argv of `node cli/bin.js --root <dir> <command> ...`. */
export function verityArgs(ctx: BenchContext, root: string, command: string, args: readonly string[]): string[] {
  return [ctx.cliBin, "--root", root, command, ...args];
}
