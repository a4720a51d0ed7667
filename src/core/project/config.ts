/**
 * The project configuration: one optional `verity.config.yml` at the repository root, validated
 * by zod. Every key has a default good enough for a new project.
 */
import { existsSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { isValidTimeZone, parseInterval } from "../verification/calendar-date.ts";
import { ConfigError } from "../errors.ts";
import { checkRuleSettings } from "../lint/registry.ts";
import { describeValue, formatSchemaIssues } from "../cards/schema-issues.ts";
import { readTextFile } from "../cards/safe-read.ts";
import { parseYaml } from "../cards/yaml-source.ts";
import { SITE_NAMES } from "../site/audience.ts";
import { isOnWikiOnlyHost } from "../site/links.ts";

export const CONFIG_FILE_NAME = "verity.config.yml";
/** The support link's words when the project sets none: the product's own text, as the interface labels are. */
export const DEFAULT_SUPPORT_LABEL = "Contact support";

/** An absolute http(s) URL: no javascript:, data: or other schemes reach a page through the configuration. */
const httpUrl = (example: string) =>
  z.url({ protocol: /^https?$/, error: `expected an absolute http(s) URL such as ${example}` });

/** A base path: `/` or `/segment/.../` with plain segments (no `.`, `..`, `//`, backslashes or schemes). */
const BASE_PATH = /^\/(?:(?!\.{1,2}\/)[A-Za-z0-9_.~-]+\/)*$/;

/** The content folder: a relative path inside the repository (checked again on disk by loadConfig). */
const CONTENT_DIR = /^(?![\\/])(?![A-Za-z]:)(?!.*(?:^|[\\/])\.\.?(?:[\\/]|$))[^\u0000-\u001f]+$/;

const MAILTO = /^mailto:[^\s<>"'\\@:/]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/i;

function isHttpUrl(value: string): boolean {
  return httpUrl("x").safeParse(value).success;
}

const SiteSchema = (defaults: { title: string; url: string }) =>
  z
    .strictObject({
      /** Site name shown in the header and in titles. */
      title: z.string().min(1).default(defaults.title),
      /** Absolute URL the site is served from, used for canonical URLs and the sitemap. */
      url: httpUrl("https://help.example.com").default(defaults.url),
      /** Base path under the URL, e.g. `/help/`. */
      base: z
        .string()
        .regex(BASE_PATH, { message: "expected a plain path that starts and ends with /, e.g. / or /help/ (no .., //, backslashes or schemes)" })
        .default("/"),
      /**
       * Hosts whose images, video, audio and iframes the site may show (trusted embeds), e.g.
       * `www.youtube-nocookie.com` or `*.example-cdn.com`; https only. Empty by default: every other
       * remote resource is removed from the card and reported by lint.
       */
      embeds: z
        .array(
          z
            .string()
            .regex(/^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i, {
              message: "expected a host name such as player.vimeo.com or *.example.com (no scheme, path or port)",
            }),
        )
        .default([]),
      /** Card ids shown first on the home page ("Popular articles"); cards the site does not have are left out. */
      featured: z.array(z.string().min(1)).default([]),
      /** Usage measurement (card views, searches, votes, contact-support clicks); off when unset. */
      usage: z
        .strictObject({
          /** URL the pages send events to with `navigator.sendBeacon`: a `verity collect` server's `/events`. */
          endpoint: httpUrl("https://usage.example.com/events (the collector's /events)"),
          /** Let readers add a comment to a "Was this helpful?" vote. */
          comments: z.boolean().default(false),
        })
        .optional(),
    })
    .prefault({});

const RuleLevelSchema = z.enum(["off", "suggestion", "warning", "error"]);

export const ConfigSchema = z.strictObject({
  /** Folder that holds the cards, relative to the project root. */
  contentDir: z
    .string()
    .min(1)
    .regex(CONTENT_DIR, { message: "expected a folder inside the repository, relative to it, such as content (no absolute path, no . or .. segments)" })
    .default("content"),
  /** IANA time zone in which "today" is read and `verify_by` days are compared. */
  timeZone: z
    .string()
    .refine(isValidTimeZone, { message: "expected an IANA time zone such as UTC or Europe/Berlin" })
    .default("UTC"),
  /** Days before `verify_by` when a card counts as expiring. */
  warnDays: z.int().min(0).max(365).default(14),
  /** Review interval for cards without `verify_every`. */
  verifyEvery: z
    .string()
    .refine((value) => parseInterval(value) !== undefined, { message: "expected an interval such as 30d, 12w, 6m or 1y" })
    .default("90d"),
  /** Lowest acceptable trust score, in percent. */
  minTrustScore: z.number().min(0).max(100).default(97),
  /**
   * What the public help center does with an external card whose verification expired: `keep` it
   * as it is, show it with a `notice` ("This article is being reviewed"), or `withhold` it until it
   * is re-verified. The wiki always shows every card with its status.
   */
  expiredPublicCards: z.enum(["keep", "notice", "withhold"]).default("keep"),
  /** Language of cards without `lang`. */
  lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { message: "expected a language tag such as en or ko" }).default("en"),
  /** Cards larger than this many bytes are rejected. */
  maxCardBytes: z.int().positive().default(1_000_000),
  sites: z
    .strictObject({
      public: SiteSchema({ title: "Help Center", url: "https://help.example.com" }),
      internal: SiteSchema({ title: "Internal Wiki", url: "https://wiki.example.internal" }),
    })
    .prefault({}),
  /** Linked translations (`translation_of`). */
  translations: z
    .strictObject({
      /** Show "this translation may be out of date" on the public help center when the source changed since. */
      outdatedNote: z.boolean().default(true),
    })
    .prefault({}),
  repository: z
    .strictObject({
      /** Web URL of the repository, for "Edit this card" links. */
      url: httpUrl("https://github.com/acme/kb").optional(),
      /** Default branch. */
      branch: z.string().min(1).default("main"),
    })
    .prefault({}),
  /** "Was this helpful?" widget on the public site; hidden when unset. */
  feedback: z.strictObject({ endpoint: httpUrl("https://feedback.example.com/api") }).optional(),
  /** "Contact support" link on the public site; hidden when unset. */
  support: z
    .strictObject({
      url: z.string().refine((value) => isHttpUrl(value) || MAILTO.test(value), {
        error: (issue) => `"support.url" is ${JSON.stringify(issue.input)}; expected an http(s) URL or a mailto: address, e.g. https://example.com/contact or mailto:support@example.com`,
      }),
      label: z.string().min(1).default(DEFAULT_SUPPORT_LABEL),
    })
    .optional(),
  /** `verity collect`, the usage collector; command-line options override these. */
  collect: z
    .strictObject({
      /** Address to listen on. */
      host: z.string().min(1).default("127.0.0.1"),
      /** Port to listen on. */
      port: z.int().min(0).max(65535).default(8787),
      /** SQLite database of the events, relative to the project root. */
      database: z.string().min(1).default(".verity/usage.db"),
      /** Also append every event to this newline-delimited JSON file (fsynced before the answer). */
      ndjson: z.string().min(1).optional(),
      /** Origins allowed to send events (CORS), besides the origins of the sites that have `usage` set. */
      allowedOrigins: z.array(httpUrl("https://help.example.com")).default([]),
      /** Largest accepted request body, in bytes. */
      maxBodyBytes: z.int().min(256).max(1_000_000).default(16_384),
      /** Requests per second one client (socket address) may send on average, and the burst it may send at once. */
      /** Behind a reverse proxy you run: key the rate limit by the last X-Forwarded-For address. */
      trustProxy: z.boolean().default(false),
      rate: z.strictObject({ perSecond: z.number().positive().default(10), burst: z.int().positive().default(40) }).prefault({}),
    })
    .prefault({}),
  /** The leak check of the public site (`verity check-leaks`, and every build). */
  leakCheck: z
    .strictObject({
      /**
       * Pairs `[internal card id, public card id]` whose near copy is intended (a public answer and
       * its internal companion that repeats it): no near-copy warning for them.
       */
      allowCopies: z.array(z.tuple([z.string().min(1), z.string().min(1)])).default([]),
    })
    .prefault({}),
  /**
   * Wording that must not reach the public help center (internal tool names, queues, Slack
   * channels, escalation contacts): the `internal-wording` rule reports it in external cards and in
   * the collection descriptions the help center shows. Each term is a word or phrase matched as
   * whole words, ignoring case; a trailing `*` matches every word that starts with the rest
   * (`#*` is every Slack channel, `macro*` is macro and macros).
   */
  internalTerms: z
    .array(
      z
        .string()
        .trim()
        .min(1)
        .max(100)
        .regex(/^[^*]+\*?$/, { message: "expected a word or phrase such as \"escalation queue\", with * only at its end (\"#*\" for every Slack channel)" }),
    )
    .default([]),
  /** Per-rule severity overrides, e.g. `verify-by-expiring: off`. */
  rules: z.record(z.string(), RuleLevelSchema).default({}),
});

export type VerityConfig = z.infer<typeof ConfigSchema>;
export type RuleLevel = z.infer<typeof RuleLevelSchema>;

export interface LoadedConfig {
  config: VerityConfig;
  /** Absolute path of the config file, when there is one. */
  file: string | undefined;
  /** The line of `contentDir` in the file, when the file sets it. */
  contentDirLine?: number;
}

/** Reads and validates the configuration of the project at `root`; throws ConfigError on problems. */
export function loadConfig(root: string, explicitFile?: string): LoadedConfig {
  const file = explicitFile ? path.resolve(root, explicitFile) : path.join(root, CONFIG_FILE_NAME);
  if (!existsSync(file)) {
    if (explicitFile) throw new ConfigError(`Config file ${file} does not exist.`);
    const config = ConfigSchema.parse({}, { jitless: true });
    const problem = contentDirProblem(root, config.contentDir);
    if (problem) throw new ConfigError(`The content folder ${problem}.`, "Replace the link with a real folder inside the repository.");
    return { config, file: undefined };
  }
  const rel = path.relative(root, file) || file;
  const read = readTextFile(file);
  if (read.kind === "missing") throw new ConfigError(`Config file ${file} does not exist.`);
  if (read.kind === "problem") throw new ConfigError(`${rel}:${read.line}: the configuration file ${read.message}`);
  const parsed = parseYaml(read.text);
  if (parsed.problems.length > 0) {
    const lines = parsed.problems.map((p) => `${rel}:${p.line}:${p.column}: ${p.message}`);
    throw new ConfigError(`The configuration does not parse as YAML:\n${lines.join("\n")}`);
  }
  const input = parsed.value ?? {};
  if (typeof input !== "object" || Array.isArray(input) || input instanceof Date) {
    throw new ConfigError(
      `The configuration is not valid:\n${rel}:1: it is ${describeValue(input)}, not a mapping of keys to values.`,
      "Write one key: value line per setting, such as timeZone: Europe/Berlin (see docs/configuration.md).",
    );
  }
  // Parsed once per run: zod's compiled fast path would cost more to build than it saves.
  const result = ConfigSchema.safeParse(input, { jitless: true });
  if (!result.success) {
    const problems = formatSchemaIssues(result.error, (p) => knownConfigKeys(p));
    const lines = problems.map((p) => `${rel}:${parsed.lineOf(p.path) ?? 1}: ${p.message}`);
    throw new ConfigError(`The configuration is not valid:\n${lines.join("\n")}`, "See docs/configuration.md for every key.");
  }
  const onWikiHost = publicAddressesOnWikiHost(result.data);
  if (onWikiHost.length > 0) {
    const lines = onWikiHost.map((p) => `${rel}:${parsed.lineOf(p.path) ?? 1}: ${p.message}`);
    throw new ConfigError(`The configuration is not valid:\n${lines.join("\n")}`, "Point it at an address customers may see, such as a page of the help center or a public support site.");
  }
  const contentProblem = contentDirProblem(root, result.data.contentDir);
  if (contentProblem) {
    throw new ConfigError(`The configuration is not valid:\n${rel}:${parsed.lineOf(["contentDir"]) ?? 1}: "contentDir" ${contentProblem}`, "Point contentDir at a real folder inside the repository, e.g. contentDir: content.");
  }
  const ruleProblems = checkRuleSettings(result.data.rules);
  if (ruleProblems.length > 0) {
    const lines = ruleProblems.map((p) => `${rel}:${parsed.lineOf(["rules", p.id]) ?? 1}: ${p.message}`);
    throw new ConfigError(`The configuration is not valid:\n${lines.join("\n")}`, "Every rule id is listed in docs/rules.md.");
  }
  const contentDirLine = parsed.lineOf(["contentDir"]);
  return { config: result.data, file, ...(contentDirLine !== undefined ? { contentDirLine } : {}) };
}

/**
 * The addresses the help center shows or calls (its support link, the feedback and usage
 * endpoints) that are on the wiki's own host: every public page would name the wiki's host, and
 * send its readers or their votes there. Where both sites share a host, nothing is refused.
 */
function publicAddressesOnWikiHost(config: VerityConfig): { path: string[]; message: string }[] {
  const index = { sites: SITE_NAMES.map((site) => ({ site, url: config.sites[site].url, base: config.sites[site].base })) };
  const shown: [string[], string | undefined][] = [
    [["support", "url"], config.support?.url],
    [["feedback", "endpoint"], config.feedback?.endpoint],
    [["sites", "public", "usage", "endpoint"], config.sites.public.usage?.endpoint],
  ];
  const host = new URL(config.sites.internal.url).host;
  return shown
    .filter(([, url]) => url !== undefined && isOnWikiOnlyHost(url, index))
    .map(([key]) => ({ path: key, message: `"${key.join(".")}" is on the wiki's host ${host}, which the help center must not name or call.` }));
}

/** Why the content folder escapes the repository on disk (a symbolic link out), or undefined. */
export function contentDirProblem(root: string, contentDir: string): string | undefined {
  const full = path.resolve(root, contentDir);
  const rel = path.relative(root, full);
  if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel)) return `is ${contentDir}, which is not a folder inside the repository`;
  if (!existsSync(full)) return undefined;
  if (!statSync(full).isDirectory()) return `is ${contentDir}, which is a file, not a folder`;
  const realRoot = realpathSync(root);
  const real = realpathSync(full);
  const realRel = path.relative(realRoot, real);
  if (realRel === "" || realRel.startsWith("..") || path.isAbsolute(realRel)) return `is ${contentDir}, which is a symbolic link that leads outside the repository (to ${real})`;
  return undefined;
}

