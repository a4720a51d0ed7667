// One Astro project, two sites: `verity build` sets VERITY_SITE (public | internal), the prepared
// data file and the output folder; they are read once here.
import mdx from "@astrojs/mdx";
import { defineConfig } from "astro/config";
import { cspConfig, readBuildTarget, verity } from "./src/build/integration.ts";

const target = await readBuildTarget(process.env, process.cwd());

export default defineConfig({
  site: target.url,
  base: target.base,
  outDir: target.outDir ?? `./dist/${target.site}`,
  cacheDir: `./node_modules/.astro/verity-${target.site}`,
  // Never the repository's public/ folder: Astro copies its publicDir into every site unchecked, so
  // it points at a folder inside Verity's source that holds nothing (and --out-dir may not touch).
  publicDir: "./src/site-public",
  trailingSlash: "always",
  build: { format: "directory", inlineStylesheets: "never" },
  devToolbar: { enabled: false },
  prefetch: false,
  // Content-Security-Policy on every page; no script is inlined (each is a file of the site).
  security: { csp: cspConfig(target) },
  vite: { build: { assetsInlineLimit: 0 } },
  integrations: [mdx(), verity(target)],
});
