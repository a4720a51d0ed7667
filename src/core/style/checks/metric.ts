/**
 * `metric`: a formula over Vale's document variables (`heading.h1`…`h6`, `list`, `blockquote`,
 * `pre`, `paragraphs`, `words`, `sentences`, `characters`) compared with `condition`, e.g.
 * `formula: heading.h2`, `condition: "> 3"`. The formula language is arithmetic: numbers,
 * variables, + - * / %, parentheses and `math.sqrt|abs|floor|ceil|round|log|pow|min|max(...)`.
 */
import { ConfigError } from "../../errors.ts";
import type { FileState } from "../rule-types.ts";
import { formatMessage, readString, type CompileContext, type RuleDefinition } from "./common.ts";

type Expr = (vars: ReadonlyMap<string, number>) => number;

const MATH: Record<string, (...args: number[]) => number> = {
  sqrt: Math.sqrt, abs: Math.abs, floor: Math.floor, ceil: Math.ceil, round: Math.round, log: Math.log, pow: Math.pow, min: Math.min, max: Math.max,
};

export function compileMetric(def: RuleDefinition, ctx: CompileContext): (state: FileState) => string | undefined {
  const formula = readString(def, "formula") ?? "";
  const condition = readString(def, "condition") ?? "";
  const message = readString(def, "message") ?? "";
  let expr: Expr;
  let test: (value: number) => boolean;
  try {
    expr = parseExpression(formula.replace(/heading\.(h[1-6])/g, "heading_$1"));
    const cond = /^\s*(>=|<=|==|!=|>|<)\s*(.+)$/.exec(condition);
    if (!cond) throw new Error(`the condition "${condition}" must be a comparison such as "> 3"`);
    const right = parseExpression(cond[2]!);
    const op = cond[1]!;
    test = (value) => {
      const limit = right(new Map());
      return op === ">" ? value > limit : op === "<" ? value < limit : op === ">=" ? value >= limit : op === "<=" ? value <= limit : op === "==" ? value === limit : value !== limit;
    };
  } catch (error) {
    throw new ConfigError(`${ctx.file}: rule ${ctx.name} (metric): ${(error as Error).message}.`);
  }
  return (state) => {
    const vars = new Map<string, number>();
    for (const [key, value] of state.metrics) vars.set(key.replace(/^heading\.(h[1-6])$/, "heading_$1"), value);
    const value = expr(vars);
    if (!Number.isFinite(value) || !test(value)) return undefined;
    return formatMessage(message, value.toFixed(2));
  };
}

/** A small recursive-descent parser for the formula language. */
function parseExpression(text: string): Expr {
  const tokens = text.match(/\d+(?:\.\d+)?|math\.[a-z]+|[A-Za-z_][\w]*|[-+*/%(),]/g) ?? [];
  const joined = tokens.join("");
  if (joined.replace(/\s/g, "") !== text.replace(/\s/g, "")) throw new Error(`cannot read the formula "${text}"`);
  let i = 0;
  const peek = () => tokens[i];
  const take = () => tokens[i++];
  const primary = (): Expr => {
    const token = take();
    if (token === undefined) throw new Error(`the formula "${text}" ends too early`);
    if (token === "(") {
      const inner = sum();
      if (take() !== ")") throw new Error(`missing ) in "${text}"`);
      return inner;
    }
    if (token === "-") {
      const inner = primary();
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
    return (v) => v.get(token) ?? 0;
  };
  const product = (): Expr => {
    let left = primary();
    while (peek() === "*" || peek() === "/" || peek() === "%") {
      const op = take();
      const l = left;
      const r = primary();
      left = op === "*" ? (v) => l(v) * r(v) : op === "/" ? (v) => l(v) / r(v) : (v) => l(v) % r(v);
    }
    return left;
  };
  const sum = (): Expr => {
    let left = product();
    while (peek() === "+" || peek() === "-") {
      const op = take();
      const l = left;
      const r = product();
      left = op === "+" ? (v) => l(v) + r(v) : (v) => l(v) - r(v);
    }
    return left;
  };
  const result = sum();
  if (i !== tokens.length) throw new Error(`unexpected "${tokens[i]}" in "${text}"`);
  return result;
}
