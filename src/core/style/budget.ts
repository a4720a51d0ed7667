/**
 * Bounds the work of user-written regular expressions. JavaScript's engine backtracks, so a pattern
 * such as `(a+)+b` can run for hours on a short line, and any `X+Y` is quadratic on a long enough run
 * of X. A rule whose patterns can backtrack without bound (found statically, {@link isBacktrackRisk}),
 * or any rule on a very long block, runs under a time budget: V8 stops it when the budget is spent,
 * and the caller reports the rule and the file instead of hanging.
 */
import vm from "node:vm";
import { atomAt, groupOpenAt, quantifierAt } from "./regex-atoms.ts";

/** Milliseconds one rule may spend on one file before it is stopped. */
export const RULE_BUDGET_MS = 2000;
/** Blocks longer than this (characters) run every rule under the budget: quadratic patterns bite there. */
export const LONG_BLOCK = 20_000;

export class BudgetExceeded extends Error {}

/** The context budgeted work runs in, made on first use: creating a V8 context costs start-up a few milliseconds. */
let budgeted: { context: vm.Context; call: vm.Script } | undefined;

/** Runs `fn` with a time budget; throws BudgetExceeded when V8 had to stop it. */
export function withBudget<T>(fn: () => T, ms = RULE_BUDGET_MS): T {
  budgeted ??= { context: vm.createContext({}), call: new vm.Script("run()") };
  const { context, call } = budgeted;
  let result: T;
  (context as { run?: () => void }).run = () => {
    result = fn();
  };
  try {
    call.runInContext(context, { timeout: ms });
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_SCRIPT_EXECUTION_TIMEOUT") throw new BudgetExceeded(`stopped after ${ms} ms`);
    throw error;
  } finally {
    (context as { run?: () => void }).run = undefined;
  }
  return result!;
}

/** How much longer, at most, work the clock stopped on a busy machine may run when it runs again. */
const STARVED_RETRY_FACTOR = 4;

/**
 * Runs `run` with a time budget; when V8 has to stop it, undoes what it did (the function
 * `checkpoint` returned, taken before it ran) and returns false.
 *
 * V8 counts the budget on the clock. When the clock stopped `run` while this thread had less than
 * half of it on the processor (other processes had the cores), the work was cut short by the
 * machine's load, not by its own cost: it runs once more, with the clock time that lets it spend
 * the budget on the processor (up to four times the budget). Work that really spends the budget, as
 * a pattern that backtracks does, is stopped at the first budget.
 */
export function withBudgetOrUndo(run: () => void, checkpoint: () => () => void, ms = RULE_BUDGET_MS): boolean {
  let wall = ms;
  for (let attempt = 0; ; attempt++) {
    const undo = checkpoint();
    const startCpu = threadCpuMs();
    const startWall = performance.now();
    try {
      withBudget(run, wall);
      return true;
    } catch (error) {
      if (!(error instanceof BudgetExceeded)) throw error;
      undo();
      const cpu = threadCpuMs() - startCpu;
      const elapsed = performance.now() - startWall;
      if (attempt > 0 || cpu >= ms / 2) return false;
      wall = Math.min(ms * STARVED_RETRY_FACTOR, Math.ceil((ms * elapsed) / Math.max(cpu, 1)));
    }
  }
}

/**
 * Milliseconds of processor time this thread has used (the whole process's where Node cannot tell
 * a thread's, which only errs towards not running again).
 */
