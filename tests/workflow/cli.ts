/** Runs the CLI in-process and captures what it prints. */
import { run } from "../../cli/index.ts";
import type { CliIO } from "../../cli/io.ts";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(argv: string[], cwd: string, extra: Partial<CliIO> = {}): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    cwd,
    env: {},
    isInteractive: false,
    color: false,
    ...extra,
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}
