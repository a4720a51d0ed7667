/** `verity collect`: the usage collector, an HTTP server that stores the sites' usage events in SQLite. */
import path from "node:path";
import type { Command } from "commander";
import { ConfigError, UsageError } from "../../src/core/errors.ts";
import { loadProject } from "../../src/core/project/project.ts";
import { getCollectorOrigins, getOriginSites, getUsageSiteRules, measuredSites } from "../../src/core/usage/sites.ts";
import { NdjsonOpenError, openUsageWriter } from "../../src/core/usage/store.ts";
import { PortInUseError, startCollector } from "../../src/collect/server.ts";
import { describeWriteError } from "../output.ts";
import { parsePort } from "../path-args.ts";
import { displayPath } from "../reporters/paths.ts";
import type { RunState } from "../run-state.ts";

interface CollectOptions {
  host?: string;
  port?: string;
  database?: string;
  ndjson?: string;
  allowOrigin?: string[];
}

export function registerCollect(program: Command, state: RunState): void {
  program
    .command("collect")
    .description("run the usage collector: accepts the sites' usage events on POST /events and stores them in SQLite (GET /health)")
    .option("--host <address>", "address to listen on (default: collect.host, 127.0.0.1)")
    .option("--port <n>", "port to listen on, 0 for any free one (default: collect.port, 8787)")
    .option("--database <file>", "SQLite database of the events (default: collect.database, .verity/usage.db)")
    .option("--ndjson <file>", "also append every event to this newline-delimited JSON file (default: collect.ndjson)")
    .option("--allow-origin <origin>", "also accept events from pages of this origin (repeatable)", (value: string, all: string[] = []) => [...all, value])
    .action(async (options: CollectOptions, command: Command) => {
      const { io } = state;
      const projectOptions = state.projectOptions(command);
      let project = loadProject(projectOptions);
      const { config } = project;
      if (measuredSites(config).length === 0) {
        throw new ConfigError(
          "Usage measurement is off on both sites, so the collector would reject every event.",
          "Set sites.public.usage.endpoint (and/or sites.internal.usage.endpoint) in verity.config.yml; see docs/usage.md.",
        );
      }
      const extraOrigins = options.allowOrigin ?? [];
      for (const origin of extraOrigins) {
        if (!URL.canParse(origin)) throw new UsageError(`--allow-origin must be an origin such as https://help.example.com, got "${origin}".`);
      }
      const host = options.host ?? config.collect.host;
      const port = options.port === undefined ? config.collect.port : parsePort(options.port);
      if (port > 65535) throw new UsageError(`--port must be at most 65535, got ${port}.`);
      const database = path.resolve(options.database ? io.cwd : project.root, options.database ?? config.collect.database);
      const ndjsonOption = options.ndjson ?? config.collect.ndjson;
      const ndjson = ndjsonOption ? path.resolve(options.ndjson ? io.cwd : project.root, ndjsonOption) : undefined;
      const sites = getUsageSiteRules(project);
      const origins = getCollectorOrigins(config, extraOrigins);
      let writer;
      try {
        writer = openUsageWriter({ database, ndjson, onMirrorError: (error) => io.stderr(`collect: could not write the NDJSON file (tried again after the next events): ${error.message}\n`) });
      } catch (error) {
        if (error instanceof NdjsonOpenError) {
          const code = (error.cause as NodeJS.ErrnoException).code;
          throw new ConfigError(`Cannot open the NDJSON file ${displayPath(error.file, io.cwd)}: ${describeWriteError(code)} (${code ?? error.message}).`, "Check the path and its permissions (--ndjson, or collect.ndjson).");
        }
        throw new ConfigError(`Cannot open the usage database ${displayPath(database, io.cwd)}: ${(error as Error).message}.`, "Check the path and its permissions (--database).");
      }
      let collector;
      try {
        collector = await startCollector({
          host,
          port,
          writer,
          sites,
          allowedOrigins: origins,
          originSites: getOriginSites(config),
          maxBodyBytes: config.collect.maxBodyBytes,
          rate: config.collect.rate,
          trustProxy: config.collect.trustProxy,
          timeZone: config.timeZone,
          log: (line) => io.stderr(`collect: ${line}\n`),
        });
      } catch (error) {
        writer.close();
        if (error instanceof PortInUseError) {
          throw new UsageError(`Cannot listen on ${host}:${port}: the port is already in use.`, `Stop the other program or choose another port, e.g. --port ${port + 1}.`);
        }
        throw error;
      }
      for (const [site, rules] of sites) io.stderr(`collect: ${site} site: ${rules.cards.size} cards${rules.comments ? ", comments accepted" : ""}\n`);
      io.stderr(`collect: allowed origins: ${[...origins].join(", ") || "(none)"}\n`);
      io.stderr(`collect: storing into ${displayPath(database, io.cwd)}${ndjson ? ` and ${displayPath(ndjson, io.cwd)}` : ""}\n`);
      io.stdout(`Collecting usage events on ${collector.url}events (health: ${collector.url}health)\n`);
      io.stderr("Press Ctrl+C to stop; send SIGHUP to reload the cards after a deploy.\n");
      const reload = () => {
        try {
          project = loadProject(projectOptions);
          const fresh = getUsageSiteRules(project);
          for (const [site, rules] of fresh) sites.set(site, rules);
          io.stderr(`collect: reloaded the cards (${[...fresh].map(([site, r]) => `${site}: ${r.cards.size}`).join(", ")})\n`);
        } catch (error) {
          io.stderr(`collect: could not reload the cards, keeping the old ones: ${(error as Error).message}\n`);
        }
      };
      process.on("SIGHUP", reload);
      const signal = await new Promise<string>((resolve) => {
        process.once("SIGINT", () => resolve("SIGINT"));
        process.once("SIGTERM", () => resolve("SIGTERM"));
      });
      process.off("SIGHUP", reload);
      io.stderr(`collect: ${signal}: storing what was accepted and stopping\n`);
      await collector.close();
    });
}
