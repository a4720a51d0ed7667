/** `--fix` and `--fix --dry-run` for `verity style` and `verity lint`: write fixes or print the diff. */
import type { Finding } from "../src/core/findings.ts";
import { diffFix, planFixes, readSourceFile, writeFix } from "../src/core/style/fix.ts";
import type { CliIO } from "./io.ts";
import { displayPath } from "./reporters/paths.ts";

/** Applies (or, with `isDryRun`, prints) the fixes of `findings`; returns the files that changed. */
export function applyFixes(findings: readonly Finding[], io: CliIO, isDryRun: boolean, readSource?: (file: string) => string): string[] {
  const read = readSource ?? ((file: string) => readSourceFile(file).source);
  const fixes = planFixes(findings, read);
  let problems = 0;
  for (const fix of fixes) {
    problems += fix.applied;
    if (isDryRun) io.stdout(diffFix(fix, displayPath(fix.file, io.cwd)));
    else writeFix(fix);
  }
  const files = fixes.length;
  const verb = isDryRun ? "would fix" : "fixed";
  io.stderr(`${verb} ${problems} ${problems === 1 ? "problem" : "problems"} in ${files} ${files === 1 ? "file" : "files"}\n`);
  return fixes.map((f) => f.file);
}
