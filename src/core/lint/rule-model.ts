/**
 * The one rule model. Every rule Verity reports (card rules run through unified, built-in prose
 * rules of the style guide, and project-level findings such as `trust-score` or the loader's
 * `frontmatter-yaml`) is described by a {@link RuleMeta}; the registry (`registry.ts`) lists them
 * all, applies levels in one place, validates `rules:` in the configuration, and hands the metadata
 * to the reporters and the rule tables of docs/rules.md.
 */
import type { Plugin } from "unified";
import type { Root } from "mdast";
import type { Severity } from "./findings.ts";
import type { Card } from "../cards/load.ts";

export type RuleKind = "card" | "prose" | "project";

export interface RuleMeta {
  /** Stable kebab-case id; also the key under `rules:` in verity.config.yml. */
  id: string;
  /** One or two sentences: what the rule reports (SARIF, docs/rules.md). */
  description: string;
  defaultLevel: Severity;
  /** True when findings carry edits that `--fix` applies. */
  fixable: boolean;
  /**
   * A mandatory rule is always an error: `rules:` may not turn it off or lower it. Without it a
   * broken card would silently disappear from the sites, or two cards would fight over one URL.
   */
  mandatory: boolean;
  /** Where the rule is documented (repository-relative link, as the style guide's links are). */
  docsUrl: string;
  kind: RuleKind;
  /**
   * Project-relative files the rule reads besides the cards and verity.config.yml. The lint caches
   * hash them, so editing one invalidates cached findings.
   */
  reads?: readonly string[];
}

/** A tiny project a rule is tried on: project-relative path -> file text. */
export interface RuleExample {
  name: string;
  /** Project-relative path -> text, raw bytes, or a symbolic link to create. */
  files: Record<string, string | Uint8Array | { symlink: string }>;
  /**
   * With `before`, the example runs as `verity lint --changed`: `before` is committed on main,
   * then `files` on a branch.
   */
  before?: Record<string, string>;
  /** With `before`: files changed in a second commit on the branch, after `files` (for rules that read history). */
  later?: Record<string, string>;
}

export interface RuleExamples {
  /** Projects on which the rule reports nothing. */
  valid: readonly RuleExample[];
  /** Projects on which the rule reports at least one finding. */
  invalid: readonly RuleExample[];
}

export interface Rule {
  meta: RuleMeta;
  examples: RuleExamples;
}

/** A card rule: a `unified-lint-rule` plugin run on each card's mdast (see `context.ts` for what it reads). */
export interface CardRule extends Rule {
  plugin: Plugin<[unknown?], Root>;
  /**
   * True when the rule reads no frontmatter field, so it also runs on a card whose frontmatter
   * does not load (every problem of a card is reported at once).
   */
  checksBody?: boolean;
  /**
   * When the rule reads the card's tree (a rule without it reads only what loading took from the
   * tree: links, headings, frontmatter). A card no rule reads the tree of is checked on an empty
   * root, so a cold lint lets each tree go as soon as the card is loaded (see `treeFactsTaker` in lint-project.ts).
   */
  readsTree?: (card: Card, context: { internalTerms: readonly string[] }) => boolean;
  /**
   * Takes what the rule reads of the card's tree now, while the tree is at hand (a cold lint calls
   * it as each card loads); `readsTree` then answers false for the card.
   */
  takeFacts?: (card: Card, context: { internalTerms: readonly string[] }) => void;
}

/** Where the rules are documented: the table generated from this registry (`npm run docs:rules`). */
export const RULES_DOC = "docs/rules.md";

export function ruleDocsUrl(id: string): string {
  return `${RULES_DOC}#rule-${id}`;
}

/** A rule's metadata with the usual defaults: an error, not mandatory, not fixable, documented in the rule tables. */
export function ruleMeta(
  id: string,
  description: string,
  options: { kind: RuleKind; defaultLevel?: Severity; mandatory?: boolean; fixable?: boolean; reads?: readonly string[] },
): RuleMeta {
  const { kind, defaultLevel = "error", mandatory = false, fixable = false, reads } = options;
  return { id, description, defaultLevel, fixable, mandatory, docsUrl: ruleDocsUrl(id), kind, ...(reads ? { reads } : {}) };
}

/** A minimal valid card, for examples: `card({ audience: "external" }, "Body")`. */
export function exampleCard(fields: Record<string, string> = {}, body = "Some text.\n"): string {
  const all = { title: "Example", owner: '"@acme/team"', audience: "internal", verify_by: "2099-01-01", ...fields };
  const lines = Object.entries(all).filter(([, value]) => value !== "").map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join("\n")}\n---\n\n${body}`;
}
