/**
 * `lint` after the text of a few cards changed since the recorded run and nothing else did (same
 * frame): only those cards are loaded and checked, against stubs of the others, and their findings
 * replace theirs in the record. Any doubt (a card whose facts or frontmatter lines changed, one that
 * is not alone, a check that reads a stub) gives undefined, and the caller runs the full lint.
 * See core/lint/run-delta.ts for why the result equals a full lint's.
 */
import path from "node:path";
import type { PluggableList } from "unified";
import { loadCardFiles, type Card, type CardLoadCache } from "../core/cards/load.ts";
import type { FileHash } from "../core/lint/file-states.ts";
import type { Finding } from "../core/lint/findings.ts";
import { lintCards } from "../core/lint/lint-project.ts";
import { applyLevels, levelOf } from "../core/lint/registry.ts";
import { editedPin, MAX_EDITED_CARDS, StubCardRead } from "../core/lint/run-delta.ts";
import { readStubFacts, type RecordedFacts } from "../core/lint/stub-facts-file.ts";
import type { Project, ProjectContext } from "../core/project/project.ts";
import { buildCardIndex } from "../core/site/links.ts";
import { createStyleChecker } from "../core/style/card-style.ts";
import { entryHasHash, fileEntry, recordedFindings, storedFindings, type RunRecord } from "../core/style/run-cache.ts";
import type { LintResult } from "../core/lint/lint-project.ts";

export interface EditedRun {
  context: ProjectContext;
  /** The recorded run, with the same frame as this one. */
  record: RunRecord;
  /** This run's key. */
  key: string;
  /** Every card file's hash (and bytes, when read), from the run key. */
  reads: ReadonlyMap<string, FileHash>;
  factsFile: string;
  /** Where the style rules' translated patterns are kept between runs. */
  translationsFile: string;
  remarkPlugins: PluggableList;
}

/** The result, the new record and the cards checked again (the only ones whose entries changed). */
export interface EditedResult {
  result: LintResult;
  record: RunRecord;
  cards: string[];
}

/** The result and the new record, or undefined when the full lint must run. */
export function lintEditedCards(run: EditedRun): EditedResult | undefined {
  const { context, record, reads } = run;
  const edited = new Map<string, string>();
  let count = 0;
  for (const [file, { hash }] of reads) {
    count++;
    const value = record.files.get(file);
    if (value === undefined) return undefined;
    if (!entryHasHash(value, hash)) {
      const before = fileEntry(value);
      if (before.pin === undefined || edited.size === MAX_EDITED_CARDS) return undefined;
      edited.set(file, before.pin);
    }
  }
  if (edited.size === 0 || count !== record.files.size) return undefined;
  const facts = readStubFacts(run.factsFile, record.factsId, context.root);
  if (!facts) return undefined;
  try {
    return check(run, edited, facts);
  } catch (error) {
    if (error instanceof StubCardRead) return undefined;
    throw error;
  } finally {
    facts.close();
  }
}

function check(run: EditedRun, edited: ReadonlyMap<string, string>, facts: RecordedFacts): EditedResult | undefined {
  const { context, record, reads } = run;
  const { root, config } = context;
  const contentDir = path.resolve(root, config.contentDir);
  const rules = config.rules;
  const bytesOf: CardLoadCache = { read: (file) => reads.get(file), get: () => undefined, set: () => undefined };
  const loaded = loadCardFiles(root, config, [...edited.keys()].sort(), [], { cache: bytesOf }, true);
  if (loaded.cards.length !== edited.size) return undefined;
  const fresh = new Map(loaded.cards.map((card) => [card.relPath, card]));
  // The other cards as stubs, in the recorded order; the edited ones in their place.
  const relPathOf = (card: Card) => facts.keysOf(card)?.relPath ?? card.relPath;
  const cards: Card[] = facts.cards.map((stub) => fresh.get(relPathOf(stub)) ?? stub);
  if (cards.filter((card) => fresh.get(relPathOf(card)) === card).length !== edited.size) return undefined;
  const snippetChecks = levelOf("snippet-verify-by", rules) !== "off";
  for (const card of loaded.cards) {
    if (editedPin(card, facts.related, contentDir, snippetChecks) !== edited.get(card.file)) return undefined;
  }
  const project = {
    ...context,
    cards,
    invalidFiles: record.project.invalidFiles,
    bodyOnlyCards: [],
    problems: loaded.problems,
    contentDir,
    index: buildCardIndex(cards, record.project.invalidFiles, { sites: config.sites, pages: facts.pages, aliasesOf: (card) => facts.aliases.get(card) ?? card.data.aliases ?? [], keysOf: facts.keysOf }),
  } as Omit<Project, "collections"> as Project;
  // Only project-wide checks read the collections, and they are not run here.
  Object.defineProperty(project, "collections", {
    get: () => {
      throw new StubCardRead("the collections of a project loaded in part");
    },
  });
  const perCard = lintCards(
    project,
    loaded.cards.map((card) => ({ card, isBodyOnly: false })),
    { remarkPlugins: run.remarkPlugins },
  );
  const style = createStyleChecker(context, { translationsFile: run.translationsFile });
  const replaced = new Map<string, Finding[]>();
  const own = new Map(record.own);
  const files = new Map(record.files);
  for (const card of loaded.cards) {
    const problems = loaded.problems.filter((problem) => problem.file === card.file);
    let prose: Finding[];
    try {
      prose = style.compute(card);
    } catch (error) {
      if (error instanceof RangeError) return undefined;
      throw error;
    }
    const findings = [...applyLevels([...problems, ...perCard.get(card)!], rules), ...applyLevels(prose, rules)];
    replaced.set(card.file, findings);
    if (findings.length > 0) own.set(card.file, storedFindings(findings));
    else own.delete(card.file);
    files.set(card.file, `${reads.get(card.file)!.hash} ${edited.get(card.file)!}`);
  }
  return {
    result: { findings: recordedFindings(record, replaced), trust: record.trust },
    record: { ...record, key: run.key, own, files },
    cards: [...edited.keys()],
  };
}
