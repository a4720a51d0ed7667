/**
 * `run(argv, io)`: builds the commander program, registers one command per file and turns every
 * outcome into an exit code: 0 clean, 1 check failed, 2 usage, configuration or runtime error.
 */
import { Command, CommanderError } from "commander";
import { VerityError } from "../src/core/errors.ts";
import { verityVersion } from "../src/core/version.ts";
import type { CliIO } from "./io.ts";
import { createRunState, type RunState } from "./run-state.ts";

/** Every command module exports a `register*` function with this shape. */
export type RegisterCommand = (program: Command, state: RunState) => void;

/**
 * Every command by name, in help order. A command's module (and what it imports: the site build,
 * the MCP server, ...) is loaded only when that command runs, or when the whole help is shown:
 * start-up is a large part of a lint run.
 */
const COMMANDS: readonly (readonly [string, () => Promise<RegisterCommand>])[] = [
  ["lint", async () => (await import("./commands/lint.ts")).registerLint],
  ["status", async () => (await import("./commands/status.ts")).registerStatus],
  ["verify", async () => (await import("./commands/verify.ts")).registerVerify],
  ["new", async () => (await import("./commands/new.ts")).registerNew],
  ["codeowners", async () => (await import("./commands/codeowners.ts")).registerCodeowners],
  ["report", async () => (await import("./commands/report.ts")).registerReport],
  ["audit", async () => (await import("./commands/audit.ts")).registerAudit],
  ["style", async () => (await import("./commands/style.ts")).registerStyle],
  ["build", async () => (await import("./commands/build.ts")).registerBuild],
  ["check-leaks", async () => (await import("./commands/check-leaks.ts")).registerCheckLeaks],
  ["preview", async () => (await import("./commands/preview.ts")).registerPreview],
  ["mcp", async () => (await import("./commands/mcp.ts")).registerMcp],
  ["collect", async () => (await import("./commands/collect.ts")).registerCollect],
];

/** Global options that take a value (so their value is not read as the command name). */
const VALUE_OPTIONS = new Set(["--root", "--config"]);

/** The command named on the command line, if it is one of ours (else every command is loaded). */
export function requestedCommand(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (VALUE_OPTIONS.has(arg)) i++;
    else if (!arg.startsWith("-")) return COMMANDS.some(([name]) => name === arg) ? arg : undefined;
  }
  return undefined;
}

export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const state = createRunState(io);
  const program = new Command("verity")
    .description("Verified knowledge cards in git: lint them, report on them, build the help center and the wiki.")
    .version(verityVersion(), "-V, --version")
    .option("--root <dir>", "project folder (default: found from the working directory upwards)")
    .option("--config <file>", "configuration file (default: verity.config.yml in the project folder)")
    .option("--verbose", "show stack traces for internal errors")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  const wanted = requestedCommand(argv);
  // `verity --version` alone needs no command: loading them all would take half a second.
  const onlyVersion = wanted === undefined && argv.some((arg) => arg === "-V" || arg === "--version") && !argv.some((arg) => arg === "-h" || arg === "--help");
  if (!onlyVersion) for (const [name, load] of COMMANDS) if (wanted === undefined || name === wanted) (await load())(program, state);
  for (const command of program.commands) command.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  try {
    await program.parseAsync([...argv], { from: "user" });
    if (argv.length === 0) program.outputHelp();
    return state.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help") return 0;
      return 2;
    }
    if (error instanceof VerityError) {
      io.stderr(`verity: ${error.message}\n`);
      if (error.hint) io.stderr(`  ${error.hint}\n`);
      return error.exitCode;
    }
    const err = error as Error;
    io.stderr(`verity: internal error: ${err?.message ?? String(error)}\n`);
    if (program.opts().verbose || argv.includes("--verbose")) io.stderr(`${err?.stack ?? ""}\n`);
    else io.stderr("  This is a bug in Verity. Run again with --verbose to see the stack trace, and report it.\n");
    return 2;
  }
}
