/**
 * Runs every rule over a loaded project and returns one list of findings. Each card goes through
 * one frozen unified processor (`runSync(card.tree, file)`): the card rules are unified-lint-rule
 * plugins, `remark-lint` adds `<!-- lint disable ... -->` comments, and a project's own
 * remark-lint configuration (see `remark-config.ts`) runs in the same pass over the same tree.
 * Levels are applied once, by the registry.
 */
import type { Root } from "mdast";
import remarkLint from "remark-lint";
import { unified, type PluggableList } from "unified";
import { VFile } from "vfile";
import { columnFinder, compareFindings, type Finding, type Severity } from "./findings.ts";
import type { Card } from "../cards/load.ts";
import type { Project } from "../project/project.ts";
import { computeTrustScore, type TrustScore, type VerifiableCard } from "../verification/verification.ts";
import { readSynonyms } from "../site/synonyms.ts";
import { internalTitlesInSynonyms } from "./rules/synonyms.ts";
import { isOnSite, siteSelectionOf } from "../site/audience.ts";
import { applyLevels, CARD_RULES, levelOf, REMARK_LINT_PREFIX } from "./registry.ts";
import { checkCardHtml, prepareCardHtml, type CardHtmlRules } from "./rule-card-html.ts";
import type { VerityConfig } from "../project/config.ts";
import type { CardRule } from "./rule-model.ts";
import { duplicateId } from "./rules/duplicate-id.ts";
import { collectionWording, internalWording, synonymWording } from "./rules/internal-wording.ts";
import { addressAudience, collectionAddresses } from "./rules/address-audience.ts";
import { tooDeepFinding } from "./rules/markdown-too-deep.ts";
import { trustScore } from "./rules/trust-score.ts";
import { translationFindings, withheldTranslationWarnings } from "./rule-translations.ts";
import { checkSnippets } from "./rule-snippets.ts";
import { StubCardRead } from "./run-delta.ts";
import { appendAll } from "../arrays.ts";

/** Extra per-card checks (the style guide plugs in here); they return findings for one card. */
export type CardChecker = (card: Card, project: Project) => Finding[];

export interface LintOptions {
  /** Extra checks run on every card. */
  checkers?: readonly CardChecker[];
  /** Cards the trust score counts (default: the project's cards); `--changed` passes every card here. */
  trustCards?: readonly VerifiableCard[];
  /** Findings made outside the card rules (e.g. `url-removed`); rule levels apply to them too. */
  extraFindings?: readonly Finding[];
  /** The project's own remark plugins and presets (from its `.remarkrc`), run on every card. */
  remarkPlugins?: PluggableList;
  /** Card rule and HTML findings of unchanged cards (see card-cache.ts); `checkers` run anyway. */
  cache?: CardRuleCache;
}

/** Per-card findings of the card rules and the HTML checks, from an earlier run. */
export interface CardRuleCache {
  get(card: Card): Finding[] | undefined;
  set(card: Card, findings: readonly Finding[]): void;
}

export interface LintResult {
  findings: Finding[];
  trust: TrustScore;
}

/** A remark-lint control comment: `<!-- lint disable ... -->` (or a JS comment starting with lint in MDX). */
const LINT_COMMENT = /(?:<!--|\/\*)\s*lint[\s-]/;

export function lintProject(project: Project, options: LintOptions = {}): LintResult {
  const { own, rest, trust } = lintProjectByCard(project, options);
  const findings: Finding[] = [];
  for (const list of own.values()) appendAll(findings, list);
  appendAll(findings, rest);
  return { findings: findings.sort(compareFindings), trust };
}

/** The findings of `lintProject` in two parts, unsorted, levels applied. */
export interface FindingsByCard {
  /** Each loaded card's own findings: the loader's, its card checks' and `checkers`' (nothing another card decides). */
  own: Map<Card, Finding[]>;
  /** Everything else: project-wide checks (ids, translations, snippets, the trust score), cards whose frontmatter did not load, other files. */
  rest: Finding[];
  trust: TrustScore;
}

