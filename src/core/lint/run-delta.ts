/**
 * Re-linting after the text of a few cards changed, and nothing else: the previous run's findings
 * are kept for every other card and for the project-wide checks, and only the edited cards are
 * loaded and checked, against the other cards' stored facts.
 *
 * That is exact when an edit changes nothing another card or a project-wide check reads of the
 * edited card, which the card cache (card-cache.ts) already relies on: its facts (id, place, URL,
 * frontmatter, heading ids) and here also its frontmatter lines. A card whose own checks read more
 * of the project is never edited this way: one that includes snippets (the snippet checks read
 * every card's tree), is part of a translation or companion pair (git history, read from the working
 * tree), or links outside the content folder. The other cards are stubs that hold only their facts:
 * a check that asks a stub for more (its text, tree or links) throws {@link StubCardRead}, and the
 * caller runs the full lint instead. So this is an optimisation that cannot change a result.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import type { Card } from "../cards/load.ts";
import { mayIncludeSnippet } from "../cards/snippets.ts";
import { cardFactsDigest, readsOutsideContent } from "./card-cache.ts";

/** At most this many edited cards are checked this way; more, and the full lint runs. */
export const MAX_EDITED_CARDS = 16;

/** What a stub keeps of a card: its facts, of its headings only the ids (all another card's checks read). */
export type StubFacts = Omit<Card, "file" | "source" | "tree" | "links" | "bodyOffset" | "contentHash" | "fieldLines" | "headings"> & { headingIds: string[] };

/** A check asked a stub card for something only the full card has. */
export class StubCardRead extends Error {}

/** Which cards of a loaded project may later be re-checked alone. */
export function deltaPins(cards: readonly Card[], contentDir: string, snippetChecks: boolean): Map<string, string> {
  const related = relatedIds(cards);
  const pins = new Map<string, string>();
  for (const card of cards) if (isAlone(card, related, contentDir, snippetChecks)) pins.set(card.file, pinOf(card));
  return pins;
}

/** The pin of an edited card, when it may be re-checked alone (else undefined); `related` as relatedIds gives it for the recorded cards. */
export function editedPin(card: Card, related: ReadonlySet<string>, contentDir: string, snippetChecks: boolean): string | undefined {
  return isAlone(card, related, contentDir, snippetChecks) ? pinOf(card) : undefined;
}

/** What other cards and project-wide checks read of a card: equal pins, equal findings elsewhere. */
function pinOf(card: Card): string {
  return createHash("sha1").update(JSON.stringify([cardFactsDigest(card), card.fieldLines])).digest("hex");
}

function isAlone(card: Card, related: ReadonlySet<string>, contentDir: string, snippetChecks: boolean): boolean {
  if (card.data.translation_of !== undefined || card.data.companion !== undefined || related.has(card.id)) return false;
  if (snippetChecks && mayIncludeSnippet(card.source)) return false;
  return !readsOutsideContent(card, contentDir);
}

/** Ids other cards name as their translation source or companion. */
export function relatedIds(cards: readonly Pick<Card, "data">[]): Set<string> {
  const ids = new Set<string>();
  for (const card of cards) {
    if (card.data.translation_of !== undefined) ids.add(card.data.translation_of);
    if (card.data.companion !== undefined) ids.add(card.data.companion);
  }
  return ids;
}

export function stubFactsOf(card: Card): StubFacts {
  // Field by field: copying the rest of the card would read its text and tree, which may be parsed (or read) on demand.
  const { relPath, collection, slug, url, format, hasBom, id, data, declaredAudience, lang, headings } = card;
  return { relPath, collection, slug, url, format, hasBom, id, data, declaredAudience, lang, headingIds: headings.map((heading) => heading.id) } satisfies Record<keyof StubFacts, unknown>;
}

/**
 * A card of which only the facts are known; reading its text, tree or links throws StubCardRead.
 * The facts object itself becomes the card (its prototype gives the throwing getters): thousands
 * of stubs are made on every re-lint of an edited card, and copying each one's fields cost more
 * than the check itself.
 */
export function stubCard(facts: StubFacts, root: string): Card {
  const card = facts as StubFacts & { file: string };
  card.file = path.join(root, facts.relPath);
  Object.setPrototypeOf(card, StubCard.prototype);
  return card as unknown as Card;
}

class StubCard {
  declare readonly relPath: string;
  declare readonly headingIds: string[];
  get headings(): StubHeading[] {
    const headings = this.headingIds.map((id) => new StubHeading(id, this.relPath));
    Object.defineProperty(this, "headings", { value: headings });
    return headings;
  }
  get fieldLines(): never {
    return this.missing("frontmatter lines");
  }
  get source(): never {
    return this.missing("text");
  }
  get tree(): never {
    return this.missing("tree");
  }
  get links(): never {
    return this.missing("links");
  }
  get bodyOffset(): never {
    return this.missing("body");
  }
  private missing(what: string): never {
    throw new StubCardRead(`${this.relPath}: the ${what} of a card that was not loaded`);
  }
}

/** A heading of a stub card: its id, and nothing else. */
class StubHeading {
  readonly id: string;
  private readonly relPath: string;
  constructor(id: string, relPath: string) {
    this.id = id;
    this.relPath = relPath;
  }
  get text(): never {
    return this.missing();
  }
  get depth(): never {
    return this.missing();
  }
  get line(): never {
    return this.missing();
  }
  get column(): never {
    return this.missing();
  }
  get offset(): never {
    return this.missing();
  }
  private missing(): never {
    throw new StubCardRead(`${this.relPath}: a heading of a card that was not loaded`);
  }
}
