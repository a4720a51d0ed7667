/**
 * Bounds the work of user-written regular expressions. JavaScript's engine backtracks, so a pattern
 * such as `(a+)+b` can run for hours on a short line, and any `X+Y` is quadratic on a long enough run
 * of X. A rule whose patterns can backtrack without bound (found statically, {@link isBacktrackRisk}),
 * or any rule on a very long block, runs under a time budget: V8 stops it when the budget is spent,
 * and the caller reports the rule and the file instead of hanging.
 */
import vm from "node:vm";

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

/**
 * True when a (JavaScript) pattern can backtrack exponentially: a quantified group that itself
 * holds a quantifier or an alternation (`(a+)+`, `(?:a|ab)*`, `(\w+\s?)*`).
 */
export function isBacktrackRisk(source: string): boolean {
  /** Per open group: does it contain a quantifier or `|`? */
  const stack: boolean[] = [false];
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
      const isLook = /^\(\?(?:<?[=!])/.test(source.slice(i, i + 4));
      stack.push(false);
      i += isLook ? (source[i + 2] === "<" ? 4 : 3) : 1;
      continue;
    }
    if (ch === ")") {
      const inner = stack.length > 1 ? stack.pop()! : false;
      i += 1;
      if (quantifierAt(i) && source[i] !== "?" && inner) return true;
      if (quantifierAt(i) || inner) stack[stack.length - 1] = true;
      continue;
    }
    if (ch === "|" || (quantifierAt(i) && ch !== "?")) stack[stack.length - 1] = true;
    i += 1;
  }
  return false;
}
