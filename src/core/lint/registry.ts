/**
 * The registry of every rule Verity reports, and the one place where levels are decided:
 * `rules:` in verity.config.yml is validated here (unknown ids get a suggestion, mandatory rules
 * cannot be lowered) and applied here to every finding.
 *
 * Rules from outside the registry keep their own levels: Vale rules (`Style.Rule`, levels from
 * `.vale.ini` and the rule files) and a project's remark-lint rules (`remark-lint:<rule>`, levels
 * from its `.remarkrc`); `rules:` may still override a `remark-lint:<rule>`.
 */
import { closest, distance } from "fastest-levenshtein";
import type { RuleLevel } from "../project/config.ts";
import type { Finding } from "./findings.ts";
import { STYLE_GUIDE_RULES } from "../style/builtin/index.ts";
import { TEMPLATE_CATALOG_PATH } from "../style/builtin/template-catalog.ts";
import { ruleDocsUrl, type CardRule, type Rule, type RuleExamples, type RuleMeta } from "./rule-model.ts";
import { PROSE_RULE_EXAMPLES } from "./prose-rule-examples.ts";
import { cardLocation } from "./rules/card-location.ts";
import { collectionConfig } from "./rules/collection-config.ts";
import { duplicateId } from "./rules/duplicate-id.ts";
import { attachmentUnsafe } from "./rules/attachment-unsafe.ts";
import { cardPublished } from "./rules/card-published.ts";
import { filePublished } from "./rules/file-published.ts";
import { companion } from "./rules/companion.ts";
import { companionDrift } from "./rules/companion-drift.ts";
import { fileAudience } from "./rules/file-audience.ts";
import { audienceCollection } from "./rules/audience-collection.ts";
import { fileEncoding } from "./rules/file-encoding.ts";
import { fileName } from "./rules/file-name.ts";
import { htmlRemoved } from "./rules/html-removed.ts";
import { remoteResource } from "./rules/remote-resource.ts";
import { remoteResourceWiki } from "./rules/remote-resource-wiki.ts";
import { synonyms } from "./rules/synonyms.ts";
import { mdxComponent } from "./rules/mdx-component.ts";
import { mdxExpression } from "./rules/mdx-expression.ts";
import { mdxImport } from "./rules/mdx-import.ts";
import { snippetAudience } from "./rules/snippet-audience.ts";
import { snippetMissing } from "./rules/snippet-missing.ts";
import { snippetVerifyBy } from "./rules/snippet-verify-by.ts";
import { translationAudience } from "./rules/translation-audience.ts";
import { translationDuplicate } from "./rules/translation-duplicate.ts";
import { translationOutdated } from "./rules/translation-outdated.ts";
import { translationSource } from "./rules/translation-source.ts";
import { fileSymlink } from "./rules/file-symlink.ts";
import { fileTooLarge } from "./rules/file-too-large.ts";
import { frontmatterSchema } from "./rules/frontmatter-schema.ts";
import { frontmatterYaml } from "./rules/frontmatter-yaml.ts";
import { internalWording } from "./rules/internal-wording.ts";
import { linkAudience } from "./rules/link-audience.ts";
import { addressAudience } from "./rules/address-audience.ts";
import { linkBroken } from "./rules/link-broken.ts";
import { markdownSyntax } from "./rules/markdown-syntax.ts";
import { markdownTooDeep } from "./rules/markdown-too-deep.ts";
import { trustScore } from "./rules/trust-score.ts";
import { urlRemoved } from "./rules/url-removed.ts";
import { verifyByExpired } from "./rules/verify-by-expired.ts";
import { verifyByExpiring } from "./rules/verify-by-expiring.ts";

/** Card rules, run per card as unified-lint-rule plugins, in this order. */
export const CARD_RULES: readonly CardRule[] = [verifyByExpired, verifyByExpiring, linkBroken, linkAudience, addressAudience, fileAudience, audienceCollection, companion, mdxImport, mdxExpression, mdxComponent, snippetMissing, snippetAudience, internalWording];

/** Findings made by the loader or over the whole project. */
export const PROJECT_RULES: readonly Rule[] = [
  frontmatterYaml,
  frontmatterSchema,
  duplicateId,
  urlRemoved,
  cardPublished,
  filePublished,
  companionDrift,
  translationSource,
  translationDuplicate,
  translationAudience,
  translationOutdated,
  snippetVerifyBy,
  trustScore,
  htmlRemoved,
  attachmentUnsafe,
  remoteResource,
  remoteResourceWiki,
  synonyms,
  cardLocation,
  collectionConfig,
  markdownSyntax,
  markdownTooDeep,
  fileEncoding,
  fileTooLarge,
  fileSymlink,
  fileName,
];

