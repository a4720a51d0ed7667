/**
 * The Astro side of a Verity build, kept to one short integration: astro.config.mjs reads the
 * build target once (which site, its prepared data, where to write), and this integration hands
 * the data file to the pages through a virtual module, adds the routes only one site has, and
 * indexes the built site with Pagefind.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import type { SiteName } from "../core/site/audience.ts";
import { loadProject } from "../core/project/project.ts";
import { headersFile, sitePolicy, type CspInput } from "../core/site/csp.ts";
import { readCardHistory } from "./card-history.ts";
import { writeMarkdownCopies } from "./machine-readable.ts";
import { siteAbsoluteUrl } from "./site-urls.ts";
import { devSearchMiddleware, NEEDS_BUILD_MESSAGE } from "./dev-search.ts";
import { indexSites, writeSearchFiles } from "./pagefind-index.ts";
import { prepareSites, type SiteData } from "./site-data.ts";

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
  /** Files the cards refer to, copied into the built site. */
  assets: SiteData["assets"];
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
 * Reads the target from the environment set by `verity build` (VERITY_SITE, VERITY_SITE_DATA,
 * VERITY_OUT_DIR, VERITY_SITE_WORK). Without it (`astro dev`), prepares the data of VERITY_SITE (default internal)
 * from the project in the working directory.
 */
export async function readBuildTarget(env: Readonly<Record<string, string | undefined>>, cwd: string): Promise<BuildTarget> {
  const site: SiteName = env.VERITY_SITE === "public" ? "public" : "internal";
  let dataFile = env.VERITY_SITE_DATA;
  let devSiteDir: string | undefined;
  if (!dataFile) {
    const project = loadProject({ cwd, today: env.VERITY_TODAY });
    devSiteDir = path.join(project.root, "dist", site);
    const data = prepareSites(project, [site], { history: await readCardHistory(project) }).get(site)!;
    const dir = path.join(cwd, "node_modules", ".verity");
    mkdirSync(dir, { recursive: true });
    dataFile = path.join(dir, `dev-${site}.json`);
    writeFileSync(dataFile, JSON.stringify(data));
  }
  if (!existsSync(dataFile)) throw new Error(`Site data file ${dataFile} does not exist.`);
  const data = JSON.parse(readFileSync(dataFile, "utf8")) as SiteData;
  if (data.site !== site) throw new Error(`Site data file ${dataFile} holds the ${data.site} site, not ${site}.`);
  (globalThis as { __veritySiteData?: Record<string, SiteData> }).__veritySiteData = { [dataFile]: data };
  return {
    site,
    dataFile,
    url: data.url,
    base: data.base,
    outDir: env.VERITY_OUT_DIR,
    workDir: env.VERITY_SITE_WORK,
    assets: data.assets,
    csp: { embeds: data.embeds, feedbackEndpoint: data.feedbackEndpoint, usageEndpoint: data.usage?.endpoint },
    logLevel: env.VERITY_ASTRO_LOG === "info" || env.VERITY_ASTRO_LOG === "warn" ? env.VERITY_ASTRO_LOG : undefined,
    ...(devSiteDir ? { devSiteDir } : {}),
  };
}

/** The target's site data, as readBuildTarget loaded it. */
function siteData(target: BuildTarget): SiteData {
  return (globalThis as { __veritySiteData?: Record<string, SiteData> }).__veritySiteData?.[target.dataFile] ?? (JSON.parse(readFileSync(target.dataFile, "utf8")) as SiteData);
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
        for (const asset of target.assets) {
          const to = path.join(outDir, ...asset.sitePath.split("/"));
          mkdirSync(path.dirname(to), { recursive: true });
          copyFileSync(asset.file, to);
        }
        writeFileSync(path.join(outDir, "_headers"), headersFile(target.csp));
        const site = siteData(target);
        const [[result]] = await Promise.all([indexSites([outDir]), writeMarkdownCopies(outDir, site, (sitePath) => siteAbsoluteUrl(site, sitePath))]);
        writeSearchFiles(outDir, site.search);
        logger.info(`Pagefind indexed ${result!.pageCount} HTML files`);
      },
    },
  };
}
