/**
 * The prose linter: Vale-compatible rules plus Verity's built-in prose rules, on one parsed file.
 * Each file is parsed once (satteri) and walked once into prose blocks; every rule reads them.
 */
import { deepestLine, MAX_NESTING } from "../lint/rules/markdown-too-deep.ts";
import type { Root } from "mdast";
import { editedMatch } from "./checks/edit-action.ts";
import { formatMessage } from "./checks/common.ts";
import type { RuleLevel } from "../project/config.ts";
import { severityAtLeast, type Finding, type Severity, type TextEdit, type ValeAlertDetail } from "../lint/findings.ts";
import type { MarkdownFormat } from "../cards/markdown.ts";
import { parseYaml } from "../cards/yaml-source.ts";
import { BUILTIN_RULE_LIST } from "./builtin-rule-list.ts";
import { getBuiltinProseRules, registerBuiltinProseRule, type BuiltinRuleContext } from "./builtin-rules.ts";
import { indexDirectives } from "./directives.ts";
import { indexLines } from "./positions.ts";
import { extractProse, type FileProse, type ProseBlock } from "./prose.ts";
import { isSummaryPart } from "./summary.ts";
import { nlpTasks, sentenceBlocks } from "./sub-blocks.ts";
import { joinBlocks, withText } from "./prose-block.ts";
import type { StyleSet } from "./rule-loader.ts";
import type { CompiledRule, FileState, RawAlert } from "./rule-types.ts";
import { checkpoint, isBacktrackRisk, LONG_BLOCK, RULE_BUDGET_MS, withBudgetOrUndo } from "./budget.ts";
import { frontMatterBlocks, leadingFrontMatterBlocks } from "./front-matter-prose.ts";
import { ignoredByPatterns, maskRanges, splitAtBlockIgnores, type IgnoredRange } from "./ignore-patterns.ts";
import { settingsForFile, type FileStyleSettings, type ValeConfig } from "./vale-ini.ts";
import { withLfLineEnds } from "./line-ends.ts";
import { breaksRstTable } from "./markup/rst.ts";
import { proseAtSource } from "./comment-delimiters.ts";
import { parseProseSource } from "./prose-source.ts";
import { activeRules, type ActiveRule } from "./active-rules.ts";
import { placeInContext, plainCopyAt, RSQUO, spansMarkup, type CheckLine } from "./vale-location.ts";
import { createSearchContexts, guessPlace } from "./vale-context.ts";
import { sentenceTexts } from "./sentences.ts";
import { ensureTagger } from "./pos-tagging.ts";
import { appendAll } from "../arrays.ts";
import { markupProse, readsIgnorePatterns, type MarkupPage } from "./markup/markup-prose.ts";

const NO_TREE: Root = { type: "root", children: [] };

for (const rule of BUILTIN_RULE_LIST) registerBuiltinProseRule(rule);

export interface ValeSetup {
  config: ValeConfig;
  styles: StyleSet;
}

export interface StyleOptions {
  /** The Vale configuration and its compiled styles; without it only built-in rules run. */
  vale?: ValeSetup | undefined;
  /** Overrides the config's MinAlertLevel (`--minAlertLevel`). */
  minAlertLevel?: Severity | undefined;
  /** Levels of Verity's built-in rules (verity.config.yml `rules`); undefined: built-in rules do not run. */
  builtinLevels?: ReadonlyMap<string, RuleLevel> | undefined;
  /** Language when the front matter has no `lang`. */
  lang?: string | undefined;
  /** Adds `vale` (match, description, action) to the findings of Vale-format rules, for Vale's JSON output. */
  valeDetails?: boolean | undefined;
  /**
   * Lints the front matter's string fields as Vale 3.11 and later do (front-matter-prose.ts):
   * `verity style` outside a Verity project, where a page's front matter is its author's; a card's
   * front matter is Verity's own contract, checked by its schema, so `verity lint` and `verity
   * style` in a project leave it out.
   */
  frontMatter?: boolean | undefined;
}

