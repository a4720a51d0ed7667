/** Turns zod issues into user-facing messages that name the field, the value and what is allowed. */
import { closest, distance } from "fastest-levenshtein";
import type { z } from "zod";

export interface SchemaProblem {
  /** Dotted path of the field, e.g. `verify_by` or `sites.public.url`. */
  field: string;
  path: (string | number)[];
  message: string;
}

/** Suggests the nearest known key for a misspelt one, when it is close enough to be a typo. */
export function suggestKey(key: string, known: readonly string[]): string | undefined {
  const normalised = key.toLowerCase().replace(/[-\s]/g, "_").replace(/([a-z])([A-Z])/g, "$1_$2");
  const candidate = closest(normalised, [...known]);
  if (!candidate) return undefined;
  const d = distance(normalised, candidate);
  const camel = key.replace(/([a-z])([A-Z])/g, "$1_$2").toLowerCase();
  if (camel === candidate || d <= Math.max(2, Math.floor(candidate.length / 3))) return candidate;
  if (candidate.startsWith(normalised.replace(/s$/, "")) || normalised.startsWith(candidate)) return candidate;
  return undefined;
}

export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "an empty value";
  if (typeof value === "string") return value === "" ? "an empty string" : JSON.stringify(value);
  if (Array.isArray(value)) return "a list";
  // YAML tags that build other objects: each named as what it is, not as a mapping.
  if (value instanceof Uint8Array) return "binary data (!!binary)";
  if (value instanceof Set) return "a set (!!set)";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "an invalid timestamp" : `a timestamp (${value.toISOString()})`;
  if (typeof value === "object") return "a mapping";
  return String(value);
}

export function formatSchemaIssues(
  error: z.ZodError,
  knownKeysAt: (path: (string | number)[]) => readonly string[],
): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  for (const issue of error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const suggestion = suggestKey(key, knownKeysAt(path));
        const keyPath = [...path, key];
        problems.push({
          field: keyPath.join("."),
          path: keyPath,
          message: suggestion
            ? `Unknown field "${key}". Did you mean "${suggestion}"?`
            : `Unknown field "${key}". Allowed fields: ${knownKeysAt(path).join(", ")}.`,
        });
      }
      continue;
    }
    const field = path.join(".");
    let message = issue.message;
    if (!message.includes(`"${field}"`) && !message.includes(`"${String(path.at(-1))}`)) message = `Invalid "${field}": ${message}`;
    problems.push({ field, path, message });
  }
  return problems;
}
