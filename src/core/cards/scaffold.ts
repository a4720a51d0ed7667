/**
 * `verity new`: a card scaffolded from a template in `style-guide/templates/<name>.md` (or a
 * minimal built-in template when the project has no templates folder), with its frontmatter
 * filled in and `verify_by` set to today + the review interval.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { addInterval, formatInterval, parseInterval, type CalendarDate } from "../verification/calendar-date.ts";
import { FrontmatterSchema } from "./schema.ts";
import { COLLECTION_FILE, loadCollection, type Collection } from "./collections.ts";
import type { VerityConfig } from "../project/config.ts";
import { isHiddenName } from "./discover.ts";
import { acceptedTitles, type TemplateSection } from "../style/builtin/template-catalog.ts";
import { UsageError } from "../errors.ts";
import type { Finding } from "../lint/findings.ts";
import { formatScalar } from "./frontmatter-edit.ts";
import { parseYaml } from "./yaml-source.ts";
import { parseCard } from "./card-text.ts";
import { readFrontmatter } from "./frontmatter-read.ts";
import { formatOf } from "./markdown.ts";
import { FIELD_ALIASES } from "./schema.ts";

export const TEMPLATES_DIR = "style-guide/templates";

/** Used when the project has no `style-guide/templates/` folder. */
const BUILTIN_TEMPLATES: Record<string, string> = {
  card: `---
title: "{{title}}"
owner: "{{owner}}"
audience: "{{audience}}"
verify_by: "{{verify_by}}"
lang: "{{lang}}"
---

<!-- Open with one or two sentences: what the reader learns or gets done. -->

## Details
`,
};

export interface TemplateInfo {
  name: string;
  /** Absolute path, or undefined for a built-in template. */
  file: string | undefined;
  text: string;
  /** `internal` when the template's card type is internal by nature (templates.yml); never external (see template-catalog.ts). */
  audience: "internal" | undefined;
}

/** Names of the templates the project offers, sorted. */
export function listTemplates(root: string): string[] {
  const dir = path.join(root, TEMPLATES_DIR);
  if (!existsSync(dir)) return Object.keys(BUILTIN_TEMPLATES);
  return readdirSync(dir)
    .filter((name) => name.endsWith(".md") && !isHiddenName(name) && name.toLowerCase() !== "readme.md")
    .map((name) => name.slice(0, -3))
    .sort();
}

export function loadTemplate(root: string, name: string): TemplateInfo {
  const names = listTemplates(root);
  if (!names.includes(name)) {
    throw new UsageError(`There is no template "${name}".`, `Templates: ${names.join(", ")}. They are the .md files in ${TEMPLATES_DIR}/.`);
  }
  const dir = path.join(root, TEMPLATES_DIR);
  if (!existsSync(dir)) return { name, file: undefined, text: BUILTIN_TEMPLATES[name]!, audience: undefined };
  const file = path.join(dir, `${name}.md`);
  // Read as a snippet is, never through a link: one committed in a pull request could lead to any file
  // of the machine (credentials), which verity new would copy into a card for its author to commit.
  const link = [path.join(root, path.dirname(TEMPLATES_DIR)), dir, file].find(isLink);
  if (link) {
    throw new UsageError(
      `${path.relative(root, link).split(path.sep).join("/")} is a symbolic link, and a template is never read through one. Nothing was written.`,
      "Replace the link with the real template file, and find out who committed it.",
    );
  }
  return { name, file, text: readFileSync(file, "utf8").replace(/^\uFEFF/, ""), audience: templateAudience(dir, name) };
}

function templateAudience(dir: string, name: string): "internal" | undefined {
  const file = path.join(dir, "templates.yml");
  if (!existsSync(file)) return undefined;
  const parsed = parseYaml(readFileSync(file, "utf8"));
  const entry = (parsed.value as { templates?: Record<string, { audience?: unknown }> } | undefined)?.templates?.[name];
  // Only a collection's or a template's way to make cards internal counts: public is chosen with --audience external.
  return entry?.audience === "internal" ? "internal" : undefined;
}

/** Collection folder names under the content folder (folders that may hold cards). */
export function listCollectionNames(contentDir: string): string[] {
  if (!existsSync(contentDir)) return [];
  return readdirSync(contentDir)
    .filter((name) => !isHiddenName(name) && name !== "node_modules" && statSync(path.join(contentDir, name)).isDirectory())
    .sort();
}

export interface CardTarget {
  collection: string;
  slug: string;
  /** Absolute path of the file to create. */
  file: string;
}

