/** Vale's `line` format: `path:line:col:Style.Rule:Message`, one alert per line. */
import { displayPath } from "./paths.ts";
import type { Reporter } from "./types.ts";

export const line: Reporter = ({ findings, cwd, showPath }) => {
  const named = findings.map((f) => ({ f, name: showPath ? showPath(f.file) : displayPath(f.file, cwd) }));
  // Files named as given sort by that name, as Vale's --sort sorts them (a stable sort keeps each file's order).
  if (showPath) named.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return named.map(({ f, name }) => `${name}:${f.line}:${f.column}:${f.ruleId}:${f.message.replace(/\r?\n/g, " ")}\n`).join("");
};
