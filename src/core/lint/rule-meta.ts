/** The card rules, their ids (stable forever), default severities and what they check. */
import type { RuleLevel } from "../config.ts";

export interface RuleMeta {
  id: string;
  defaultLevel: Exclude<RuleLevel, "off">;
  description: string;
  fixable?: boolean;
}

export const CARD_RULES: readonly RuleMeta[] = [
  { id: "frontmatter-yaml", defaultLevel: "error", description: "The frontmatter is missing, not closed, not valid YAML, or not a mapping." },
  { id: "frontmatter-schema", defaultLevel: "error", description: "A frontmatter field is missing, unknown or has a value that is not allowed.", fixable: true },
  { id: "verify-by-expired", defaultLevel: "error", description: "The card's verify_by day has passed: its owner must re-check it." },
  { id: "verify-by-expiring", defaultLevel: "warning", description: "The card's verify_by day is within the warning window (warnDays)." },
  { id: "link-broken", defaultLevel: "error", description: "A link points to a card, heading anchor or file that does not exist." },
  { id: "link-audience", defaultLevel: "error", description: "An external card links to an internal or draft card, which the public site does not have." },
  { id: "duplicate-id", defaultLevel: "error", description: "Two cards share an id or a URL (including aliases)." },
  { id: "url-removed", defaultLevel: "error", description: "With --changed: a deleted or renamed card (or a removed alias) leaves a URL that no card keeps as an alias." },
  { id: "trust-score", defaultLevel: "error", description: "The share of published cards that are not expired is under minTrustScore." },
  { id: "card-location", defaultLevel: "error", description: "A card file sits directly in content/ instead of a collection folder." },
  { id: "collection-config", defaultLevel: "error", description: "A _collection.yml file does not parse or has unknown or invalid fields." },
  { id: "markdown-syntax", defaultLevel: "error", description: "An MDX card does not parse." },
  { id: "file-encoding", defaultLevel: "error", description: "A card is not valid UTF-8." },
  { id: "file-too-large", defaultLevel: "error", description: "A card is larger than maxCardBytes." },
  { id: "synonyms", defaultLevel: "error", description: "style-guide/synonyms.yml is not valid YAML, has an empty group, or puts a word in two groups of one language." },
  { id: "file-symlink", defaultLevel: "error", description: "A symbolic link points outside the content folder or nowhere; it is not followed." },
];

/** Rules that can never be turned off: without them a broken card would silently vanish. */
export const MANDATORY_RULES = new Set(["frontmatter-yaml", "frontmatter-schema", "card-location", "collection-config", "markdown-syntax", "file-encoding", "file-too-large", "file-symlink"]);
