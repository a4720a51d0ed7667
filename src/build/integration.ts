/**
 * The Astro side of a Verity build, kept to one short integration: astro.config.mjs reads the
 * build target once (which site, its prepared data, where to write), and this integration hands
 * the data file to the pages through a virtual module, adds the routes only one site has, and
 * indexes the built site with Pagefind.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import type { SiteName } from "../core/site/audience.ts";
import { loadProject } from "../core/project/project.ts";
import { headersFile, sitePolicy, type CspInput } from "../core/site/csp.ts";
import { readCardHistory } from "./card-history.ts";
import { copySiteAssets } from "./attachment-snapshot.ts";
import { writeMarkdownCopies } from "./machine-readable.ts";
import { siteAbsoluteUrl } from "./site-urls.ts";
import { devSearchMiddleware, NEEDS_BUILD_MESSAGE } from "./dev-search.ts";
import { indexSites, writeSearchFiles } from "./pagefind-index.ts";
import { prepareSites, type SiteData, type SiteSettings } from "./site-data.ts";
import { readSiteDataFile, writeSiteDataFile } from "./site-data-file.ts";

export interface BuildTarget {
  site: SiteName;
  /** JSON file holding the prepared SiteData. */
  dataFile: string;
  /** Absolute site URL and base path. */
  url: string;
  base: string;
  outDir: string | undefined;
  /** The site build's own folder (Astro's root and caches), set by `verity build`. */
  workDir: string | undefined;
  /** What the Content-Security-Policy allows besides the site itself. */
  csp: CspInput;
  /**
   * Astro's log level, set by `verity build`: "warn" unless --verbose, because listing every
   * generated page costs a second of CPU per site at 5,000 cards; warnings and errors still show.
   */
  logLevel: "info" | "warn" | undefined;
  /** `astro dev` only: the last build of this site (`dist/<site>/` in the project), whose search index the dev server serves. */
  devSiteDir?: string;
}

const VIRTUAL_ID = "virtual:verity/data-file";

/** A file of the app by its path from this folder: Astro's root is the site build's own folder. */
const appFile = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
/** Files every site serves from its root: icons and the Open Graph image (project code, not card content). */
const SITE_FILES = ["favicon.svg", "favicon.ico", "og-image.png"].map((name) => ({
  name,
  file: appFile(`../assets/${name}`),
}));

/**
 * Reads the target from the environment set by `verity build`: VERITY_SITE, VERITY_SITE_SETTINGS
 * (what the configuration needs, written before the cards are rendered), VERITY_SITE_DATA (the
 * prepared data, which may not exist yet: pages wait for it, see `waitForSiteData`),
 * VERITY_OUT_DIR and VERITY_SITE_WORK. Without them (`astro dev`), prepares the data of
 * VERITY_SITE (default internal) from the project in the working directory.
 */
export async function readBuildTarget(env: Readonly<Record<string, string | undefined>>, cwd: string): Promise<BuildTarget> {
  const site: SiteName = env.VERITY_SITE === "public" ? "public" : "internal";
  let dataFile = env.VERITY_SITE_DATA;
  let devSiteDir: string | undefined;
  let settings: SiteSettings;
  if (dataFile && env.VERITY_SITE_SETTINGS) {
    settings = JSON.parse(readFileSync(env.VERITY_SITE_SETTINGS, "utf8")) as SiteSettings;
  } else {
    if (!dataFile) {
      const project = loadProject({ cwd, today: env.VERITY_TODAY });
      devSiteDir = path.join(project.root, "dist", site);
      const dir = path.join(cwd, "node_modules", ".verity");
      const snapshotDir = path.join(dir, `dev-${site}-files`);
      rmSync(snapshotDir, { recursive: true, force: true });
      const data = prepareSites(project, [site], { history: await readCardHistory(project), snapshotDir }).get(site)!;
      mkdirSync(dir, { recursive: true });
      dataFile = path.join(dir, `dev-${site}.v8`);
      writeSiteDataFile(dataFile, data);
    }
    if (!existsSync(dataFile)) throw new Error(`Site data file ${dataFile} does not exist.`);
    settings = loadSiteData(dataFile);
  }
  if (settings.site !== site) throw new Error(`Site settings of ${dataFile} are the ${settings.site} site's, not ${site}'s.`);
  return {
    site,
    dataFile,
    url: settings.url,
    base: settings.base,
    outDir: env.VERITY_OUT_DIR,
    workDir: env.VERITY_SITE_WORK,
    csp: { embeds: settings.embeds, feedbackEndpoint: settings.feedbackEndpoint, usageEndpoint: settings.usage?.endpoint },
    logLevel: env.VERITY_ASTRO_LOG === "info" || env.VERITY_ASTRO_LOG === "warn" ? env.VERITY_ASTRO_LOG : undefined,
    ...(devSiteDir ? { devSiteDir } : {}),
  };
}

