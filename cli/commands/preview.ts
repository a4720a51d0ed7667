/** `verity preview`: serves dist/public and dist/internal on 127.0.0.1, each on its own port. */
import { existsSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { SITE_NAMES } from "../../src/core/site/audience.ts";
import { UsageError } from "../../src/core/errors.ts";
import { serveStatic, type StaticServer } from "../../src/build/static-server.ts";
import type { RunState } from "../run-state.ts";
import { parsePort } from "../path-args.ts";

export function registerPreview(program: Command, state: RunState): void {
  program
    .command("preview")
    .description("serve the built sites on 127.0.0.1 (public and internal on two ports)")
    .option("--dir <dir>", "folder holding public/ and internal/ (default: dist/ in the project folder)")
    .option("--port <n>", "port of the public site; the internal site takes the next one", "4321")
    .action(async (options: { dir?: string; port: string }, command: Command) => {
      const { io } = state;
      const context = state.openProject(command);
      const dir = options.dir ? path.resolve(io.cwd, options.dir) : path.join(context.root, "dist");
      const port = parsePort(options.port);
      if (port === 65_535) throw new UsageError("--port must be a port number from 0 to 65534 here: the internal wiki takes the next one.");
      const servers: StaticServer[] = [];
      try {
        for (const [i, site] of SITE_NAMES.entries()) {
          const siteDir = path.join(dir, site);
          if (!existsSync(siteDir)) continue;
          const server = await serveStatic(siteDir, { port: port === 0 ? 0 : port + i, base: context.config.sites[site].base });
          servers.push(server);
          io.stdout(`${site === "public" ? "Public help center" : "Internal wiki     "}: ${server.url}\n`);
        }
      } catch (error) {
        // A busy port: the site already served stops too, so nothing is left listening.
        await Promise.all(servers.map((s) => s.close()));
        throw error;
      }
      if (servers.length === 0) throw new UsageError(`Nothing to preview in ${dir}.`, "Run npm run build first.");
      io.stderr("Press Ctrl+C to stop.\n");
      await new Promise<void>((resolve) => {
        process.once("SIGINT", resolve);
        process.once("SIGTERM", resolve);
      });
      await Promise.all(servers.map((s) => s.close()));
    });
}
