/** Numeric command-line arguments. */
import { UsageError } from "../src/core/errors.ts";

export function parseCount(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${name} must be a whole number, got "${value}".`);
  return n;
}