export interface StyleInput {
  /** Absolute path. */
  file: string;
  /** Text without a byte order mark. */
  source: string;
  format: MarkdownFormat;
  /** Already parsed tree of `source` (cards have one); parsed here when absent. */
  tree?: Root | undefined;
  /** Path used to match the config's `[glob]` sections (relative to the config's folder). */
  matchPath: string;
  /** The front matter, when the caller has already read it (cards); read from the tree otherwise. */
  frontmatter?: Record<string, unknown> | undefined;
  /** Text read from standard input, whose paragraphs Vale places by searching the whole text (core/file.go NewFile's `lookup`). */
  fromStdin?: boolean;
  /** A file Vale reads as HTML (an HTML or AsciiDoc file, markup/): its HTML's prose is read instead of a Markdown tree. */
  markup?: MarkupPage | undefined;
}

/** Lints the prose of one file and returns its findings (unsorted). */
export function lintProse(input: StyleInput, options: StyleOptions): Finding[] {
  // An HTML file's HTML is its text: it is read with the same line ends, or its offsets are off by the CRs before.
  if (input.source.includes("\r")) return withLfLineEnds(input.source, (source) => lintProse({ ...input, source, tree: undefined, markup: input.markup?.isSource ? { ...input.markup, html: source } : input.markup }, options));
  const settings = options.vale ? settingsForFile(options.vale.config, input.matchPath) : undefined;
  // Vale parses the file with its CommentDelimiters written as HTML comment marks (prose-source.ts).
  const parsed = input.markup === undefined ? parseProseSource(input, settings?.commentDelimiters) : { tree: NO_TREE, proseTree: NO_TREE, rewritten: undefined, findings: [] };
  if ("ruleId" in parsed) return [parsed];
  const { tree, proseTree, rewritten, findings } = parsed;
  const active = options.vale ? activeRules(options.vale, input.matchPath, options.minAlertLevel) : [];
  // The formats Vale applies ignore patterns to (applyPatterns) have them; plain text and HTML do not.
  const { ignoredBlocks, ignored } = settings && active.length > 0 && readsIgnorePatterns(input.markup) ? ignoredByPatterns(input.source, settings) : { ignoredBlocks: [], ignored: [] };
  const tokenIgnored = ignored.filter((range) => range[2] !== undefined);
  const toSource = rewritten ? rewritten.toSource : (offset: number) => offset;
  const { ignoredScopes, ignoredClasses, skippedScopes } = options.vale?.config ?? {};
  const proseOptions = { ignoredScopes, ignoredClasses, skippedScopes, withTextMetrics: active.some((a) => a.rule.runFile !== undefined), withSyllables: active.some((a) => a.rule.needsSyllables === true), nlp: options.vale && nlpTasks(options.vale.styles) };
  const isTokenIgnored = tokenIgnored.length > 0 ? { isTokenIgnored: (start: number, end: number) => tokenIgnored.some(([s, e]) => s < toSource(end) && e > toSource(start)) } : {};
  const read = input.markup === undefined ? extractProse(proseTree, rewritten?.text ?? input.source, { ...isTokenIgnored, ...proseOptions }) : markupProse(input.source, input.markup, proseOptions);
  const prose = rewritten ? proseAtSource(read, rewritten.toSource) : read;
  const lines = indexLines(input.source);
  if (prose.isTooDeep) {
    const message = `Block quotes, lists or emphasis are nested more than ${MAX_NESTING} levels deep: the text below that depth is not checked for style. Flatten the structure.`;
    findings.push({ ruleId: "markdown-too-deep", severity: "error", message, file: input.file, line: deepestLine(input.source), column: 1 });
  }
  if (options.vale && settings && active.length > 0) {
    const ext = input.file.slice(input.file.lastIndexOf(".") + 1).toLowerCase();
    const ignoredScopes = options.vale.config.ignoredScopes;
    const fields = !options.frontMatter ? [] : input.markup ? (input.markup.isSource ? [] : leadingFrontMatterBlocks(input.source, ext, ignoredScopes)) : frontMatterBlocks(tree, input.source, ext, ignoredScopes);
    const valeProse = fields.length > 0 ? { ...prose, blocks: [...fields, ...prose.blocks] } : prose;
    appendAll(findings, runValeRules(input, valeProse, lines, options.vale, settings, { ignoredBlocks, ignored }, active, options.valeDetails === true));
  }
  // Verity's own prose rules are for cards, which are Markdown.
  if (options.builtinLevels && input.markup === undefined) appendAll(findings, runBuiltinRules(input, tree, prose, lines, options));
  return dedupe(findings);
}

