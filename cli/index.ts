/**
 * `run(argv, io)`: builds the commander program, registers one command per file and turns every
 * outcome into an exit code: 0 clean, 1 check failed, 2 usage, configuration or runtime error.
 */
import { Command, CommanderError } from "commander";
import { VerityError } from "../src/core/errors.ts";
import { registerLint } from "./commands/lint.ts";
import { registerStatus } from "./commands/status.ts";
import { registerStyle } from "./commands/style.ts";
import { registerVerify } from "./commands/verify.ts";
import { registerNew } from "./commands/new.ts";
import { registerCodeowners } from "./commands/codeowners.ts";
import { registerReport } from "./commands/report.ts";
import { registerAudit } from "./commands/audit.ts";
import { registerBuild } from "./commands/build.ts";
import { registerCheckLeaks } from "./commands/check-leaks.ts";
import { registerPreview } from "./commands/preview.ts";
import { registerMcp } from "./commands/mcp.ts";
import { registerCollect } from "./commands/collect.ts";
import type { CliIO } from "./io.ts";
import { createRunState, type RunState } from "./run-state.ts";

/** Every command module exports a `register*` function with this shape. */
export type RegisterCommand = (program: Command, state: RunState) => void;

const COMMANDS: RegisterCommand[] = [registerLint, registerStatus, registerVerify, registerNew, registerCodeowners, registerReport, registerAudit, registerStyle, registerBuild, registerCheckLeaks, registerPreview, registerMcp, registerCollect];

export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const state = createRunState(io);
  const program = new Command("verity")
    .description("Verified knowledge cards in git: lint them, report on them, build the help center and the wiki.")
    .version("0.1.0", "-V, --version")
    .option("--root <dir>", "project folder (default: found from the working directory upwards)")
    .option("--config <file>", "configuration file (default: verity.config.yml in the project folder)")
    .option("--verbose", "show stack traces for internal errors")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  for (const register of COMMANDS) register(program, state);
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
