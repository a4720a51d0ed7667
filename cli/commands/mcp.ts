/** `verity mcp`: a Model Context Protocol server answering from one site's verified cards. */
import type { Command } from "commander";
import { SITE_NAMES, type SiteName } from "../../src/core/site/audience.ts";
import { UsageError } from "../../src/core/errors.ts";
import { KnowledgeBase } from "../../src/app/knowledge/knowledge-base.ts";
import { serveHttp, serveStdio } from "../../src/mcp/transports.ts";
import { verityVersion } from "../../src/core/version.ts";
import { parseCount } from "../path-args.ts";
import type { RunState } from "../run-state.ts";

interface McpOptions {
  site: string;
  verifiedOnly?: boolean;
  http?: boolean;
  host: string;
  port: string;
  today?: string;
}

export function registerMcp(program: Command, state: RunState): void {
  program
    .command("mcp")
    .description("serve the cards to AI assistants over the Model Context Protocol (stdio, or HTTP with --http)")
    .requiredOption("--site <site>", "which site's cards to serve: public (external cards only) or internal")
    .option("--verified-only", "withhold expired cards instead of serving them with their status")
    .option("--http", "serve streamable HTTP instead of stdio")
    .option("--host <address>", "address to listen on with --http", "127.0.0.1")
    .option("--port <n>", "port to listen on with --http (0 picks a free one)", "3333")
    .option("--today <date>", "answer as if today were this YYYY-MM-DD day")
    .action(async (options: McpOptions, command: Command) => {
      if (!SITE_NAMES.includes(options.site as SiteName)) {
        throw new UsageError(`Unknown site "${options.site}".`, `Use --site public (a customer-facing assistant) or --site internal (agents).`);
      }
      const port = parseCount(options.port, "--port");
      const started = performance.now();
      const kb = KnowledgeBase.load({ ...state.projectOptions(command), site: options.site as SiteName, verifiedOnly: options.verifiedOnly === true });
      const ready = `verity mcp: ${kb.site} site, ${kb.all().length} cards${options.verifiedOnly ? " (expired cards withheld)" : ""}, ready in ${Math.round(performance.now() - started)} ms`;
      if (!options.http) {
        // stdout carries the protocol; everything else goes to stderr.
        state.io.stderr(`${ready}, on stdio\n`);
        await serveStdio(kb, verityVersion());
        return;
      }
      let server;
      try {
        server = await serveHttp(kb, verityVersion(), { host: options.host, port });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "EADDRINUSE") throw new UsageError(`Port ${port} on ${options.host} is already in use.`, "Choose another with --port <n> (0 picks a free one).");
        if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND") throw new UsageError(`Cannot listen on ${options.host}.`, "Use --host 127.0.0.1, or an address of this machine.");
        throw error;
      }
      state.io.stderr(`${ready}, on ${server.url}\n`);
      await new Promise<void>((resolve) => {
        process.once("SIGINT", resolve);
        process.once("SIGTERM", resolve);
      });
      await server.close();
    });
}
