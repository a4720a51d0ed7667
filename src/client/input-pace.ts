/**
 * When a search box searches for what is typed: at once when the box was quiet (a first keystroke,
 * a paste, a reader who types at a usual pace), else once a burst of fast input pauses. A plain
 * debounce delayed every search by its wait, pasted text and single keystrokes too; here a burst
 * (keys held, an input method composing) still runs one search at its start and one at its end.
 */
export interface InputPace {
  /** Call on every input event. */
  input(): void;
  /** Drops a search still waiting for the burst to end (the caller searches now, or the box was cleared). */
  cancel(): void;
}

export function paceInput(run: () => void, quietMs: number, now: () => number = () => performance.now()): InputPace {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = Number.NEGATIVE_INFINITY;
  const cancel = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  return {
    input() {
      const at = now();
      const quiet = at - last >= quietMs && timer === undefined;
      last = at;
      cancel();
      if (quiet) run();
      else
        timer = setTimeout(() => {
          timer = undefined;
          run();
        }, quietMs);
    },
    cancel,
  };
}
