#!/usr/bin/env node
// Entry point of the `verity` command. Plain JavaScript on purpose: it must start on any Node
// version, then re-run itself under the Node 24 that the repository pins (the `node`
// devDependency) when the Node that started it is older, since the CLI is TypeScript that Node 24
// runs natively.
// Node's own modules come from process.getBuiltinModule where it exists: an ES import of a builtin
// builds a facade that reads every export, and node:fs's lazy ones (its streams) cost ~8 ms a start.
const builtin = async (name) => process.getBuiltinModule?.(name) ?? (await import(name)).default;
const { existsSync } = await builtin("node:fs");
const module = await builtin("node:module");
const { fileURLToPath, pathToFileURL } = await builtin("node:url");

const MIN_MAJOR = 24;
const major = Number(process.versions.node.split(".")[0]);
const canRunTypeScript = major >= MIN_MAJOR && Boolean(process.features?.typescript);

if (canRunTypeScript) {
  // Cache compiled modules, TypeScript stripping included, between runs (os.tmpdir() by
  // default; NODE_COMPILE_CACHE overrides): it saves a third of the start-up time.
  module.enableCompileCache?.();
  // The prebuilt bundle of these same sources when it is fresh (see bundle-stamp.js), else the sources.
  const { freshBundleEntry } = await import("./bundle-stamp.js");
  const bundled = process.env.VERITY_NO_BUNDLE ? undefined : freshBundleEntry();
  let loaded = false;
  if (bundled) {
    try {
      await import(pathToFileURL(bundled).href);
      loaded = true;
    } catch (error) {
      // Only a bundle that cannot load ends here (every error of a command is the CLI's own).
      process.stderr.write(`verity: the CLI bundle did not load (${error?.message ?? error}); running the sources. \`npm run bundle\` rebuilds it.\n`);
    }
  }
  if (!loaded) await import("./main.ts");
} else {
  const pinned = fileURLToPath(new URL("../node_modules/node/bin/node", import.meta.url));
  if (!existsSync(pinned)) {
    process.stderr.write(
      `verity needs Node ${MIN_MAJOR} or newer (this is Node ${process.versions.node}).\n` +
        `Run \`npm ci\` in the Verity repository: it installs the pinned Node as a devDependency.\n`,
    );
    process.exitCode = 2;
  } else {
    // The child does the work; this process only passes signals on (Ctrl+C, a CI runner's SIGTERM,
    // a closed terminal's SIGHUP) so that the child stops and cleans up, and ends as the child ends.
    // Loaded only here: a run on Node 24 starts no child, and the module takes milliseconds to load.
    const { spawn } = await import("node:child_process");
    const child = spawn(pinned, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: "inherit" });
    const forward = (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    };
    const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"];
    for (const signal of SIGNALS) process.on(signal, forward);
    child.on("error", (error) => {
      process.stderr.write(`verity: could not start ${pinned}: ${error.message}\n`);
      process.exitCode = 2;
    });
    child.on("exit", (code, signal) => {
      for (const name of SIGNALS) process.off(name, forward);
      if (signal) process.kill(process.pid, signal);
      else process.exitCode = code ?? 1;
    });
  }
}