function runValeRules(
  input: StyleInput,
  prose: ReturnType<typeof extractProse>,
  lines: ReturnType<typeof indexLines>,
  setup: ValeSetup,
  settings: FileStyleSettings,
  { ignoredBlocks, ignored }: { ignoredBlocks: readonly IgnoredRange[]; ignored: readonly IgnoredRange[] },
  active: readonly ActiveRule[],
  withDetails: boolean,
): Finding[] {
  const directives = indexDirectives(prose.comments, settings.baseStyles);
  const skipped = new Set(setup.config.skippedScopes);
  // Vale's core.Sanitize turns `&rsquo;` into a straight apostrophe before the file is parsed.
  const hasRsquo = input.source.includes(RSQUO);
  // TokenIgnores and BlockIgnores text reads as code (`*`), as Vale turns it into code before parsing.
  const sanitize = (b: ProseBlock) => maskRanges(hasRsquo ? straightRsquo(b, input.source) : b, ignored);
  // Vale lints a block when it reads the block's closing tag, so a directive anywhere inside the block
  // (`text <!-- vale off --> text`) holds for all of it: the offset whose directives apply is the end
  // of the block, or of the paragraph of a sentence. Inline blocks keep the alert's own offset. Text
  // inside `vale off` … `vale on` is also left out of its block (lint/ast.go lintHTMLTokens, #1001).
  const directiveEnd = new WeakMap<ProseBlock, number>();
  /** Each block Vale lints on its own and the block it came from (itself, or a sentence's paragraph): see `lineContext`. */
  const ownerOf = new WeakMap<ProseBlock, ProseBlock>();
  const topLevel = new Set(prose.blocks);
  // Vale splits paragraphs (not headings, list items, quotes or cells) into sentences, and lints a
  // paragraph's sentences before the paragraph, unless paragraph pieces (the same text) come first.
  const { segmentation, splitting } = nlpTasks(setup.styles);
  /** A sentence that is its whole paragraph: a rule run on both would find the same alerts twice. */
  const wholeParagraph = new Set<ProseBlock>();
  const blocks = [...prose.blocks, ...prose.inlineBlocks]
    .filter((b) => !(skipped.has("blockquote") && (b.scope.includes("blockquote") || prose.quoted.has(b))) && !(skipped.has("alt") && b.scope.includes("alt")))
    .flatMap((b) => {
      const clean = sanitize(b);
      if (!topLevel.has(b)) return [clean];
      // A raw HTML block gives one block per element: its text ends where the element closes.
      const end = b.kind === "html" ? b.offsetAt(b.text.length) : b.end;
      const pieces = ignoredBlocks.length > 0 ? splitAtBlockIgnores(clean, ignoredBlocks) : [clean];
      return pieces.flatMap((piece) => {
        directiveEnd.set(piece, end);
        ownerOf.set(piece, piece);
        if (!segmentation || piece.scope[0] !== "text" || piece.scope[1] !== "paragraph") return [piece];
        const sentences = sentenceBlocks(piece);
        for (const sentence of sentences) {
          directiveEnd.set(sentence, end);
          ownerOf.set(sentence, piece);
        }
        if (sentences.length === 1 && sentences[0]!.text === piece.text) wholeParagraph.add(sentences[0]!);
        return splitting ? [piece, ...sentences] : [...sentences, piece];
      });
    });
  const { groups, groupOf } = groupByScope(blocks);
  const state: FileState = { sequences: new Set(), metrics: prose.metrics };
  const findings: Finding[] = [];
  const counts = new Map<string, number>();
  let raw: ProseBlock | undefined;
  let summary: ProseBlock | undefined;

  // Vale's alert history (core/file.go AddAlert): one alert of a check per line and column.
  const history = new Set<string>();
  const lineContext = createSearchContexts({ source: input.source, fromStdin: input.fromStdin === true, lines, blocks, ownerOf, ignored, hasRsquo });

  const emit = (active: ActiveRule, block: ProseBlock, alert: RawAlert, isRaw: boolean, isSummary = false, checkLine?: { line?: CheckLine }) => {
    const { rule } = active;
    const start = alert.start < 0 ? 0 : block.offsetAt(alert.start);
    const last = alert.start < 0 ? 0 : block.offsetAt(Math.max(alert.start, alert.end - 1));
    const end = alert.start < 0 ? 0 : Math.max(start, last + (hasRsquo && input.source.startsWith(RSQUO, last) ? RSQUO.length : 1));
    const matched = alert.start < 0 ? undefined : block.text.slice(alert.start, alert.end);
    if (isRaw || isSummary ? directives.isOffAtEnd : directives.isDisabled(rule.name, directiveEnd.get(block) ?? start, matched) || directives.isAllOffAt(start)) return;
    // Raw rules read the file's lines as written (Vale's lintFile), before TokenIgnores/BlockIgnores apply.
    // BlockIgnores text is a code block to Vale, no prose at all; TokenIgnores text is inline code, whose
    // stars a rule can still match (Vale then puts the alert at column 1).
    if (!isRaw && ignoredBlocks.some(([s, e]) => start >= s && start < e)) return;
    let at = lines.locate(start);
    let finish = lines.locate(end);
    const owner = checkLine && matched !== undefined ? ownerOf.get(block) : undefined;
    const context = owner && lineContext(owner);
    let placed = false;
    if (context !== undefined && checkLine && matched !== undefined) {
      checkLine.line ??= { text: context.text };
      const place = placeInContext(checkLine.line, block.text, sentenceTexts(block.text), matched, context.mode);
      if (place === "drop") return;
      const line = context.firstLine + place.lines;
      at = { line, column: place.column };
      finish = { line, column: place.column + [...matched].length };
      placed = true;
    }
    // Vale finds an alert by searching its matched text in the source, from the first place the
    // block's text is written as is; text that spans inline markup (`this is *another* heading`) is
    // found in a plain copy of the block elsewhere in the file if there is one, else Vale puts the
    // alert at the line's start.
    if (!placed && alert.start >= 0 && !isRaw && spansMarkup(block, alert, input.source, start, end)) {
      const copy = plainCopyAt(block, alert, input.source);
      if (copy !== undefined) {
        at = lines.locate(copy);
        finish = lines.locate(copy + alert.end - alert.start);
      } else {
        const guessed = guessPlace(block, matched!, input.source, lines);
        if (!guessed) return;
        ({ at, finish } = guessed);
      }
    }
    const seen = `${at.line}-${at.column}-${rule.name}`;
    if (history.has(seen)) return;
    if (rule.limit > 0) {
      const n = counts.get(rule.name) ?? 0;
      if (n >= rule.limit) return;
      counts.set(rule.name, n + 1);
    }
    history.add(seen);
    const finding: Finding = {
      ruleId: rule.name,
      severity: active.level,
      // Vale turns newlines and runs of spaces in a message into one space ('y.  T' is shown 'y. T').
      message: alert.message.replaceAll("\n", " ").replace(/ +/g, " "),
      file: input.file,
      line: at.line,
      column: at.column,
      endLine: finish.line,
      endColumn: finish.column,
    };
    if (rule.link) finding.url = rule.link;
    if (withDetails) finding.vale = valeDetail(rule, alert, matched);
    const fix = fixFor(rule, alert, block, input.source, start, end);
    if (fix && !breaksRstTable(fix, block, input.markup)) finding.fix = fix;
    findings.push(finding);
  };

  const hasLongText = input.source.length > LONG_BLOCK;
  const runRule = (entry: ActiveRule) => {
    const { rule } = entry;
    if (rule.runFile) {
      const message = rule.runFile(state);
      if (message !== undefined) emit(entry, prose.blocks[0] ?? rawBlock(input.source), { start: -1, end: -1, message }, true);
      return;
    }
    if (!rule.run) return;
    if (rule.scope.isRaw) {
      raw ??= rawBlock(input.source);
      for (const alert of rule.run(raw, state)) emit(entry, raw, alert, true);
    }
    // Vale's lintSizedScopes: a rule with `scope: summary` runs once on the summary, after the file's
    // rule directives are reset (only a `vale off` still in force silences it).
    if (rule.scope.isSummary) {
      summary ??= joinBlocks(
        prose.blocks.filter((b) => isSummaryPart(b) && !(skipped.has("blockquote") && (b.scope.includes("blockquote") || prose.quoted.has(b)))).map(sanitize),
        ["summary"],
        "\n\n",
      );
      for (const alert of rule.run(summary, state)) emit(entry, summary, alert, false, true);
    }
    const isGroupMatched = groups.map((g) => rule.scope.matches(g.scope, g.parent));
    const fieldLine: { line?: CheckLine } = {}; // the front matter's fields share the check's copy of the file
    blocks.forEach((block, i) => {
      if (!isGroupMatched[groupOf[i]!]) return;
      if (wholeParagraph.has(block) && rule.scope.matches(ownerOf.get(block)!.scope)) return;
      // Vale's ChkToCtx: the check's copy of the line starts afresh with each block.
      const checkLine: { line?: CheckLine } = ownerOf.get(block)?.kind === "yaml" ? fieldLine : {};
      for (const alert of rule.run!(block, state)) emit(entry, block, alert, false, false, checkLine);
    });
  };
  const runAll = () => active.forEach(runRule);
  if (!hasLongText && !active.some((entry) => entry.rule.isRisky)) {
    runAll();
    return findings;
  }
  if (active.some((entry) => entry.rule.type === "sequence")) ensureTagger(); // loaded first: its 0.6 s are not the rule's to spend
  // One time budget for the file's rules together: each budgeted call starts a watchdog thread, which
  // costs more than most rules' work. Only when they overrun it are they run again from the start,
  // one by one, each risky one under a budget of its own, to stop and report the rule at fault.
  if (withBudgetOrUndo(runAll, () => checkpoint(findings, history, counts, state.sequences))) return findings;
  for (const entry of active) {
    if (!entry.rule.isRisky && !hasLongText) {
      runRule(entry);
      continue;
    }
    // A rule stopped leaves none of its alerts, only the finding that says so: how far it got depends on the machine.
    if (!withBudgetOrUndo(() => runRule(entry), () => checkpoint(findings, history, counts, state.sequences))) findings.push(budgetFinding(input.file, entry.rule));
  }
  return findings;
}