/** `lintProject` with each card's own findings kept apart (lint's run cache replaces only an edited card's). */
export function lintProjectByCard(project: Project, options: LintOptions = {}): FindingsByCard {
  const settings = project.config.rules;
  const all = [...project.cards.map((card) => ({ card, isBodyOnly: false })), ...(project.bodyOnlyCards ?? []).map((card) => ({ card, isBodyOnly: true }))];
  const perCard = lintCards(project, all, options);
  const problemsOf = new Map<string, Finding[]>(project.cards.map((card) => [card.file, []]));
  const rest: Finding[] = [];
  for (const problem of project.problems) (problemsOf.get(problem.file) ?? rest).push(problem);
  const own = new Map<Card, Finding[]>();
  for (const card of project.cards) own.set(card, applyLevels([...problemsOf.get(card.file)!, ...perCard.get(card)!], settings));
  for (const card of project.bodyOnlyCards ?? []) appendAll(rest, perCard.get(card)!);
  const synonyms = readSynonyms(project.root);
  rest.push(...duplicateId.check(project.cards), ...synonyms.findings, ...translationFindings(project.cards), ...(options.extraFindings ?? []));
  if (levelOf("synonyms", settings) !== "off") {
    const selection = siteSelectionOf(project);
    rest.push(...internalTitlesInSynonyms(synonyms, project.cards, (card) => isOnSite(card, "public", selection), project.collections));
  }
  if (levelOf("snippet-verify-by", settings) !== "off") rest.push(...checkSnippets(project));
  if (levelOf(internalWording.meta.id, settings) !== "off") rest.push(...collectionWording(project), ...synonymWording(synonyms, project.config));
  if (levelOf(addressAudience.meta.id, settings) !== "off") rest.push(...collectionAddresses(project));
  const trust = computeTrustScore(options.trustCards ?? project.cards, project.policy);
  rest.push(...trustScore.check(trust, project.config.minTrustScore, project.configFile ?? project.contentDir));
  const withheld = levelOf("translation-audience", settings) === "off" ? [] : withheldTranslationWarnings(project.cards, { expiredPublicCards: project.config.expiredPublicCards, policy: project.policy });
  return { own, rest: [...applyLevels(rest, settings), ...withheld], trust };
}

/**
 * The findings of each card's own checks, before levels: the card rules and the project's remark
 * plugins over its tree, the HTML checks, and `options.checkers`. Other cards are read only through
 * `project.index`. Project-wide checks (ids, translations, snippets, the trust score) are not here.
 */
export function lintCards(project: Project, entries: readonly { card: Card; isBodyOnly: boolean }[], options: Pick<LintOptions, "checkers" | "remarkPlugins" | "cache"> = {}): Map<Card, Finding[]> {
  const settings = project.config.rules;
  // remark-lint's comment handling (`<!-- lint disable ... -->`) walks the whole tree and indexes
  // the text, which costs more than every rule together: it is added only for cards with such a comment.
  const processorFor = (rules: readonly CardRule[], withComments: boolean) => {
    const processor = withComments ? unified().use(remarkLint) : unified();
    for (const rule of rules) if (levelOf(rule.meta.id, settings) !== "off") processor.use(rule.plugin);
    if (options.remarkPlugins && options.remarkPlugins.length > 0) processor.use(options.remarkPlugins);
    return processor.freeze();
  };
  // Cards whose frontmatter did not load: the rules that read no field, the remark and style checks.
  const bodyRules = CARD_RULES.filter((rule) => rule.checksBody === true);
  const processors = new Map<string, ReturnType<typeof processorFor>>();
  const processorOf = (isBodyOnly: boolean, card: Card) => {
    const withComments = LINT_COMMENT.test(card.source);
    const key = `${isBodyOnly}/${withComments}`;
    let processor = processors.get(key);
    if (!processor) processors.set(key, (processor = processorFor(isBodyOnly ? bodyRules : CARD_RULES, withComments)));
    return processor;
  };

  const htmlRules = htmlRulesOf(settings);
  const readsTree = treeReader(project.config, options.remarkPlugins);
  const cache = options.cache;
  const byCard = new Map<Card, Finding[]>();
  for (const { card, isBodyOnly } of entries) {
    const findings: Finding[] = [];
    try {
      const cached = cache?.get(card);
      if (cached) appendAll(findings, cached);
      else {
        const own: Finding[] = [];
        const file = new VFile({ path: card.file, value: card.source, data: { verity: { card, index: project.index, policy: project.policy, internalTerms: project.config.internalTerms } } });
        // A card whose tree no rule reads is checked on an empty root: its tree may be gone (see treeFactsTaker).
        processorOf(isBodyOnly, card).runSync(readsTree(card) ? (card.tree as Root) : emptyRoot(), file);
        const columnOf = columnFinder(card.source);
        for (const message of file.messages) {
          // A lint rule's error becomes a message; a read of a card that was not loaded must reach the caller instead.
          if (message.cause instanceof StubCardRead) throw message.cause;
          own.push(toFinding(message, card, columnOf));
        }
        if (!isBodyOnly) {
          for (const finding of checkCardHtml(card, project, htmlRules)) own.push({ ...finding, column: columnOf(finding.line, finding.column) });
        }
        cache?.set(card, own);
        appendAll(findings, own);
      }
      for (const check of options.checkers ?? []) appendAll(findings, check(card, project));
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      findings.push(tooDeepFinding(card.file, card.source));
    }
    byCard.set(card, findings);
  }
  return byCard;
}

