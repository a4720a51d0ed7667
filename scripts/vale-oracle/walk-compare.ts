/**
 * Compares the prose blocks Verity reads (extractProse) with those Vale's walker reads, as printed by
 * walk/main.go (goldmark v1.5.6 rendering, x/net/html v0.23.0 tokens, the loop of Vale's
 * lint/ast.go lintHTMLTokens): `node scripts/vale-oracle/walk-compare.ts blocks.jsonl [--normalize]`.
 * `--normalize` compares with runs of white space made one space.
 */
import { readFileSync } from "node:fs";
import { parseProseSource } from "../../src/core/style/prose-source.ts";
import { extractProse, type ProseBlock } from "../../src/core/style/prose.ts";
import { htmlPage, markupProse } from "../../src/core/style/markup/markup-prose.ts";

const [file, flag] = process.argv.slice(2);
if (!file) throw new Error("usage: walk-compare.ts blocks.jsonl [--normalize]");
const norm = (t: string) => (flag === "--normalize" ? t.replace(/\s+/g, " ").trim() : t);
let total = 0;
let unmatched = 0;
for (const line of readFileSync(file, "utf8").split("\n").filter(Boolean)) {
  const o = JSON.parse(line) as { file: string; blocks: { scope: string; text: string }[] };
  let source: string;
  try {
    source = readFileSync(o.file, "utf8").replace(/\r\n?/g, "\n");
  } catch {
    continue;
  }
  let blocks: readonly ProseBlock[];
  if (/\.html?$/.test(o.file)) {
    // An HTML file's blocks end their scope with `html` (markup-prose.ts), which the walker does not print.
    blocks = markupProse(source, htmlPage(source)).blocks.map((b) => ({ ...b, scope: b.scope.slice(0, -1) }));
  } else {
    const parsed = parseProseSource({ file: o.file, source, format: "md" }, undefined);
    if ("ruleId" in parsed) continue;
    blocks = extractProse(parsed.proseTree, source).blocks;
  }
  const mine = blocks.map((b) => `${b.scope.join(".")}|${norm(b.text)}`);
  const theirs = o.blocks.filter((b) => b.text !== "").map((b) => `${b.scope}|${norm(b.text)}`);
  total += theirs.length;
  const left = [...theirs];
  const extra = mine.filter((x) => {
    const i = left.indexOf(x);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
  if (left.length === 0 && extra.length === 0) continue;
  unmatched += left.length;
  console.log(`== ${o.file}`);
  for (const x of left) console.log(`  vale:   ${JSON.stringify(x)}`);
  for (const x of extra) console.log(`  verity: ${JSON.stringify(x)}`);
}
console.log(`${total} blocks, ${unmatched} of Vale's not read the same by Verity`);
