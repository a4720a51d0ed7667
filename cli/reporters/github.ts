/** GitHub Actions workflow commands: each finding becomes an annotation on the pull request. */
import { displayPath } from "./paths.ts";
import type { Reporter } from "./types.ts";

const escapeData = (text: string) => text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");

export const github: Reporter = ({ findings, cwd }) =>
  findings
    .map((f) => {
      const command = f.severity === "error" ? "error" : f.severity === "warning" ? "warning" : "notice";
      const props = [`file=${escapeProperty(displayPath(f.file, cwd))}`, `line=${f.line}`, `col=${f.column}`];
      if (f.endLine) props.push(`endLine=${f.endLine}`);
      props.push(`title=${escapeProperty(f.ruleId)}`);
      return `::${command} ${props.join(",")}::${escapeData(f.message)}\n`;
    })
    .join("");
