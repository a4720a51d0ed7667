// Builds the CLI bundle that cli/bin.js starts when it is fresh (see cli/bundle-stamp.js): the
// TypeScript sources and their pure-JavaScript packages in one file per command, so a run loads a
// handful of files instead of some 380 modules. `npm ci` runs it (the `prepare` script); a failure
// never fails the install: the CLI then runs its sources, as it does whenever the bundle is stale.
//
// Usage: node scripts/bundle-cli.mjs [--out <dir>]
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { BUNDLE_DIR, BUNDLE_ENTRY, REPOSITORY, sourceFingerprint, STAMP_FILE } from "../cli/bundle-stamp.js";

/**
 * The packages bundled with the sources: the ones every lint run loads, all plain modules that
 * read no file of their own. Every other package stays a package, loaded by Node at run time as
 * the sources load it (native code, files read next to the module, CommonJS that looks at its own
 * `__filename`, the site build's toolchain). satteri is bundled but for its native part
 * (satteriNativeAtRunTime): its 29 modules took 25 ms to load, a twentieth of an edited-card lint.
 */
const BUNDLED = [/^satteri$/, /^zod$/, /^commander$/, /^js-yaml$/, /^yaml$/, /^picomatch$/, /^fastest-levenshtein$/, /^entities$/, /^sax$/, /^github-slugger$/, /^hast-util-/, /^mdast-util-/, /^mdast-comment-marker$/, /^unist-util-/, /^unified/, /^remark-lint$/, /^remark-message-control$/, /^vfile/, /^micromark-util-/, /^trough$/, /^bail$/, /^devlop$/, /^extend$/, /^is-plain-obj$/, /^space-separated-tokens$/, /^@ungap\/structured-clone$/];
const WORKER_SOURCE = "src/app/style-worker.ts";
const SOURCE_FILE = /[\\/](cli|src)[\\/].*\.ts$/;

export async function bundleCli(outDir = BUNDLE_DIR) {
  const { build } = await import("esbuild");
  // Taken before reading a source: a file edited while the bundle is built makes it stale at once.
  const fingerprint = sourceFingerprint();
  const staging = `${outDir}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  const finalWorker = pathToFileURL(path.join(outDir, WORKER_SOURCE.replace(/\.ts$/, ".js"))).href;
  const codeVersion = await sourcesCodeVersion(build);
  await build({
    entryPoints: [path.join(REPOSITORY, "cli/main.ts"), path.join(REPOSITORY, WORKER_SOURCE)],
    outbase: REPOSITORY,
    outdir: staging,
    bundle: true,
    splitting: true,
    platform: "node",
    format: "esm",
    target: "node24",
    logLevel: "error",
    // Packages written for CommonJS call require(); an ES module bundle has none of its own.
    banner: { js: "import { createRequire as __verityCreateRequire } from 'node:module'; const require = __verityCreateRequire(import.meta.url);" },
    plugins: [packagesAtRunTime(), satteriNativeAtRunTime(), zodWithoutLocales(), commanderSpawnOnUse(), sourceLocations(finalWorker)],
    // The bundle runs only while the sources are exactly these, so their code version is known now.
    define: { __VERITY_CODE_VERSION__: JSON.stringify(codeVersion) },
  });
  mkdirSync(staging, { recursive: true });
  asciiOnly(staging);
  builtinsFromModuleObjects(staging);
  writeFileSync(path.join(staging, STAMP_FILE), JSON.stringify({ fingerprint, entry: BUNDLE_ENTRY }));
  // The folder is under node_modules, where Node looks for no package.json above it: without this
  // one, Node parses every chunk a second time to find out whether it is an ES module.
  writeFileSync(path.join(staging, "package.json"), `${JSON.stringify({ type: "module", private: true })}\n`);
  rmSync(outDir, { recursive: true, force: true });
  renameSync(staging, outDir);
}

/**
 * esbuild writes strings and regular expressions in ASCII but keeps comments as they are, and one
 * character outside ASCII (a dash in a comment) makes V8 hold and scan a whole chunk as UTF-16 and
 * decode it on the slow path: every run pays for it. Outside strings a `\uXXXX` escape is valid
 * JavaScript (in a comment, text; in a name, the same name).
 */
function asciiOnly(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".js")) continue;
    const file = path.join(entry.parentPath, entry.name);
    const text = readFileSync(file, "utf8");
    // eslint-disable-next-line no-control-regex
    if (/[^\x00-\x7f]/.test(text)) writeFileSync(file, text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`));
  }
}

/**
 * Node's own modules are taken from their module objects (`process.getBuiltinModule`) instead of
 * imported as ES modules: an ES import of one builds a module facade that reads every export,
 * lazy ones included (`fs.promises` loads Node's promise file system and readline, `util`'s
 * exports load its worker modules), which cost every run several milliseconds. esbuild writes each
 * import of a package left to Node on one line at the top of its chunk, and the chunks import one
 * another without a cycle, so each binding is set before any code of the chunk runs.
 */