/** A rule stopped by its time budget: the rule, its file, what to do (a risky pattern is blamed; a plain rule on a long file is not). */
function budgetFinding(file: string, rule: CompiledRule): Finding {
  const why = rule.isRisky ? "its regular expression backtracks too much on this text. Simplify the pattern (avoid nested quantifiers such as (a+)+)" : `on a file over ${LONG_BLOCK.toLocaleString("en-US")} characters every rule runs under a time budget, and this one spent it. Split the file`;
  return { ruleId: rule.name, severity: "error", message: `The rule ${rule.name} (${rule.file}) was stopped after ${RULE_BUDGET_MS / 1000} s on this file: ${why}, or turn the rule off for this file.`, file, line: 1, column: 1 };
}

/** The block with each `’` written as `&rsquo;` in the source read as `'`, as Vale's Sanitize reads it. */
function straightRsquo(block: ProseBlock, source: string): ProseBlock {
  let text: string | undefined;
  for (let i = block.text.indexOf("\u2019"); i >= 0; i = block.text.indexOf("\u2019", i + 1)) {
    if (!source.startsWith(RSQUO, block.offsetAt(i))) continue;
    text ??= block.text;
    text = `${text.slice(0, i)}'${text.slice(i + 1)}`;
  }
  return text === undefined ? block : withText(block, text);
}

