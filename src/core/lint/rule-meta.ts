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
  { id: "html-removed", defaultLevel: "error", description: "The card has HTML the sites remove: script, event handlers, javascript:/vbscript:/data: URLs, or elements and attributes GitHub's HTML rules do not allow." },
  { id: "attachment-unsafe", defaultLevel: "error", description: "A card links an SVG, HTML or XML file with script, event handlers, javascript: URLs or foreign objects; it is never published." },
  { id: "remote-resource", defaultLevel: "error", description: "A card on the public help center loads an image, video, audio or iframe from a host not in sites.public.embeds; the site removes it." },
  { id: "remote-resource-wiki", defaultLevel: "warning", description: "A wiki card loads an image, video, audio or iframe from a host not in sites.internal.embeds; the wiki removes it." },
  { id: "link-audience", defaultLevel: "error", description: "An external card links to an internal or draft card, a wiki-only page, or the internal wiki's host, which the public site does not have." },
  { id: "file-audience", defaultLevel: "error", description: "A card links to a file its site may not publish: a symbolic link, a file outside content/, or (from an external card) a file in an internal-only collection or _ folder." },
  { id: "duplicate-id", defaultLevel: "error", description: "Two cards share an id or a URL (including aliases)." },
  { id: "url-removed", defaultLevel: "error", description: "With --changed: a deleted or renamed card (or a removed alias) leaves a URL that no card keeps as an alias." },
  { id: "card-published", defaultLevel: "suggestion", description: "With --changed: a change puts a card on the public help center (new external card, internal or draft made public, a move that publishes it). A notice for the reviewer." },
  { id: "trust-score", defaultLevel: "error", description: "The share of published cards that are not expired is under minTrustScore." },
  { id: "card-location", defaultLevel: "error", description: "A card file sits directly in content/ instead of a collection folder." },
  { id: "collection-config", defaultLevel: "error", description: "A _collection.yml file does not parse or has unknown or invalid fields." },
  { id: "mdx-import", defaultLevel: "error", description: "An MDX card imports from anywhere but the built-in components (verity:components) or src/components/cards/, or has an export." },
  { id: "mdx-expression", defaultLevel: "error", description: "An MDX card has a {expression} in its text or an attribute value that is not a plain literal; cards never run code." },
  { id: "mdx-component", defaultLevel: "error", description: "An MDX card uses a component that is neither built in (Callout, Steps, Tabs, Details, Figure, Video, Badge, Snippet) nor imported from src/components/cards/." },
  { id: "snippet-missing", defaultLevel: "error", description: "A card includes a snippet (::snippet{name=\"...\"} or <Snippet name=\"...\" />) that content/_snippets/ does not have, or an included snippet has a broken link." },
  { id: "snippet-audience", defaultLevel: "error", description: "An external card includes an internal snippet (no audience means internal), or a snippet that links to a card or page the public site does not have." },
  { id: "snippet-verify-by", defaultLevel: "error", description: "A snippet in content/_snippets/ has no owner, no valid verify_by, or its verify_by has passed; lists the cards that use it." },
  { id: "markdown-syntax", defaultLevel: "error", description: "An MDX card does not parse." },
  { id: "file-encoding", defaultLevel: "error", description: "A card is not valid UTF-8." },
  { id: "file-too-large", defaultLevel: "error", description: "A card is larger than maxCardBytes." },
  { id: "file-name", defaultLevel: "error", description: "A card's path holds a character CODEOWNERS cannot hold safely (new line, tab, #, !, [, ], *, ?, \\); the card is not loaded." },
  { id: "file-symlink", defaultLevel: "error", description: "A symbolic link points outside the content folder or nowhere; it is not followed." },
];

/** Rules that can never be turned off: without them a broken card would silently vanish. */
export const MANDATORY_RULES = new Set(["frontmatter-yaml", "frontmatter-schema", "card-location", "collection-config", "markdown-syntax", "file-encoding", "file-too-large", "file-symlink", "file-audience", "file-name", "card-published"]);
