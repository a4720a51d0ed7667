/**
 * Ctrl+C (SIGINT), SIGTERM and SIGHUP as an AbortSignal, for a command that must clean up before
 * it exits (`verity build`: stop Astro, remove its work folders, release its lock). The signal's
 * name is the abort reason. A later signal only says (once) that the command is stopping.
 */
export interface Interrupts {
  signal: AbortSignal;
  dispose(): void;
}

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

export function watchInterrupts(tell: (message: string) => void): Interrupts {
  const controller = new AbortController();
  let told = false;
  const onSignal = (name: NodeJS.Signals) => {
    if (!controller.signal.aborted) controller.abort(name);
    else if (!told) {
      told = true;
      tell("verity: stopping: removing temporary folders…\n");
    }
  };
  for (const name of SIGNALS) process.on(name, onSignal);
  return {
    signal: controller.signal,
    dispose: () => {
      for (const name of SIGNALS) process.off(name, onSignal);
    },
  };
}
