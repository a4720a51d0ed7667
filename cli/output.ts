/** Where a command's document goes: the `--out` file (written whole or not at all), else standard output. */
import path from "node:path";
import { writeFileWhole } from "../src/core/cards/safe-write.ts";
import type { CliIO } from "./io.ts";
import { displayPath } from "./reporters/paths.ts";

export function writeOutput(io: CliIO, out: string | undefined, text: string, what: string): void {
  if (!out) {
    io.stdout(text);
    return;
  }
  const file = path.resolve(io.cwd, out);
  writeFileWhole(file, text);
  io.stderr(`Wrote ${what} to ${displayPath(file, io.cwd)}.\n`);
}