/** `--fix` edits: substitution swaps and `action: replace|remove`, only where block text and source agree. */
function fixFor(rule: CompiledRule, alert: RawAlert, block: ProseBlock, source: string, start: number, end: number): TextEdit[] | undefined {
  if (alert.start < 0) return undefined;
  const matched = block.text.slice(alert.start, alert.end);
  if (source.slice(start, end) !== matched) return undefined;
  let text: string | undefined;
  if (rule.type === "substitution" && alert.replacement !== undefined && (rule.action === undefined || rule.action.name === "replace")) {
    text = rule.action?.params[0] ?? alert.replacement;
  } else if (rule.action?.name === "replace" && rule.action.params.length > 0) text = rule.action.params[0]!;
  else if (rule.action?.name === "remove") text = "";
  else if (rule.action?.name === "edit") {
    const edited = editedMatch(rule.action.params, matched);
    // An edit that leaves the text as it is fixes nothing.
    if (edited !== matched.trim()) text = edited;
  }
  if (text === undefined || block.scope.includes("raw")) return undefined;
  if (text === "") return [{ start, end, text }];
  const trimmedStart = start + (matched.length - matched.trimStart().length);
  const trimmedEnd = end - (matched.length - matched.trimEnd().length);
  return [{ start: trimmedStart, end: trimmedEnd, text }];
}

interface ScopeGroup {
  scope: readonly string[];
  parent: readonly string[] | undefined;
}

