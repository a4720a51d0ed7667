/**
 * `metric`: a formula over Vale's document variables (`heading.h1`…`h6`, `list`, `blockquote`,
 * `pre`, `paragraphs`, `words`, `sentences`, `characters`) compared with `condition`, e.g.
 * `formula: heading.h2`, `condition: "> 3"`. The formula language is arithmetic: numbers,
 * variables, + - * / %, parentheses and `math.sqrt|abs|floor|ceil|round|log|pow|min|max(...)`.
 */
import { ConfigError } from "../../errors.ts";
import type { FileState } from "../rule-types.ts";
import { GRADE_FORMULAS } from "../readability.ts";
import { formatMessage, readNumber, readString, type CompileContext, type RuleDefinition } from "./common.ts";

type Expr = (vars: ReadonlyMap<string, number>) => number;

const MATH: Record<string, (...args: number[]) => number> = {
  sqrt: Math.sqrt, abs: Math.abs, floor: Math.floor, ceil: Math.ceil, round: Math.round, log: Math.log, pow: Math.pow, min: Math.min, max: Math.max,
};

export function compileMetric(def: RuleDefinition, ctx: CompileContext): (state: FileState) => string | undefined {
  const formula = readString(def, "formula") ?? "";
  const condition = readString(def, "condition") ?? "";
  const message = readString(def, "message") ?? "";
  let expr: Expr;
  let test: (value: number, vars: ReadonlyMap<string, number>) => boolean;
  const names = new Set<string>();
  try {
    expr = parseExpression(formula.replace(/heading\.(h[1-6])/g, "heading_$1"), names);
    const cond = /^\s*(>=|<=|==|!=|>|<)\s*(.+)$/.exec(condition);
    if (!cond) throw new Error(`the condition "${condition}" must be a comparison such as "> 3"`);
    const right = parseExpression(cond[2]!, names);
    const op = cond[1]!;
    // Vale evaluates the condition with the file's variables too (`condition: "> paragraphs"`).
    test = (value, vars) => {
      const limit = right(vars);
      return op === ">" ? value > limit : op === "<" ? value < limit : op === ">=" ? value >= limit : op === "<=" ? value <= limit : op === "==" ? value === limit : value !== limit;
    };
  } catch (error) {
    throw new ConfigError(`${ctx.file}: rule ${ctx.name} (metric): ${(error as Error).message}.`);
  }
  return (state) => {
    // Vale computes nothing for a file without words.
    if (!state.metrics.get("words")) return undefined;
    const vars = new Map<string, number>(VALE_DEFAULTS.map((name) => [name, 0]));
    for (const [key, value] of state.metrics) vars.set(key.replace(/^heading\.(h[1-6])$/, "heading_$1"), value);
    // As Vale's Tengo script (E201 "unresolved reference"): a name the file does not define, such as a typo, is an error.
    const unknown = [...names].find((name) => !vars.has(name));
    if (unknown !== undefined) {
      throw new ConfigError(`${ctx.file}: rule ${ctx.name} (metric): the formula or condition names "${unknown}", which the file linted does not define; Vale stops with "unresolved reference".`, `Variables: ${[...new Set([...VALE_SUMMARY, ...VALE_DEFAULTS])].join(", ")}.`);
    }
    const value = expr(vars);
    if (!Number.isFinite(value) || !test(value, vars)) return undefined;
    return formatMessage(message, value.toFixed(2));
  };
}

/**
 * `readability`: the mean of the named grade formulas over the file's summary, reported when it is
 * above `grade` (Vale's message gets the grade with two decimals).
 */
