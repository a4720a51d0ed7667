/**
 * Termination signals held off while a file is replaced. A process with no listener for SIGINT,
 * SIGTERM or SIGHUP dies where the signal finds it: between a temporary file's creation and its
 * rename, that leaves the old file and a stray temporary copy beside it. Node runs a signal's
 * listeners on the event loop, never inside synchronous code, so while one is installed the write
 * runs to its end (renamed into place, or its temporary file removed). On the next turn of the
 * loop the listeners go, and a signal that came meanwhile, and that no other listener handles, is
 * raised again: its default action then ends the process as it would have.
 */

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

let holding = false;

/** Holds the termination signals until the next turn of the event loop (see the module comment). */
export function holdSignalsThisTurn(): void {
  if (holding) return;
  holding = true;
  // A signal another listener handles (`verity build` cleans up on Ctrl+C) is left to it.
  const unhandled = new Set<NodeJS.Signals>(SIGNALS.filter((name) => process.listenerCount(name) === 0));
  let caught: NodeJS.Signals | undefined;
  const hold = (name: NodeJS.Signals) => {
    if (unhandled.has(name)) caught ??= name;
  };
  for (const name of SIGNALS) process.on(name, hold);
  setImmediate(() => {
    for (const name of SIGNALS) process.off(name, hold);
    holding = false;
    if (caught) process.kill(process.pid, caught);
  });
}