function emptyRoot(): Root {
  return { type: "root", children: [] };
}

/**
 * The HTML checks that are on. The card's HTML is rendered even when none is: whether it can be
 * rendered at all is mandatory (markdown-too-deep), and the build renders every card.
 */
function htmlRulesOf(settings: VerityConfig["rules"]): CardHtmlRules {
  const isOn = (id: string) => levelOf(id, settings) !== "off";
  return { htmlRemoved: isOn("html-removed"), attachments: isOn("attachment-unsafe"), remote: isOn("remote-resource") || isOn("remote-resource-wiki") };
}

/**
 * Whether the card rules read a card's tree: when a rule that is on says it does (`readsTree`),
 * when the card has a lint control comment (remark-lint reads the tree to apply it), or when the
 * project runs its own remark plugins.
 */
function treeReader(config: VerityConfig, remarkPlugins: PluggableList | undefined): (card: Card) => boolean {
  if (remarkPlugins && remarkPlugins.length > 0) return () => true;
  const readers = CARD_RULES.filter((rule) => rule.readsTree && levelOf(rule.meta.id, config.rules) !== "off");
  const context = { internalTerms: config.internalTerms };
  return (card) => LINT_COMMENT.test(card.source) || readers.some((rule) => rule.readsTree!(card, context));
}

/**
 * A function that takes what the card rules need of a card's tree while it is at hand (its HTML
 * report when an HTML check is on, and each rule's `takeFacts`) and returns whether they read the
 * tree itself later. A cold
 * lint calls it as each card loads and lets the tree go when they do not: keeping 5,000 trees
 * until every card was loaded made the garbage collector copy them again and again.
 */
export function treeFactsTaker(config: VerityConfig, remarkPlugins: PluggableList | undefined): (card: Card) => boolean {
  const takers = CARD_RULES.filter((rule) => rule.takeFacts && levelOf(rule.meta.id, config.rules) !== "off");
  const context = { internalTerms: config.internalTerms };
  const readsTree = treeReader(config, remarkPlugins);
  return (card) => {
    prepareCardHtml(card);
    for (const rule of takers) rule.takeFacts!(card, context);
    return readsTree(card);
  };
}

function toFinding(message: VFile["messages"][number], card: Card, columnOf: (line: number, utf16Column: number) => number): Finding {
  const line = message.line ?? 1;
  const ruleId = message.source === "verity" ? (message.ruleId ?? "unknown") : `${REMARK_LINT_PREFIX}${message.ruleId ?? message.source ?? "unknown"}`;
  const severity: Severity = message.fatal === true ? "error" : message.fatal === false ? "warning" : "suggestion";
  const finding: Finding = { ruleId, severity, message: message.reason, file: card.file, line, column: columnOf(line, message.column ?? 1) };
  if (message.url) finding.url = message.url;
  return finding;
}