const SLUG = /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)*$/;
function isLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/** The first folder between `contentDir` and `file` that is a symbolic link (cards are never loaded through one), if any. */
function linkedFolderOn(contentDir: string, file: string): string | undefined {
  let dir = contentDir;
  for (const part of path.relative(contentDir, path.dirname(file)).split(path.sep)) {
    dir = path.join(dir, part);
    try {
      if (lstatSync(dir).isSymbolicLink()) return dir;
    } catch {
      return undefined; // not there yet: verity new makes it, a real folder
    }
  }
  return undefined;
}

/** A file name may have 255 bytes: a slug part (ASCII), its extension and a temporary name's suffix fit well below. */
const MAX_SLUG_PART = 200;

/** Parses `<collection>/<slug>` (an optional .md/.mdx is kept) and checks the collection exists. */
export function resolveNewCardTarget(contentDir: string, spec: string, contentDirName: string): CardTarget & { collectionInfo: Collection } {
  const cleaned = spec.replace(/\\/g, "/").replace(new RegExp(`^(\\./)?${escapeRegExp(contentDirName)}/`), "");
  const ext = /\.mdx?$/i.exec(cleaned)?.[0].toLowerCase() ?? ".md";
  const [collection = "", ...rest] = cleaned.replace(/\.mdx?$/i, "").split("/");
  const slug = rest.join("/");
  if (!collection || !slug) {
    throw new UsageError(`"${spec}" is not <collection>/<slug>.`, "Example: verity new how-to billing/refund-a-payment");
  }
  if (!SLUG.test(slug)) {
    throw new UsageError(
      `The slug "${slug}" is not allowed: it becomes the card's URL.`,
      "Use lowercase letters, digits and hyphens, e.g. refund-a-payment.",
    );
  }
  const tooLong = slug.split("/").find((part) => part.length > MAX_SLUG_PART);
  if (tooLong) {
    throw new UsageError(
      `The slug part "${tooLong.slice(0, 40)}..." is ${tooLong.length} characters long; a part of a slug may have at most ${MAX_SLUG_PART} (it is a file name, and a part of the card's URL).`,
      "Use a few words, e.g. refund-a-payment.",
    );
  }
  const collections = listCollectionNames(contentDir);
  if (!collections.includes(collection)) {
    throw new UsageError(
      `There is no collection "${collection}".`,
      `Collections: ${collections.length > 0 ? collections.join(", ") : "(none yet)"}. ` +
        `To create one: mkdir ${contentDirName}/${collection} and add ${contentDirName}/${collection}/${COLLECTION_FILE} with a title (and optional defaults: owner, audience).`,
    );
  }
  const problems: Finding[] = [];
  const collectionInfo = loadCollection(contentDir, collection, problems);
  if (problems.length > 0) {
    const first = problems[0]!;
    throw new UsageError(`${first.file}:${first.line}: ${first.message}`, `Fix ${COLLECTION_FILE} first (verity lint shows every problem).`);
  }
  const file = path.join(contentDir, collection, ...`${slug}${ext}`.split("/"));
  const link = linkedFolderOn(contentDir, file);
  if (link) {
    throw new UsageError(
      `${contentDirName}/${path.relative(contentDir, link).split(path.sep).join("/")} is a symbolic link: the card would be written wherever it leads (possibly outside the repository), and no site would ever load it. Nothing was written.`,
      "Replace the link with a real folder, or pick a collection and slug without it.",
    );
  }
  return { collection, slug, file, collectionInfo };
}

export interface NewCardValues {
  title: string;
  owner: string;
  audience: "internal" | "external";
  lang: string;
  verifyBy: CalendarDate;
  description?: string | undefined;
  /** Id of the card this one translates (`verity new --translate`): written as `translation_of`. */
  translationOf?: string | undefined;
  /** Required sections of the template, for headings in the card's language (templates.yml). */
  sections?: readonly TemplateSection[] | undefined;
}

/** Checks one value against the card schema; returns the schema's message when it is not allowed. */
export function checkNewCardValue(field: "title" | "owner" | "audience" | "lang" | "description", value: string): string | undefined {
  const result = FrontmatterSchema.shape[field].safeParse(value);
  return result.success ? undefined : result.error.issues[0]?.message;
}

/** today + the collection's `verify_every`, else the configured `verifyEvery`. */
export function initialVerifyBy(today: CalendarDate, config: Pick<VerityConfig, "verifyEvery">, collection: Collection): CalendarDate {
  const interval = parseInterval(collection.defaults.verify_every ?? "") ?? parseInterval(config.verifyEvery) ?? { count: 90, unit: "d" as const };
  const verifyBy = addInterval(today, interval);
  if (!verifyBy) {
    const source = collection.defaults.verify_every ? `defaults.verify_every of the collection ${collection.name}` : "verifyEvery in verity.config.yml";
    throw new UsageError(`The card's verify_by would be ${today} + ${formatInterval(interval)}, past 9999-12-31 (the last day a YYYY-MM-DD date can name).`, `Set a shorter interval in ${source}, e.g. 1y.`);
  }
  return verifyBy;
}