export function compileReadability(def: RuleDefinition, ctx: CompileContext): (state: FileState) => string | undefined {
  const names = Array.isArray(def.metrics) ? def.metrics.map(String) : [];
  const unknown = names.filter((n) => !(n in GRADE_FORMULAS));
  if (names.length === 0 || unknown.length > 0) {
    throw new ConfigError(`${ctx.file}: rule ${ctx.name} (readability): ${unknown.length > 0 ? `unknown metric "${unknown[0]}"` : '"metrics" is empty'}.`, `Use: ${Object.keys(GRADE_FORMULAS).join(", ")}.`);
  }
  const grade = readNumber(def, "grade", 0);
  const message = readString(def, "message") ?? "";
  return (state) => {
    if (!state.metrics.get("words")) return undefined;
    const stats = {
      words: state.metrics.get("words") ?? 0,
      sentences: state.metrics.get("sentences") ?? 0,
      syllables: state.metrics.get("syllables") ?? 0,
      characters: state.metrics.get("characters") ?? 0,
      complexWords: state.metrics.get("complex_words") ?? 0,
      longWords: state.metrics.get("long_words") ?? 0,
      polysyllabicWords: state.metrics.get("polysyllabic_words") ?? 0,
      paragraphs: state.metrics.get("paragraphs") ?? 0,
    };
    const value = names.reduce((sum, name) => sum + GRADE_FORMULAS[name]!(stats), 0) / names.length;
    return value > grade ? formatMessage(message, value.toFixed(2)) : undefined;
  };
}

/** The variables Vale sets to 0 when a file has none (metric.go), and those of every file with words (ComputeMetrics). */
const VALE_DEFAULTS = ["pre", "list", "blockquote", "heading_h1", "heading_h2", "heading_h3", "heading_h4", "heading_h5", "heading_h6"];
const VALE_SUMMARY = ["words", "sentences", "characters", "paragraphs", "syllables", "complex_words", "long_words", "polysyllabic_words"];

/** A small recursive-descent parser for the formula language; adds the variables it names to `names`. */
function parseExpression(text: string, names: Set<string>): Expr {
  const tokens = text.match(/\d+(?:\.\d+)?|math\.[a-z]+|[A-Za-z_][\w]*|[-+*/%(),]/g) ?? [];
  const joined = tokens.join("");
  if (joined.replace(/\s/g, "") !== text.replace(/\s/g, "")) throw new Error(`cannot read the formula "${text}"`);
  let i = 0;
  let depth = 0;
  const peek = () => tokens[i];
  const take = () => tokens[i++];
  const primary = (): Expr => {
    const token = take();
    if (token === undefined) throw new Error(`the formula "${text}" ends too early`);
    if (token === "(") {
      // Bounded: a formula is a line of a rule file, not a place for 100 nested parentheses.
      if (++depth > 100) throw new Error(`the formula "${text.slice(0, 40)}…" nests parentheses too deeply`);
      const inner = sum();
      depth--;
      if (take() !== ")") throw new Error(`missing ) in "${text}"`);
      return inner;
    }
    if (token === "-") {
      if (++depth > 100) throw new Error(`the formula "${text.slice(0, 40)}…" nests too deeply`);
      const inner = primary();
      depth--;
      return (v) => -inner(v);
    }
    if (/^\d/.test(token)) {
      const n = Number(token);
      return () => n;
    }
    if (token.startsWith("math.")) {
      const fn = MATH[token.slice(5)];
      if (!fn) throw new Error(`unknown function ${token}`);
      if (take() !== "(") throw new Error(`${token} needs (…)`);
      const args: Expr[] = [];
      if (peek() !== ")") {
        args.push(sum());
        while (peek() === ",") {
          take();
          args.push(sum());
        }
      }
      if (take() !== ")") throw new Error(`missing ) after ${token}(…`);
      return (v) => fn(...args.map((a) => a(v)));
    }
    names.add(token);
    return (v) => v.get(token) ?? 0;
  };
  // A chain of operators (`words + words + …`, any length) is evaluated in a loop, left to right:
  // nesting a closure per operator overflowed the stack at run time on a long formula.
  const chain = (operand: () => Expr, ops: readonly string[], apply: (op: string, a: number, b: number) => number): Expr => {
    const first = operand();
    const rest: [string, Expr][] = [];
    while (ops.includes(peek() ?? "")) rest.push([take()!, operand()]);
    if (rest.length === 0) return first;
    return (v) => rest.reduce((acc, [op, right]) => apply(op, acc, right(v)), first(v));
  };
  const product = (): Expr => chain(primary, ["*", "/", "%"], (op, a, b) => (op === "*" ? a * b : op === "/" ? a / b : a % b));
  const sum = (): Expr => chain(product, ["+", "-"], (op, a, b) => (op === "+" ? a + b : a - b));
  const result = sum();
  if (i !== tokens.length) throw new Error(`unexpected "${tokens[i]}" in "${text}"`);
  return result;
}