/** The distinct scopes of a file's blocks, so each rule tests each scope once per file. */
function groupByScope(blocks: readonly ProseBlock[]): { groups: ScopeGroup[]; groupOf: number[] } {
  const index = new Map<string, number>();
  const groups: ScopeGroup[] = [];
  const groupOf = blocks.map((block) => {
    const key = `${block.scope.join(".")}|${block.parent?.join(".") ?? ""}`;
    let at = index.get(key);
    if (at === undefined) {
      at = groups.length;
      index.set(key, at);
      groups.push({ scope: block.scope, parent: block.parent });
    }
    return at;
  });
  return { groups, groupOf };
}

/** The whole file for `scope: raw`, with CRLF and CR line ends read as "\n" and `&rsquo;` as `'` (Vale's core.Sanitize). */
function rawBlock(source: string): ProseBlock {
  if (!source.includes("\r") && !source.includes(RSQUO)) {
    return { scope: ["raw"], kind: "root", text: source, offsets: new Int32Array(0), masked: new Uint8Array(0), start: 0, end: source.length, offsetAt: (index) => Math.min(index, source.length) };
  }
  // Where each character of the normalised text is in the source.
  const at: number[] = [];
  let text = "";
  for (let i = 0; i < source.length; i++) {
    if (source[i] === "\r" && source[i + 1] === "\n") continue;
    at.push(i);
    if (source.startsWith(RSQUO, i)) {
      text += "'";
      i += RSQUO.length - 1;
      continue;
    }
    text += source[i] === "\r" ? "\n" : source[i];
  }
  return {
    scope: ["raw"],
    kind: "root",
    text,
    offsets: new Int32Array(0),
    masked: new Uint8Array(0),
    start: 0,
    end: source.length,
    offsetAt: (index) => (index < at.length ? at[index]! : source.length),
  };
}

/** Vale's Match, Description and Action of an alert (check/definition.go makeAlert, substitution.go, capitalization.go). */
function valeDetail(rule: CompiledRule, alert: RawAlert, matched: string | undefined): ValeAlertDetail {
  const action = rule.action;
  const params = action?.name === "replace" && action.params.length === 0 && alert.params ? alert.params : action && action.params.length > 0 ? [...action.params] : null;
  return { match: matched ?? "", description: formatMessage(rule.description, ...(alert.values ?? [])), action: { name: action?.name ?? "", params } };
}

function runBuiltinRules(input: StyleInput, tree: Root, prose: FileProse, lines: ReturnType<typeof indexLines>, options: StyleOptions): Finding[] {
  const rules = getBuiltinProseRules();
  if (rules.length === 0) return [];
  const first = tree.children[0];
  const parsed = !input.frontmatter && first?.type === "yaml" ? parseYaml(first.value).value : undefined;
  const frontmatter = input.frontmatter ?? (parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined);
  const lang = typeof frontmatter?.lang === "string" ? frontmatter.lang : (options.lang ?? "en");
  const findings: Finding[] = [];
  for (const rule of rules) {
    const level = options.builtinLevels?.get(rule.id) ?? rule.defaultLevel;
    if (level === "off") continue;
    const ctx: BuiltinRuleContext = {
      file: input.file,
      source: input.source,
      tree,
      format: input.format,
      lang,
      frontmatter,
      bodyOffset: first?.type === "yaml" ? (first.position?.end.offset ?? 0) : 0,
      blocks: prose.blocks,
      isQuoted: (block) => prose.quoted.has(block),
      locate: (offset) => lines.locate(offset),
      report: (start, end, message, fix) => {
        const at = lines.locate(start);
        const finish = lines.locate(end);
        const finding: Finding = { ruleId: rule.id, severity: level, message, file: input.file, line: at.line, column: at.column, endLine: finish.line, endColumn: finish.column };
        if (rule.url) finding.url = rule.url;
        if (fix && fix.length > 0) finding.fix = fix;
        return finding;
      },
    };
    for (const finding of rule.check(ctx)) findings.push({ ...finding, ruleId: rule.id, severity: level });
  }
  return findings;
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.line}:${f.column}:${f.ruleId}:${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** True when some finding is at least `level`. */
export function hasFindingAtLeast(findings: readonly Finding[], level: Severity): boolean {
  return findings.some((f) => severityAtLeast(f.severity, level));
}
