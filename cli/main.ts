/** Process entry: runs the CLI with the real process streams and sets the exit code. */
import { requestedCommand, run } from "./index.ts";
import { processIO } from "./io.ts";

/** Commands that leave nothing running once they return (no server, no child, no timer). */
const ONE_SHOT = new Set(["lint", "status", "style"]);

const argv = process.argv.slice(2);
const code = await run(argv, processIO());
process.exitCode = code;
if (ONE_SHOT.has(requestedCommand(argv) ?? "")) {
  // Exit as soon as the output is out, instead of waiting for Node to free the heap page by page:
  // after a lint of thousands of cards that takes tens of milliseconds.
  await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((resolve) => stream.write("", resolve))));
  process.exit(code);
}
