import type { Finding } from "../../src/core/lint/findings.ts";
import type { RuleMeta } from "../../src/core/lint/rule-model.ts";

export interface ReportInput {
  findings: readonly Finding[];
  /** Every file that was checked, including clean ones (JSON lists them all, as ESLint does). */
  files: readonly string[];
  /** Paths in the output are relative to this folder. */
  cwd: string;
  /** How a file is named in Vale's formats (line, Vale's JSON), when not relative to `cwd`. */
  showPath?: (file: string) => string;
  color?: boolean;
  /** Rule metadata (descriptions, documentation links) by rule id, for SARIF's rule table. */
  rules?: ReadonlyMap<string, Pick<RuleMeta, "description" | "docsUrl">>;
}

export type Reporter = (input: ReportInput) => string;
