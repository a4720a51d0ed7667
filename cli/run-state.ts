/** State shared by the commands of one `run`: the IO and the exit code they set. */
import type { Command } from "commander";
import { loadProject, openProject, type Project, type ProjectContext, type ProjectOptions } from "../src/core/project/project.ts";
import type { CliIO } from "./io.ts";

export interface RunState {
  io: CliIO;
  exitCode: number;
  /** Project options from the global flags plus `--today` of the command. */
  projectOptions(command: Command): ProjectOptions;
  loadProject(command: Command): Project;
  openProject(command: Command): ProjectContext;
}

export function createRunState(io: CliIO): RunState {
  const state: RunState = {
    io,
    exitCode: 0,
    projectOptions(command) {
      const options = command.optsWithGlobals() as { root?: string; config?: string; today?: string };
      return { cwd: io.cwd, root: options.root, configFile: options.config, today: options.today };
    },
    loadProject: (command) => loadProject(state.projectOptions(command)),
    openProject: (command) => openProject(state.projectOptions(command)),
  };
  return state;
}