/** Files the built-in prose rules read besides the card (their modules belong to the style guide). */
const PROSE_RULE_READS: Record<string, readonly string[]> = { "template-structure": [TEMPLATE_CATALOG_PATH] };

/** The style guide's built-in prose rules, described in the same model. */
export const PROSE_RULES: readonly Rule[] = STYLE_GUIDE_RULES.map((rule) => ({
  meta: {
    id: rule.id,
    description: rule.description,
    defaultLevel: rule.defaultLevel,
    fixable: rule.fixable === true,
    mandatory: false,
    docsUrl: rule.url ?? ruleDocsUrl(rule.id),
    kind: "prose",
    ...(PROSE_RULE_READS[rule.id] ? { reads: PROSE_RULE_READS[rule.id] } : {}),
  },
  examples: PROSE_RULE_EXAMPLES[rule.id] ?? ({ valid: [], invalid: [] } satisfies RuleExamples),
}));

/** Every rule, in documentation order: loader and project rules first, then card, then prose rules. */
export const ALL_RULES: readonly Rule[] = [
  frontmatterYaml,
  frontmatterSchema,
  ...CARD_RULES,
  ...PROJECT_RULES.filter((rule) => rule !== frontmatterYaml && rule !== frontmatterSchema),
  ...PROSE_RULES,
];

const BY_ID = new Map<string, RuleMeta>(ALL_RULES.map((rule) => [rule.meta.id, rule.meta]));

/** Metadata of every registered rule, by id (for the reporters). */
export const RULE_METADATA: ReadonlyMap<string, RuleMeta> = BY_ID;

export function getRuleMeta(id: string): RuleMeta | undefined {
  return BY_ID.get(id);
}

/** Prefix of the rule ids of a project's own remark-lint rules. */
export const REMARK_LINT_PREFIX = "remark-lint:";

/** Project-relative files any rule reads (for the lint cache keys). */
export function filesReadByRules(): string[] {
  return [...new Set(ALL_RULES.flatMap((rule) => rule.meta.reads ?? []))].sort();
}

export interface RuleSettingProblem {
  /** The key under `rules:`. */
  id: string;
  message: string;
}

/** Checks `rules:` of the configuration against the registry. */
export function checkRuleSettings(settings: Readonly<Record<string, RuleLevel>>): RuleSettingProblem[] {
  const problems: RuleSettingProblem[] = [];
  for (const [id, level] of Object.entries(settings)) {
    if (id.startsWith(REMARK_LINT_PREFIX) && id.length > REMARK_LINT_PREFIX.length) continue;
    const meta = BY_ID.get(id);
    if (!meta) {
      const suggestion = suggestRule(id);
      problems.push({
        id,
        message: suggestion
          ? `unknown rule ${id}; did you mean ${suggestion}?`
          : `unknown rule ${id}. Known rules: ${[...BY_ID.keys()].join(", ")} (and remark-lint:<rule> for a project's remark-lint rules).`,
      });
    } else if (meta.mandatory && level !== "error") {
      problems.push({
        id,
        message: `rule ${id} is mandatory and cannot be set to ${level}: without it a broken card would silently disappear from the sites. Fix the cards it reports instead, and remove this line.`,
      });
    }
  }
  return problems;
}

function suggestRule(id: string): string | undefined {
  const ids = [...BY_ID.keys()];
  const candidate = closest(id, ids);
  if (!candidate) return undefined;
  return distance(id, candidate) <= Math.max(2, Math.floor(candidate.length / 3)) ? candidate : undefined;
}

/** The level of a rule under the configuration: mandatory rules are always errors. */
export function levelOf(id: string, settings: Readonly<Record<string, RuleLevel>>): RuleLevel | undefined {
  const meta = BY_ID.get(id);
  if (meta?.mandatory) return "error";
  return settings[id] ?? meta?.defaultLevel;
}

/** Levels of every registered rule under the configuration (for engines that skip rules that are off). */
export function ruleLevels(settings: Readonly<Record<string, RuleLevel>>): Map<string, RuleLevel> {
  return new Map([...BY_ID.keys()].map((id) => [id, levelOf(id, settings)!]));
}

/**
 * Applies the configured levels to findings: drops those of rules that are off and sets the
 * severity of the rest. Findings of rules outside the registry keep their severity unless
 * `rules:` names them (remark-lint rules).
 */
export function applyLevels(findings: readonly Finding[], settings: Readonly<Record<string, RuleLevel>>): Finding[] {
  const result: Finding[] = [];
  for (const finding of findings) {
    const level = levelOf(finding.ruleId, settings);
    if (level === "off") continue;
    result.push(level === undefined || level === finding.severity ? finding : { ...finding, severity: level });
  }
  return result;
}
