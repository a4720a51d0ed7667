/** SARIF 2.1.0, for GitHub code scanning and other static-analysis viewers. */
import type { Log, ReportingDescriptor, Result } from "sarif";
import { verityVersion } from "../../src/core/version.ts";
import { displayPath } from "./paths.ts";
import type { Reporter } from "./types.ts";

export const sarif: Reporter = ({ findings, cwd, rules }) => {
  const ruleIds = [...new Set(findings.map((f) => f.ruleId))].sort();
  const descriptors: ReportingDescriptor[] = ruleIds.map((id) => {
    const meta = rules?.get(id);
    const helpUri = meta?.docsUrl ?? findings.find((f) => f.ruleId === id && f.url)?.url;
    return {
      id,
      shortDescription: { text: meta?.description ?? id },
      ...(meta ? { fullDescription: { text: meta.description } } : {}),
      ...(helpUri ? { helpUri } : {}),
    };
  });
  const results: Result[] = findings.map((f) => ({
    ruleId: f.ruleId,
    ruleIndex: ruleIds.indexOf(f.ruleId),
    level: f.severity === "error" ? "error" : f.severity === "warning" ? "warning" : "note",
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(displayPath(f.file, cwd)), uriBaseId: "%SRCROOT%" },
          region: { startLine: f.line, startColumn: f.column, ...(f.endLine ? { endLine: f.endLine, endColumn: f.endColumn } : {}) },
        },
      },
    ],
  }));
  const log: Log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "verity", version: verityVersion(), rules: descriptors } },
        originalUriBaseIds: { "%SRCROOT%": { uri: `file://${cwd.endsWith("/") ? cwd : `${cwd}/`}` } },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
