/**
 * The project configuration: one optional `verity.config.yml` at the repository root, validated
 * by zod. Every key has a default good enough for a new project.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { isValidTimeZone, parseInterval } from "./calendar-date.ts";
import { ConfigError } from "./errors.ts";
import { checkRuleSettings } from "./lint/registry.ts";
import { formatSchemaIssues } from "./schema-issues.ts";
import { parseYaml } from "./yaml-source.ts";

export const CONFIG_FILE_NAME = "verity.config.yml";

const SiteSchema = (defaults: { title: string; url: string }) =>
  z
    .strictObject({
      /** Site name shown in the header and in titles. */
      title: z.string().min(1).default(defaults.title),
      /** Absolute URL the site is served from, used for canonical URLs and the sitemap. */
      url: z.url({ message: "expected an absolute URL such as https://help.example.com" }).default(defaults.url),
      /** Base path under the URL, e.g. `/help/`. */
      base: z
        .string()
        .regex(/^\/([\w.-]+\/)*$/, { message: "expected a path that starts and ends with /, e.g. /help/" })
        .default("/"),
    })
    .prefault({});

const RuleLevelSchema = z.enum(["off", "suggestion", "warning", "error"]);

export const ConfigSchema = z.strictObject({
  /** Folder that holds the cards, relative to the project root. */
  contentDir: z.string().min(1).default("content"),
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
  repository: z
    .strictObject({
      /** Web URL of the repository, for "Edit this card" links. */
      url: z.url().optional(),
      /** Default branch. */
      branch: z.string().min(1).default("main"),
    })
    .prefault({}),
  /** "Was this helpful?" widget on the public site; hidden when unset. */
  feedback: z.strictObject({ endpoint: z.url() }).optional(),
  /** "Contact support" link on the public site; hidden when unset. */
  support: z.strictObject({ url: z.string().min(1), label: z.string().min(1).default("Contact support") }).optional(),
  /** Per-rule severity overrides, e.g. `verify-by-expiring: off`. */
  rules: z.record(z.string(), RuleLevelSchema).default({}),
});

export type VerityConfig = z.infer<typeof ConfigSchema>;
export type RuleLevel = z.infer<typeof RuleLevelSchema>;

export interface LoadedConfig {
  config: VerityConfig;
  /** Absolute path of the config file, when there is one. */
  file: string | undefined;
}

/** Reads and validates the configuration of the project at `root`; throws ConfigError on problems. */
export function loadConfig(root: string, explicitFile?: string): LoadedConfig {
  const file = explicitFile ? path.resolve(root, explicitFile) : path.join(root, CONFIG_FILE_NAME);
  if (!existsSync(file)) {
    if (explicitFile) throw new ConfigError(`Config file ${file} does not exist.`);
    return { config: ConfigSchema.parse({}), file: undefined };
  }
  const parsed = parseYaml(readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
  const rel = path.relative(root, file) || file;
  if (parsed.problems.length > 0) {
    const lines = parsed.problems.map((p) => `${rel}:${p.line}:${p.column}: ${p.message}`);
    throw new ConfigError(`The configuration does not parse as YAML:\n${lines.join("\n")}`);
  }
  const input = parsed.value ?? {};
  const result = ConfigSchema.safeParse(input);
  if (!result.success) {
    const problems = formatSchemaIssues(result.error, (p) => knownConfigKeys(p));
    const lines = problems.map((p) => `${rel}:${parsed.lineOf(p.path) ?? 1}: ${p.message}`);
    throw new ConfigError(`The configuration is not valid:\n${lines.join("\n")}`, "See the Configuration section of the README.");
  }
  const ruleProblems = checkRuleSettings(result.data.rules);
  if (ruleProblems.length > 0) {
    const lines = ruleProblems.map((p) => `${rel}:${parsed.lineOf(["rules", p.id]) ?? 1}: ${p.message}`);
    throw new ConfigError(`The configuration is not valid:\n${lines.join("\n")}`, "The rule ids are listed in the README (Card rule ids, Built-in style rules).");
  }
  return { config: result.data, file };
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

/** Walks up from `start` to the folder holding `verity.config.yml`, else one holding `content/`. */
export function findProjectRoot(start: string): string | undefined {
  for (const marker of [CONFIG_FILE_NAME, "content"]) {
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
