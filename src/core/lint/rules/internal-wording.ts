/**
 * `internal-wording`: text that reaches the public help center uses wording the project lists as
 * internal (`internalTerms` in verity.config.yml): internal tool names, queues, Slack channels,
 * escalation contacts. The style guide keeps those out of external cards ("Customers (external
 * cards)"); this rule reads what customers see: an external card's title, description and body
 * text (inline code included, code blocks not), and the description a collection shows on the help
 * center (its `publicDescription`, else its `description` when it has external cards).
 */
import path from "node:path";
import type { Nodes } from "mdast";
import { COLLECTION_FILE, siteDescription, type Collection } from "../../cards/collections.ts";
import type { Root } from "mdast";
import { lintRule } from "unified-lint-rule";
import type { Card } from "../../cards/load.ts";
import { walkTree } from "../../cards/tree-walk.ts";
import { cardAudience } from "../../site/audience.ts";
import type { Finding } from "../findings.ts";
import { exampleCard, ruleMeta, type CardRule } from "../rule-model.ts";
import { ruleContext } from "../context.ts";

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

/** Every use of a term in `text`, which starts at `line`:`column` of its file. */
function findTerms(text: string, terms: readonly Term[], line: number, column: number): Hit[] {
  const hits: Hit[] = [];
  for (const term of terms) {
    for (const match of text.matchAll(term.pattern)) {
      const before = text.slice(0, match.index);
      const newlines = before.split("\n").length - 1;
      hits.push({
        found: match[0].replace(/\s+/g, " "),
        term: term.text,
        line: line + newlines,
        column: newlines === 0 ? column + match.index : match.index - before.lastIndexOf("\n"),
      });
    }
  }
  return hits.sort((a, b) => a.line - b.line || a.column - b.column);
}

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
  const { card, internalTerms = [] } = ruleContext(file.data);
  if (!isChecked(card, internalTerms)) return;
  const terms = termsOf(internalTerms);
  for (const field of ["title", "description"] as const) {
    const value = card.data[field];
    if (value === undefined) continue;
    for (const hit of findTerms(value, terms, card.fieldLines[field] ?? 1, 1)) {
      file.message(messageOf(hit, `This external card's ${field}`, `Reword it for customers. ${MOVE}`), { line: hit.line, column: 1 });
    }
  }
  for (const hit of bodyHits.get(card) ?? findBodyHits(tree, terms)) {
    file.message(messageOf(hit, "This external card", MOVE), { line: hit.line, column: hit.column });
  }
});

/** The terms in a card's body text, found while its tree was at hand (`takeFacts`, as a cold lint loads the card). */
const bodyHits = new WeakMap<Card, Hit[]>();

/** Every use of a term in the text of a tree: text, inline code and alt text, not code blocks or frontmatter. */
function findBodyHits(tree: Root, terms: readonly Term[]): Hit[] {
  const hits: Hit[] = [];
  walkTree(tree as Nodes, (node) => {
    if (node.type === "code" || node.type === "yaml") return false;
    const text = node.type === "text" || node.type === "inlineCode" ? node.value : node.type === "image" ? (node.alt ?? "") : undefined;
    if (text === undefined || !node.position) return;
    hits.push(...findTerms(text, terms, node.position.start.line, node.position.start.column + (node.type === "inlineCode" ? 1 : 0)));
  });
  return hits;
}

/**
 * The description each collection with external cards shows on the help center (its
 * `publicDescription`, else its `description`): the project-wide part of the rule.
 */
export function collectionWording(scope: WordingScope): Finding[] {
  if (scope.config.internalTerms.length === 0) return [];
  const terms = termsOf(scope.config.internalTerms);
  const findings: Finding[] = [];
  const withExternal = new Set(scope.cards.filter((card) => cardAudience(card) === "external").map((card) => card.collection));
  for (const collection of scope.collections) {
    if (!withExternal.has(collection.name)) continue;
    const shown = siteDescription(collection, "public");
    if (shown === undefined) continue;
    const key = collection.publicDescription === undefined ? "description" : "publicDescription";
    const file = path.join(scope.contentDir, collection.name, COLLECTION_FILE);
    const fix =
      key === "description"
        ? `Keep description for the wiki and add a publicDescription: one sentence for customers, e.g. what they find in the collection.`
        : `Reword the publicDescription for customers.`;
    for (const hit of findTerms(shown, terms, collection.fieldLines[key] ?? 1, 1)) {
      findings.push({ ruleId: id, severity: "error", file, line: hit.line, column: 1, message: messageOf(hit, `The help center shows this collection's ${key}, which`, fix) });
    }
  }
  return findings;
}

export const internalWording: CardRule = {
  meta: ruleMeta(
    id,
    "Text customers read on the help center (an external card's title, description or body, or a collection's public description) uses wording `internalTerms` lists as internal: tool names, queues, Slack channels, escalation contacts.",
    { kind: "card" },
  ),
  plugin: plugin as CardRule["plugin"],
  readsTree: (card, { internalTerms }) => isChecked(card, internalTerms) && !bodyHits.has(card),
  takeFacts: (card, { internalTerms }) => {
    if (isChecked(card, internalTerms) && !bodyHits.has(card)) bodyHits.set(card, findBodyHits(card.tree, termsOf(internalTerms)));
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
