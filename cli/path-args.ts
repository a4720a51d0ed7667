/** Command-line arguments read beyond commander's own parsing: numbers, ports, options given once. */
import { InvalidArgumentError } from "commander";
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

/**
 * A parser for an option that may be given once. Commander keeps the last of repeated values, so
 * `verity mcp --site public … --site internal` (a flag appended by a script) would silently serve the
 * other site's cards: a second value is refused instead.
 */
export function givenOnce(flag: string): (value: string, previous: string | undefined) => string {
  return (value, previous) => {
    if (previous !== undefined) throw new InvalidArgumentError(`${flag} is given twice ("${previous}", then "${value}"); give it once.`);
    return value;
  };
}