function knownConfigKeys(at: (string | number)[]): string[] {
  let schema: unknown = ConfigSchema;
  for (const segment of at) {
    const shape = shapeOf(schema);
    schema = shape?.[String(segment)];
  }
  return Object.keys(shapeOf(schema) ?? {});
}

function shapeOf(schema: unknown): Record<string, unknown> | undefined {
  let current = schema as { shape?: Record<string, unknown>; unwrap?: () => unknown; def?: { innerType?: unknown } } | undefined;
  for (let i = 0; i < 5 && current; i++) {
    if (current.shape) return current.shape;
    current = (current.def?.innerType ?? current.unwrap?.()) as typeof current;
  }
  return undefined;
}

/**
 * Walks up from `start` to the folder holding `verity.config.yml`, else (unless `configOnly`) one
 * holding `content/`. `verity style` asks with `configOnly`: a `content/` folder alone (every Hugo
 * site has one) does not make a Vale project a Verity project.
 */
export function findProjectRoot(start: string, options: { configOnly?: boolean } = {}): string | undefined {
  for (const marker of options.configOnly ? [CONFIG_FILE_NAME] : [CONFIG_FILE_NAME, "content"]) {
    let dir = path.resolve(start);
    for (;;) {
      if (existsSync(path.join(dir, marker))) return dir;
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return undefined;
}

export type ExpiredPublicCards = VerityConfig["expiredPublicCards"];
