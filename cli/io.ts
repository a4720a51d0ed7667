/** What a command may touch of the outside world; tests pass their own. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Reads all of standard input (for `verity style --ext`). */
  readStdin?(): Promise<string>;
  /** True when stdin and stdout are a terminal, so commands may ask questions. */
  isInteractive?: boolean;
  /** Asks a question on the terminal and returns the answer. */
  prompt?(question: string): Promise<string>;
  /** Use colours in human output. */
  color?: boolean;
}

export function processIO(): CliIO {
  return {
    stdout: writer(process.stdout),
    stderr: writer(process.stderr),
    cwd: process.cwd(),
    env: process.env,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString("utf8");
    },
    // Asked only by a command that may prompt: touching process.stdin builds its stream, and for
    // a file or a pipe that loads Node's file streams (about 5 ms of every start).
    get isInteractive() {
      return Boolean(process.stdout.isTTY && process.stdin.isTTY);
    },
    prompt: async (question) => {
      const { createInterface } = await import("node:readline/promises");
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      try {
        return await rl.question(question);
      } finally {
        rl.close();
      }
    },
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  };
}

/**
 * Writes to stdout or stderr until its reader is gone (`verity check-leaks dist/public | head -1`):
 * the write error (EPIPE) then stops further output instead of crashing with a stack trace, and
 * the command ends with its own exit code.
 */
function writer(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on("error", () => {
    closed = true;
  });
  return (text) => {
    if (!closed && !stream.destroyed) stream.write(text);
  };
}