function threadCpuMs(): number {
  const usage = process.threadCpuUsage?.() ?? process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** What the arrays, sets and maps hold now, and a function that puts it back. */
export function checkpoint(...targets: (unknown[] | Set<unknown> | Map<unknown, unknown>)[]): () => void {
  const saved = targets.map((target) => (Array.isArray(target) ? target.length : [...target]));
  return () =>
    targets.forEach((target, i) => {
      const before = saved[i]!;
      if (Array.isArray(target)) target.length = before as number;
      else if (target instanceof Set) {
        target.clear();
        for (const value of before as unknown[]) target.add(value);
      } else {
        target.clear();
        for (const [key, value] of before as [unknown, unknown][]) target.set(key, value);
      }
    });
}

/**
 * True when a (JavaScript) pattern can backtrack exponentially: a quantified group that itself
 * holds a quantifier or an alternation (`(a+)+`, `(?:a|ab)*`, `(\w+\s?)*`), unless each repetition
 * is marked by a separator of its own (see {@link isSeparatedRepetition}).
 */
export function isBacktrackRisk(source: string): boolean {
  /** Per open group: does it contain a quantifier or `|`? */
  const stack: boolean[] = [false];
  /** Per open group: where its body starts. */
  const starts: number[] = [0];
  let i = 0;
  const quantifierAt = (j: number) => source[j] === "*" || source[j] === "+" || source[j] === "?" || (source[j] === "{" && /^\{\d+(,\d*)?\}/.test(source.slice(j, j + 12)));
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === "\\") {
      i += 2;
      continue;
    }
    if (ch === "[") {
      // Skip the class.
      i += 1;
      if (source[i] === "^") i += 1;
      if (source[i] === "]") i += 1;
      while (i < source.length && source[i] !== "]") i += source[i] === "\\" ? 2 : 1;
      i += 1;
      continue;
    }
    if (ch === "(") {
      const open = groupOpenAt(source, i);
      stack.push(false);
      i = open.isLookaround ? open.bodyStart : i + 1;
      starts.push(i);
      continue;
    }
    if (ch === ")") {
      const inner = stack.length > 1 ? stack.pop()! : false;
      const body = source.slice(starts.length > 1 ? starts.pop()! : 0, i);
      i += 1;
      if (quantifierAt(i) && source[i] !== "?" && inner && !isSeparatedRepetition(body)) return true;
      if (quantifierAt(i) || inner) stack[stack.length - 1] = true;
      continue;
    }
    if (ch === "|" || (quantifierAt(i) && ch !== "?")) stack[stack.length - 1] = true;
    i += 1;
  }
  return false;
}

/**
 * True when a group's body (no alternation, no group inside) begins or ends with one literal
 * character, not a letter, that no other part of it can match: `\.[\w-]+` in `(?:\.[\w-]+)+`. Every
 * repetition then starts (or ends) at that character and nowhere else, so a text splits into
 * repetitions one way only, and a failing match does not try the exponentially many other splits.
 */
export function isSeparatedRepetition(body: string): boolean {
  const atoms = sequenceAtoms(body.replace(/^\?(?::|<[A-Za-z_$][\w$]*>)/, ""));
  if (!atoms || atoms.length < 2) return false;
  for (const separator of [atoms[0]!, atoms[atoms.length - 1]!]) {
    const char = separator.quantified ? undefined : separator.literal;
    if (char === undefined || /\p{L}/u.test(char)) continue;
    const others = atoms.filter((atom) => atom !== separator);
    if (others.every((atom) => !matchesChar(atom.source, char))) return true;
  }
  return false;
}

interface Atom {
  source: string;
  literal: string | undefined;
  quantified: boolean;
}

/** The atoms of a body made of single characters, escapes and classes, each perhaps quantified; undefined for anything else. */
function sequenceAtoms(body: string): Atom[] | undefined {
  const atoms: Atom[] = [];
  let i = 0;
  while (i < body.length) {
    if ("()|^$".includes(body[i]!)) return undefined;
    const { end, literal } = atomAt(body, i, body.length);
    const quantifier = quantifierAt(body, end, body.length);
    atoms.push({ source: body.slice(i, end), literal, quantified: quantifier !== undefined });
    i = end + (quantifier?.length ?? 0);
  }
  return atoms;
}

/** Whether the atom can match `char`; when it cannot be tested alone, it is taken as matching. */
function matchesChar(atom: string, char: string): boolean {
  try {
    return new RegExp(`^(?:${atom})$`, "iu").test(char);
  } catch {
    return true;
  }
}
