/**
 * `internal-wording`: text that reaches the public help center uses wording the project lists as
 * internal (`internalTerms` in verity.config.yml): internal tool names, queues, Slack channels,
 * escalation contacts. The style guide keeps those out of external cards ("Customers (external
 * cards)"); this rule reads what customers see: an external card's title, description, tags and
 * keywords, the text its page shows (site/shown-text.ts, the text `address-audience` reads too:
 * prose, inline code, alt text, titles, raw HTML, component props; code blocks not), the external
 * snippets it includes, the title and description a collection shows on the help center, and the
 * words of the synonyms file (published with the public cards that use their group).
 */
import path from "node:path";
import { COLLECTION_FILE, siteDescription, siteTitle, type Collection } from "../../cards/collections.ts";
import type { Root } from "mdast";
import { lintRule } from "unified-lint-rule";
import type { Card } from "../../cards/load.ts";
import { mayIncludeSnippet, snippetReferences, snippetsOf, type SnippetReference } from "../../cards/snippets.ts";
import { contentDirOfCard } from "../../site/links.ts";
import { placeIn, shownFields, shownTexts, type ShownText } from "../../site/shown-text.ts";
import { snippetPlace } from "../rule-snippets.ts";
import { cardAudience } from "../../site/audience.ts";
import type { Finding } from "../findings.ts";
import { exampleCard, ruleMeta, type CardRule } from "../rule-model.ts";
import { ruleContext } from "../context.ts";
import { appendAll } from "../../arrays.ts";
import { SYNONYMS_FILE, type SynonymsFile } from "../../site/synonyms.ts";

const id = "internal-wording";

/** What the collection part of the rule reads of a project. */
export interface WordingScope {
  cards: readonly Card[];
  collections: readonly Collection[];
  contentDir: string;
  config: { internalTerms: readonly string[] };
}

/** One configured term, compiled once. */
interface Term {
  text: string;
  pattern: RegExp;
}

const WORD = String.raw`[\p{L}\p{N}_]`;

/**
 * A term as a bounded pattern: the words of the term in order (any white space between them),
 * whole words only, ignoring case. A trailing `*` continues the last word (`macro*`: macro,
 * macros); after a space or a sign it stands for a whole word (`#*`: #billing-escalations, never a
 * lone `#`; `Admin > *`: Admin > Workspaces). No quantifier nests, so matching stays linear.
 */
