/**
 * The floor of linting: read every card file and parse it, nothing else. Run as a child process by
 * the benchmark: `node bench/lib/parse-floor.ts <remark|satteri> <file-list>`; prints JSON with the
 * in-process time (reading + parsing, after the parser is loaded) and the number of files.
 */
import { readFileSync } from "node:fs";

async function main(): Promise<void> {
  const [parser, listFile] = process.argv.slice(2);
  if ((parser !== "remark" && parser !== "satteri") || !listFile) {
    process.stderr.write("usage: node bench/lib/parse-floor.ts <remark|satteri> <file-list>\n");
    process.exitCode = 2;
    return;
  }
  const files = readFileSync(listFile, "utf8").split("\n").filter(Boolean);
  const parse = await loadParser(parser);
  const started = performance.now();
  let nodes = 0;
  for (const file of files) {
    const tree = parse(readFileSync(file, "utf8")) as { children: unknown[] };
    nodes += tree.children.length;
  }
  const parseMs = performance.now() - started;
  process.stdout.write(`${JSON.stringify({ parser, files: files.length, parseMs, topLevelNodes: nodes })}\n`);
}

async function loadParser(parser: "remark" | "satteri"): Promise<(source: string) => unknown> {
  if (parser === "satteri") {
    const { markdownToMdast } = await import("satteri");
    return (source) => markdownToMdast(source, { position: true });
  }
  const { unified } = await import("unified");
  const { default: remarkParse } = await import("remark-parse");
  const processor = unified().use(remarkParse);
  return (source) => processor.parse(source);
}

await main();