/**
 * Fills a template's placeholders. In the frontmatter a quoted `"{{x}}"` becomes a valid YAML
 * string whatever the value holds; in the body values are inserted as written.
 */
export function renderTemplate(template: TemplateInfo, values: NewCardValues): string {
  const map: Record<string, string> = {
    title: values.title,
    owner: values.owner,
    audience: values.audience,
    verify_by: values.verifyBy,
    lang: values.lang,
    template: template.name,
  };
  // Own keys only: `in` is also true of {{constructor}} and {{toString}} (every object's functions).
  const known = (key: string) => Object.hasOwn(map, key);
  const match = /^(---[ \t]*\r?\n)([\s\S]*?\r?\n)((?:---|\.\.\.)[ \t]*(?:\r?\n|$))/.exec(template.text);
  const fillYaml = (text: string) =>
    text
      .replace(/(["'])\{\{(\w+)\}\}\1/g, (whole, _q: string, key: string) => (known(key) ? JSON.stringify(map[key]) : whole))
      .replace(/\{\{(\w+)\}\}/g, (whole, key: string) => (known(key) ? formatScalar(map[key]!, "plain") : whole));
  const fill = (text: string, inYaml: boolean) =>
    inYaml ? fillYaml(text) : text.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => (known(key) ? map[key]! : whole));
  if (!match) return fill(template.text, false);
  let yaml = fill(match[2]!, true);
  // An empty description is a schema error: fill it in, or leave the line out until there is one.
  const emptyDescription = /^description:[ \t]*(""|'')?[ \t]*\r?\n/m;
  yaml = values.description ? yaml.replace(emptyDescription, (line) => `description: ${JSON.stringify(values.description)}${line.endsWith("\r\n") ? "\r\n" : "\n"}`) : yaml.replace(emptyDescription, "");
  if (!/^template:/m.test(yaml) && template.file !== undefined) yaml += `template: ${template.name}\n`;
  if (values.translationOf) yaml += `translation_of: ${formatScalar(values.translationOf, "plain")}\n`;
  return `${match[1]}${yaml}${match[3]}${localizeHeadings(fill(template.text.slice(match[0].length), false), values.sections ?? [], values.lang)}`;
}

/**
 * The field a scaffolded card would load with that is not the value `verity new` was given (and
 * prints), or undefined. A template is a pull request's input like a card: one that writes
 * `audience: external` (or an owner, title or language) as plain text instead of its placeholder
 * made `verity new --audience internal` report an internal card and write a public one, whose
 * author then wrote internal text into it. Read as the loader reads the card (merge keys and field
 * aliases included); a field the template leaves out takes the collection's default, as any card.
 */
export function scaffoldMismatch(file: string, text: string, values: NewCardValues): { field: string; written: unknown; asked: string } | undefined {
  const problems: Finding[] = [];
  const parsed = parseCard(file, text, formatOf(file), problems);
  const block = parsed ? readFrontmatter(file, text, parsed.tree, problems) : undefined;
  if (!block) return undefined;
  const data: Record<string, unknown> = { ...block.data };
  for (const [alias, key] of Object.entries(FIELD_ALIASES)) if (Object.hasOwn(data, alias) && !Object.hasOwn(data, key)) data[key] = data[alias];
  const asked: Record<string, string | undefined> = {
    audience: values.audience,
    owner: values.owner,
    title: values.title,
    lang: values.lang,
    verify_by: values.verifyBy,
    translation_of: values.translationOf,
  };
  for (const [field, value] of Object.entries(asked)) {
    if (!Object.hasOwn(data, field)) continue;
    if (value === undefined || data[field] !== value) return { field, written: data[field], asked: value ?? "(none)" };
  }
  return undefined;
}

/** The template's required H2 headings in the card's language, where templates.yml names one. */
export function localizeHeadings(body: string, sections: readonly TemplateSection[], lang: string): string {
  const byTitle = new Map<string, string>();
  for (const section of sections) {
    const titles = acceptedTitles(section, lang);
    if (titles.length > 1) byTitle.set(section.title, titles[1]!);
  }
  if (byTitle.size === 0) return body;
  return body.replace(/^(##[ \t]+)(.+?)[ \t]*$/gm, (line, hashes: string, title: string) => (byTitle.has(title) ? `${hashes}${byTitle.get(title)}` : line));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
