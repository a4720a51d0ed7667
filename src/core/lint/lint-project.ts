/** Runs every card rule over a loaded project and returns one list of findings. */
import type { Root } from "mdast";
import { unified, type Plugin } from "unified";
import { VFile } from "vfile";
import type { RuleLevel } from "../config.ts";
import { codePointColumn, compareFindings, type Finding, type Severity } from "../findings.ts";
import type { Card } from "../load-cards.ts";
import type { Project } from "../project.ts";
import { computeTrustScore, type TrustScore, type VerifiableCard } from "../verification.ts";
import { CARD_RULES, MANDATORY_RULES } from "./rule-meta.ts";
import { checkCardHtml } from "./rule-card-html.ts";
import { fileAudience, linkAudience, linkBroken } from "./rule-links.ts";
import { mdxComponent, mdxExpression, mdxImport } from "./rule-mdx.ts";
import { checkSnippets, snippetAudience, snippetMissing } from "./rule-snippets.ts";
import { verifyByExpired, verifyByExpiring } from "./rule-verify-by.ts";

/** Tree rules, run per card through unified. */
const TREE_RULES: Record<string, Plugin<[unknown?], Root>> = {
  "verify-by-expired": verifyByExpired as Plugin<[unknown?], Root>,
  "verify-by-expiring": verifyByExpiring as Plugin<[unknown?], Root>,
  "link-broken": linkBroken as Plugin<[unknown?], Root>,
  "link-audience": linkAudience as Plugin<[unknown?], Root>,
  "file-audience": fileAudience as Plugin<[unknown?], Root>,
  "mdx-import": mdxImport as Plugin<[unknown?], Root>,
  "mdx-expression": mdxExpression as Plugin<[unknown?], Root>,
  "mdx-component": mdxComponent as Plugin<[unknown?], Root>,
  "snippet-missing": snippetMissing as Plugin<[unknown?], Root>,
  "snippet-audience": snippetAudience as Plugin<[unknown?], Root>,
};

/** Extra per-card checks (the style guide plugs in here); they return findings for one card. */
export type CardChecker = (card: Card, project: Project) => Finding[];

export interface LintOptions {
  /** Extra checks run on every card. */
  checkers?: readonly CardChecker[];
  /** Cards the trust score counts (default: the project's cards); `--changed` passes every card here. */
  trustCards?: readonly VerifiableCard[];
  /** Findings made outside the card rules (e.g. `url-removed`); rule levels apply to them too. */
  extraFindings?: readonly Finding[];
}

export interface LintResult {
  findings: Finding[];
  trust: TrustScore;
}

export function lintProject(project: Project, options: LintOptions = {}): LintResult {
  const levels = ruleLevels(project.config.rules);
  const processor = unified();
  for (const [id, rule] of Object.entries(TREE_RULES)) {
    const level = levels.get(id);
    if (level && level !== "off") processor.use(rule, [level === "error" ? 2 : 1]);
  }
  processor.freeze();

  const findings: Finding[] = [...project.problems];
  const isOn = (id: string) => levels.get(id) !== "off";
  const htmlRules = { htmlRemoved: isOn("html-removed"), attachments: isOn("attachment-unsafe"), remote: isOn("remote-resource") || isOn("remote-resource-wiki") };
  for (const card of project.cards) {
    const file = new VFile({ path: card.file, data: { verity: { card, index: project.index, policy: project.policy } } });
    processor.runSync(card.tree, file);
    for (const message of file.messages) {
      const line = message.line ?? 1;
      findings.push({
        ruleId: message.ruleId ?? "unknown",
        severity: message.fatal === true ? "error" : "warning",
        message: message.reason,
        file: card.file,
        line,
        column: codePointColumn(lineText(card.source, line), message.column ?? 1),
      });
    }
    if (htmlRules.htmlRemoved || htmlRules.attachments || htmlRules.remote) {
      for (const finding of checkCardHtml(card, project, htmlRules)) findings.push({ ...finding, column: codePointColumn(lineText(card.source, finding.line), finding.column) });
    }
    for (const check of options.checkers ?? []) findings.push(...check(card, project));
  }
  findings.push(...findDuplicateIds(project.cards), ...(options.extraFindings ?? []));
  if (isOn("snippet-verify-by")) findings.push(...checkSnippets(project));
  const trust = computeTrustScore(options.trustCards ?? project.cards, project.policy);
  if (trust.score < project.config.minTrustScore) {
    findings.push({
      ruleId: "trust-score",
      severity: "error",
      file: project.configFile ?? project.contentDir,
      line: 1,
      column: 1,
      message:
        `Trust score is ${trust.score}%, under the floor of ${project.config.minTrustScore}% (minTrustScore): ` +
        `${trust.expired} of ${trust.counted} published cards are expired. Run "verity status --status expired" to see them.`,
    });
  }
  return { findings: applyLevels(findings, levels).sort(compareFindings), trust };
}

function findDuplicateIds(cards: readonly Card[]): Finding[] {
  const findings: Finding[] = [];
  const ids = new Map<string, Card>();
  const urls = new Map<string, Card>();
  for (const card of cards) {
    const first = ids.get(card.id);
    if (first) {
      findings.push({
        ruleId: "duplicate-id",
        severity: "error",
        file: card.file,
        line: card.fieldLines.id ?? 1,
        column: 1,
        message: `The id "${card.id}" is already used by ${first.relPath}. Give one of the cards another id.`,
      });
    } else ids.set(card.id, card);
    const addresses = [{ url: card.url, line: 1 }, ...(card.data.aliases ?? []).map((url) => ({ url: normalise(url), line: card.fieldLines.aliases ?? 1 }))];
    for (const { url, line } of addresses) {
      const owner = urls.get(url);
      if (owner && owner !== card) {
        findings.push({
          ruleId: "duplicate-id",
          severity: "error",
          file: card.file,
          line,
          column: 1,
          message: `The URL ${url} is also claimed by ${owner.relPath}. Remove the alias or rename one of the cards.`,
        });
      } else urls.set(url, card);
    }
  }
  return findings;
}

function normalise(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}

function ruleLevels(overrides: Record<string, RuleLevel>): Map<string, RuleLevel> {
  const levels = new Map<string, RuleLevel>(CARD_RULES.map((rule) => [rule.id, rule.defaultLevel]));
  for (const [id, level] of Object.entries(overrides)) {
    if (MANDATORY_RULES.has(id) && level === "off") continue;
    levels.set(id, level);
  }
  return levels;
}

function applyLevels(findings: Finding[], levels: Map<string, RuleLevel>): Finding[] {
  const result: Finding[] = [];
  for (const finding of findings) {
    const level = levels.get(finding.ruleId);
    if (level === "off") continue;
    result.push(level && CARD_RULES.some((r) => r.id === finding.ruleId) ? { ...finding, severity: level as Severity } : finding);
  }
  return result;
}

function lineText(source: string, line: number): string {
  let start = 0;
  for (let i = 1; i < line; i++) {
    const next = source.indexOf("\n", start);
    if (next < 0) return "";
    start = next + 1;
  }
  const end = source.indexOf("\n", start);
  return source.slice(start, end < 0 ? undefined : end);
}
