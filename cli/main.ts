/** Process entry: runs the CLI with the real process streams and sets the exit code. */
import { run } from "./index.ts";
import { processIO } from "./io.ts";

process.exitCode = await run(process.argv.slice(2), processIO());
