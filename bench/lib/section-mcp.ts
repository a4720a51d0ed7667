/**
 * The MCP server, driven by the SDK's own client over stdio as an assistant would: time from
 * spawning `verity mcp` to the first answered `tools/list` (on the demo and on the search-size
 * corpus), and `search_cards` round trips on the corpus (server work plus stdio framing).
 */
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import type { BenchContext } from "./context.ts";
import { runsFor } from "./context.ts";
import { ensureCorpus } from "./corpora.ts";
import { SEARCH_QUERIES } from "./section-search.ts";
import { summarise } from "./stats.ts";

async function connect(ctx: BenchContext, root: string): Promise<{ client: Client; ms: number }> {
  const started = performance.now();
  const transport = new StdioClientTransport({
    command: ctx.node,
    args: [ctx.cliBin, "--root", root, "mcp", "--site", "public", "--today", ctx.options.today],
    stderr: "ignore",
  });
  const client = new Client({ name: "verity-bench", version: "1.0.0" });
  await client.connect(transport);
  await client.listTools();
  return { client, ms: performance.now() - started };
}

export async function runMcpSection(ctx: BenchContext): Promise<void> {
  const runs = runsFor(ctx, 3);
  const size = ctx.options.searchSize;
  const { dir: corpus } = ensureCorpus(ctx, size);
  for (const [id, root, cards, label] of [
    ["mcp-start-demo", ctx.repoRoot, undefined, "verity mcp --site public: spawn to first tools/list answer, demo"],
    [`mcp-start-${size}`, corpus, size, "verity mcp --site public: spawn to first tools/list answer"],
  ] as const) {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const { client, ms } = await connect(ctx, root);
      times.push(ms);
      await client.close();
    }
    ctx.rows.push({ id, section: "mcp", cards, label, status: "ok", wall: summarise(times) });
    ctx.log(`  ${label}: ${summarise(times).median.toFixed(0)} ms`);
  }
  const { client } = await connect(ctx, corpus);
  try {
    const times: number[] = [];
    let results = 0;
    for (let round = 0; round < Math.max(runs, 3); round++) {
      for (const query of SEARCH_QUERIES) {
        const started = performance.now();
        const answer = (await client.callTool({ name: "search_cards", arguments: { query } })) as { structuredContent?: { results?: unknown[] } };
        times.push(performance.now() - started);
        results += answer.structuredContent?.results?.length ?? 0;
      }
    }
    const figure = summarise(times);
    const p95 = [...times].sort((a, b) => a - b)[Math.floor(times.length * 0.95)]!;
    ctx.rows.push({
      id: `mcp-search-${size}`,
      section: "mcp",
      cards: size,
      label: `search_cards round trip over stdio (${SEARCH_QUERIES.length} queries x ${Math.max(runs, 3)})`,
      status: "ok",
      wall: figure,
      extra: { p95Ms: Math.round(p95 * 10) / 10, averageResults: Math.round((results / times.length) * 10) / 10, corpus: path.basename(corpus) },
    });
    ctx.log(`  search_cards on ${size} cards: median ${figure.median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);
  } finally {
    await client.close();
  }
}
