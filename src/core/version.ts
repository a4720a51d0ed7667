/**
 * Verity's release version, as package.json gives it: the one place it is written, shown by
 * `verity --version`, named in SARIF logs and announced by the MCP server.
 */
import { readFileSync } from "node:fs";

let cached: string | undefined;

export function verityVersion(): string {
  if (cached === undefined) {
    const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version?: unknown };
    if (typeof manifest.version !== "string") throw new Error("package.json has no version");
    cached = manifest.version;
  }
  return cached;
}
