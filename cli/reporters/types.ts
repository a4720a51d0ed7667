import type { Finding } from "../../src/core/findings.ts";

export interface ReportInput {
  findings: readonly Finding[];
  /** Every file that was checked, including clean ones (JSON lists them all, as ESLint does). */
  files: readonly string[];
  /** Paths in the output are relative to this folder. */
  cwd: string;
  color?: boolean;
  /** Rule metadata for SARIF's rule table: id -> description. */
  rules?: ReadonlyMap<string, string>;
}

export type Reporter = (input: ReportInput) => string;
