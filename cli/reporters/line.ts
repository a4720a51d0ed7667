/** Vale's `line` format: `path:line:col:Style.Rule:Message`, one alert per line. */
import { displayPath } from "./paths.ts";
import type { Reporter } from "./types.ts";

export const line: Reporter = ({ findings, cwd }) =>
  findings.map((f) => `${displayPath(f.file, cwd)}:${f.line}:${f.column}:${f.ruleId}:${f.message.replace(/\r?\n/g, " ")}\n`).join("");
