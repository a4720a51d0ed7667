/** `verity mcp`: a Model Context Protocol server answering from one site's verified cards. */
import type { Command } from "commander";
import { SITE_NAMES, type SiteName } from "../../src/core/site/audience.ts";
import { UsageError } from "../../src/core/errors.ts";
import { LiveKnowledge, type LiveEvent } from "../../src/app/knowledge/live-knowledge.ts";
import { serveHttp, serveStdio } from "../../src/mcp/transports.ts";
import { verityVersion } from "../../src/core/version.ts";
import { givenOnce, parseCount, parsePort } from "../path-args.ts";
import { MAX_CONNECTIONS_PER_CLIENT } from "../../src/core/net/connection-cap.ts";
import type { RunState } from "../run-state.ts";

interface McpOptions {
  site: string;
  verifiedOnly?: boolean;
  http?: boolean;
  host: string;
  port: string;
  connectionsPerClient: string;
  today?: string;
}

export function registerMcp(program: Command, state: RunState): void {
  program
    .command("mcp")
    .description("serve the cards to AI assistants over the Model Context Protocol (stdio, or HTTP with --http)")
    .requiredOption("--site <site>", "which site's cards to serve: public (external cards only) or internal", givenOnce("--site"))
    .option("--verified-only", "withhold expired cards and their translations instead of serving them with their status")
    .option("--http", "serve streamable HTTP instead of stdio")
    .option("--host <address>", "address to listen on with --http", "127.0.0.1")
    .option("--port <n>", "port to listen on with --http (0 picks a free one)", "3333")
    .option("--connections-per-client <n>", "connections one client (an IPv4 address or IPv6 /64; a reverse proxy is one) may hold open with --http", String(MAX_CONNECTIONS_PER_CLIENT))
    .option("--today <date>", "answer as if today were this YYYY-MM-DD day")
    .action(async (options: McpOptions, command: Command) => {
      if (!SITE_NAMES.includes(options.site as SiteName)) {
        throw new UsageError(`Unknown site "${options.site}".`, `Use --site public (a customer-facing assistant) or --site internal (agents).`);
      }
      const port = parsePort(options.port);
      const connectionsPerClient = parseCount(options.connectionsPerClient, "--connections-per-client");
      if (connectionsPerClient === 0) throw new UsageError("--connections-per-client must be at least 1: with 0 no client could connect.");
      const started = performance.now();
      const log = (line: string) => state.io.stderr(`verity mcp: ${line}\n`);
      // The cards as they are on disk at each request: a change, or SIGHUP, reloads them.
      const kb = LiveKnowledge.start(
        { ...state.projectOptions(command), site: options.site as SiteName, verifiedOnly: options.verifiedOnly === true },
        { onEvent: (event) => log(describeEvent(event)) },
      );
      const reloadOnHangUp = () => kb.reload("on SIGHUP");
      process.on("SIGHUP", reloadOnHangUp);
      try {
        const cards = (await kb.current()).size;
        const ready = `${kb.site} site, ${cards} cards${options.verifiedOnly ? " (expired cards withheld)" : ""}, ready in ${Math.round(performance.now() - started)} ms`;
        if (!options.http) {
          // stdout carries the protocol; everything else goes to stderr.
          log(`${ready}, on stdio`);
          await serveStdio(kb, verityVersion(), log);
          return;
        }
        let server;
        try {
          server = await serveHttp(kb, verityVersion(), { host: options.host, port, maxConnectionsPerClient: connectionsPerClient, log });
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === "EADDRINUSE") throw new UsageError(`Port ${port} on ${options.host} is already in use.`, "Choose another with --port <n> (0 picks a free one).");
          if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND") throw new UsageError(`Cannot listen on ${options.host}.`, "Use --host 127.0.0.1, or an address of this machine.");
          throw error;
        }
        log(`${ready}, on ${server.url}`);
        await new Promise<void>((resolve) => {
          process.once("SIGINT", resolve);
          process.once("SIGTERM", resolve);
        });
        await server.close();
      } finally {
        process.off("SIGHUP", reloadOnHangUp);
        kb.close();
      }
    });
}

/** One log line for what the live knowledge did. */
function describeEvent(event: LiveEvent): string {
  switch (event.kind) {
    case "reloaded": {
      const change = event.previous === undefined || event.previous === event.cards ? "" : ` (was ${event.previous})`;
      return `reloaded ${event.reason}: ${event.cards} cards${change}`;
    }
    case "failed":
      return `cannot reload the cards ${event.reason}; every request gets an error until they load: ${event.error.detail}`;
    case "polling":
      return `polling for changes every few seconds: ${event.why}`;
  }
}
