/** Numeric command-line arguments. */
import { UsageError } from "../src/core/errors.ts";

export function parseCount(value: string, name: string): number {
  const n = Number(value);
  // Number("") and Number(" ") are 0: an empty value is no number.
  if (value.trim() === "" || !Number.isInteger(n) || n < 0) throw new UsageError(`${name} must be a whole number, got "${value}".`);
  return n;
}

/** A port to listen on: 0 (any free one) to 65535. */
export function parsePort(value: string, name = "--port"): number {
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || n > 65_535) throw new UsageError(`${name} must be a port number from 0 to 65535 (0 picks a free one), got "${value}".`);
  return n;
}
