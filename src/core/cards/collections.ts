/** Collections: the first folder under `content/`, described by an optional `_collection.yml`. */
import { existsSync, lstatSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { isValidOwner, nonEmptyText } from "./schema.ts";
import type { Finding } from "../lint/findings.ts";
import { describeValue, formatSchemaIssues } from "./schema-issues.ts";
import { parseYaml } from "./yaml-source.ts";
import { readTextFile } from "./safe-read.ts";
import type { SiteName } from "../site/audience.ts";

export const COLLECTION_FILE = "_collection.yml";

export const CollectionFileSchema = z.strictObject({
  /** Display title; defaults to the folder name in sentence case. */
  title: nonEmptyText("title", "Billing").optional(),
  /** One sentence shown on the collection tile. */
  description: nonEmptyText("description", "Payments, refunds and invoices.").optional(),
  /** The tile sentence on the public help center, when `description` is written for agents. */
  publicDescription: nonEmptyText("publicDescription", "Payments, refunds and invoices.").optional(),
  /** The title on the public help center, when `title` is written for agents. */
  publicTitle: nonEmptyText("publicTitle", "Billing").optional(),
  /** Position on the home page; lower comes first. */
  order: z.number().default(1000),
  /** Frontmatter values for cards that leave them out. */
  defaults: z
    .strictObject({
      owner: z
        .string()
        .refine(isValidOwner, { error: (issue) => `"defaults.owner" is ${describeValue(issue.input)}, which is neither a GitHub handle nor an email. Use "@user", "@org/team" (quoted) or name@example.com` })
        .optional(),
      /** Only `internal`: a card is public only when its own frontmatter says so. */
      audience: z
        .literal("internal", {
          error: (issue) =>
            issue.input === "external"
              ? `"defaults.audience: external" is not allowed: a card reaches the public help center only when its own frontmatter says audience: external. ` +
                `Remove this line and add audience: external to each card of the collection that customers may read`
              : `"defaults.audience" is ${describeValue(issue.input)}; the only allowed default is internal (cards that leave audience out are then internal)`,
        })
        .optional(),
      verify_every: z.string().optional(),
      lang: z.string().optional(),
    })
    .default({}),
});

export interface Collection {
  name: string;
  title: string;
  description: string | undefined;
  /** Shown on the public help center instead of `description` when set. */
  publicDescription: string | undefined;
  /** Shown on the public help center instead of `title` when set. */
  publicTitle: string | undefined;
  order: number;
  defaults: z.output<typeof CollectionFileSchema>["defaults"];
  /** 1-based line of each top-level key of `_collection.yml` (none without the file). */
  fieldLines: Record<string, number>;
}

/**
 * Whether the collection's own wording (`title`, `description`) is written for agents: a collection
 * whose cards are internal unless they say otherwise. An external card in it still reaches the public
 * help center, but the collection's wording does not: the public site shows `publicTitle` (else the
 * folder name, which the card's URL shows anyway) and `publicDescription` (else nothing).
 */
function isWordedForAgents(collection: Pick<Collection, "defaults">): boolean {
  return collection.defaults.audience === "internal";
}

/** The sentence a site shows for the collection: the public site prefers `publicDescription`. */
export function siteDescription(collection: Pick<Collection, "description" | "publicDescription" | "defaults">, site: SiteName): string | undefined {
  if (site !== "public") return collection.description;
  return collection.publicDescription ?? (isWordedForAgents(collection) ? undefined : collection.description);
}

/** The title a site shows for the collection: the public site prefers `publicTitle`. */
export function siteTitle(collection: Pick<Collection, "name" | "title" | "publicTitle" | "defaults">, site: SiteName): string {
  if (site !== "public") return collection.title;
  return collection.publicTitle ?? (isWordedForAgents(collection) ? titleFromName(collection.name) : collection.title);
}

export function loadCollection(contentDir: string, name: string, problems: Finding[]): Collection {
  const file = path.join(contentDir, name, COLLECTION_FILE);
  const fallback: Collection = { name, title: titleFromName(name), description: undefined, publicDescription: undefined, publicTitle: undefined, order: 1000, defaults: {}, fieldLines: {} };
  if (!existsSync(file) && !isLink(file)) return fallback;
  if (isLink(file)) {
    problems.push({ ruleId: "collection-config", severity: "error", file, line: 1, column: 1, message: `${COLLECTION_FILE} is a symbolic link, which is never followed. Replace it with a real file.` });
    return { ...fallback, defaults: { audience: "internal" } };
  }
  const read = readTextFile(file);
  if (read.kind !== "text") {
    // A folder or FIFO in its place, a file not UTF-8: like a link, the collection is internal-only until it is fixed.
    const message = read.kind === "missing" ? "was removed while it was read. Run again." : `${COLLECTION_FILE} ${read.message}`;
    problems.push({ ruleId: "collection-config", severity: "error", file, line: read.kind === "problem" ? read.line : 1, column: 1, message });
    return { ...fallback, defaults: { audience: "internal" } };
  }
  const parsed = parseYaml(read.text);
  for (const problem of parsed.problems) {
    problems.push({ ruleId: "collection-config", severity: "error", file, line: problem.line, column: problem.column, message: `${problem.message}.` });
  }
  if (parsed.problems.length > 0) return fallback;
  // One parse per collection: zod's compiled fast path would cost more to build than it saves.
  const result = CollectionFileSchema.safeParse(parsed.value ?? {}, { jitless: true });
  if (!result.success) {
    const known = (at: (string | number)[]) =>
      at[0] === "defaults" ? Object.keys(CollectionFileSchema.shape.defaults.unwrap().shape) : Object.keys(CollectionFileSchema.shape);
    for (const issue of formatSchemaIssues(result.error, known)) {
      problems.push({ ruleId: "collection-config", severity: "error", file, line: parsed.lineOf(issue.path) ?? 1, column: 1, message: issue.message });
    }
    return fallback;
  }
  const data = result.data;
  const fieldLines: Record<string, number> = {};
  for (const key of Object.keys(data)) {
    const line = parsed.lineOf([key]);
    if (line !== undefined) fieldLines[key] = line;
  }
  return { name, title: data.title ?? fallback.title, description: data.description, publicDescription: data.publicDescription, publicTitle: data.publicTitle, order: data.order, defaults: data.defaults, fieldLines };
}

/** `getting-started` -> `Getting started`. */
function isLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

export function titleFromName(name: string): string {
  const words = name.replace(/[-_]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function sortCollections(collections: Iterable<Collection>): Collection[] {
  return [...collections].sort((a, b) => a.order - b.order || a.title.localeCompare(b.title));
}
