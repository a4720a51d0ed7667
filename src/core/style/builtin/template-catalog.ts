/**
 * The card templates as `style-guide/templates/templates.yml` defines them: each template's name and
 * its required H2 sections in order. `template-structure` and `verity new` read this one definition.
 */
import { existsSync } from "node:fs";
import { readStyleText } from "../follow-links.ts";
import path from "node:path";
import { z } from "zod";
import { ConfigError } from "../../errors.ts";
import { parsePlainYaml, yamlPackage } from "../../cards/yaml-source.ts";

export const TEMPLATE_CATALOG_PATH = "style-guide/templates/templates.yml";

const SectionSchema = z.union([
  z.string().min(1),
  z.looseObject({ title: z.string().min(1) }).refine((value) => Object.entries(value).every(([, v]) => typeof v === "string"), {
    message: "every heading translation must be a string",
  }),
]);

const TemplateSchema = z.object({
  title: z.string().min(1),
  description: z.string().optional(),
  guide: z.string().optional(),
  audience: z.enum(["internal", "external"]).optional(),
  sections: z.array(SectionSchema),
});

const CatalogSchema = z.object({ templates: z.record(z.string().regex(/^[a-z0-9-]+$/), TemplateSchema) });

export interface TemplateSection {
  /** The heading text in English. */
  title: string;
  /** Heading text by language tag (`ko`, `zh`, …); a card in that language may use either. */
  translations: Record<string, string>;
}

export interface TemplateDefinition {
  name: string;
  title: string;
  description?: string;
  /** Style-guide section that describes the card type. */
  guide?: string;
  /**
   * `internal` when cards of this type must be internal (`internal-policy`). A type is never made
   * external: like a collection default, a template can only make cards internal, and templates.yml
   * is pull-request input, so its `audience: external` is read as no audience (lint never tells an
   * internal card to become public, nor does `verity new` write a public card without `--audience external`).
   */
  audience?: "internal";
  sections: TemplateSection[];
}

export interface TemplateCatalog {
  /** Absolute path of templates.yml. */
  file: string;
  templates: Map<string, TemplateDefinition>;
}

/** Reads and validates templates.yml; a file that cannot be used is a ConfigError naming it. */
export function loadTemplateCatalog(file: string): TemplateCatalog {
  let data: unknown;
  try {
    const text = readStyleText(file); // a named pipe is refused, not waited on
    data = parsePlainYaml(text)?.value ?? yamlPackage().parse(text);
  } catch (error) {
    throw new ConfigError(`${file}: cannot read the template catalog: ${(error as Error).message}`, "Fix the YAML syntax of templates.yml.");
  }
  const result = CatalogSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ConfigError(
      `${file}: ${issue.path.join(".") || "(root)"}: ${issue.message}`,
      "Each template needs a title and a list of sections (a heading text, or { title, <lang>: heading }).",
    );
  }
  const templates = new Map<string, TemplateDefinition>();
  for (const [name, value] of Object.entries(result.data.templates)) {
    templates.set(name, {
      name,
      title: value.title,
      description: value.description,
      guide: value.guide,
      ...(value.audience === "internal" ? { audience: "internal" as const } : {}),
      sections: value.sections.map(toSection),
    });
  }
  return { file, templates };
}

function toSection(value: string | { title: string; [lang: string]: unknown }): TemplateSection {
  if (typeof value === "string") return { title: value, translations: {} };
  const { title, ...rest } = value;
  return { title, translations: rest as Record<string, string> };
}

const found = new Map<string, string | undefined>();
const loaded = new Map<string, TemplateCatalog>();

/** Finds templates.yml in `fromDir` or the nearest folder above it that has one. */
export function findTemplateCatalog(fromDir: string): string | undefined {
  const cached = found.get(fromDir);
  if (cached !== undefined || found.has(fromDir)) return cached;
  let dir = path.resolve(fromDir);
  let result: string | undefined;
  for (;;) {
    const candidate = path.join(dir, TEMPLATE_CATALOG_PATH);
    if (existsSync(candidate)) {
      result = candidate;
      break;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  found.set(fromDir, result);
  return result;
}

/** The catalog for a file: the nearest templates.yml above it, read once per process. */
export function getTemplateCatalogFor(file: string): TemplateCatalog | undefined {
  const catalogFile = findTemplateCatalog(path.dirname(file));
  if (!catalogFile) return undefined;
  let catalog = loaded.get(catalogFile);
  if (!catalog) {
    catalog = loadTemplateCatalog(catalogFile);
    loaded.set(catalogFile, catalog);
  }
  return catalog;
}

/** The heading texts a card in `lang` may use for a section. */
export function acceptedTitles(section: TemplateSection, lang: string): string[] {
  const base = lang.toLowerCase().split("-")[0]!;
  const translated = section.translations[lang] ?? section.translations[base];
  return translated ? [section.title, translated] : [section.title];
}