function builtinsFromModuleObjects(dir) {
  const IMPORT = /^import (.+?) from (["'])(node:[\w/]+)\2;/gm;
  const bindingsOf = (clause, specifier) => {
    const module = `process.getBuiltinModule(${JSON.stringify(specifier)})`;
    const named = /^\{([^}]*)\}$/.exec(clause);
    if (named) {
      // `default` of a builtin is its module object itself.
      const parts = named[1].split(",").map((part) => part.trim()).filter(Boolean);
      const wholes = parts.filter((part) => part.startsWith("default as ")).map((part) => `const ${part.slice("default as ".length)} = ${module};`);
      const names = parts.filter((part) => !part.startsWith("default as ")).map((part) => part.replace(/^(\S+) as (\S+)$/, "$1: $2"));
      return [...(names.length > 0 ? [`const { ${names.join(", ")} } = ${module};`] : []), ...wholes].join(" ");
    }
    const whole = /^(?:\* as )?([\w$]+)$/.exec(clause);
    if (whole) return `const ${whole[1]} = ${module};`;
    throw new Error(`an import of ${specifier} the bundler does not rewrite: import ${clause}`);
  };
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".js")) continue;
    const file = path.join(entry.parentPath, entry.name);
    const text = readFileSync(file, "utf8");
    const rewritten = text.replace(IMPORT, (_line, clause, _quote, specifier) => bindingsOf(clause.trim(), specifier));
    if (rewritten !== text) writeFileSync(file, rewritten);
  }
}

/**
 * The code version (src/core/lint/code-version.ts) of the sources being bundled, computed by that
 * module itself: built on its own and run by whatever Node runs the bundler.
 */
async function sourcesCodeVersion(build) {
  const built = await build({
    entryPoints: [path.join(REPOSITORY, "src/core/lint/code-version.ts")],
    bundle: true,
    write: false,
    platform: "node",
    format: "esm",
    logLevel: "error",
    plugins: [packagesAtRunTime(), sourceLocations()],
  });
  const temp = path.join(tmpdir(), `verity-code-version-${process.pid}.mjs`);
  writeFileSync(temp, built.outputFiles[0].text);
  try {
    return (await import(pathToFileURL(temp).href)).getCodeVersion();
  } finally {
    rmSync(temp, { force: true });
  }
}

/**
 * zod's `z.locales` (error messages in some fifty languages, half of zod's code) is left out:
 * Verity writes its own messages and never switches zod's locale, and every run would load it.
 * English, zod's default, is imported on its own and stays.
 */
function zodWithoutLocales() {
  return {
    name: "verity-zod-without-locales",
    setup(build) {
      build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => {
        if (!/[\\/]node_modules[\\/]zod[\\/]v4[\\/](?:classic|core)[\\/]/.test(args.importer)) return undefined;
        return { path: "zod-locales", namespace: "verity-empty" };
      });
      build.onLoad({ filter: /.*/, namespace: "verity-empty" }, () => ({ contents: "export {};", loader: "js" }));
    },
  };
}

/**
 * satteri's JavaScript is bundled; its loader of the native parser (the package's index.js, which
 * finds the binary for this platform next to itself or as a package) stays where npm put it.
 */
function satteriNativeAtRunTime() {
  return {
    name: "verity-satteri-native-at-run-time",
    setup(build) {
      build.onResolve({ filter: /^\.\.\/index\.js$/ }, (args) => {
        if (!/[\\/]node_modules[\\/]satteri[\\/]dist[\\/]binding\.js$/.test(args.importer)) return undefined;
        return { path: pathToFileURL(path.resolve(path.dirname(args.importer), args.path)).href, external: true };
      });
    },
  };
}

/**
 * commander loads Node's child_process (and the network modules it brings, 5 ms) when it loads,
 * for subcommands that are separate executables, which Verity has none of: the module is loaded
 * when commander first spawns one instead. A commander whose line differs is bundled unchanged.
 */
function commanderSpawnOnUse() {
  const LINE = "const childProcess = require('node:child_process');";
  return {
    name: "verity-commander-spawn-on-use",
    setup(build) {
      build.onLoad({ filter: /[\\/]node_modules[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
        const text = readFileSync(args.path, "utf8");
        if (!text.includes(LINE)) return undefined;
        return { contents: text.replace(LINE, "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };"), loader: "js" };
      });
    },
  };
}

/** Bare imports of packages not in BUNDLED stay imports, resolved by Node when the bundle runs. */
function packagesAtRunTime() {
  return {
    name: "verity-packages-at-run-time",
    setup(build) {
      build.onResolve({ filter: /^[^./#]/ }, (args) => {
        if (args.path.startsWith("node:")) return { path: args.path, external: true };
        const parts = args.path.split("/");
        const name = args.path.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
        return BUNDLED.some((pattern) => pattern.test(name)) ? undefined : { path: args.path, external: true };
      });
    },
  };
}

/**
 * Each source module keeps its own location: `import.meta.url` becomes the URL of the file it is
 * written in (files next to a module, packages resolved from it, the code-version hash), and the
 * style worker started from style-pool.ts is the bundled worker.
 */
function sourceLocations(workerUrl) {
  return {
    name: "verity-source-locations",
    setup(build) {
      build.onLoad({ filter: SOURCE_FILE }, (args) => {
        let contents = readFileSync(args.path, "utf8").replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href));
        if (args.path.endsWith(path.join("src", "app", "style-pool.ts"))) {
          const before = contents;
          contents = contents.replace(`new URL("./style-worker.ts", `, `new URL(${JSON.stringify(workerUrl)}, `);
          if (contents === before) throw new Error("style-pool.ts no longer starts ./style-worker.ts: update scripts/bundle-cli.mjs");
        }
        return { contents, loader: "ts" };
      });
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const at = process.argv.indexOf("--out");
  const outDir = at > 0 ? path.resolve(process.argv[at + 1] ?? "") : BUNDLE_DIR;
  const started = performance.now();
  try {
    await bundleCli(outDir);
    console.log(`verity: CLI bundle written to ${path.relative(process.cwd(), outDir) || "."} in ${Math.round(performance.now() - started)} ms`);
  } catch (error) {
    // Never fails an install: the sources run instead.
    console.warn(`verity: the CLI bundle was not built (${error instanceof Error ? error.message : String(error)}); the CLI runs its TypeScript sources instead.`);
  }
}
