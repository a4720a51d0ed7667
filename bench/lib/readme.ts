/** Writes the latest results into the Performance page (docs/performance.md), between its markers. */

const START = "<!-- section:performance -->";
const END = "<!-- /section:performance -->";

export function updateReadme(readme: string, resultsMarkdown: string, resultsFile: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`docs/performance.md has no ${START} ... ${END} markers`);
  const body = resultsMarkdown
    .replace(/^# .*\n\n?/, "")
    .replace(/\n<details>[\s\S]*?<\/details>\n/, `\nPer-query figures: \`${resultsFile}\`.\n`)
    .replace(/^### /gm, "#### ").replace(/^## /gm, "### ");
  const section = [
    START,
    "# Performance",
    "",
    "Measured by `npm run bench` on a generated corpus of realistic help-center cards (`bench/generate.ts`:",
    "400–700 words, 2–4 sections, lists, tables, code, links between cards and to heading anchors; about 70%",
    "external, 15% Korean, 5% Chinese; 15 collections, 30 owners). The corpus is generated into `bench/.work/`",
    "and never committed. Reproduce with `npm run bench` (about 15 minutes on an idle 2-core machine; `--quick`",
    "for 1,000 cards and one run each, `--sections lint,changed,build,scale,search` for a part). Results of every",
    `full run are kept in \`bench/results/\`; this is \`${resultsFile}\`. The CPU and memory profiles behind the`,
    "missed targets are in `bench/results/analysis.md`.",
    "",
    body.trimEnd(),
    END,
  ].join("\n");
  return `${readme.slice(0, start)}${section}${readme.slice(end + END.length)}`;
}