/** Reads a site data file once per process; the pages' site-runtime finds it through globalThis. */
function loadSiteData(dataFile: string): SiteData {
  const shared = ((globalThis as { __veritySiteData?: Record<string, SiteData> }).__veritySiteData ??= {});
  shared[dataFile] ??= readSiteDataFile(dataFile);
  return shared[dataFile];
}

/** Longest wait for the site data, as a backstop: `verity build` writes it within seconds or stops the build. */
const DATA_WAIT_MS = 15 * 60 * 1000;

/**
 * Waits until `verity build` has written the site data (it renders the cards while Astro starts
 * and bundles), then loads it. Gives up when the process that started this build is gone.
 */
export async function waitForSiteData(dataFile: string, site: SiteName, options: { intervalMs?: number; timeoutMs?: number } = {}): Promise<SiteData> {
  const parent = process.ppid;
  const deadline = Date.now() + (options.timeoutMs ?? DATA_WAIT_MS);
  while (!existsSync(dataFile)) {
    if (process.ppid !== parent) throw new Error(`The build that started the ${site} site stopped before its data was ready.`);
    if (Date.now() > deadline) throw new Error(`The ${site} site's data (${dataFile}) was not written in time.`);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 25));
  }
  const data = loadSiteData(dataFile);
  if (data.site !== site) throw new Error(`Site data file ${dataFile} holds the ${data.site} site, not ${site}.`);
  return data;
}

/** Astro's `logger` setting for the target's log level (Astro's own Node logger at that level). */
export function loggerConfig(target: BuildTarget) {
  return target.logLevel ? { logger: { entrypoint: "astro/logger/node", config: { level: target.logLevel } } } : {};
}

/** Astro's `security.csp` for the target site: Astro adds the policy as a `<meta>` to every page. */
export function cspConfig(target: BuildTarget) {
  const policy = sitePolicy(target.csp);
  return {
    algorithm: "SHA-256" as const,
    directives: policy.directives,
    scriptDirective: { resources: policy.scriptSources },
    styleDirective: { resources: policy.styleSources },
  };
}

export function verity(target: BuildTarget): AstroIntegration {
  return {
    name: "verity",
    hooks: {
      "astro:config:setup": ({ command, updateConfig, injectRoute }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: "verity-data-file",
                resolveId: (id: string) => (id === VIRTUAL_ID ? `\0${VIRTUAL_ID}` : undefined),
                load: (id: string) => (id === `\0${VIRTUAL_ID}` ? `export default ${JSON.stringify(target.dataFile)};` : undefined),
                // Astro generates the pages in its own "post" buildApp step, after this one: the
                // bundling before it does not need the cards, so it runs while they are rendered.
                buildApp: { order: "post" as const, handler: async () => void (await waitForSiteData(target.dataFile, target.site)) },
              },
            ],
          },
        });
        if (target.site === "internal") injectRoute({ pattern: "/health", entrypoint: appFile("../routes/health.astro") });
        if (target.site === "public") injectRoute({ pattern: "/sitemap.xml", entrypoint: appFile("../routes/sitemap.xml.ts") });
        // The build writes the Markdown copies itself (astro:build:done); the dev server serves them.
        if (command === "dev") injectRoute({ pattern: "/[collection]/[...slug].md", entrypoint: appFile("../routes/card-markdown.ts") });
      },
      // `astro dev` renders pages on request and never indexes them: search reads the last build's index.
      "astro:server:setup": ({ server, logger }) => {
        if (!target.devSiteDir) return;
        server.middlewares.use(devSearchMiddleware(target.devSiteDir, target.base));
        if (!existsSync(path.join(target.devSiteDir, "pagefind"))) logger.warn(`No build of the ${target.site} site in ${target.devSiteDir}: ${NEEDS_BUILD_MESSAGE}`);
        else logger.info(`Search uses the index of the last build in ${target.devSiteDir} (run npm run build to refresh it).`);
      },
      // Each site is indexed by the process that built it, so both indexes are built side by side.
      "astro:build:done": async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        for (const { name, file } of SITE_FILES) copyFileSync(file, path.join(outDir, name));
        const site = loadSiteData(target.dataFile);
        // The attachments' bytes as read when they were approved, never the content folder's now.
        copySiteAssets(site.assets, outDir);
        writeFileSync(path.join(outDir, "_headers"), headersFile(target.csp));
        const [[result]] = await Promise.all([indexSites([outDir]), writeMarkdownCopies(outDir, site, (sitePath) => siteAbsoluteUrl(site, sitePath))]);
        writeSearchFiles(outDir, site.search);
        logger.info(`Pagefind indexed ${result!.pageCount} HTML files`);
      },
    },
  };
}