export function compileTerm(term: string): Term {
  const wildcard = term.endsWith("*");
  const stem = (wildcard ? term.slice(0, -1) : term).trim();
  const words = stem.split(/\s+/).map((word) => word.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"));
  let tail = `(?!${WORD})`;
  if (wildcard) {
    const spaced = /\s\*$/.test(term);
    const wholeWord = spaced || !new RegExp(`${WORD}$`, "u").test(stem);
    tail = String.raw`${spaced ? String.raw`\s+` : ""}${wholeWord ? String.raw`\p{L}` : ""}[\p{L}\p{N}_-]*(?![\p{L}\p{N}_-])`;
  }
  return { text: term, pattern: new RegExp(`(?<!${WORD})${words.join(String.raw`\s+`)}${tail}`, "giu") };
}

interface Hit {
  found: string;
  term: string;
  line: number;
  column: number;
}

/** Every use of a term in a piece of shown text (site/shown-text.ts). */
function findTerms(shown: Pick<ShownText, "text" | "line" | "column" | "atStart">, terms: readonly Term[]): Hit[] {
  const hits: Hit[] = [];
  for (const term of terms) {
    for (const match of shown.text.matchAll(term.pattern)) hits.push({ found: match[0].replace(/\s+/g, " "), term: term.text, ...placeIn(shown, match.index) });
  }
  return hits.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Uses of a term in a frontmatter value or collection field: reported at the field's line. */
function findInField(value: string, terms: readonly Term[], line: number): Hit[] {
  return findTerms({ text: value, line, column: 1, atStart: true }, terms);
}

/** A shown field as a message names it: one tag or keyword at a time. */
const FIELD_NAMES = { title: "title", description: "description", tags: "tag", keywords: "keyword" } as const;

const MOVE = "Move the detail to an internal card (the card's internal companion, if it has one) and tell the customer what they can do instead.";

/** The configured terms compiled, once per list. */
const compiled = new WeakMap<readonly string[], Term[]>();
function termsOf(internalTerms: readonly string[]): Term[] {
  let terms = compiled.get(internalTerms);
  if (!terms) compiled.set(internalTerms, (terms = internalTerms.map(compileTerm)));
  return terms;
}

function messageOf(hit: Hit, where: string, fix: string): string {
  return `${where} says "${hit.found}", internal wording (internalTerms: "${hit.term}") that customers should not see. ${fix}`;
}

/** The rule reads external cards, when the configuration lists internal terms. */
function isChecked(card: Card, internalTerms: readonly string[]): boolean {
  return internalTerms.length > 0 && cardAudience(card) === "external";
}

/**
 * An external card's title, description and body text: a card rule, so its findings are cached
 * with the card's (see card-cache.ts) and a warm run does not parse every external card again.
 */
const plugin = lintRule<Root>("verity:internal-wording", (tree, file) => {
  const { card, index, internalTerms = [] } = ruleContext(file.data);
  if (!isChecked(card, internalTerms)) return;
  const terms = termsOf(internalTerms);
  for (const [field, values] of shownFields(card)) {
    for (const value of values) {
      for (const hit of findInField(value, terms, card.fieldLines[field] ?? 1)) {
        file.message(messageOf(hit, `This external card's ${FIELD_NAMES[field]}`, `Reword it for customers. ${MOVE}`), { line: hit.line, column: 1 });
      }
    }
  }
  const facts = bodyFacts.get(card) ?? factsOf(card, tree, terms);
  for (const hit of facts.hits) file.message(messageOf(hit, "This external card", MOVE), { line: hit.line, column: hit.column });
  // An external snippet's text is shown on the page at the include (an internal one never is: snippet-audience).
  const contentDir = facts.includes.length > 0 ? contentDirOfCard(card) : undefined;
  if (!contentDir) return;
  const snippets = snippetsOf(contentDir, index);
  for (const include of facts.includes) {
    const snippet = snippets.get(include.name);
    if (!snippet || snippet.audience !== "external") continue;
    for (const hit of findBodyHits(snippet.tree, terms)) {
      const where = `The snippet ${snippetPlace(contentDir, snippet.file, hit.line)} included here`;
      file.message(messageOf(hit, where, "Reword the snippet for customers, or include it in internal cards only."), { line: include.line, column: include.column });
    }
  }
});

/** What the rule takes from a card's tree: the terms in its text, and the snippets it includes (whose text its page shows too). */
interface Facts {
  hits: Hit[];
  includes: SnippetReference[];
}

/** Found while the card's tree was at hand (`takeFacts`, as a cold lint loads the card). */
const bodyFacts = new WeakMap<Card, Facts>();

function factsOf(card: Card, tree: Root, terms: readonly Term[]): Facts {
  return { hits: findBodyHits(tree, terms), includes: mayIncludeSnippet(card.source) ? snippetReferences(tree) : [] };
}

/** Every use of a term in the text a tree's page shows (site/shown-text.ts), code blocks left out. */
function findBodyHits(tree: Root, terms: readonly Term[]): Hit[] {
  const hits: Hit[] = [];
  for (const shown of shownTexts(tree)) if (shown.kind !== "code") appendAll(hits, findTerms(shown, terms));
  return hits.sort((a, b) => a.line - b.line || a.column - b.column);
}

/**
 * The title and description each collection with external cards shows on the help center (its
 * `publicTitle` and `publicDescription`, else its `title` and `description`): the project-wide part of the rule.
 */
export function collectionWording(scope: WordingScope): Finding[] {
  if (scope.config.internalTerms.length === 0) return [];
  const terms = termsOf(scope.config.internalTerms);
  const findings: Finding[] = [];
  const withExternal = new Set(scope.cards.filter((card) => cardAudience(card) === "external").map((card) => card.collection));
  for (const collection of scope.collections) {
    if (!withExternal.has(collection.name)) continue;
    const file = path.join(scope.contentDir, collection.name, COLLECTION_FILE);
    // The title the help center shows: its publicTitle, else its title (a title made from the folder name has no line to fix).
    const titleKey = collection.publicTitle === undefined ? "title" : "publicTitle";
    if (collection.fieldLines[titleKey] !== undefined) {
      const fix = titleKey === "title" ? "Keep title for the wiki and add a publicTitle for customers." : "Reword the publicTitle for customers.";
      for (const hit of findInField(siteTitle(collection, "public"), terms, collection.fieldLines[titleKey])) {
        findings.push({ ruleId: id, severity: "error", file, line: hit.line, column: 1, message: messageOf(hit, `The help center shows this collection's ${titleKey}, which`, fix) });
      }
    }
    const shown = siteDescription(collection, "public");
    if (shown === undefined) continue;
    const key = collection.publicDescription === undefined ? "description" : "publicDescription";
    const fix =
      key === "description"
        ? `Keep description for the wiki and add a publicDescription: one sentence for customers, e.g. what they find in the collection.`
        : `Reword the publicDescription for customers.`;
    for (const hit of findInField(shown, terms, collection.fieldLines[key] ?? 1)) {
      findings.push({ ruleId: id, severity: "error", file, line: hit.line, column: 1, message: messageOf(hit, `The help center shows this collection's ${key}, which`, fix) });
    }
  }
  return findings;
}

/**
 * The words of the synonyms file (style-guide/synonyms.yml): the sites publish a group with the
 * public cards that use one of its words (search data and glossary), so a group holds no internal
 * wording, whichever cards use it today.
 */
export function synonymWording(synonyms: Pick<SynonymsFile, "file" | "groups">, config: { internalTerms: readonly string[] }): Finding[] {
  if (config.internalTerms.length === 0) return [];
  const terms = termsOf(config.internalTerms);
  const findings: Finding[] = [];
  for (const group of synonyms.groups) {
    for (const word of group.words) {
      for (const hit of findInField(word, terms, group.line)) {
        const where = `${SYNONYMS_FILE}'s ${group.lang} group`;
        const fix = "The sites publish a group with the public cards that use it: remove the word, and put it in an internal card's keywords: instead.";
        findings.push({ ruleId: id, severity: "error", file: synonyms.file, line: group.line, column: 1, message: messageOf(hit, where, fix) });
      }
    }
  }
  return findings;
}

export const internalWording: CardRule = {
  meta: ruleMeta(
    id,
    "Text customers read on the help center (an external card's title, description, tags, keywords or any text its page shows, an external snippet it includes, a collection's public title or description, or a word of style-guide/synonyms.yml, published with the public cards that use its group) uses wording `internalTerms` lists as internal: tool names, queues, Slack channels, escalation contacts.",
    { kind: "card" },
  ),
  plugin: plugin as CardRule["plugin"],
  readsTree: (card, { internalTerms }) => isChecked(card, internalTerms) && !bodyFacts.has(card),
  takeFacts: (card, { internalTerms }) => {
    if (isChecked(card, internalTerms) && !bodyFacts.has(card)) bodyFacts.set(card, factsOf(card, card.tree, termsOf(internalTerms)));
  },
  examples: {
    valid: [
      {
        name: "an internal card names the channel",
        files: { "verity.config.yml": 'internalTerms: ["#*"]\n', "content/a/card.md": exampleCard({}, "Post in `#billing-escalations`.\n") },
      },
    ],
    invalid: [
      {
        name: "an external card names the channel",
        files: { "verity.config.yml": 'internalTerms: ["#*"]\n', "content/a/card.md": exampleCard({ audience: "external" }, "Post in `#billing-escalations`.\n") },
      },
    ],
  },
};
