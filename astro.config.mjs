// One Astro project, two sites: `verity build` sets VERITY_SITE (public | internal), the prepared
// data file, the output folder and the site build's own folder; they are read once here.
import path from "node:path";
import { fileURLToPath } from "node:url";
import mdx from "@astrojs/mdx";
import { defineConfig } from "astro/config";
import { cspConfig, loggerConfig, readBuildTarget, verity } from "./src/build/integration.ts";

const target = await readBuildTarget(process.env, process.cwd());
const app = path.dirname(fileURLToPath(import.meta.url));
// Never the repository's public/ folder: Astro copies its publicDir into every site unchecked, so
// it points at a folder inside Verity's source that holds nothing (and --out-dir may not touch).
const EMPTY_PUBLIC_DIR = "src/site-public";

// `verity build` runs every site build with its own folder as Astro's root, so everything a build
// writes besides its output (Astro's .astro/ folder and cache, Vite's dependency optimizer cache)
// is its own: two builds side by side, or two `verity build` runs, never write the same file.
// Without it (`astro dev`), the caches stay in node_modules as usual.
const own = target.workDir
  ? { srcDir: path.join(app, "src"), cacheDir: path.join(target.workDir, "cache"), viteCacheDir: path.join(target.workDir, "vite") }
  : { cacheDir: `./node_modules/.astro/verity-${target.site}` };

export default defineConfig({
  site: target.url,
  base: target.base,
  outDir: target.outDir ?? `./dist/${target.site}`,
  ...(own.srcDir ? { srcDir: own.srcDir } : {}),
  cacheDir: own.cacheDir,
  publicDir: path.join(app, EMPTY_PUBLIC_DIR),
  trailingSlash: "always",
  build: { format: "directory", inlineStylesheets: "never" },
  devToolbar: { enabled: false },
  prefetch: false,
  // Content-Security-Policy on every page; no script is inlined (each is a file of the site).
  security: { csp: cspConfig(target) },
  vite: { build: { assetsInlineLimit: 0 }, ...(own.viteCacheDir ? { cacheDir: own.viteCacheDir } : {}) },
  integrations: [mdx(), verity(target)],
  ...loggerConfig(target),
});
